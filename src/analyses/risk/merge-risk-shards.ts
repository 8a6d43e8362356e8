import { InputError } from '../../base/errors.js';
import type { FileIssue } from '../../base/input-issue.js';
import type { RiskStudy } from './risk-study.js';

/** A shard as read back: its file, its samples table and its study.json text. */
export interface RiskShardInput {
  readonly file: string;
  readonly samples: { readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] };
  readonly studyText: string;
}

/**
 * The shards of one risk study joined into the samples table an unsharded run makes: every
 * shard must carry the same study (data, settings, seed, number of samples) and the same point
 * estimate; each sample 1..N must be in exactly one shard. Anything else is an input problem.
 */
export function mergeRiskShards(shards: readonly RiskShardInput[]): { study: RiskStudy; samples: { header: readonly string[]; rows: (readonly string[])[] } } {
  const problem = (file: string, message: string, code: FileIssue['code'] = 'BAD_VALUE'): FileIssue => ({ file, line: 1, column: 1, code, message });
  const first = shards[0]!;
  const issues: FileIssue[] = [];
  for (const s of shards) {
    if (s.studyText === '') issues.push(problem(s.file, 'its study-shard-K-of-N.json is missing beside it', 'FILE_MISSING'));
    else if (s.studyText !== first.studyText) issues.push(problem(s.file, `its study differs from that of ${first.file}: shards of different studies (data, settings, seed or number of samples)?`));
    if (s.samples.header.join(',') !== first.samples.header.join(',')) issues.push(problem(s.file, `its columns differ from those of ${first.file}`));
  }
  if (issues.length > 0) throw new InputError(issues);
  const study = JSON.parse(first.studyText) as RiskStudy;
  const rows = shards.flatMap((s) => s.samples.rows.map((row) => ({ file: s.file, row })));
  const points = rows.filter((r) => r.row[0] === '0');
  const differs = points.find((p) => p.row.join('\u0000') !== points[0]!.row.join('\u0000'));
  if (differs) throw new InputError([problem(differs.file, `its point estimate (sample 0) differs from that of ${points[0]!.file}`)]);
  const seen = new Map<number, string>();
  for (const { file, row } of rows) {
    const sample = Number(row[0]);
    if (sample === 0) continue;
    if (!Number.isInteger(sample) || sample < 1 || sample > study.sampling.samples) issues.push(problem(file, `sample "${row[0]}" is not one of 1 to ${study.sampling.samples}`));
    else if (seen.has(sample)) issues.push(problem(file, `sample ${sample} is also in ${seen.get(sample)}`, 'DUPLICATE_KEY'));
    else seen.set(sample, file);
  }
  const missing = Array.from({ length: study.sampling.samples }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) issues.push(problem(first.file, `samples missing from every shard: ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', ...' : ''}`, 'FILE_MISSING'));
  if (issues.length > 0) throw new InputError(issues);
  const samples = rows.filter((r) => Number(r.row[0]) !== 0).sort((a, b) => Number(a.row[0]) - Number(b.row[0]));
  return { study, samples: { header: first.samples.header, rows: [...(points[0] ? [points[0].row] : []), ...samples.map((s) => s.row)] } };
}
