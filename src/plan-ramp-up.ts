import { calibrate } from './results/calibration.js';
import { UNLIMITED_COLD_FROM_COLUMNS, closeGaps, withClosure } from './analyses/close-gaps.js';
import { explainFailure } from './analyses/explain-infeasibility.js';
import { analyseGuarantees, PRICE_LEVELS, promiseTargets } from './analyses/guarantees.js';
import { measureSensitivity } from './analyses/measure-sensitivity.js';
import { largestGuaranteeInPlan, type CurveValues } from './analyses/promises.js';
import { PhaseClock } from './base/phase-clock.js';
import { DEFAULT_RECIPIENT, type DataSet } from './inputs/parse-data-folder.js';
import type { RampUpModel } from './model/build-ramp-up-model.js';
import type { LinearProgram } from './model/linear-program.js';
import { writeProgram } from './model/write-program.js';
import { solveScenario, type OpenScenario } from './pipeline/solve-scenario.js';
import type { PlanOptions, PlanOutcome } from './plan-options.js';
import { memoizeRender, type RenderSvg } from './render/charts/render-svg.js';
import { requestEarlyCharts } from './render/html/report-page.js';
import { manifestFile, renderReportFiles, timingsFile } from './render/render-report-files.js';
import { buildManifest, type InputFileHash } from './results/manifest.js';
import type { Plan, PlanSummary } from './results/plan.js';
import { summarizePlan } from './results/summarize-plan.js';
import { horizonMonth } from './scenario/horizon-month.js';
import { prepareScenario, type PreparedScenario } from './scenario/prepare-scenario.js';
import { runName } from './scenario/run-name.js';
import type { LexicographicSolution } from './solve/solve-lexicographic.js';
import { engineContext, type SolveContext } from './solve/solve-context.js';
import type { SolveStats } from './solve/solver-adapter.js';

export type { AnalysesWanted, EngineChoice, OutputChoice, PlanHooks, PlanOptions, PlanOutcome, ReportFile, ScenarioChoice } from './plan-options.js';

/**
 * One scenario from data to report files: prepare -> solve -> each analysis asked for ->
 * manifest -> render. Pure apart from the solver: no disk, no console. Every solve, the
 * analyses' re-solves included, uses the same engine and the user's solve options.
 */
export async function planRampUp(data: DataSet, inputs: readonly InputFileHash[], options: PlanOptions = {}): Promise<PlanOutcome> {
  const run: PlanRun = new PlanRun(options);
  const prepared = options.scenario?.prepared ?? run.clock.time('scenario', () => prepareScenario(data, options.scenario?.name, options.scenario?.set));
  const side = run.startSideWork(prepared);
  const solved = await run.clock.timeAsync('solve', () => run.solve(prepared, side)).catch((error: unknown) => run.fail(error));
  let plan: Plan;
  try {
    plan = await run.analyse(solved, side);
  } catch (error) {
    run.fail(error);
  } finally {
    solved.session.dispose();
  }
  if (options.analyses?.sensitivity) plan = { ...plan, payers: await run.clock.timeAsync('sensitivity', () => measureSensitivity(plan, run.ctx)) };
  if (options.analyses?.replay) plan = { ...plan, calibration: calibrate(plan, data.actuals ?? []) };
  return run.report(data, inputs, prepared, plan);
}

/** Work on other threads beside the plan: a large model's cost to close, and the promise curves once the plan is known. */
interface SideWork {
  curves?: Promise<CurveValues[]>;
  unlimited?: Promise<LexicographicSolution>;
  readonly from: number | undefined;
  readonly recipient: string;
  readonly levels: readonly number[];
}

