import type { MonthIndex } from '../inputs/periods.js';

/** What a multiplier or share applies to. */
export type Target =
  | { kind: 'all' }
  | { kind: 'country'; code: string }
  | { kind: 'system'; code: string }
  | { kind: 'group'; name: string }
  | { kind: 'category'; name: string };

export interface TargetedValue {
  readonly target: Target;
  readonly value: number;
}

/** One scenario, every setting resolved and checked against the data. */
export interface ScenarioSettings {
  readonly name: string;
  readonly description: string;
  readonly financing: 'national' | 'pooled';
  /** phi in [0,1]: each payer's share of the pool at least phi x its GDP share. */
  readonly fairShare?: number;
  /** rho in [0,1]: each payer's own industry gets at least rho x what it paid. */
  readonly workShare?: number;
  readonly start?: MonthIndex;
  readonly end?: MonthIndex;
  /** Later entries override earlier ones for the entities they both match. */
  readonly budgetScale: readonly TargetedValue[];
  readonly budgetGdpPct: readonly TargetedValue[];
  readonly needScale: readonly TargetedValue[];
  readonly capacityScale: readonly TargetedValue[];
  readonly guarantee: readonly TargetedValue[];
  readonly exclude: readonly Target[];
  readonly includeOnly: readonly Target[];
  /** The settings as written, for the manifest. */
  readonly applied: readonly { setting: string; target: string; value: string; from: string }[];
}

/** Where a raw setting was written: a row of scenarios.csv, or a `--set` flag. */
export type SettingOrigin =
  | { readonly kind: 'file'; readonly file: string; readonly line: number; readonly columns: { setting: number; target: number; value: number } }
  | { readonly kind: 'flag'; readonly flag: string; readonly text: string; /** 1-based place among the flags. */ readonly index: number };

/** A setting as written: in scenarios.csv or as `--set key[:target]=value`. */
export interface RawSetting {
  readonly setting: string;
  readonly target: string;
  readonly value: string;
  readonly origin: SettingOrigin;
}

export type TargetKind = 'all' | 'country' | 'system' | 'group' | 'category';
export type ValueKind = 'multiplier' | 'share' | 'percent' | 'none' | 'financing' | 'month';

/** Every setting, the targets it takes and the kind of its value (contract.md). */
export const SETTINGS: Readonly<Record<string, { readonly targets: readonly TargetKind[]; readonly value: ValueKind }>> = {
  financing: { targets: [], value: 'financing' },
  budget_scale: { targets: ['all', 'country', 'group'], value: 'multiplier' },
  budget_gdp_pct: { targets: ['all', 'country', 'group'], value: 'percent' },
  need_scale: { targets: ['all', 'system', 'category'], value: 'multiplier' },
  capacity_scale: { targets: ['all', 'country', 'system', 'category'], value: 'multiplier' },
  exclude: { targets: ['country', 'group'], value: 'none' },
  include_only: { targets: ['country', 'group'], value: 'none' },
  fair_share: { targets: [], value: 'share' },
  work_share: { targets: [], value: 'share' },
  guarantee: { targets: ['all', 'system', 'category'], value: 'share' },
  start: { targets: [], value: 'month' },
  end: { targets: [], value: 'month' },
};

export const SETTING_NAMES = Object.keys(SETTINGS);
