import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../base/errors.js';
import type { DataFiles } from '../inputs/parse-data-folder.js';
import { INPUT_FILE_NAMES } from '../inputs/schemas.js';
import type { InputFileHash } from '../results/manifest.js';

export interface DataFolder {
  readonly files: DataFiles;
  /** sha256 of each file read, for the manifest. */
  readonly inputs: readonly InputFileHash[];
  /** The folder's other files (not folders), which rampup does not read: a misspelt name warns. */
  readonly otherFiles: readonly string[];
}

/** Reads the known input files of a folder (read-only); absent files are simply not there. */
export async function readDataFolder(folder: string): Promise<DataFolder> {
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) {
    const what = info ? 'is a file, not a folder' : 'no such folder';
    throw new InputError([{ flag: '--data', value: folder, code: 'FILE_MISSING', message: `${what}: give the path of a data folder (rampup init DIR writes one to start from)` }]);
  }
  const files: DataFiles = {};
  const inputs: { file: string; sha256: string }[] = [];
  for (const name of INPUT_FILE_NAMES) {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(folder, name), { flag: 'r' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new InputError([{ file: name, line: 1, column: 1, code: 'FILE_UNREADABLE', message: `cannot read: ${(error as Error).message}` }], folder);
    }
    files[name] = bytes;
    inputs.push({ file: name, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  const known = new Set<string>(INPUT_FILE_NAMES);
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const otherFiles = entries.filter((e) => e.isFile() && !known.has(e.name)).map((e) => e.name).sort();
  return { files, inputs, otherFiles };
}
