import type { MonthIndex } from '../inputs/periods.js';

/** What a multiplier or share applies to. */
export type Target =
  | { kind: 'all' }
  | { kind: 'country'; code: string }
  | { kind: 'fund'; code: string }
  | { kind: 'system'; code: string }
  | { kind: 'material'; code: string }
  | { kind: 'channel'; code: string }
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
  /** Undefined: channels when the data has channels.csv, else national. */
  readonly financing: 'national' | 'pooled' | 'channels' | undefined;
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
  /** Replaces a channel's max_share. */
  readonly channelShare: readonly TargetedValue[];
  /** Multiplier on output already sold. */
  readonly commitmentScale: readonly TargetedValue[];
  /** Multiplier on priority weights. */
  readonly priorityScale: readonly TargetedValue[];
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

export type TargetKind = 'all' | 'country' | 'fund' | 'system' | 'material' | 'channel' | 'group' | 'category';
export type ValueKind = 'multiplier' | 'share' | 'percent' | 'none' | 'financing' | 'month';

/** Every setting, the targets it takes and the kind of its value (contract.md). */
export const SETTINGS: Readonly<Record<string, { readonly targets: readonly TargetKind[]; readonly value: ValueKind }>> = {
  financing: { targets: [], value: 'financing' },
  budget_scale: { targets: ['all', 'country', 'fund', 'group'], value: 'multiplier' },
  budget_gdp_pct: { targets: ['all', 'country', 'group'], value: 'percent' },
  need_scale: { targets: ['all', 'system', 'category'], value: 'multiplier' },
  capacity_scale: { targets: ['all', 'country', 'system', 'material', 'category'], value: 'multiplier' },
  exclude: { targets: ['country', 'fund', 'group'], value: 'none' },
  include_only: { targets: ['country', 'fund', 'group'], value: 'none' },
  fair_share: { targets: [], value: 'share' },
  work_share: { targets: [], value: 'share' },
  guarantee: { targets: ['all', 'system', 'category'], value: 'share' },
  channel_share: { targets: ['all', 'channel'], value: 'share' },
  commitment_scale: { targets: ['all', 'country', 'system', 'material', 'category'], value: 'multiplier' },
  priority_scale: { targets: ['all', 'system', 'category'], value: 'multiplier' },
  start: { targets: [], value: 'month' },
  end: { targets: [], value: 'month' },
};

export const SETTING_NAMES = Object.keys(SETTINGS);
