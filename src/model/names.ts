/**
 * One naming rule for the model's columns and rows: `kind(key,key,...)`, with keys made
 * safe for CPLEX LP and MPS files (no spaces or operators). Encoding is for people and
 * export files; solutions are mapped back by index, never by parsing names.
 */
export const ColumnKind = {
  produce: 1,
  order: 2,
  online: 3,
  deliver: 4,
  stock: 5,
  unspent: 6,
  pay: 7,
  paidTotal: 8,
  topUp: 9,
  guarantee: 10,
  flow: 11,
  channelUsed: 12,
  materialStock: 13,
} as const;

export const RowKind = {
  capacityState: 1,
  withinCapacity: 2,
  stockBalance: 3,
  budget: 4,
  pool: 5,
  paidTotal: 6,
  fairShare: 7,
  workShare: 8,
  shortfallBound: 9,
  guaranteeFloor: 10,
  coverage: 11,
  channelUsed: 12,
  channelCap: 13,
  materialBalance: 14,
  ceiling: 15,
} as const;

const COLUMN_NAMES: Record<number, string> = {
  1: 'produce',
  2: 'order',
  3: 'online',
  4: 'deliver',
  5: 'stock',
  6: 'unspent',
  7: 'pay',
  8: 'paid_total',
  9: 'top_up',
  10: 'guarantee',
  11: 'flow',
  12: 'channel_used',
  13: 'material_stock',
};

const ROW_NAMES: Record<number, string> = {
  1: 'capacity_state',
  2: 'within_capacity',
  3: 'stock_balance',
  4: 'budget',
  5: 'pool',
  6: 'paid_total',
  7: 'fair_share',
  8: 'work_share',
  9: 'shortfall_bound',
  10: 'guarantee_floor',
  11: 'coverage',
  12: 'channel_used',
  13: 'channel_cap',
  14: 'material_balance',
  15: 'ceiling',
};

/** Keeps letters, digits and `_.`; everything else becomes `_`. */
export function safeKey(text: string): string {
  return text.replace(/[^A-Za-z0-9_.]/g, '_');
}

export function encodeName(kind: string, keys: readonly string[]): string {
  return `${kind}(${keys.map(safeKey).join(',')})`;
}

export function columnKindName(kind: number): string {
  return COLUMN_NAMES[kind] ?? `col${kind}`;
}

export function rowKindName(kind: number): string {
  return ROW_NAMES[kind] ?? `row${kind}`;
}
