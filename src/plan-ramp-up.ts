import { UNLIMITED_COLD_FROM_COLUMNS, closeGaps, withClosure } from './analyses/close-gaps.js';
import { solvePlan } from './analyses/explain-infeasibility.js';
import { analyseGuarantees, promiseTargets } from './analyses/guarantees.js';
import { measureSensitivity } from './analyses/measure-sensitivity.js';
import { largestGuaranteeInPlan } from './analyses/promises.js';
import { DEFAULT_RECIPIENT, type DataSet } from './inputs/parse-data-folder.js';
import { buildRampUpModel } from './model/build-ramp-up-model.js';
import { PhaseClock } from './phase-clock.js';
import { solveOptionsOf, type PlanOptions, type PlanOutcome } from './plan-options.js';
import { memoizeRender } from './render/charts/render-svg.js';
import { requestEarlyCharts } from './render/html/report-page.js';
import { manifestFile, renderReportFiles } from './render/render-report-files.js';
import { buildManifest, type InputFileHash } from './results/manifest.js';
import { readPlan } from './results/read-plan.js';
import { summarizePlan } from './results/summarize-plan.js';
import { horizonMonth } from './scenario/horizon-month.js';
import { prepareScenario } from './scenario/prepare-scenario.js';
import { runName } from './scenario/run-name.js';
import { exportModel } from './solve/export-model.js';
import { openSession, type LexicographicSolution } from './solve/solve-lexicographic.js';
import type { SolveStats } from './solve/solver-adapter.js';
import type { Plan, PlanSummary } from './results/plan.js';
import { solveContext } from './solve/solve-context.js';

export type { PlanOptions, PlanOutcome, ReportFile } from './plan-options.js';

/**
 * One scenario from data to report files: prepare -> build -> solve -> read back -> analyse
 * -> render. Pure apart from the solver: no disk, no console. Every solve, the analyses'
 * re-solves included, uses the same engine and the user's solve options.
 */
export async function planRampUp(data: DataSet, inputs: readonly InputFileHash[], options: PlanOptions = {}): Promise<PlanOutcome> {
  const clock = new PhaseClock();
  const ctx = solveContext(options.solver, solveOptionsOf(options));
  const html = options.html ?? true;

  const { settings, input, warnings } = clock.time('scenario', () => prepareScenario(data, options.scenario, options.set));
  const from = options.guarantees?.from !== undefined ? horizonMonth(options.guarantees.from, input.months, '--from') : undefined;
  const model = clock.time('build', () => buildRampUpModel(input));
  // The promise curves need nothing of the plan: a runner on another thread draws them while it is solved.
  const recipient = options.guarantees?.recipient ?? DEFAULT_RECIPIENT;
  // Work started on other threads stops if the plan fails: its answers would not be read.
  const stop = new AbortController();
  const curves = options.guarantees && options.promiseCurves ? options.promiseCurves(input, promiseTargets(input, recipient).targets, recipient, ctx, from, stop.signal) : undefined;
  curves?.catch(() => undefined); // awaited below; meanwhile a failure is not an unhandled rejection
  const exported: PlanOutcome['exported'] = {};
  for (const format of options.exportFormats ?? []) exported[format] = await exportModel(model.lp, format);

  // One engine session for the plan's stages and the analyses asked in it (promises); cost to close has its own.
  const solveStats: Record<string, SolveStats> = {};
  const session = await clock.timeAsync('solve', () => openSession(model.lp, ctx.adapter, ctx.options)).catch((error: unknown) => {
    stop.abort();
    throw error;
  });
  let plan: Plan;
  let summary: PlanSummary;
  let tieBreakFailed: string | undefined;
  let jointPromise: number | undefined;
  const renderSvg = options.renderSvg ? memoizeRender(options.renderSvg) : undefined;
  try {
    // A large model's cost to close starts from nothing (unlimitedStart): with a runner it is solved beside the plan.
    const explain = options.explain ?? true;
    const drawn = explain && options.unlimitedMoney && model.lp.numCols >= UNLIMITED_COLD_FROM_COLUMNS ? options.unlimitedMoney(input, ctx, stop.signal) : undefined;
    drawn?.catch(() => undefined); // awaited below; meanwhile a failure is not an unhandled rejection
    const solution = await clock.timeAsync('solve', () => solvePlan(model, ctx, session), true);
    tieBreakFailed = solution.tieBreakFailed;
    recordStages(clock, solveStats, 'solve', solution);
    plan = clock.time('derive', () => readPlan(model, solution));
    summary = clock.time('summarize', () => summarizePlan(plan));
    if (renderSvg && html) requestEarlyCharts(plan, summary, renderSvg);

    // The analyses re-solve (in this session where they can); none of them changes the summary.
    const solved = { model, solution, session };
    if (explain) {
      const onSolved = (unlimited: LexicographicSolution) => recordStages(clock, solveStats, 'closeGaps', unlimited);
      plan = withClosure(plan, await clock.timeAsync('closeGaps', () => closeGaps(plan, ctx, { warm: solved, onSolved, ...(drawn ? { drawn } : {}) })));
    }
    if (options.guarantees) {
      const asked = { recipient, from };
      const base = plan;
      plan = { ...plan, guarantees: await clock.timeAsync('guarantees', async () => analyseGuarantees(input, ctx, asked, base, curves ? await curves : undefined)) };
    }
    if (options.jointPromise) {
      const everything = new Set(input.needs.map((n) => n.system));
      jointPromise = await clock.timeAsync('jointPromise', () => largestGuaranteeInPlan(solved, everything));
    }
  } catch (error) {
    stop.abort();
    throw error;
  } finally {
    session.dispose();
  }
  if (options.sensitivity) plan = { ...plan, payers: await clock.timeAsync('sensitivity', () => measureSensitivity(plan, ctx)) };

  const tieBreakAsked = options.tieBreak ?? 'soonest';
  const tieBreak = !ctx.adapter.features.tieBreak ? 'not available with this solver' : tieBreakFailed ? `${tieBreakAsked}, not applied: ${tieBreakFailed}; the plan is the money stage's` : tieBreakAsked;
  const solver = { name: ctx.adapter.name, version: await ctx.adapter.version(), tieBreak };
  const manifest = buildManifest({ data, inputs, settings, input, lp: model.lp, plan, solver, timings: clock.timings, warnings: [...(data.warnings ?? []), ...warnings], run: options.name ?? runName(settings.name, options.set ?? []) });
  const files =
    options.files === false
      ? []
      : await clock.timeAsync('render', () =>
          renderReportFiles({ plan, summary, settings, manifest }, { csv: options.csv ?? 'rfc4180', html, xlsx: options.xlsx ?? false, renderSvg }),
        );
  return { scenario: settings, plan, summary, manifest, files: [...files, manifestFile(manifest)], exported, solveStats, ...(jointPromise !== undefined ? { jointPromise } : {}) };
}

/** Each stage's time (manifest timings `solveStage1`, `closeGapsStage2`, ...) and what the engine did in it. */
function recordStages(clock: PhaseClock, stats: Record<string, SolveStats>, phase: string, solution: LexicographicSolution): void {
  Object.entries(solution.timingsMs).forEach(([stage, ms], k) => {
    const name = `${phase}${stage[0]!.toUpperCase()}${stage.slice(1)}`;
    clock.record(name, ms);
    const engine = solution.stats[k];
    if (engine) stats[name] = engine;
  });
}
