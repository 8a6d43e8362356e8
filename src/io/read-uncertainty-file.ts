import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UNCERTAINTY_FILE } from '../analyses/risk/parse-uncertainty-file.js';
import { InputError } from '../base/errors.js';
import type { InputFileHash } from '../results/manifest.js';

/** A data folder's optional uncertainty.csv (rampup risk), read-only, with its sha256; undefined when absent. */
export async function readUncertaintyFile(folder: string): Promise<{ bytes: Uint8Array; input: InputFileHash } | undefined> {
  try {
    const bytes = await readFile(join(folder, UNCERTAINTY_FILE), { flag: 'r' });
    return { bytes, input: { file: UNCERTAINTY_FILE, sha256: createHash('sha256').update(bytes).digest('hex') } };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError([{ file: UNCERTAINTY_FILE, line: 1, column: 1, code: 'FILE_UNREADABLE', message: `cannot read: ${(error as Error).message}` }], folder);
  }
}
