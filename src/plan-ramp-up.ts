import { InputError, SolveError } from './errors.js';
import { closeGaps } from './results/close-gaps.js';
import { explainInfeasibility } from './results/explain-infeasibility.js';
import { measureSensitivity } from './results/measure-sensitivity.js';
import { sortInputIssues } from './inputs/input-issue.js';
import { parseDataFolder, type DataFiles, type DataSet } from './inputs/parse-data-folder.js';
import { formatMonth, parseMonth } from './inputs/periods.js';
import { analyseGuarantees } from './results/analyse-guarantees.js';
import { buildRampUpModel } from './model/build-ramp-up-model.js';
import { readPlan } from './results/read-plan.js';
import { summarizePlan, type PlanSummary } from './results/summarize-plan.js';
import type { Plan } from './results/plan.js';
import { memoizeRender, type RenderSvg } from './render/chart-renderer.js';
import { renderCsv, type CsvDialect } from './render/csv-dialect.js';
import { renderManifest, type Manifest } from './render/render-manifest.js';
import { renderSummary } from './render/render-summary.js';
import { budgetSharesTable, capacityPlanTable, gapsBySystemTable, gapsTable, guaranteesTable, productionTable, type Table } from './render/render-tables.js';
import { applyScenario } from './scenario/apply-scenario.js';
import type { PlanInput } from './scenario/plan-input.js';
import { parseSetFlags, resolveScenario, scenarioRows, type RawSetting, type ScenarioSettings } from './scenario/scenario-settings.js';
import { exportModel } from './solve/export-model.js';
import { solveLexicographic } from './solve/solve-lexicographic.js';
import { DEFAULT_SOLVER, SOLVERS, findSolver } from './solve/solver-registry.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';

export interface PlanOptions {
  /** Scenario of scenarios.csv; `baseline` (the data as it stands) when absent from the file. */
  readonly scenario?: string;
  /** `key[:target]=value` settings applied after the scenario's own rows. */
  readonly set?: readonly string[];
  readonly solver?: string;
  readonly method?: string;
  readonly timeLimitSeconds?: number;
  readonly csv?: CsvDialect;
  /** Re-solve with unlimited money for cost to close and earliest months (default true). */
  readonly explain?: boolean;
  /** Re-solve with +10 % money per country (slower: one solve per paying country). */
  readonly sensitivity?: boolean;
  /** Analyse what can be guaranteed (rampup guarantees); `from` asks the extra money to promise 100 % from that month. */
  readonly guarantees?: { readonly from?: string };
  /** Render report.html (default true; sweeps that keep no folders skip it). */
  readonly html?: boolean;
  /** Draws the charts, e.g. on a worker thread started early; default: in this thread. */
  readonly renderSvg?: RenderSvg;
  /** Also render report.xlsx, a sheet per report table. */
  readonly xlsx?: boolean;
  /** Also return the stage-1 program in these formats (for --write-lp / --write-mps). */
  readonly exportFormats?: readonly ('lp' | 'mps')[];
}

export interface ReportFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

export interface PlanOutcome {
  readonly scenario: ScenarioSettings;
  readonly plan: Plan;
  readonly summary: PlanSummary;
  readonly manifest: Manifest;
  readonly files: readonly ReportFile[];
  /** The stage-1 program as text, per format asked for in exportFormats. */
  readonly exported: Partial<Record<'lp' | 'mps', string>>;
}

export const BASELINE = 'baseline';

/** The index of a YYYY-MM month in the horizon, or an InputError naming the horizon. */
function monthInHorizon(text: string, months: readonly number[]): number {
  const m = parseMonth(text);
  const t = m === undefined ? -1 : months.indexOf(m);
  if (t < 0) {
    throw new InputError([
      { file: '--from', line: 1, column: 1, code: 'BAD_PERIOD', message: `"${text}" is not a month of the horizon ${formatMonth(months[0]!)} to ${formatMonth(months.at(-1)!)}` },
    ]);
  }
  return t;
}

