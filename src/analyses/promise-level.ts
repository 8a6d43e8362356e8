import type { PlanInput } from '../scenario/plan-input.js';
import type { SolveContext } from '../solve/solve-context.js';
import type { OpenScenario } from '../pipeline/solve-scenario.js';
import { promiseLevelsAt } from './promises.js';

/** Promise levels from one month: every system's alone (the others free) and all at once; undefined where nothing is needed. */
export interface PromiseLevels {
  readonly joint: number | undefined;
  readonly bySystem: ReadonlyMap<string, number | undefined>;
}

/** The systems of `systems` that `recipient` needs something of from month `from` on. */
function promisedSystems(input: PlanInput, systems: readonly string[], from: number, recipient: string): string[] {
  const wanted = new Set(systems);
  return [...new Set(input.needs.filter((n) => wanted.has(n.system) && n.recipient === recipient && n.t >= from && n.quantity > 0).map((n) => n.system))].sort();
}

/**
 * model.md's promise level from month index `from` (g_s(m), G(m) for several systems at once):
 * the largest g in [0,1] such that `delivered >= g x need` for `recipient` in every month from
 * `from` on, for every need of `systems`; earlier months, other recipients and other systems
 * free, money as in the scenario. Undefined when those systems need nothing from `from` on.
 */
export async function promiseLevel(input: PlanInput, systems: ReadonlySet<string>, from: number, recipient: string, ctx: SolveContext): Promise<number | undefined> {
  const promised = promisedSystems(input, [...systems], from, recipient);
  if (promised.length === 0) return undefined;
  return (await promiseLevelsAt(input, [new Set(promised)], recipient, from, ctx))[0];
}

/**
 * promiseLevel for every system of `systems` alone and for all at once, on one solver session.
 * Given the plan, in its session and keeping its earlier deliveries (model.md version 3's
 * promise); without it, earlier months free (version 2's).
 */
export async function promiseLevels(input: PlanInput, systems: readonly string[], from: number, recipient: string, ctx: SolveContext, plan?: OpenScenario): Promise<PromiseLevels> {
  const promised = promisedSystems(input, systems, from, recipient);
  const bySystem = new Map<string, number | undefined>(systems.map((s) => [s, undefined]));
  if (promised.length === 0) return { joint: undefined, bySystem };
  const levels = await promiseLevelsAt(input, [new Set(promised), ...promised.map((s) => new Set([s]))], recipient, from, ctx, plan);
  promised.forEach((s, i) => bySystem.set(s, levels[i + 1]));
  return { joint: levels[0], bySystem };
}
