import { InputError } from '../base/errors.js';
import { dataWarnings } from './data-warnings.js';
import { emptyOptionalFiles, parseDataFolder, type DataFiles, type DataSet } from './parse-data-folder.js';

/**
 * Parses a data folder's files, or throws InputError with every problem. The data set carries
 * its warnings; `otherFiles` (the folder's files that are not input files) are among them.
 */
export function loadDataSet(files: DataFiles, otherFiles: readonly string[] = []): DataSet {
  const { data, issues } = parseDataFolder(files, otherFiles);
  if (!data) throw new InputError(issues, undefined, dataWarnings({ ...EMPTY, locations: presentFiles(files) }, otherFiles));
  const empty = emptyOptionalFiles(files).map((file) => ({ file, line: 1, column: 1, code: 'EMPTY_OPTIONAL_FILE' as const, message: `${file} is empty (not even a header): read as if it were not there` }));
  return { ...data, warnings: [...empty, ...dataWarnings(data, otherFiles)] };
}

const EMPTY: DataSet = { countries: [], systems: [], capacity: [], needs: [], budgets: [], stocks: [], sources: [], funds: [], channels: [], commitments: [], options: [], inventories: [], materials: [], bom: [], scenarios: [], scenarioColumns: {} };

/** Which input files exist, for the unknown-file warnings of a folder that did not parse. */
function presentFiles(files: DataFiles): DataSet['locations'] {
  return Object.fromEntries(Object.keys(files).map((name) => [name, { lines: [], columns: {}, delimiter: ',' as const }]));
}
