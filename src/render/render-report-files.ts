import type { ReportFile } from '../base/report-file.js';
import type { Manifest } from '../results/manifest.js';
import type { Plan, PlanSummary } from '../results/plan.js';
import { yearTotals } from '../results/summarize-years.js';
import type { ScenarioSettings } from '../scenario/scenario-settings.js';
import type { RenderSvg } from './charts/render-svg.js';
import { renderCsv, type CsvDialect } from './csv-dialect.js';
import { renderSummary } from './render-summary.js';
import { csvTable, type Table } from './report-table.js';
import { byYearTable } from './tables/by-year-table.js';
import { gapsTable } from './tables/gaps-table.js';
import { guaranteeRows, guaranteesSpec, promisePricesSpec, promiseRows, promisesSpec } from './tables/guarantees-table.js';
import { calibrationSpec } from './tables/calibration-table.js';
import { capacityPlanTable, productionTable } from './tables/line-month-tables.js';
import { hasQueue, hasReleases, optionsPlanTable, queueTable, releasesTable } from './tables/levers-tables.js';
import { materialsTable } from './tables/materials-table.js';
import { moneyFlowsSpec } from './tables/money-flows-table.js';
import { systemsSpec } from './tables/systems-table.js';
import { whoPaysSpec } from './tables/who-pays-table.js';

export interface ReportParts {
  readonly plan: Plan;
  readonly summary: PlanSummary;
  readonly settings: ScenarioSettings;
  readonly manifest: Manifest;
}

export interface RenderOptions {
  readonly csv: CsvDialect;
  readonly html: boolean;
  readonly xlsx: boolean;
  readonly renderSvg?: RenderSvg | undefined;
}

/** The report tables of a plan, by file name (without .csv), in the order they are written. */
export function reportTables(plan: Plan, summary: PlanSummary): [string, Table][] {
  return [
    ['gaps', gapsTable(plan)],
    ['gaps_by_system', csvTable(systemsSpec(plan), summary.systems)],
    ['by_year', byYearTable(yearTotals(plan))],
    ['production', productionTable(plan)],
    ['capacity_plan', capacityPlanTable(plan)],
    ['options_plan', optionsPlanTable(plan)],
    ...(hasReleases(plan) ? ([['releases', releasesTable(plan)]] as [string, Table][]) : []),
    ...(hasQueue(plan) ? ([['queue', queueTable(plan)]] as [string, Table][]) : []),
    ['budget_shares', csvTable(whoPaysSpec(plan), plan.payers)],
    ['money_flows', csvTable(moneyFlowsSpec(plan), plan.moneyFlows)],
    ...(plan.input.materials.length > 0 ? ([['materials_plan', materialsTable(plan)]] as [string, Table][]) : []),
    ...(plan.guarantees
      ? ([
          ['guarantees', csvTable(guaranteesSpec(plan.guarantees, plan.input.months), guaranteeRows(plan.guarantees))],
          ['promises', csvTable(promisesSpec(plan.guarantees, plan.input.months), promiseRows(plan.guarantees))],
          ['promise_prices', csvTable(promisePricesSpec(plan.guarantees, plan.input.months), plan.guarantees.prices)],
        ] as [string, Table][])
      : []),
    ...(plan.calibration ? ([['calibration', csvTable(calibrationSpec, plan.calibration)]] as [string, Table][]) : []),
  ];
}

/** Every report file of a plan but the manifest and the timings (which include this rendering). */
export async function renderReportFiles(parts: ReportParts, options: RenderOptions): Promise<ReportFile[]> {
  const { plan, summary, settings, manifest } = parts;
  const tables = reportTables(plan, summary);
  const out: ReportFile[] = tables.map(([name, t]) => ({ name: `${name}.csv`, content: renderCsv(t.header, t.rows, options.csv) }));
  out.push({ name: 'summary.md', content: renderSummary(plan, summary, settings, manifest.solver) });
  if (options.html) {
    // Loaded on demand: the chart libraries cost start-up time that sweeps do not need.
    const { renderHtmlReport } = await import('./html/report-page.js');
    const closure = plan.closure;
    const costToClose = closure
      ? summary.systems
          .filter((s) => s.shortfall > 0)
          .map((s) => ({ system: s.system, name: s.name, costToCloseEur: closure.bySystem.get(s.system)?.costToCloseEur ?? 0 }))
          // Whole euros, as the CSV: solver noise of a few cents is nothing to close.
          .filter((r) => Math.round(r.costToCloseEur) > 0)
      : undefined;
    out.push({
      name: 'report.html',
      content: await renderHtmlReport(
        { plan, summary, scenario: settings, manifest },
        { ...(costToClose && costToClose.length > 0 ? { costToClose } : {}), ...(plan.calibration ? { calibration: plan.calibration } : {}) },
        options.renderSvg,
      ),
    });
  }
  if (options.xlsx) {
    const { renderXlsx } = await import('./render-xlsx.js');
    const { planAbout } = await import('./xlsx-about.js');
    out.push({ name: 'report.xlsx', content: await renderXlsx(tables.map(([sheet, t]) => ({ sheet, ...t })), planAbout(plan, summary, settings, manifest)) });
  }
  return out;
}

export function manifestFile(manifest: Manifest): ReportFile {
  return { name: 'manifest.json', content: `${JSON.stringify(manifest, null, 2)}\n` };
}

/** timings.json: milliseconds per phase, the one file that differs run to run (kept out of git: .gitignore). */
export function timingsFile(timings: Readonly<Record<string, number>>): ReportFile {
  return { name: 'timings.json', content: `${JSON.stringify(timings, null, 2)}\n` };
}
