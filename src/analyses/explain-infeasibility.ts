import { SolveError } from '../base/errors.js';
import { formatMonth } from '../inputs/periods.js';
import type { PlanInput } from '../scenario/plan-input.js';
import type { SolveContext } from '../solve/solve-context.js';
import { largestGuarantee, soloPlan } from './guarantees.js';

const pc = (v: number) => `${(100 * v).toFixed(1).replace(/\.0$/, '')} %`;

/**
 * Turns "infeasible" into domain words. Guarantees are the only hard settings (model.md),
 * so each guaranteed system is tried alone: if its floor fails even with every resource
 * of the scenario, say when, by how much and why; otherwise the floors fail together.
 */
export async function explainInfeasibility(input: PlanInput, ctx: SolveContext, error: SolveError): Promise<SolveError> {
  const floors = new Map<string, number>();
  for (const n of input.needs) if (n.guarantee > 0) floors.set(n.system, Math.max(floors.get(n.system) ?? 0, n.guarantee));
  if (floors.size === 0) return error;
  const lines: string[] = [];
  const names = new Map(input.systems.map((s) => [s.code, s]));
  for (const [system, g] of [...floors.entries()].sort()) {
    const level = await largestGuarantee(input, new Set([system]), ctx);
    if (level >= g - 1e-7) continue;
    const plan = await soloPlan(input, system, ctx);
    const short = plan.needs
      .filter((n) => n.need.system === system)
      .map((n) => ({ t: n.need.t, recipient: n.need.recipient, required: g * n.need.quantity, delivered: n.delivered, cause: n.cause }))
      .filter((m) => m.delivered < m.required - 1e-6 * Math.max(1, m.required))
      // Needs come by recipient; the months span and the example go by time.
      .sort((a, b) => a.t - b.t || a.recipient.localeCompare(b.recipient));
    const info = names.get(system)!;
    const first = short[0];
    const last = short.at(-1);
    const months = first && last ? (first.t === last.t ? `in ${formatMonth(input.months[first.t]!)}` : `from ${formatMonth(input.months[first.t]!)} to ${formatMonth(input.months[last.t]!)}`) : '';
    const detail = first
      ? `; in ${formatMonth(input.months[first.t]!)} ${first.recipient} needs at least ${Math.ceil(first.required).toLocaleString('en-GB')} ${info.unit}s and at most ${Math.floor(first.delivered).toLocaleString('en-GB')} can be delivered to it (cause: ${first.cause ?? 'competing needs'})`
      : '';
    lines.push(`guarantee ${pc(g)} for ${info.name} cannot hold ${months}${detail}; at most ${pc(level)} can be guaranteed in every month.`);
  }
  if (lines.length === 0) {
    const joint = await largestGuarantee(input, new Set(floors.keys()), ctx);
    lines.push(`each guarantee holds on its own, but not all at once: they compete for the same money and lines; together at most ${pc(joint)} of every month's need can be guaranteed.`);
  }
  return new SolveError('the scenario\'s delivery guarantees cannot all be met', 'infeasible', lines);
}

/** The error of a plan's solve, in domain words where the scenario was infeasible. */
export async function explainFailure(error: unknown, input: PlanInput, ctx: SolveContext): Promise<unknown> {
  return error instanceof SolveError && error.status === 'infeasible' ? explainInfeasibility(input, ctx, error) : error;
}
