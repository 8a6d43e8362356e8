import { buildRampUpModel, type ModelOptions, type RampUpModel } from '../model/build-ramp-up-model.js';
import { stagesOf } from '../model/stages.js';
import type { Plan } from '../results/plan.js';
import { readPlan } from '../results/read-plan.js';
import type { PlanInput } from '../scenario/plan-input.js';
import type { SolveContext } from '../solve/solve-context.js';
import { openSession, solveLexicographic, type LexicographicSolution } from '../solve/solve-lexicographic.js';
import type { SessionStart, SolverSession } from '../solve/solver-adapter.js';

/** A scenario solved: its model, the stages' solution, the plan read back from it. */
export interface SolvedScenario {
  readonly model: RampUpModel;
  readonly solution: LexicographicSolution;
  readonly plan: Plan;
}

/** A solved scenario whose engine session is still open on its program: re-solves of variants start from its basis. */
export interface OpenScenario extends SolvedScenario {
  readonly session: SolverSession;
}

/** How a model is solved: in a session of the caller's, from a start, keeping the session open or not. */
export interface SolveHow {
  /** Solve in this session (open on the model's program); the caller disposes it. */
  readonly session?: SolverSession;
  /** Start the first stage from this basis (of a program the model's extends). */
  readonly start?: SessionStart;
  /** Keep the session open after the solve and return it (OpenScenario); the caller disposes it. */
  readonly keep?: boolean;
}

/** What is built before the solve: the model's options, an edit of the built model, and who wants to see it first. */
export interface BuildHow extends SolveHow {
  readonly model?: ModelOptions;
  readonly edit?: (model: RampUpModel) => RampUpModel;
  /** Called with the model before it is solved (to export it, or start work on other threads). */
  readonly onBuilt?: (model: RampUpModel) => void;
}

/**
 * The one pipeline of a prepared scenario: build -> solve (model.md's stages) -> read back.
 * Every path that plans a scenario (a plan, a sweep run, a risk sample, the cost to close, a
 * system served alone) comes through here, and differs only in what it asks of the build and
 * of the session.
 */
export async function solveScenario(input: PlanInput, ctx: SolveContext, how: BuildHow & { keep: true }): Promise<OpenScenario>;
export async function solveScenario(input: PlanInput, ctx: SolveContext, how?: BuildHow): Promise<SolvedScenario>;
export async function solveScenario(input: PlanInput, ctx: SolveContext, how: BuildHow = {}): Promise<SolvedScenario> {
  const built = buildRampUpModel(input, how.model);
  const model = how.edit ? how.edit(built) : built;
  how.onBuilt?.(model);
  return solveModel(model, ctx, how);
}

/** solveScenario's solve -> read back, for a model already built (the plan's, edited by an analysis). */
export async function solveModel(model: RampUpModel, ctx: SolveContext, how: SolveHow & { keep: true }): Promise<OpenScenario>;
export async function solveModel(model: RampUpModel, ctx: SolveContext, how?: SolveHow): Promise<SolvedScenario>;
export async function solveModel(model: RampUpModel, ctx: SolveContext, how: SolveHow = {}): Promise<SolvedScenario | OpenScenario> {
  const session = how.session ?? (await openSession(model.lp, ctx.adapter, ctx.options));
  const own = !how.session;
  try {
    if (how.start) session.restoreStart(how.start);
    const solution = await solveLexicographic(stagesOf(model), ctx.adapter, ctx.options, session);
    const solved = { model, solution, plan: readPlan(model, solution) };
    return how.keep ? { ...solved, session } : solved;
  } catch (error) {
    if (own && how.keep) session.dispose();
    throw error;
  } finally {
    if (own && !how.keep) session.dispose();
  }
}
