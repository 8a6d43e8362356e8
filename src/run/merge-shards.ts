import { InputError } from '../base/errors.js';
import type { InputIssue } from '../base/input-issue.js';
import type { ShardTable } from '../io/read-comparison-shards.js';
import type { Table } from '../base/report-file.js';

/**
 * The shards of one study joined into the tables an unsharded run writes, rows in run order.
 * Everything is checked before anything is written: every shard 1..N present once, of one
 * study (one N, the same columns), no run twice and none missing; otherwise an InputError
 * lists every problem and the old comparison stays as it was.
 */
export function mergeShards(shards: readonly ShardTable[], where: string): { table: Table; bySystem?: Table } {
  const comparison = shards.filter((s) => s.kind === 'comparison');
  const bySystem = shards.filter((s) => s.kind === 'comparison_by_system');
  if (comparison.length === 0) throw new InputError([{ flag: 'merge', value: where, code: 'FILE_MISSING', message: 'no comparison-shard-K-of-N.csv files found' }]);
  const issues: InputIssue[] = [...checkSet(comparison, where, 'comparison'), ...(bySystem.length > 0 ? checkSet(bySystem, where, 'comparison_by_system') : [])];
  const table = joinRows(comparison);
  const runs = table.rows.map((r) => Number(r[0]));
  const duplicate = runs.filter((r, i) => i > 0 && r === runs[i - 1]);
  if (duplicate.length > 0) issues.push({ flag: 'merge', value: where, code: 'DUPLICATE_KEY', message: `run ${[...new Set(duplicate)].join(', ')} appears in two shards` });
  const present = new Set(runs);
  const missing = runs.length > 0 ? Array.from({ length: runs.at(-1)! }, (_, i) => i + 1).filter((r) => !present.has(r)) : [];
  if (missing.length > 0) {
    issues.push({ flag: 'merge', value: where, code: 'FILE_MISSING', message: `runs ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', ...' : ''} are in no shard` });
  }
  if (issues.length > 0) throw new InputError(issues);
  return { table, ...(bySystem.length > 0 ? { bySystem: joinRows(bySystem) } : {}) };
}

/** One kind of shard file: 1..N each present once, one N, one header. */
function checkSet(shards: readonly ShardTable[], where: string, kind: string): InputIssue[] {
  const issues: InputIssue[] = [];
  const counts = [...new Set(shards.map((s) => s.count))];
  if (counts.length > 1) {
    issues.push({ flag: 'merge', value: where, code: 'BAD_VALUE', message: `${kind} shards of different splits (of ${counts.join(', of ')}): shards of different runs?` });
    return issues;
  }
  const count = counts[0]!;
  const seen = new Map<number, string>();
  for (const s of shards) {
    const first = seen.get(s.index);
    if (first !== undefined) issues.push({ file: s.file, line: 1, column: 1, code: 'DUPLICATE_KEY', message: `shard ${s.index} of ${count} is also in ${first}` });
    else seen.set(s.index, s.file);
  }
  const absent = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !seen.has(k));
  if (absent.length > 0) {
    const names = absent.slice(0, 10).map((k) => `${kind}-shard-${k}-of-${count}.csv`);
    issues.push({ flag: 'merge', value: where, code: 'FILE_MISSING', message: `missing ${names.join(', ')}${absent.length > 10 ? ', ...' : ''}: run those shards (--shard K/${count}) or give their folders` });
  }
  const header = shards[0]!.table.header;
  for (const s of shards) {
    if (s.table.header.join(',') !== header.join(',')) issues.push({ file: s.file, line: 1, column: 1, code: 'BAD_VALUE', message: "its columns differ from the first shard's: shards of different runs?" });
  }
  return issues;
}

/** The rows of all shards in run order (a stable sort keeps each run's systems in order). */
function joinRows(shards: readonly ShardTable[]): Table {
  return { header: shards[0]!.table.header, rows: shards.flatMap((t) => t.table.rows).sort((a, b) => Number(a[0]) - Number(b[0])) };
}

/** The title of a comparison page, from its table: a sweep has its key as the third column. */
export function comparisonTitle(table: Table): string {
  return table.header[2] !== 'status' ? `Sweep of ${table.header[2]}` : 'Scenario comparison';
}
