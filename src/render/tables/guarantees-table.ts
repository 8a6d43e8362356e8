import { formatMonth } from '../../inputs/periods.js';
import type { GuaranteeAnalysis, SystemGuarantee } from '../../results/plan.js';
import { euros, humanEuros, percent } from '../format-number.js';
import { pc } from '../html/html-kit.js';
import type { TableSpec } from '../report-table.js';

/** guarantees.csv and the table of "What can be guaranteed": one row per system, `*` for all. */
export function guaranteesSpec(g: GuaranteeAnalysis, months: readonly number[]): TableSpec<SystemGuarantee> {
  const monthCsv = (t: number | undefined) => (t === undefined ? '' : formatMonth(months[t]!));
  const monthHuman = (t: number | undefined) => (t === undefined ? 'not within the horizon' : formatMonth(months[t]!));
  const from = g.from !== undefined ? formatMonth(months[g.from]!) : undefined;
  return [
    { key: 'system', csv: (s) => s.system },
    { key: 'name', label: 'system', csv: (s) => s.name, human: (s) => s.name },
    { key: 'guarantee_pct', label: 'guarantee', csv: (s) => percent(100 * s.level), human: (s) => pc(s.level) },
    { key: 'guarantee_pct_unlimited_money', label: 'with unlimited money', csv: (s) => percent(100 * s.levelUnlimited), human: (s) => pc(s.levelUnlimited) },
    { key: 'first_month_100pct', label: '100 % from', csv: (s) => monthCsv(s.firstFullMonth), human: (s) => monthHuman(s.firstFullMonth) },
    {
      key: 'first_month_100pct_unlimited_money',
      label: '100 % from, unlimited money',
      csv: (s) => monthCsv(s.firstFullMonthUnlimited),
      human: (s) => monthHuman(s.firstFullMonthUnlimited),
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
  const joint: SystemGuarantee = {
    system: '*',
    name: 'all systems at once',
    unit: '',
    level: g.jointLevel,
    levelUnlimited: g.jointLevelUnlimited,
    firstFullMonth: undefined,
    firstFullMonthUnlimited: undefined,
    ...(g.from !== undefined ? { extraMoneyFromEur: g.jointExtraMoneyFromEur } : {}),
  };
  return [...g.systems, joint];
}
