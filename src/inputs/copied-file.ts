import { INPUT_FILE_NAMES, type InputFileName } from './schemas.js';

/** What file managers and browsers add to a copy's name: `stocks (1).csv`, `stocks - Copy.csv`, `Copy of stocks.csv`, `stocks copy 2.csv`. */
const COPY_MARKS = [/^copy of /i, /\s*\(\d+\)$/, /\s*[-_]?\s*copy(\s*\(?\d+\)?)?$/i, /\s*\(copy\)$/i];

/** The input file a file of the folder is a copy of, by its name (`stocks (1).csv` -> stocks.csv), if any. */
export function copyOf(name: string): InputFileName | undefined {
  const ext = /\.csv$/i.exec(name);
  if (!ext) return undefined;
  let stem = name.slice(0, ext.index).trim();
  const before = stem;
  for (let changed = true; changed; ) {
    changed = false;
    for (const mark of COPY_MARKS) {
      const next = stem.replace(mark, '').trim();
      if (next !== stem && next !== '') [stem, changed] = [next, true];
    }
  }
  if (stem === before) return undefined;
  return INPUT_FILE_NAMES.find((known) => known === `${stem.toLowerCase()}.csv`);
}
