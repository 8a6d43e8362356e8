import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The bundled data set: `data/` beside the package's package.json, found by walking up
 * from this module (src/io and dist/io alike).
 */
export const BUNDLED_DATA = findPackageFolder(dirname(fileURLToPath(import.meta.url)), 'data');

/** The bundled replay of 2025 (rampup replay), inside the bundled data. */
export const BUNDLED_REPLAY = join(BUNDLED_DATA, 'replay-2025');

function findPackageFolder(from: string, name: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, name);
    if (dirname(dir) === dir) return resolve(from, '..', '..', name);
  }
}