/** One run of planRampUp: its clock, engine context, the work it stops when the plan fails, and what it found. */
class PlanRun {
  readonly clock = new PhaseClock();
  readonly ctx: SolveContext;
  private readonly stop = new AbortController();
  private readonly stats: Record<string, SolveStats> = {};
  private readonly exported: PlanOutcome['exported'] = {};
  private readonly renderSvg: RenderSvg | undefined;
  private program: LinearProgram | undefined;
  private summary: PlanSummary | undefined;
  private tieBreakFailed: string | undefined;
  private spreadFailed: string | undefined;
  private jointPromise: number | undefined;

  constructor(private readonly options: PlanOptions) {
    this.ctx = engineContext(options.engine, options.hooks);
    this.renderSvg = options.hooks?.renderSvg ? memoizeRender(options.hooks.renderSvg) : undefined;
  }

  /** Work on other threads stops if the plan fails: its answers would not be read. */
  fail(error: unknown): never {
    this.stop.abort();
    throw error;
  }

  /** What the side work asks: the recipient, the month and the price levels of the promises. */
  startSideWork(prepared: PreparedScenario): SideWork {
    const guarantees = this.options.analyses?.guarantees;
    const recipient = guarantees?.recipient ?? DEFAULT_RECIPIENT;
    const from = guarantees?.from !== undefined ? horizonMonth(guarantees.from, prepared.input.months, '--from') : undefined;
    return { from, recipient, levels: (guarantees?.levels ?? PRICE_LEVELS).map((l) => l / 100) };
  }

  /** A promise keeps the plan's earlier deliveries: once the plan is known, a runner on another thread draws the curves while this one goes on. */
  private drawCurves(solved: OpenScenario, side: SideWork): void {
    const runner = this.options.hooks?.promiseCurves;
    if (!this.options.analyses?.guarantees || !runner) return;
    const { input } = solved.plan;
    const request = { input, recipient: side.recipient, targets: promiseTargets(input, side.recipient, side.from ?? 0), delivered: solved.plan.needs.map((n) => n.delivered) };
    side.curves = runner(request, this.ctx, this.stop.signal);
    side.curves.catch(() => undefined); // awaited later; meanwhile a failure is not an unhandled rejection
  }

  /** The plan's stages, in a session kept open for the analyses; an infeasible scenario comes back explained. */
  async solve(prepared: PreparedScenario, side: SideWork): Promise<OpenScenario> {
    const started = performance.now();
    const solved = await solveScenario(prepared.input, this.ctx, { keep: true, onBuilt: (model) => this.built(model, side, performance.now() - started) }).catch(async (error: unknown) => {
      throw await explainFailure(error, prepared.input, this.ctx);
    });
    this.tieBreakFailed = solved.solution.tieBreakFailed;
    this.spreadFailed = solved.solution.spreadFailed;
    this.recordStages('solve', solved.solution);
    return solved;
  }

  /** The program exported where asked; a large model's cost to close started from nothing beside the plan (unlimitedStart). */
  private built(model: RampUpModel, side: SideWork, buildMs: number): void {
    this.clock.record('build', buildMs);
    this.program = model.lp;
    for (const format of this.options.output?.exportFormats ?? []) this.exported[format] = writeProgram(model.lp, format);
    const runner = this.options.hooks?.unlimitedMoney;
    if (this.explains() && runner && model.lp.numCols >= UNLIMITED_COLD_FROM_COLUMNS) {
      side.unlimited = runner(model.input, this.ctx, this.stop.signal);
      side.unlimited.catch(() => undefined); // awaited later
    }
  }

  private explains(): boolean {
    return this.options.analyses?.explain ?? true;
  }

