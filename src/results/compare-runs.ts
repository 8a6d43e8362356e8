import type { Table } from '../base/report-file.js';
import { totalsByChannel, type ChannelTotal } from './channel-totals.js';

/** The report tables of one run's folder that a comparison reads (as rampup wrote them, numbers in the plain form). */
export interface RunTables {
  /** The run's name (manifest.json), or its folder's. */
  readonly run: string;
  readonly gaps: Table;
  /** gaps_by_system.csv: the systems' names and units. */
  readonly systems: Table;
  readonly moneyFlows: Table;
  /** promises.csv, when `rampup guarantees` wrote one. */
  readonly promises?: Table | undefined;
}

/** One system in one year (every recipient), in both runs. */
export interface YearComparison {
  readonly system: string;
  readonly name: string;
  readonly unit: string;
  readonly year: number;
  readonly needA: number;
  readonly needB: number;
  readonly deliveredA: number;
  readonly deliveredB: number;
}

/** What can be promised of one system from the month asked, in both runs (undefined: that run has no promises.csv, or no such row). */
export interface PromiseComparison {
  readonly system: string;
  readonly name: string;
  readonly promiseA: number | undefined;
  readonly promiseB: number | undefined;
}

/** Money through one channel (or group of channels) in both runs, EUR. */
export interface MoneyComparison {
  readonly key: string;
  readonly paidA: number;
  readonly paidB: number;
}

export interface RunComparison {
  readonly a: string;
  readonly b: string;
  /** The start month of the promises compared (YYYY-MM). */
  readonly from: string;
  readonly years: readonly YearComparison[];
  readonly promises: readonly PromiseComparison[];
  /** Every channel, the largest change first. */
  readonly money: readonly MoneyComparison[];
  /** The channel that carries the most money in B. */
  readonly largestInB: ChannelTotal | undefined;
}

/** The cells of a column by its header name (empty when the table has no such column). */
function cells(t: Table, name: string): string[] {
  const i = t.header.indexOf(name);
  return t.rows.map((r) => (i < 0 ? '' : (r[i] ?? '')));
}

/** Need and delivery per system and year, every recipient added up. */
function byYear(gaps: Table): Map<string, { need: number; delivered: number }> {
  const [system, month, need, delivered] = ['system', 'month', 'need', 'delivered'].map((c) => cells(gaps, c));
  const out = new Map<string, { need: number; delivered: number }>();
  system!.forEach((s, i) => {
    const key = `${s}\u0000${month![i]!.slice(0, 4)}`;
    const t = out.get(key) ?? { need: 0, delivered: 0 };
    out.set(key, { need: t.need + Number(need![i]), delivered: t.delivered + Number(delivered![i]) });
  });
  return out;
}

/** A run's promises from one month: system -> promise_pct. */
function promisesFrom(t: Table | undefined, from: string): Map<string, number> | undefined {
  if (!t) return undefined;
  const [system, month, pct] = ['system', 'from_month', 'promise_pct'].map((c) => cells(t, c));
  return new Map(system!.flatMap((s, i) => (month![i] === from ? [[s, Number(pct![i])] as const] : [])));
}

function channelTotals(flows: Table): ChannelTotal[] {
  const [channel, group, paid] = ['channel', 'channel_group', 'paid_eur'].map((c) => cells(flows, c));
  return totalsByChannel(channel!.map((c, i) => ({ channel: c, channelGroup: group![i] || undefined, paidEur: Number(paid![i]) })));
}

/**
 * Run B against run A, from their report folders: per system and year the need and what was
 * delivered, per system the promise from `from` (as promises.csv has it), and the money per
 * channel (or group of channels), the largest change first.
 */
export function compareRuns(a: RunTables, b: RunTables, from: string): RunComparison {
  const [yearsA, yearsB] = [byYear(a.gaps), byYear(b.gaps)];
  const names = new Map<string, { name: string; unit: string }>();
  for (const t of [b.systems, a.systems]) {
    const [system, name, unit] = ['system', 'name', 'unit'].map((c) => cells(t, c));
    system!.forEach((s, i) => names.has(s) || names.set(s, { name: name![i] || s, unit: unit![i] ?? '' }));
  }
  const keys = [...new Set([...yearsB.keys(), ...yearsA.keys()])];
  const order = [...names.keys()];
  const years = keys
    .map((key) => {
      const [system, year] = key.split('\u0000') as [string, string];
      const [ya, yb] = [yearsA.get(key), yearsB.get(key)];
      const info = names.get(system) ?? { name: system, unit: '' };
      return { system, ...info, year: Number(year), needA: ya?.need ?? 0, needB: yb?.need ?? 0, deliveredA: ya?.delivered ?? 0, deliveredB: yb?.delivered ?? 0 };
    })
    .sort((x, y) => rank(order, x.system) - rank(order, y.system) || x.year - y.year);
  const [pa, pb] = [promisesFrom(a.promises, from), promisesFrom(b.promises, from)];
  const promised = [...new Set([...(pb?.keys() ?? []), ...(pa?.keys() ?? [])])].sort((x, y) => rank(order, x) - rank(order, y));
  const promises = promised.map((system) => ({ system, name: system === '*' ? 'all systems at once' : (names.get(system)?.name ?? system), promiseA: pa?.get(system), promiseB: pb?.get(system) }));
  const [ma, mb] = [channelTotals(a.moneyFlows), channelTotals(b.moneyFlows)];
  const money = [...new Set([...mb.map((m) => m.key), ...ma.map((m) => m.key)])]
    .map((key) => ({ key, paidA: ma.find((m) => m.key === key)?.paidEur ?? 0, paidB: mb.find((m) => m.key === key)?.paidEur ?? 0 }))
    .sort((x, y) => Math.abs(y.paidB - y.paidA) - Math.abs(x.paidB - x.paidA) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return { a: a.run, b: b.run, from, years, promises, money, largestInB: mb[0] };
}

/** A system's place in the order of gaps_by_system.csv; systems it lacks last, `*` after all. */
function rank(order: readonly string[], system: string): number {
  const i = order.indexOf(system);
  return i >= 0 ? i : system === '*' ? order.length + 1 : order.length;
}
