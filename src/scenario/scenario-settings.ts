import type { MonthIndex } from '../inputs/periods.js';

/** What a multiplier or share applies to. */
export type Target =
  | { kind: 'all' }
  | { kind: 'country'; code: string }
  | { kind: 'fund'; code: string }
  | { kind: 'system'; code: string }
  | { kind: 'material'; code: string }
  | { kind: 'channel'; code: string }
  /** Several channels: a pattern (`purl-*`) or a group of channels.csv (`group:purl`), as matched when the scenario was read. */
  | { kind: 'channels'; codes: readonly string[] }
  | { kind: 'option'; code: string }
  /** Several options: a pattern of option ids (`tier-*`), as matched when the scenario was read. */
  | { kind: 'options'; codes: readonly string[] }
  | { kind: 'group'; name: string }
  | { kind: 'category'; name: string };

export interface TargetedValue {
  readonly target: Target;
  readonly value: number;
}

export type TargetKind = 'all' | 'country' | 'fund' | 'system' | 'material' | 'channel' | 'option' | 'group' | 'category';
export type ValueKind = 'multiplier' | 'share' | 'percent' | 'none' | 'financing' | 'month';

/**
 * Where a setting's values go in ScenarioSettings: `list`, every (target, value) in the order
 * written (later entries win for what they both match); `targets`, every target; `one`, the
 * last value written.
 */
export type Collect = 'list' | 'targets' | 'one';

export interface SettingSpec {
  /** The targets it takes (none: it takes no target). */
  readonly targets: readonly TargetKind[];
  /** The kind of its value, which says how it is read (resolve-scenario.ts) and described (setting-words.ts). */
  readonly value: ValueKind;
  /** Its field in ScenarioSettings. */
  readonly into: string;
  readonly collect: Collect;
}

/**
 * Every setting, once (contract.md): the targets it takes, the kind of its value and where it
 * goes. ScenarioSettings is derived from this list; a new setting is an entry here and the
 * place in apply-scenario.ts (or plan-*.ts) where its value takes effect.
 */
export const SETTINGS = {
  financing: { targets: [], value: 'financing', into: 'financing', collect: 'one' },
  budget_scale: { targets: ['all', 'country', 'fund', 'group'], value: 'multiplier', into: 'budgetScale', collect: 'list' },
  budget_gdp_pct: { targets: ['all', 'country', 'group'], value: 'percent', into: 'budgetGdpPct', collect: 'list' },
  need_scale: { targets: ['all', 'system', 'category'], value: 'multiplier', into: 'needScale', collect: 'list' },
  capacity_scale: { targets: ['all', 'country', 'system', 'material', 'category'], value: 'multiplier', into: 'capacityScale', collect: 'list' },
  exclude: { targets: ['country', 'fund', 'group'], value: 'none', into: 'exclude', collect: 'targets' },
  include_only: { targets: ['country', 'fund', 'group'], value: 'none', into: 'includeOnly', collect: 'targets' },
  fair_share: { targets: [], value: 'share', into: 'fairShare', collect: 'one' },
  work_share: { targets: [], value: 'share', into: 'workShare', collect: 'one' },
  guarantee: { targets: ['all', 'system', 'category'], value: 'share', into: 'guarantee', collect: 'list' },
  channel_share: { targets: ['all', 'channel'], value: 'share', into: 'channelShare', collect: 'list' },
  commitment_scale: { targets: ['all', 'country', 'system', 'material', 'category'], value: 'multiplier', into: 'commitmentScale', collect: 'list' },
  priority_scale: { targets: ['all', 'system', 'category'], value: 'multiplier', into: 'priorityScale', collect: 'list' },
  option_scale: { targets: ['all', 'country', 'system', 'category', 'option'], value: 'multiplier', into: 'optionScale', collect: 'list' },
  inventory_scale: { targets: ['all', 'country', 'system', 'category'], value: 'multiplier', into: 'inventoryScale', collect: 'list' },
  deferrable_scale: { targets: ['all', 'country', 'system', 'category'], value: 'multiplier', into: 'deferrableScale', collect: 'list' },
  start: { targets: [], value: 'month', into: 'start', collect: 'one' },
  end: { targets: [], value: 'month', into: 'end', collect: 'one' },
} as const satisfies Record<string, SettingSpec>;

export type SettingName = keyof typeof SETTINGS;
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];

/** The setting of a name, if there is one. */
export function settingSpec(name: string): SettingSpec | undefined {
  return Object.hasOwn(SETTINGS, name) ? SETTINGS[name as SettingName] : undefined;
}

type Specs = typeof SETTINGS;
type FieldsOf<C extends Collect> = { [K in SettingName]: Specs[K]['collect'] extends C ? Specs[K]['into'] : never }[SettingName];
/** The value of a `one` setting: its financing, a month, or a share. */
type OneValue<V extends ValueKind> = V extends 'financing' ? Financing : V extends 'month' ? MonthIndex : number;

export type Financing = 'national' | 'pooled' | 'channels';

/** One scenario, every setting resolved and checked against the data: a field per setting of SETTINGS. */
export type ScenarioSettings = {
  readonly name: string;
  readonly description: string;
  /** The settings as written, for the manifest. */
  readonly applied: readonly { setting: string; target: string; value: string; from: string }[];
} & { readonly [F in FieldsOf<'list'>]: readonly TargetedValue[] } & { readonly [F in FieldsOf<'targets'>]: readonly Target[] } & {
  readonly [K in SettingName as Specs[K]['collect'] extends 'one' ? Specs[K]['into'] : never]?: OneValue<Specs[K]['value']>;
};

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
