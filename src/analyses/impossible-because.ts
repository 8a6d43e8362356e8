import { humanUnits } from '../base/format-number.js';
import { formatMonth } from '../inputs/periods.js';
import { ceilingOf, growthOf } from '../results/gap-causes.js';
import type { Plan } from '../results/plan.js';

/**
 * Why no money reaches a promise of a system from month `from` (model.md: the reason names the
 * lead time, the exhausted option or the material): the first month from then on that the
 * unlimited-money plan of the cost to close still leaves short, and what stops it there.
 */
export function impossibleBecause(plan: Plan, system: string, from: number): string {
  const { input } = plan;
  const month = (t: number) => formatMonth(input.months[t]!);
  const closure = plan.closure?.bySystem.get(system);
  if (!closure) return 'no money reaches it in time (the reason needs the cost to close: run without --no-explain)';
  const short = closure.shortUnlimited.find((s) => s.t >= from);
  if (!short) return `even with unlimited money, what the other systems get and what the plan delivers before ${month(from)} leave no room for it`;
  const lines = input.lines.map((line, l) => ({ line, l })).filter(({ line }) => line.system === system);
  switch (short.cause) {
    case 'lead-time':
      return `lead time: in ${month(short.t)} nothing more can be online${quickest(plan, system, short.t)}`;
    case 'ceiling': {
      const growth = growthOf(input);
      const most = lines.reduce((a, { line, l }) => a + (line.releaseUnits === undefined ? ceilingOf(line, growth[l]!) : 0), 0);
      return `ceiling: in ${month(short.t)} every option of every line is used up (${humanUnits(most)} a month at most, stock releases exhausted)`;
    }
    case 'input':
      return `material: ${input.materials.find((m) => m.code === short.bindingInput)?.name ?? short.bindingInput ?? 'an input'} runs out in ${month(short.t)}`;
    case 'no-producer':
      return 'no line makes it in this scenario';
    default:
      return `${short.cause ?? 'capacity'} in ${month(short.t)}, even with unlimited money`;
  }
}

/** ": the quickest way to more, OPTION at LINE, takes N months from MONTH" where the system has options. */
function quickest(plan: Plan, system: string, t: number): string {
  const { input } = plan;
  const ways = [
    ...input.lines.flatMap((line) => (line.system === system && line.maxCapacityPerMonth > line.capacityPerMonth ? [{ line, id: 'its own expansion', lead: line.leadTimeMonths, first: 0 }] : [])),
    ...input.options.flatMap((o) => (input.lines[o.line]!.system === system && o.addPerMonth > 0 ? [{ line: input.lines[o.line]!, id: `option ${o.id}`, lead: o.leadTimeMonths, first: o.firstOrderT }] : [])),
  ].sort((a, b) => a.first + a.lead - (b.first + b.lead) || a.id.localeCompare(b.id));
  const way = ways[0];
  if (!way) return ', and no line of it can grow';
  const online = way.first + way.lead;
  return `; the quickest way to more, ${way.id} of ${way.line.producer || way.line.country} (${way.line.country}), takes ${way.lead} months${way.first > 0 ? ` from ${formatMonth(input.months[way.first]!)}` : ''}, so its first capacity comes online in ${online < input.months.length ? formatMonth(input.months[online]!) : 'no month of the horizon'}${online <= t ? ' and is all used by then' : ''}`;
}
