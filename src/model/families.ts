/**
 * Every family of the model's columns and rows, one entry each: its name in exported programs,
 * what its two integer keys (a, t) stand for, and where the model's index keeps it. Names,
 * kinds, the index and its sizes are all read from here, so a new family is an entry here and
 * the define-*.ts that adds it.
 */

/** What a family's keys (a, t) stand for; names spell them out (name-model.ts). */
export type KeyShape =
  | 'line-month'
  | 'line'
  | 'need'
  | 'system-month'
  | 'material-month'
  | 'channel-month'
  | 'channel'
  | 'payer-month'
  | 'payer'
  | 'month'
  | 'option-month'
  | 'option'
  | 'single';

/** What an index field is counted by (its size and its position: `payer * H + t`, `need`, ...). */
export type IndexShape = 'line-month' | 'need' | 'system-month' | 'material-month' | 'payer-month' | 'channel' | 'option-month';

export interface Family {
  /** Name in exported programs: `name(key,key,...)`. */
  readonly name: string;
  readonly keys: KeyShape;
  /** The ModelIndex field that keeps its columns or rows (-1 where none), and what it is counted by. */
  readonly index?: { readonly field: string; readonly per: IndexShape };
}

export const COLUMN_FAMILIES = {
  /** Units made by a line in a month. */
  produce: { name: 'produce', keys: 'line-month', index: { field: 'produce', per: 'line-month' } },
  /** Capacity ordered for a line (units/month), online after its lead time. */
  order: { name: 'order', keys: 'line-month', index: { field: 'order', per: 'line-month' } },
  /** Capacity online; -1 where the line cannot grow (then it is constant). */
  online: { name: 'online', keys: 'line-month', index: { field: 'online', per: 'line-month' } },
  /** Units delivered against an entry of input.needs. */
  deliver: { name: 'deliver', keys: 'need', index: { field: 'deliver', per: 'need' } },
  /** Units of a system held at the end of a month. */
  stock: { name: 'stock', keys: 'system-month', index: { field: 'stock', per: 'system-month' } },
  /** Money a payer has not spent by the end of a month (EUR millions). */
  unspent: { name: 'unspent', keys: 'payer-month', index: { field: 'unspent', per: 'payer-month' } },
  /** Money paid into the pool (pooled only). */
  pay: { name: 'pay', keys: 'payer-month', index: { field: 'pay', per: 'payer-month' } },
  /** A pool member's payments over the horizon (fair and work shares). */
  paidTotal: { name: 'paid_total', keys: 'payer' },
  /** Top-up money (EUR millions), only with unlimited money. */
  topUp: { name: 'top_up', keys: 'payer-month', index: { field: 'topUp', per: 'payer-month' } },
  /** The promise level g of a guarantee-level program. */
  guarantee: { name: 'guarantee_level', keys: 'single' },
  /** Money a channel moves for a group of lines in a month (ModelIndex.flows). */
  flow: { name: 'flow', keys: 'channel-month' },
  /** Money through a capped channel so far; the index keeps its last month's column. */
  channelUsed: { name: 'channel_used', keys: 'channel-month', index: { field: 'channelUsed', per: 'channel' } },
  /** Units of a material held at the end of a month. */
  materialStock: { name: 'material_stock', keys: 'material-month', index: { field: 'materialStock', per: 'material-month' } },
  /** Capacity ordered through a capacity option (units/month), online after the option's lead time (model.md 2''). */
  optionOrder: { name: 'option_order', keys: 'option-month', index: { field: 'optionOrder', per: 'option-month' } },
  /** Units owed to a line's other customers at the end of a month: their places given to the coalition (model.md 2q). */
  owed: { name: 'owed', keys: 'line-month', index: { field: 'owed', per: 'line-month' } },
  /** Capacity of a line under take-or-pay in a month: what its output must at least be (model.md 2t). */
  contracted: { name: 'contracted', keys: 'line-month', index: { field: 'contracted', per: 'line-month' } },
} as const satisfies Record<string, Family>;

