import { humanEuros, humanUnits } from '../base/format-number.js';
import { closestName } from './closest-name.js';
import { copyOf } from './copied-file.js';
import type { FileIssue, InputWarning, WarningCode } from '../base/input-issue.js';
import type { DataSet } from './parse-data-folder.js';
import { formatMonth } from './periods.js';
import { INPUT_FILE_NAMES, type InputFileName } from './schemas.js';

/**
 * What a data folder allows but is probably a mistake, whatever the scenario: files rampup does
 * not read, money outside the horizon, needs no line makes, systems whose shortfall costs
 * nothing. `otherFiles` are the folder's files that are not input files.
 */
export function dataWarnings(data: DataSet, otherFiles: readonly string[] = []): InputWarning[] {
  return [...unknownFiles(data, otherFiles), ...budgetsOutsideHorizon(data), ...needsWithoutLine(data), ...zeroPriorities(data), ...materialsWithoutSupply(data), ...unusedMaterials(data)];
}

/** Files that look like notes or a spreadsheet's own, not like misplaced data. */
const NOT_DATA = /^(\.|~\$)|\.(md|markdown)$/i;

function unknownFiles(data: DataSet, otherFiles: readonly string[]): InputWarning[] {
  const present = new Set(INPUT_FILE_NAMES.filter((name) => data.locations?.[name] !== undefined));
  return otherFiles
    .filter((name) => !NOT_DATA.test(name))
    // A copy standing in for a missing file is a problem of its own (parseDataFolder), not also a warning.
    .filter((name) => copyOf(name) === undefined || present.has(copyOf(name)!))
    .sort()
    .map((name) => {
      const stem = name.replace(/\.[^.]*$/, '').toLowerCase();
      const sameStem = INPUT_FILE_NAMES.find((known) => known.replace('.csv', '') === stem);
      const near = sameStem ?? copyOf(name) ?? closestName(name, INPUT_FILE_NAMES);
      let hint = `; the files it reads are ${INPUT_FILE_NAMES.join(', ')}`;
      if (sameStem && !name.toLowerCase().endsWith('.csv')) hint = `; it reads CSV only: save it as ${sameStem} ("CSV UTF-8" in Excel)`;
      else if (near && present.has(near as InputFileName)) hint = ` (did you mean ${near}? That file is here too, and it is the one read)`;
      else if (near) hint = ` (did you mean ${near}? Rename it, or its rows are not used)`;
      return { file: name, line: 1, column: 1, code: 'UNKNOWN_FILE', message: `rampup does not read ${name}${hint}` };
    });
}

/** Months of the horizon when no scenario narrows it: those of needs.csv. */
function dataHorizon(data: DataSet): { first: number; last: number } | undefined {
  let first = Infinity;
  let last = -Infinity;
  for (const n of data.needs) {
    if (n.period < first) first = n.period;
    if (n.period > last) last = n.period;
  }
  return last >= first ? { first, last } : undefined;
}

function budgetsOutsideHorizon(data: DataSet): InputWarning[] {
  const horizon = dataHorizon(data);
  if (!horizon) return [];
  const span = `the horizon ${formatMonth(horizon.first)} to ${formatMonth(horizon.last)} (the months of needs.csv)`;
  const out: InputWarning[] = [];
  data.budgets.forEach((b, i) => {
    if (b.budget_eur <= 0) return;
    const months = b.period.month !== undefined ? [b.period.month] : Array.from({ length: 12 }, (_, m) => b.period.year * 12 + m);
    // A year row partly inside is as meant: the months outside are not planned, nor is their money.
    if (months.some((m) => m >= horizon.first && m <= horizon.last)) return;
    const period = b.period.month !== undefined ? formatMonth(b.period.month) : String(b.period.year);
    const message = `the budget of ${b.payer} for ${period} (${humanEuros(b.budget_eur)}) is outside ${span}: its money is never used`;
    out.push(at(data, 'budgets.csv', i, 'period', 'BUDGET_OUTSIDE_HORIZON', message));
  });
  return out;
}

function needsWithoutLine(data: DataSet): InputWarning[] {
  const made = new Set(data.capacity.map((l) => l.system));
  const stock = new Map(data.stocks.map((s) => [s.system, s.quantity]));
  const out: InputWarning[] = [];
  for (const system of data.systems) {
    if (made.has(system.system)) continue;
    const rows = data.needs.flatMap((n, i) => (n.system === system.system && n.quantity > 0 ? [i] : []));
    const need = rows.reduce((a, i) => a + data.needs[i]!.quantity, 0);
    const inStock = stock.get(system.system) ?? 0;
    if (rows.length === 0 || inStock >= need) continue;
    const from = inStock > 0 ? `only from the ${humanUnits(inStock)} in stock` : 'from nothing: it has no stock either';
    const message = `no line in capacity.csv makes ${system.system}: its need of ${humanUnits(need)} ${system.unit}s can be met ${from}`;
    out.push(at(data, 'needs.csv', rows[0]!, 'system', 'NO_LINE_FOR_NEED', message));
  }
  return out;
}

function zeroPriorities(data: DataSet): InputWarning[] {
  const out: InputWarning[] = [];
  data.systems.forEach((s, i) => {
    if (s.priority > 0 || !data.needs.some((n) => n.system === s.system && n.quantity > 0 && n.priority === undefined)) return;
    const message = `${s.system} has priority 0: a shortfall of it costs nothing, so the plan makes none of it (give it a weight > 0, or a priority in needs.csv)`;
    out.push(at(data, 'systems.csv', i, 'priority', 'ZERO_PRIORITY', message));
  });
  return out;
}

/** A material that no line makes and no stock holds stops every product that needs it (sometimes the point: an embargo). */
function materialsWithoutSupply(data: DataSet): InputWarning[] {
  const made = new Set(data.capacity.map((l) => l.system));
  const stocked = new Set(data.stocks.filter((s) => s.quantity > 0).map((s) => s.system));
  const out: InputWarning[] = [];
  data.materials.forEach((m, i) => {
    if (made.has(m.material) || stocked.has(m.material)) return;
    const users = [...new Set(data.bom.filter((b) => b.material === m.material).map((b) => b.system))].sort();
    if (users.length === 0) return;
    const message = `no line makes ${m.material} and there is no stock of it: nothing that needs it can be made (${users.join(', ')})`;
    out.push(at(data, 'materials.csv', i, 'material', 'MATERIAL_WITHOUT_SUPPLY', message));
  });
  return out;
}

/** A material no bom row uses: its lines and stock change nothing. */
function unusedMaterials(data: DataSet): InputWarning[] {
  const used = new Set(data.bom.map((b) => b.material));
  const out: InputWarning[] = [];
  data.materials.forEach((m, i) => {
    if (used.has(m.material)) return;
    out.push(at(data, 'materials.csv', i, 'material', 'UNUSED_MATERIAL', `no row of bom.csv uses ${m.material}: its lines and stock change no plan`));
  });
  return out;
}

/** A warning at row `index` of a file, in the given column (line 1 when the data was built in memory). */
export function at(data: DataSet, file: InputFileName, index: number, column: string, code: WarningCode, message: string): FileIssue<WarningCode> {
  const where = data.locations?.[file];
  return { file, line: where?.lines[index] ?? 1, column: where?.columns[column] ?? 1, code, message };
}