/** Parses a data folder's files, or throws InputError with every problem. */
export function loadDataSet(files: DataFiles): DataSet {
  const { data, issues } = parseDataFolder(files);
  if (!data) throw new InputError(issues);
  return data;
}

/** Resolves a scenario (its rows, then the --set flags) into the model's input. */
export function prepareScenario(data: DataSet, name: string = BASELINE, set: readonly string[] = []): { settings: ScenarioSettings; input: PlanInput } {
  const rows = scenarioRows(data, name);
  const flags = parseSetFlags(set);
  if (!rows.found && name !== BASELINE) {
    const known = [...new Set(data.scenarios.map((r) => r.row.scenario))];
    throw new InputError([
      {
        file: 'scenarios.csv',
        line: 1,
        column: 1,
        code: 'UNKNOWN_SETTING',
        message: `no scenario named "${name}"; the scenarios are ${[BASELINE, ...known.filter((k) => k !== BASELINE)].join(', ')}`,
      },
    ]);
  }
  const raw: RawSetting[] = [...rows.settings, ...flags.settings];
  const resolved = resolveScenario(data, name, rows.description, raw);
  const issues = [...flags.issues, ...resolved.issues];
  if (!resolved.settings || issues.length > 0) throw new InputError(sortInputIssues(issues));
  const applied = applyScenario(data, resolved.settings);
  if (!applied.input) throw new InputError(applied.issues);
  return { settings: resolved.settings, input: applied.input };
}

/**
 * The whole pipeline for one scenario: build the LP, solve it in two stages, read the plan
 * back and render every report. Pure apart from the solver: no disk, no console.
 */
