import { formatMonth } from '../../inputs/periods.js';
import type { GuaranteeAnalysis, PromisePoint, SystemGuarantee } from '../../results/plan.js';
import { euros, humanEuros, percent } from '../../base/format-number.js';
import { pc } from '../html/html-kit.js';
import type { TableSpec } from '../report-table.js';

/**
 * guarantees.csv and the table of "What can be promised": one row per system, `*` for all at
 * once. A system's promise assumes it is served first, so the rows do not add up; beside it,
 * what the plan itself delivers every month.
 */
export function guaranteesSpec(g: GuaranteeAnalysis, months: readonly number[]): TableSpec<SystemGuarantee> {
  const monthCsv = (t: number | undefined) => (t === undefined ? '' : formatMonth(months[t]!));
  const monthHuman = (t: number | undefined) => (t === undefined ? 'not within the horizon' : formatMonth(months[t]!));
  const from = g.from !== undefined ? formatMonth(months[g.from]!) : undefined;
  const served = (s: SystemGuarantee) => (s.system === '*' ? 'all at once' : 'if served first');
  return [
    { key: 'system', csv: (s) => s.system },
    { key: 'name', label: 'system', csv: (s) => s.name, human: (s) => s.name },
    { key: 'recipient', csv: () => g.recipient },
    {
      key: 'promise_pct_if_served_first',
      label: 'promise, every month',
      csv: (s) => percent(100 * s.level),
      human: (s) => `${pc(s.level)} ${served(s)}`,
    },
    // The same promise from the --from month, as the terminal and promises.csv give it (not a column of guarantees.csv: promises.csv has every month).
    g.from !== undefined && g.from > 0 && { label: `promise from ${from}`, human: (s) => pc(s.points[g.from!]!.level) },
    { key: 'promise_pct_if_served_first_unlimited_money', label: 'with unlimited money', csv: (s) => percent(100 * s.levelUnlimited), human: (s) => pc(s.levelUnlimited) },
    { key: 'plan_lowest_month_pct', label: 'the plan delivers, lowest month', csv: (s) => percent(100 * s.points[0]!.planLowest), human: (s) => pc(s.points[0]!.planLowest) },
    { key: 'first_month_100pct', label: '100 % promised from', csv: (s) => monthCsv(s.firstFullMonth), human: (s) => monthHuman(s.firstFullMonth) },
    {
      key: 'first_month_100pct_unlimited_money',
      label: '100 % from, unlimited money',
      csv: (s) => monthCsv(s.firstFullMonthUnlimited),
      human: (s) => monthHuman(s.firstFullMonthUnlimited),
    },
    {
      key: 'delivered_before_100pct_pct',
      label: 'delivered before that',
      csv: (s) => (s.firstFullMonth === undefined || s.firstFullMonth === 0 ? '' : percent(100 * (s.points[s.firstFullMonth]!.deliveredBefore ?? 0))),
      human: (s) => (s.firstFullMonth === undefined || s.firstFullMonth === 0 ? '' : pc(s.points[s.firstFullMonth]!.deliveredBefore ?? 0)),
    },
    from !== undefined && {
      key: `extra_money_for_100pct_from_${from}_eur`,
      label: `extra money for 100 % from ${from}`,
      csv: (s) => (s.extraMoneyFromEur === undefined ? 'impossible' : euros(s.extraMoneyFromEur)),
      human: (s) => (s.extraMoneyFromEur === undefined ? 'impossible at any price' : humanEuros(s.extraMoneyFromEur)),
    },
  ];
}

/** The rows of guarantees.csv: every system, then all systems at once. */
export function guaranteeRows(g: GuaranteeAnalysis): SystemGuarantee[] {
  return [...g.systems, g.joint];
}

/** promises.csv: every system's promise curve (and `*`'s), a row per start month. */
export function promisesSpec(g: GuaranteeAnalysis, months: readonly number[]): TableSpec<{ curve: SystemGuarantee; point: PromisePoint }> {
  return [
    { key: 'system', csv: (r) => r.curve.system },
    { key: 'recipient', csv: () => g.recipient },
    { key: 'from_month', csv: (r) => formatMonth(months[r.point.from]!) },
    { key: 'promise_pct', csv: (r) => percent(100 * r.point.level) },
    { key: 'promise_pct_unlimited_money', csv: (r) => percent(100 * r.point.levelUnlimited) },
    { key: 'delivered_before_pct', csv: (r) => (r.point.deliveredBefore === undefined ? '' : percent(100 * r.point.deliveredBefore)) },
    { key: 'plan_lowest_month_pct', csv: (r) => percent(100 * r.point.planLowest) },
  ];
}

export function promiseRows(g: GuaranteeAnalysis): { curve: SystemGuarantee; point: PromisePoint }[] {
  return guaranteeRows(g).flatMap((curve) => curve.points.map((point) => ({ curve, point })));
}
