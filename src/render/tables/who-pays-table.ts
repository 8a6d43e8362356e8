import type { PayerResult, Plan } from '../../results/plan.js';
import { euros, humanEuros, percent, quantity } from '../../base/format-number.js';
import { pc } from '../html/html-kit.js';
import type { TableSpec } from '../report-table.js';
import { percentOf } from './gaps-table.js';

/**
 * Who pays, one row per payer (countries, then funds): budget_shares.csv, and "Who pays" in
 * summary.md and report.html. The value of money is a dual: shown where the solver gives duals.
 */
export function whoPaysSpec(plan: Plan): TableSpec<PayerResult> {
  const kind = plan.input.financing.kind;
  const totalPaid = plan.payers.reduce((a, c) => a + c.paidEur, 0);
  const closed = plan.closure !== undefined;
  const share = (c: PayerResult) => (totalPaid > 0 ? (100 * c.paidEur) / totalPaid : 0);
  const gdp = (c: PayerResult) => (c.gdpShare === undefined ? undefined : 100 * c.gdpShare);
  const withDuals = plan.payers.some((c) => c.marginalValuePerMillion !== undefined);
  const withSensitivity = plan.payers.some((c) => c.sensitivityPerMillion !== undefined);
  return [
    { key: 'payer', csv: (c) => c.code },
    { key: 'name', label: 'payer', csv: (c) => c.name, human: (c) => c.name },
    { key: 'budget_eur', label: 'budget', align: 'num', csv: (c) => euros(c.budgetEur), human: (c) => humanEuros(c.budgetEur) },
    {
      key: kind === 'national' ? 'spent_eur' : 'paid_eur',
      label: kind === 'national' ? 'spent' : kind === 'pooled' ? 'paid into the pool' : 'paid',
      align: 'num',
      csv: (c) => euros(c.paidEur),
      human: (c) => humanEuros(c.paidEur),
    },
    { key: 'spent_on_own_industry_eur', csv: (c) => (c.kind === 'fund' ? '' : euros(c.spentOnOwnLinesEur)) },
    { key: 'share_pct', label: 'share', align: 'num', csv: (c) => percent(share(c)), human: (c) => (totalPaid > 0 ? pc(c.paidEur / totalPaid) : pc(0)) },
    {
      key: 'gdp_share_pct',
      label: 'GDP share',
      align: 'num',
      csv: (c) => (gdp(c) === undefined ? '' : percent(gdp(c)!)),
      human: (c) => (c.gdpShare !== undefined ? pc(c.gdpShare) : c.kind === 'fund' ? 'a fund' : 'no budget'),
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
    { key: 'unspent_eur', label: 'unspent', align: 'num', csv: (c) => euros(c.unspentEur), human: (c) => humanEuros(c.unspentEur) },
    closed && {
      key: 'top_up_to_close_eur',
      label: 'top-up to close',
      align: 'num',
      csv: (c) => euros(c.topUpToCloseEur ?? 0),
      human: (c) => humanEuros(c.topUpToCloseEur ?? 0),
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
