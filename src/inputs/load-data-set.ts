import { InputError } from '../errors.js';
import { parseDataFolder, type DataFiles, type DataSet } from './parse-data-folder.js';

/** Parses a data folder's files, or throws InputError with every problem. */
export function loadDataSet(files: DataFiles): DataSet {
  const { data, issues } = parseDataFolder(files);
  if (!data) throw new InputError(issues);
  return data;
}
