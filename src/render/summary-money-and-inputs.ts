import { formatMonth } from '../inputs/periods.js';
import type { Plan } from '../results/plan.js';
import { humanEuros, humanPercent, humanUnits, markdownTable } from '../base/format-number.js';

/** "Money flows": who pays whom, which channel caps bind and what money stays unspent. */
export function moneyFlowsSection(plan: Plan): string[] {
  const names = new Map([...plan.input.countries, ...plan.input.payers].map((c) => [c.code, c.name]));
  const name = (code: string) => names.get(code) ?? code;
  const pairs = new Map<string, { payer: string; seller: string; paid: number; channels: Set<string> }>();
  for (const f of plan.moneyFlows) {
    const key = `${f.payer}\u0000${f.seller}`;
    const p = pairs.get(key) ?? { payer: f.payer, seller: f.seller, paid: 0, channels: new Set<string>() };
    p.paid += f.paidEur;
    p.channels.add(f.channel);
    pairs.set(key, p);
  }
  const rows = [...pairs.values()].filter((p) => p.paid > 0.5).sort((a, b) => b.paid - a.paid || (a.payer + a.seller).localeCompare(b.payer + b.seller));
  const out = ['', '## Money flows', ''];
  if (rows.length === 0) out.push('No money is spent in this plan.');
  else {
    out.push('Who pays whose industry, over the horizon (largest first; `money_flows.csv` has every channel and system).', '');
    out.push(markdownTable(['payer', 'pays industry in', 'amount', 'through'], rows.slice(0, 15).map((p) => [name(p.payer), name(p.seller), humanEuros(p.paid), [...p.channels].sort().join(', ')])));
    if (rows.length > 15) out.push('', `And ${rows.length - 15} smaller flows.`);
  }
  const capped = new Map<string, { share: number; value: number | undefined; payer: string }>();
  for (const f of plan.moneyFlows) if (f.capBinding) capped.set(f.channel, { share: f.channelShareUsed ?? 1, value: f.valuePerMillion, payer: f.payer });
  if (capped.size > 0) {
    out.push('', 'Channels at their cap (the cap stops money that would buy more):', '');
    out.push(
      markdownTable(
        ['channel', 'payer', 'weighted shortfall removed by one more EUR 1 m through it'],
        [...capped].sort(([a], [b]) => a.localeCompare(b)).map(([channel, c]) => [channel, name(c.payer), c.value === undefined ? 'not available with this solver' : c.value.toFixed(3)]),
      ),
    );
  }
  const unspent = plan.payers.filter((p) => p.unspentEur > 0.5 && p.budgetEur > 0).sort((a, b) => b.unspentEur - a.unspentEur);
  if (unspent.length > 0) {
    const total = unspent.reduce((a, p) => a + p.unspentEur, 0);
    const budget = plan.payers.reduce((a, p) => a + p.budgetEur, 0);
    out.push(
      '',
      `Money not spent: ${humanEuros(total)} of ${humanEuros(budget)} (${humanPercent(budget > 0 ? total / budget : 0)}), ` +
        `mostly ${unspent.slice(0, 3).map((p) => `${p.name} (${humanEuros(p.unspentEur)})`).join(', ')}.`,
    );
  }
  return out;
}

/** "Shared inputs": which material runs out, from when, and what one more unit of it is worth. */
export function sharedInputsSection(plan: Plan): string[] {
  const { input } = plan;
  if (plan.materials.length === 0) return [];
  const out = ['', '## Shared inputs', ''];
  const rows = input.materials.flatMap((m) => {
    const months = plan.materials.filter((mm) => mm.material === m.code);
    if (months.length === 0) return [];
    const binding = months.filter((mm) => mm.binding);
    const users = [...new Set(input.bom.filter((e) => e.material === m.code).map((e) => e.product))];
    const gaps = plan.needs.filter((n) => n.bindingInput === m.code);
    const value = months.map((mm) => mm.valuePerUnit ?? 0);
    const best = Math.max(0, ...value);
    return [
      [
        `${m.name} (${m.unit})`,
        users.map((u) => input.systems.find((s) => s.code === u)?.name ?? input.materials.find((x) => x.code === u)?.name ?? u).join(', '),
        binding.length > 0 ? `${binding.length} months, from ${formatMonth(input.months[binding[0]!.t]!)}` : 'never',
        `${humanUnits(months.reduce((a, mm) => a + mm.consumed, 0))} ${m.unit}`,
        gaps.length > 0 ? `${humanUnits(gaps.reduce((a, n) => a + n.shortfall, 0))} units short` : 'none',
        months.some((mm) => mm.valuePerUnit !== undefined) ? best.toPrecision(3) : 'not available with this solver',
      ],
    ];
  });
  out.push(
    'A material is binding in a month when its lines run full and no stock of it is left from then on, so more of it would have made more of what needs it.',
    '',
    markdownTable(['material', 'used by', 'binding', 'used in all', 'gaps it causes (cause `input`)', 'weighted shortfall removed by one more unit, best month'], rows),
  );
  return out;
}