  /** The analyses asked for, on the plan's session where they can; none of them changes the summary. */
  async analyse(solved: OpenScenario, side: SideWork): Promise<Plan> {
    this.drawCurves(solved, side);
    let plan = solved.plan;
    const summary = this.clock.time('summarize', () => summarizePlan(plan));
    this.summary = summary;
    if (this.renderSvg && (this.options.output?.html ?? true)) requestEarlyCharts(plan, summary, this.renderSvg);
    const wanted = this.options.analyses ?? {};
    if (this.explains()) {
      const onSolved = (unlimited: LexicographicSolution) => this.recordStages('closeGaps', unlimited);
      plan = withClosure(plan, await this.clock.timeAsync('closeGaps', () => closeGaps(solved, this.ctx, { onSolved, ...(side.unlimited ? { drawn: side.unlimited } : {}) })));
    }
    if (wanted.guarantees) {
      const asked = { recipient: side.recipient, from: side.from, levels: side.levels };
      const closed = plan;
      plan = { ...plan, guarantees: await this.clock.timeAsync('guarantees', async () => analyseGuarantees(solved, this.ctx, asked, closed, side.curves ? await side.curves : undefined)) };
    }
    if (wanted.jointPromise) {
      const everything = new Set(plan.input.needs.map((n) => n.system));
      this.jointPromise = await this.clock.timeAsync('jointPromise', () => largestGuaranteeInPlan(solved, everything));
    }
    return plan;
  }

  /** The manifest and the report files. */
  async report(data: DataSet, inputs: readonly InputFileHash[], prepared: PreparedScenario, plan: Plan): Promise<PlanOutcome> {
    const { settings, input, warnings } = prepared;
    const { scenario, output = {} } = this.options;
    // The plan's own summary: the analyses answer other questions and change none of it.
    const summary = this.summary ?? summarizePlan(plan);
    const spread = this.spreadWords(prepared);
    const solver = { name: this.ctx.adapter.name, version: await this.ctx.adapter.version(), tieBreak: this.tieBreakWords(), ...(spread ? { spread } : {}) };
    const run = scenario?.runName ?? runName(settings.name, scenario?.set ?? []);
    const manifest = buildManifest({ data, inputs, settings, input, lp: this.program!, plan, solver, warnings: [...(data.warnings ?? []), ...warnings], run });
    const html = output.html ?? true;
    const renderOptions = { csv: output.csv ?? 'rfc4180', html, xlsx: output.xlsx ?? false, renderSvg: this.renderSvg } as const;
    const files = output.files === false ? [] : await this.clock.timeAsync('render', () => renderReportFiles({ plan, summary, settings, manifest }, renderOptions));
    const joint = this.jointPromise !== undefined ? { jointPromise: this.jointPromise } : {};
    return { scenario: settings, plan, summary, manifest, timings: this.clock.timings, files: [...files, manifestFile(manifest), timingsFile(this.clock.timings)], exported: this.exported, solveStats: this.stats, ...joint };
  }

  private tieBreakWords(): string {
    const asked = this.options.engine?.tieBreak ?? 'soonest';
    if (!this.ctx.adapter.features.tieBreak) return 'not available with this solver';
    return this.tieBreakFailed ? `${asked}, not applied: ${this.tieBreakFailed}; the plan is the money stage's` : asked;
  }

  /** Stage 4 as applied, under channels or pooled financing (none under national: each country pays its own lines). */
  private spreadWords(prepared: PreparedScenario): string | undefined {
    if (prepared.input.financing.kind === 'national') return undefined;
    const asked = this.options.engine?.spread ?? 'proportional';
    if (!this.ctx.adapter.features.tieBreak) return 'not available with this solver';
    if (asked === 'none' || !this.spreadFailed) return asked;
    return `${asked}, not applied: ${this.spreadFailed}; who pays is one of many equally good answers`;
  }

  /** Each stage's time (timings.json: `solveStage1`, `closeGapsStage2`, ...) and what the engine did in it. */
  private recordStages(phase: string, solution: LexicographicSolution): void {
    Object.entries(solution.timingsMs).forEach(([stage, ms], k) => {
      const name = `${phase}${stage[0]!.toUpperCase()}${stage.slice(1)}`;
      this.clock.record(name, ms);
      const engine = solution.stats[k];
      if (engine) this.stats[name] = engine;
    });
  }
}
