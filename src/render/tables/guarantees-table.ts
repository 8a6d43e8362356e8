import { formatMonth } from '../../inputs/periods.js';
import type { GuaranteeAnalysis, PromisePoint, PromisePrice, SystemGuarantee } from '../../results/promise-results.js';
import { euros, humanEuros, percent } from '../../base/format-number.js';
import { pc } from '../html/html-kit.js';
import type { TableSpec } from '../report-table.js';

/** The price of promising 100 % of a system from the asked month, if it was asked. */
const fullPrice = (g: GuaranteeAnalysis, s: SystemGuarantee): PromisePrice | undefined => g.prices.find((p) => p.system === s.system && p.level >= 1 - 1e-9);

/**
 * guarantees.csv and the table of "What can be promised": one row per system, per category and
 * for all at once, from the asked month. A system's promise assumes it is served first, so the
 * rows do not add up; a promise keeps what the plan delivers before it (version 2's figure, the
 * months before free, beside it); and what the plan itself delivers from then on.
 */
export function guaranteesSpec(g: GuaranteeAnalysis, months: readonly number[]): TableSpec<SystemGuarantee> {
  const monthCsv = (t: number | undefined) => (t === undefined ? '' : formatMonth(months[t]!));
  const monthHuman = (t: number | undefined) => (t === undefined ? 'not within the horizon' : formatMonth(months[t]!));
  const from = formatMonth(months[g.from]!);
  const served = (s: SystemGuarantee) => (s.systems.length > 1 ? 'all at once' : 'if served first');
  return [
    { key: 'system', csv: (s) => s.system },
    { key: 'name', label: 'system', csv: (s) => s.name, human: (s) => s.name },
    { key: 'recipient', csv: () => g.recipient },
    { key: 'from_month', csv: () => from },
    { key: 'promise_pct', label: `promise, every month from ${from}`, csv: (s) => percent(100 * s.asked.level), human: (s) => `${pc(s.asked.level)} ${served(s)}` },
    { key: 'promise_pct_earlier_months_free', label: 'if the months before were free', csv: (s) => percent(100 * s.asked.levelEarlierFree), human: (s) => pc(s.asked.levelEarlierFree) },
    { key: 'promise_pct_unlimited_money', label: 'with unlimited money', csv: (s) => percent(100 * s.asked.levelUnlimited), human: (s) => pc(s.asked.levelUnlimited) },
    { key: 'plan_lowest_month_pct', label: 'the plan delivers, lowest month', csv: (s) => percent(100 * s.asked.planLowest), human: (s) => pc(s.asked.planLowest) },
    { key: 'delivered_before_pct', csv: (s) => (s.asked.deliveredBefore === undefined ? '' : percent(100 * s.asked.deliveredBefore)) },
    { key: 'first_month_100pct', label: '100 % promised from', csv: (s) => monthCsv(s.firstFullMonth), human: (s) => monthHuman(s.firstFullMonth) },
    { key: 'first_month_100pct_unlimited_money', label: '100 % from, unlimited money', csv: (s) => monthCsv(s.firstFullMonthUnlimited), human: (s) => monthHuman(s.firstFullMonthUnlimited) },
    {
      key: 'extra_money_for_100pct_eur',
      label: `extra money for 100 % from ${from}`,
      csv: (s) => priceCsv(fullPrice(g, s)),
      human: (s) => priceHuman(fullPrice(g, s)),
    },
  ];
}

const priceCsv = (p: PromisePrice | undefined) => (p === undefined ? '' : p.extraMoneyEur === undefined ? 'impossible' : euros(p.extraMoneyEur));
const priceHuman = (p: PromisePrice | undefined) => (p === undefined ? '' : p.extraMoneyEur === undefined ? 'impossible at any price' : humanEuros(p.extraMoneyEur));

/** The rows of guarantees.csv: every system, every category, then all systems at once. */
export function guaranteeRows(g: GuaranteeAnalysis): SystemGuarantee[] {
  return [...g.systems, ...g.categories, g.joint];
}

/** promises.csv: every promise curve (systems, categories, `*`), a row per start month. */
export function promisesSpec(g: GuaranteeAnalysis, months: readonly number[]): TableSpec<{ curve: SystemGuarantee; point: PromisePoint }> {
  return [
    { key: 'system', csv: (r) => r.curve.system },
    { key: 'recipient', csv: () => g.recipient },
    { key: 'from_month', csv: (r) => formatMonth(months[r.point.from]!) },
    { key: 'promise_pct', csv: (r) => percent(100 * r.point.level) },
    { key: 'promise_pct_unlimited_money', csv: (r) => percent(100 * r.point.levelUnlimited) },
    { key: 'delivered_before_pct', csv: (r) => (r.point.deliveredBefore === undefined ? '' : percent(100 * r.point.deliveredBefore)) },
    { key: 'promise_pct_earlier_months_free', csv: (r) => percent(100 * r.point.levelEarlierFree) },
    { key: 'plan_lowest_month_pct', csv: (r) => percent(100 * r.point.planLowest) },
  ];
}

export function promiseRows(g: GuaranteeAnalysis): { curve: SystemGuarantee; point: PromisePoint }[] {
  return guaranteeRows(g).flatMap((curve) => curve.points.map((point) => ({ curve, point })));
}

/** promise_prices.csv: each system's price at each level from the asked month; empty where impossible, with the reason. */
export function promisePricesSpec(g: GuaranteeAnalysis, months: readonly number[]): TableSpec<PromisePrice> {
  const name = new Map(g.systems.map((s) => [s.system, s.name]));
  return [
    { key: 'system', label: 'system', csv: (p) => p.system, human: (p) => name.get(p.system) ?? p.system },
    { key: 'from_month', csv: (p) => formatMonth(months[p.from]!) },
    { key: 'level_pct', label: 'share of every month', csv: (p) => percent(100 * p.level), human: (p) => pc(p.level) },
    { key: 'extra_money_eur', label: 'extra money', csv: (p) => (p.extraMoneyEur === undefined ? '' : euros(p.extraMoneyEur)), human: (p) => priceHuman(p) },
    { key: 'reason', label: 'why not', csv: (p) => p.reason ?? '', human: (p) => p.reason ?? '' },
  ];
}
