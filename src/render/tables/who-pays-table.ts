import type { CountryResult, Plan } from '../../results/plan.js';
import { euros, humanEuros, percent, quantity } from '../format-number.js';
import { pc } from '../html/html-kit.js';
import type { TableSpec } from '../report-table.js';
import { percentOf } from './gaps-table.js';

/**
 * Who pays, one row per country: budget_shares.csv, and "Who pays" in summary.md and
 * report.html. The value of money is a dual: shown where the solver gives duals.
 */
export function whoPaysSpec(plan: Plan): TableSpec<CountryResult> {
  const pooled = plan.input.financing.kind === 'pooled';
  const totalPaid = plan.countries.reduce((a, c) => a + c.paidEur, 0);
  const share = (c: CountryResult) => (totalPaid > 0 ? (100 * c.paidEur) / totalPaid : 0);
  const gdp = (c: CountryResult) => (c.gdpShare === undefined ? undefined : 100 * c.gdpShare);
  const withDuals = plan.countries.some((c) => c.marginalValuePerMillion !== undefined);
  const withSensitivity = plan.countries.some((c) => c.sensitivityPerMillion !== undefined);
  return [
    { key: 'country', csv: (c) => c.code },
    { key: 'name', label: 'country', csv: (c) => c.name, human: (c) => c.name },
    { key: 'budget_eur', label: 'budget', align: 'num', csv: (c) => euros(c.budgetEur), human: (c) => humanEuros(c.budgetEur) },
    {
      key: pooled ? 'paid_eur' : 'spent_eur',
      label: pooled ? 'paid into the pool' : 'spent',
      align: 'num',
      csv: (c) => euros(c.paidEur),
      human: (c) => humanEuros(c.paidEur),
    },
    { key: 'spent_on_own_industry_eur', csv: (c) => euros(c.spentOnOwnLinesEur) },
    { key: 'share_pct', label: 'share', align: 'num', csv: (c) => percent(share(c)), human: (c) => (totalPaid > 0 ? pc(c.paidEur / totalPaid) : pc(0)) },
    {
      key: 'gdp_share_pct',
      label: 'GDP share',
      align: 'num',
      csv: (c) => (gdp(c) === undefined ? '' : percent(gdp(c)!)),
      human: (c) => (c.gdpShare === undefined ? 'no budget' : pc(c.gdpShare)),
    },
    { key: 'share_minus_gdp_share_pct', csv: (c) => (gdp(c) === undefined ? '' : percent(share(c) - gdp(c)!)) },
    {
      key: 'budget_used_pct',
      label: 'budget used',
      align: 'num',
      only: ['csv', 'html'],
      csv: (c) => percentOf(c.paidEur, c.budgetEur),
      human: (c) => (c.budgetEur > 0 ? pc(c.paidEur / c.budgetEur) : 'n/a'),
    },
    {
      key: 'shortfall_removed_per_eur_million',
      label: 'shortfall removed per extra EUR 1 m',
      align: 'num',
      only: withDuals ? ['csv', 'markdown', 'html'] : ['markdown'],
      csv: (c) => quantity(c.marginalValuePerMillion ?? 0),
      human: (c) => (withDuals ? (c.marginalValuePerMillion ?? 0).toFixed(3) : 'not available with this solver'),
    },
    withSensitivity && {
      key: 'shortfall_removed_per_eur_million_plus10pct',
      label: 'same, with +10 % money',
      only: ['csv', 'markdown'],
      csv: (c) => quantity(c.sensitivityPerMillion ?? 0),
      human: (c) => (c.sensitivityPerMillion ?? 0).toFixed(3),
    },
  ];
}
