import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../base/errors.js';
import { EXAMPLE_DATA } from './example-data.js';

/** Writes the example data folder into `dir`, which must be empty or absent; returns the file names. */
export async function writeExampleFolder(dir: string): Promise<string[]> {
  const existing = await readdir(dir).catch(() => [] as string[]);
  if (existing.length > 0) {
    throw new InputError([{ flag: 'init', value: dir, code: 'BAD_VALUE', message: `folder "${dir}" is not empty; choose a new folder` }]);
  }
  await mkdir(dir, { recursive: true });
  for (const [name, content] of Object.entries(EXAMPLE_DATA)) await writeFile(join(dir, name), content, { flag: 'wx' });
  return Object.keys(EXAMPLE_DATA);
}
