import { closeGaps } from './analyses/close-gaps.js';
import { solvePlan } from './analyses/explain-infeasibility.js';
import { analyseGuarantees } from './analyses/guarantees.js';
import { measureSensitivity } from './analyses/measure-sensitivity.js';
import type { DataSet } from './inputs/parse-data-folder.js';
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
  const exported: PlanOutcome['exported'] = {};
  for (const format of options.exportFormats ?? []) exported[format] = await exportModel(model.lp, format);

  const solution = await clock.timeAsync('solve', () => solvePlan(model, ctx));
  clock.record('solveStage1', solution.timingsMs.stage1);
  clock.record('solveStage2', solution.timingsMs.stage2);
  let plan = clock.time('derive', () => readPlan(model, solution));
  const summary = clock.time('summarize', () => summarizePlan(plan));
  const renderSvg = options.renderSvg ? memoizeRender(options.renderSvg) : undefined;
  if (renderSvg && html) requestEarlyCharts(plan, summary, renderSvg);

  // The analyses re-solve; none of them changes the summary.
  if (options.explain ?? true) plan = { ...plan, closure: await clock.timeAsync('closeGaps', () => closeGaps(plan, ctx)) };
  if (options.guarantees) plan = { ...plan, guarantees: await clock.timeAsync('guarantees', () => analyseGuarantees(input, ctx, from)) };
  if (options.sensitivity) plan = { ...plan, countries: await clock.timeAsync('sensitivity', () => measureSensitivity(plan, ctx)) };

  const solver = { name: ctx.adapter.name, version: await ctx.adapter.version() };
  const manifest = buildManifest({ data, inputs, settings, input, lp: model.lp, plan, solver, timings: clock.timings, warnings: [...(data.warnings ?? []), ...warnings], run: options.name ?? runName(settings.name, options.set ?? []) });
  const files = await clock.timeAsync('render', () =>
    renderReportFiles({ plan, summary, settings, manifest }, { csv: options.csv ?? 'rfc4180', html, xlsx: options.xlsx ?? false, renderSvg }),
  );
  return { scenario: settings, plan, summary, manifest, files: [...files, manifestFile(manifest)], exported };
}
