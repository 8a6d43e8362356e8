import type { MoneyFlow, Plan } from '../../results/plan.js';
import { euros, humanEuros, humanUnits, percent, quantity, units } from '../../base/format-number.js';
import { pc } from '../html/html-kit.js';
import type { TableSpec } from '../report-table.js';

/**
 * money_flows.csv and "Money flows" in summary.md: payer x channel x seller x product. Under
 * national financing the channel is `national`; under pooled financing it is `pool`, and each
 * member's share of the pool pays every line alike.
 */
export function moneyFlowsSpec(plan: Plan): TableSpec<MoneyFlow> {
  const withDuals = plan.moneyFlows.some((f) => f.valuePerMillion !== undefined);
  const withGroups = plan.moneyFlows.some((f) => f.channelGroup !== undefined);
  const name = new Map([...plan.input.systems, ...plan.input.materials].map((p) => [p.code, p.name]));
  const country = new Map([...plan.input.countries, ...plan.input.payers].map((c) => [c.code, c.name]));
  return [
    { key: 'payer', label: 'payer', csv: (f) => f.payer, human: (f) => country.get(f.payer) ?? f.payer },
    { key: 'channel', label: 'channel', csv: (f) => f.channel, human: (f) => f.channel },
    { key: 'seller', label: 'seller', csv: (f) => f.seller, human: (f) => country.get(f.seller) ?? f.seller },
    { key: 'system', label: 'buys', csv: (f) => f.product, human: (f) => name.get(f.product) ?? f.product },
    { key: 'paid_eur', label: 'paid', align: 'num', csv: (f) => euros(f.paidEur), human: (f) => humanEuros(f.paidEur) },
    { key: 'units_paid_for', label: 'units', align: 'num', csv: (f) => units(f.unitsPaidFor), human: (f) => humanUnits(f.unitsPaidFor) },
    { key: 'price_factor', csv: (f) => quantity(f.priceFactor) },
    {
      key: 'channel_share_used_pct',
      label: 'share of its cap used',
      align: 'num',
      csv: (f) => (f.channelShareUsed === undefined ? '' : percent(100 * f.channelShareUsed)),
      human: (f) => (f.channelShareUsed === undefined ? 'no cap' : pc(f.channelShareUsed)),
    },
    { key: 'channel_cap_binding', csv: (f) => String(f.capBinding) },
    withDuals && {
      key: 'value_of_one_more_eur_million',
      csv: (f) => (f.valuePerMillion === undefined ? '' : quantity(f.valuePerMillion)),
    },
    // Last, and only when channels.csv has groups: the columns before it keep their places.
    withGroups && { key: 'channel_group', csv: (f) => f.channelGroup ?? '' },
  ];
}
