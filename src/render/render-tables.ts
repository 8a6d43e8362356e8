import { formatMonth } from '../inputs/periods.js';
import type { GuaranteeAnalysis } from '../results/analyse-guarantees.js';
import type { Plan } from '../results/plan.js';
import type { PlanSummary } from '../results/summarize-plan.js';
import { euros, percent, quantity, units } from './format-number.js';

/** A report table: a header and rows of formatted cells, in a fixed order. */
export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const pct = (part: number, whole: number) => (whole > 0 ? percent((100 * part) / whole) : '0');

export function gapsTable(plan: Plan): Table {
  const months = plan.input.months;
  return {
    header: ['system', 'recipient', 'month', 'need', 'delivered', 'from_stock', 'shortfall', 'shortfall_pct', 'cause'],
    rows: plan.needs.map((n) => [
      n.need.system,
      n.need.recipient,
      formatMonth(months[n.need.t]!),
      units(n.need.quantity),
      units(n.delivered),
      units(n.fromStock),
      units(n.shortfall),
      pct(n.shortfall, n.need.quantity),
      n.cause ?? '',
    ]),
  };
}

export function gapsBySystemTable(summary: PlanSummary, plan: Plan): Table {
  const closure = plan.closure;
  const header = ['system', 'name', 'category', 'unit', 'need', 'delivered', 'shortfall', 'fill_rate_pct', 'weighted_shortfall', 'months_short', 'main_cause', 'first_month_met'];
  if (closure) header.push('first_month_met_unlimited', 'cost_to_close_eur', 'shortfall_money_cannot_close');
  return {
    header,
    rows: summary.systems.map((s) => [
      s.system,
      s.name,
      s.category,
      s.unit,
      units(s.need),
      units(s.delivered),
      units(s.shortfall),
      percent(100 * s.fillRate),
      quantity(s.weightedShortfall),
      String(s.monthsShort),
      s.mainCause ?? '',
      s.firstMonthMet ?? '',
      ...(closure
        ? ((c) => [c?.firstMonthMetUnlimited ?? '', euros(c?.costToCloseEur ?? 0), units(c?.shortfallMoneyCannotClose ?? 0)])(closure.bySystem.get(s.system))
        : []),
    ]),
  };
}

export function productionTable(plan: Plan): Table {
  const months = plan.input.months;
  return {
    header: ['country', 'system', 'producer', 'month', 'units', 'cost_eur', 'capacity_online', 'utilization_pct'],
    rows: plan.lineMonths.map((lm) => [
      lm.line.country,
      lm.line.system,
      lm.line.producer,
      formatMonth(months[lm.t]!),
      units(lm.units),
      euros(lm.costEur),
      units(lm.capacityOnline),
      pct(lm.units, lm.capacityOnline),
    ]),
  };
}

export function capacityPlanTable(plan: Plan): Table {
  const months = plan.input.months;
  return {
    header: ['country', 'system', 'producer', 'month', 'capacity_ordered', 'capacity_online', 'ceiling', 'online_from_order_month'],
    rows: plan.lineMonths.map((lm) => [
      lm.line.country,
      lm.line.system,
      lm.line.producer,
      formatMonth(months[lm.t]!),
      units(lm.ordered),
      units(lm.capacityOnline),
      units(lm.line.maxCapacityPerMonth),
      lm.ordered > 0 ? formatMonth(months[lm.t]! + lm.line.leadTimeMonths) : '',
    ]),
  };
}

export function budgetSharesTable(plan: Plan): Table {
  const pooled = plan.input.financing.kind === 'pooled';
  const totalPaid = plan.countries.reduce((a, c) => a + c.paidEur, 0);
  const withDuals = plan.countries.some((c) => c.marginalValuePerMillion !== undefined);
  const header = ['country', 'name', 'budget_eur', pooled ? 'paid_eur' : 'spent_eur', 'spent_on_own_industry_eur', 'share_pct', 'gdp_share_pct', 'share_minus_gdp_share_pct', 'budget_used_pct'];
  if (withDuals) header.push('shortfall_removed_per_eur_million');
  const withSensitivity = plan.countries.some((c) => c.sensitivityPerMillion !== undefined);
  if (withSensitivity) header.push('shortfall_removed_per_eur_million_plus10pct');
  return {
    header,
    rows: plan.countries.map((c) => {
      const share = totalPaid > 0 ? (100 * c.paidEur) / totalPaid : 0;
      const gdpShare = c.gdpShare === undefined ? undefined : 100 * c.gdpShare;
      const row = [
        c.code,
        c.name,
        euros(c.budgetEur),
        euros(c.paidEur),
        euros(c.spentOnOwnLinesEur),
        percent(share),
        gdpShare === undefined ? '' : percent(gdpShare),
        gdpShare === undefined ? '' : percent(share - gdpShare),
        pct(c.paidEur, c.budgetEur),
      ];
      if (withDuals) row.push(quantity(c.marginalValuePerMillion ?? 0));
      if (withSensitivity) row.push(quantity(c.sensitivityPerMillion ?? 0));
      return row;
    }),
  };
}

export function guaranteesTable(g: GuaranteeAnalysis, months: readonly number[]): Table {
  const month = (t: number | undefined) => (t === undefined ? '' : formatMonth(months[t]!));
  const from = g.from !== undefined ? [`extra_money_for_100pct_from_${formatMonth(months[g.from]!)}_eur`] : [];
  const money = (v: number | undefined) => (v === undefined ? 'impossible' : euros(v));
  return {
    header: ['system', 'name', 'guarantee_pct', 'guarantee_pct_unlimited_money', 'first_month_100pct', 'first_month_100pct_unlimited_money', ...from],
    rows: [
      ...g.systems.map((s) => [
        s.system,
        s.name,
        percent(100 * s.level),
        percent(100 * s.levelUnlimited),
        month(s.firstFullMonth),
        month(s.firstFullMonthUnlimited),
        ...(g.from !== undefined ? [money(s.extraMoneyFromEur)] : []),
      ]),
      ['*', 'all systems at once', percent(100 * g.jointLevel), percent(100 * g.jointLevelUnlimited), '', '', ...(g.from !== undefined ? [money(g.jointExtraMoneyFromEur)] : [])],
    ],
  };
}