export async function planRampUp(data: DataSet, inputs: Manifest['inputs'], options: PlanOptions = {}): Promise<PlanOutcome> {
  const timings: Record<string, number> = {};
  const time = <T>(phase: string, work: () => T): T => {
    const start = performance.now();
    const result = work();
    timings[phase] = Math.round((performance.now() - start) * 100) / 100;
    return result;
  };
  const timeAsync = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work();
    timings[phase] = Math.round((performance.now() - start) * 100) / 100;
    return result;
  };
  const solveOptions = {
    ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
    ...(options.method !== undefined ? { method: options.method } : {}),
  };
  const solverName = options.solver ?? DEFAULT_SOLVER;
  const adapter = findSolver(solverName);
  if (!adapter) {
    throw new InputError([
      { file: '--solver', line: 1, column: 1, code: 'BAD_SETTING_VALUE', message: `unknown solver "${solverName}"; the solvers are ${SOLVERS.map((s) => s.name).join(', ')}` },
    ]);
  }
  const { settings, input } = time('scenario', () => prepareScenario(data, options.scenario, options.set));
  const model = time('build', () => buildRampUpModel(input));
  const exported: Partial<Record<'lp' | 'mps', string>> = {};
  for (const format of options.exportFormats ?? []) exported[format] = await exportModel(model.lp, format);
  const solution = await timeAsync('solve', () =>
    solveLexicographic(model, adapter, solveOptions).catch(async (error: unknown) => {
      throw error instanceof SolveError && error.status === 'infeasible' ? await explainInfeasibility(input, adapter, error) : error;
    }),
  );
  timings.solveStage1 = Math.round(solution.timingsMs.stage1 * 100) / 100;
  timings.solveStage2 = Math.round(solution.timingsMs.stage2 * 100) / 100;
  let plan = time('derive', () => readPlan(model, solution));
  // The re-solves below add closure, guarantees and sensitivity, none of which the summary reads.
  const summary = time('summarize', () => summarizePlan(plan));
  // Charts that do not wait for the re-solves below are asked for now: a worker can draw them meanwhile.
  const renderSvg = options.renderSvg ? memoizeRender(options.renderSvg) : undefined;
  if (renderSvg && (options.html ?? true)) {
    const { budgetSharesChart, capacityChart, needDeliveredChart } = await import('./render/render-html-report.js');
    for (const [spec, prefix] of [[needDeliveredChart(plan, summary), 'need-delivered'], [capacityChart(plan), 'capacity'], [budgetSharesChart(plan), 'budget-shares']] as const) {
      renderSvg(spec, prefix).catch(() => undefined); // failures surface when the report asks again
    }
  }
  if (options.explain ?? true) {
    const base = plan;
    const open = buildRampUpModel(input, { unlimitedMoney: true });
    plan = { ...plan, closure: await timeAsync('closeGaps', async () => closeGaps(base, open, await solveLexicographic(open, adapter, solveOptions))) };
  }
  if (options.guarantees) {
    const from = options.guarantees.from !== undefined ? monthInHorizon(options.guarantees.from, input.months) : undefined;
    plan = { ...plan, guarantees: await timeAsync('guarantees', () => analyseGuarantees(input, { adapter, options: solveOptions }, from)) };
  }
  if (options.sensitivity) {
    const base = plan;
    plan = { ...plan, countries: await timeAsync('sensitivity', () => measureSensitivity(base, adapter, solveOptions)) };
  }
  const manifest: Manifest = {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    scenario: { name: settings.name, description: settings.description, settings: settings.applied },
    data: {
      latestSourceDate: data.sources.map((s) => s.published ?? '').sort().at(-1) || null,
      months: { first: formatMonth(input.months[0]!), last: formatMonth(input.months.at(-1)!) },
    },
    inputs,
    solver: { name: adapter.name, version: await adapter.version() },
    model: { variables: model.lp.numCols, constraints: model.lp.numRows, nonzeros: model.lp.matrix.indices.length },
    status: 'optimal',
    objectives: { weightedShortfall: plan.weightedShortfall, totalCostEur: plan.totalCostEur },
    timings,
  };
  const dialect = options.csv ?? 'rfc4180';
  const files = await timeAsync('render', async () => {
    const tables: [string, Table][] = [
      ['gaps', gapsTable(plan)],
      ['gaps_by_system', gapsBySystemTable(summary, plan)],
      ['production', productionTable(plan)],
      ['capacity_plan', capacityPlanTable(plan)],
      ['budget_shares', budgetSharesTable(plan)],
      ...(plan.guarantees ? ([['guarantees', guaranteesTable(plan.guarantees, input.months)]] as [string, Table][]) : []),
    ];
    const out: ReportFile[] = tables.map(([name, t]) => ({ name: `${name}.csv`, content: renderCsv(t.header, t.rows, dialect) }));
    out.push({ name: 'summary.md', content: renderSummary(plan, summary, settings, { name: adapter.name, duals: adapter.features.duals }) });
    if (options.html ?? true) {
      // Loaded on demand: the chart libraries cost start-up time that sweeps do not need.
      const { renderHtmlReport } = await import('./render/render-html-report.js');
      const costToClose = plan.closure
        ? summary.systems.map((s) => ({ system: s.system, name: s.name, costToCloseEur: plan.closure!.bySystem.get(s.system)?.costToCloseEur ?? 0 })).filter((r) => r.costToCloseEur > 0)
        : undefined;
      out.push({
        name: 'report.html',
        content: await renderHtmlReport({ plan, summary, scenario: settings, manifest }, costToClose && costToClose.length > 0 ? { costToClose } : {}, renderSvg),
      });
    }
    if (options.xlsx) {
      const { renderXlsx } = await import('./render/render-xlsx.js');
      out.push({ name: 'report.xlsx', content: await renderXlsx(tables.map(([sheet, t]) => ({ sheet, ...t }))) });
    }
    return out;
  });
  return { scenario: settings, plan, summary, manifest, files: [...files, { name: 'manifest.json', content: renderManifest(manifest) }], exported };
}