export const ROW_FAMILIES = {
  /** Capacity online carried month to month. */
  capacityState: { name: 'capacity_state', keys: 'line-month' },
  /** Output plus output already sold within capacity online. */
  withinCapacity: { name: 'within_capacity', keys: 'line-month' },
  /** Stock of a system carried month to month. */
  stockBalance: { name: 'stock_balance', keys: 'system-month' },
  /** A payer's account in a month (its dual: the value of money). */
  budget: { name: 'budget', keys: 'payer-month', index: { field: 'budgetRow', per: 'payer-month' } },
  /** The pool's payments meet the lines' cost. */
  pool: { name: 'pool', keys: 'month' },
  paidTotal: { name: 'paid_total', keys: 'payer' },
  fairShare: { name: 'fair_share', keys: 'payer' },
  workShare: { name: 'work_share', keys: 'payer' },
  /** The later stages' hold on the weighted shortfall (added by the lexicographic solve). */
  shortfallBound: { name: 'shortfall_bound', keys: 'single' },
  /** `deliver >= g x need` of a guarantee-level program. */
  guaranteeFloor: { name: 'guarantee_floor', keys: 'need', index: { field: 'floorRow', per: 'need' } },
  /** The cost of a group of lines paid through the channels that reach it. */
  coverage: { name: 'coverage', keys: 'line-month' },
  channelUsed: { name: 'channel_used', keys: 'channel-month' },
  /** A capped channel's money over the horizon within its share (its dual: the value of one more euro through it). */
  channelCap: { name: 'channel_cap', keys: 'channel', index: { field: 'channelCapRow', per: 'channel' } },
  /** A material carried month to month (its dual: the value of one more unit). */
  materialBalance: { name: 'material_balance', keys: 'material-month', index: { field: 'materialRow', per: 'material-month' } },
  /** A line's orders within its room to grow. */
  ceiling: { name: 'ceiling', keys: 'line' },
  /** A capacity option's orders within what it can add. */
  optionCeiling: { name: 'option_ceiling', keys: 'option' },
  /** Capacity under take-or-pay carried month to month. */
  contractedState: { name: 'contracted_state', keys: 'line-month' },
  /** Output at least the capacity under take-or-pay. */
  takeOrPay: { name: 'take_or_pay', keys: 'line-month' },
  /** A stock release's units over the horizon (its dual: the value of one more unit held). */
  releaseTotal: { name: 'release_total', keys: 'line' },
  /** Units that wait in a month within the share the other customers let wait. */
  queueStep: { name: 'queue_step', keys: 'line-month' },
} as const satisfies Record<string, Family>;

type Families = Readonly<Record<string, Family>>;

/** Each family's kind, the number the builder stores for it: its place in the list, from 1. */
function kinds<F extends Families>(families: F): { readonly [K in keyof F]: number } {
  return Object.fromEntries(Object.keys(families).map((key, k) => [key, k + 1])) as { [K in keyof F]: number };
}

export const ColumnKind = kinds(COLUMN_FAMILIES);
export const RowKind = kinds(ROW_FAMILIES);

const COLUMN_LIST: readonly Family[] = Object.values(COLUMN_FAMILIES);
const ROW_LIST: readonly Family[] = Object.values(ROW_FAMILIES);

/** The family of a column kind; an unknown kind is a bug, never a silent default. */
export function columnFamily(kind: number): Family {
  const family = COLUMN_LIST[kind - 1];
  if (!family) throw new RangeError(`no column family has kind ${kind}`);
  return family;
}

export function rowFamily(kind: number): Family {
  const family = ROW_LIST[kind - 1];
  if (!family) throw new RangeError(`no row family has kind ${kind}`);
  return family;
}

type IndexFields<F> = {
  readonly [K in keyof F as F[K] extends { readonly index: { readonly field: infer N extends string } } ? N : never]: Int32Array;
};

/** The index fields of every family that has one: where each variable and row sits in the program, -1 where absent. */
export type FamilyIndex = IndexFields<typeof COLUMN_FAMILIES> & IndexFields<typeof ROW_FAMILIES>;

/** The counts an index is sized by. */
export interface ModelDimensions {
  readonly months: number;
  readonly lines: number;
  readonly needs: number;
  readonly systems: number;
  readonly materials: number;
  readonly payers: number;
  readonly channels: number;
  readonly options: number;
}

const SIZE: Record<IndexShape, (d: ModelDimensions) => number> = {
  'line-month': (d) => d.lines * d.months,
  need: (d) => d.needs,
  'system-month': (d) => d.systems * d.months,
  'material-month': (d) => d.materials * d.months,
  'payer-month': (d) => d.payers * d.months,
  channel: (d) => d.channels,
  'option-month': (d) => d.options * d.months,
};

/** Every index field, each filled with -1: nothing placed yet. */
export function emptyFamilyIndex(dimensions: ModelDimensions): FamilyIndex {
  const fields: Record<string, Int32Array> = {};
  for (const family of [...COLUMN_LIST, ...ROW_LIST]) {
    if (family.index) fields[family.index.field] = new Int32Array(SIZE[family.index.per](dimensions)).fill(-1);
  }
  return fields as unknown as FamilyIndex;
}
