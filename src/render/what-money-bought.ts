import { humanEuros, humanUnits } from '../base/format-number.js';
import { formatMonth } from '../inputs/periods.js';
import { OWN_EXPANSION, type LeverSummary, type Plan } from '../results/plan.js';
import { htmlFromSpec, markdownFromSpec, type TableSpec } from './report-table.js';

type Option = LeverSummary['options'][number];
type Release = LeverSummary['releases'][number];
type Queue = LeverSummary['queue'][number];

/** One part of "What money bought": its title and its table, for Markdown and HTML. */
export interface MoneyBoughtPart {
  readonly title: string;
  readonly markdown: string;
  readonly html: string;
}

interface Part<R> {
  readonly title: string;
  readonly spec: TableSpec<R>;
  readonly rows: readonly R[];
}

const rendered = <R>(part: Part<R>): MoneyBoughtPart | undefined =>
  part.rows.length === 0 ? undefined : { title: part.title, markdown: markdownFromSpec(part.spec, part.rows), html: htmlFromSpec(part.spec, part.rows) };

const lineName = (plan: Plan) => {
  const system = new Map(plan.input.systems.map((s) => [s.code, s]));
  return (line: { country: string; system: string; producer: string }) => `${line.producer || line.country} (${line.country}), ${system.get(line.system)?.name ?? line.system}`;
};

/** How many of each list the summaries show (the CSV files have every row). */
const SHOWN = 12;

/**
 * What money bought beyond output: capacity through each option (new plants marked), stock
 * released, places bought in other customers' queues, and output left over where take-or-pay
 * obliged it. Empty parts are left out.
 */
export function moneyBoughtParts(plan: Plan, levers: LeverSummary): MoneyBoughtPart[] {
  const name = lineName(plan);
  const month = (t: number) => formatMonth(plan.input.months[0]! + t);
  const unit = new Map(plan.input.systems.map((s) => [s.code, s.unit]));
  const options: Part<Option> = {
    title: 'Capacity bought',
    rows: levers.options.slice(0, SHOWN),
    spec: [
      { label: 'line', human: (o) => `${o.line.kind === 'candidate' ? 'new plant: ' : ''}${name(o.line)}` },
      { label: 'option', human: (o) => (o.option === OWN_EXPANSION ? 'own expansion' : o.option), align: 'code' },
      { label: 'capacity (a month)', human: (o) => humanUnits(o.capacity), align: 'num' },
      { label: 'cost', human: (o) => humanEuros(o.costEur), align: 'num' },
      { label: 'first online', human: (o) => month(o.firstOnlineT) },
      { label: 'take-or-pay output', human: (o) => (o.offtakeUnits > 0 ? humanUnits(o.offtakeUnits) : '-'), align: 'num' },
    ],
  };
  const releases: Part<Release> = {
    title: 'Stock released',
    rows: levers.releases.slice(0, SHOWN),
    spec: [
      { label: 'holder', human: (r) => r.line.country },
      { label: 'system', human: (r) => plan.input.systems.find((s) => s.code === r.line.system)?.name ?? r.line.system },
      { label: 'units', human: (r) => humanUnits(r.units), align: 'num' },
      { label: 'cost', human: (r) => humanEuros(r.costEur), align: 'num' },
      { label: 'left in stock', human: (r) => humanUnits(r.unitsLeft), align: 'num' },
    ],
  };
  const queue: Part<Queue> = {
    title: "Places bought in other customers' queues",
    rows: levers.queue.slice(0, SHOWN),
    spec: [
      { label: 'line', human: (q) => name(q.line) },
      { label: 'units that waited', human: (q) => humanUnits(q.unitsWaited), align: 'num' },
      { label: 'most owed at once', human: (q) => humanUnits(q.longestOwed), align: 'num' },
      { label: 'premium', human: (q) => humanEuros(q.premiumEur), align: 'num' },
    ],
  };
  const surplus: Part<{ system: string; units: number }> = {
    title: 'Left over at the end where take-or-pay obliged output',
    rows: levers.surplus,
    spec: [
      { label: 'system', human: (s) => plan.input.systems.find((x) => x.code === s.system)?.name ?? s.system },
      { label: 'units in stock at the end', human: (s) => `${humanUnits(s.units)} ${unit.get(s.system) ?? 'unit'}s`, align: 'num' },
    ],
  };
  return [rendered(options), rendered(releases), rendered(queue), rendered(surplus)].filter((p): p is MoneyBoughtPart => p !== undefined);
}

/** One sentence on the largest of each lever, for the terminal and the summary's lead. */
export function largestLevers(plan: Plan, levers: LeverSummary): string[] {
  const name = lineName(plan);
  const out: string[] = [];
  const option = levers.options.find((o) => o.option !== OWN_EXPANSION) ?? levers.options[0];
  if (option) out.push(`capacity: ${humanUnits(option.capacity)} a month at ${option.line.kind === 'candidate' ? 'a new plant, ' : ''}${name(option.line)} (${option.option === OWN_EXPANSION ? 'own expansion' : `option ${option.option}`}, ${humanEuros(option.costEur)})`);
  const release = levers.releases[0];
  if (release) out.push(`stock: ${humanUnits(release.units)} ${plan.input.systems.find((s) => s.code === release.line.system)?.unit ?? 'unit'}s released by ${release.line.country} (${humanEuros(release.costEur)})`);
  const queue = levers.queue[0];
  if (queue) out.push(`queue: ${humanUnits(queue.unitsWaited)} units of ${name(queue.line)} waited for Ukraine (premium ${humanEuros(queue.premiumEur)})`);
  return out;
}
