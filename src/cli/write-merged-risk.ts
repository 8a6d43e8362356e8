import { join } from 'node:path';
import { mergeRiskShards } from '../analyses/risk/merge-risk-shards.js';
import type { RiskShard } from '../io/read-risk-shards.js';
import { writeFileAtomically } from '../io/write-file-atomically.js';
import type { CsvDialect } from '../render/csv-dialect.js';
import { renderRiskFiles } from '../render/render-risk-files.js';

/** `rampup merge` of risk shards: the risk folder's files, as an unsharded `rampup risk` writes them. */
export async function writeMergedRisk(shards: readonly RiskShard[], out: string, csv: CsvDialect, print: (text: string) => void): Promise<void> {
  const { study, samples } = mergeRiskShards(shards);
  const { files } = await renderRiskFiles(study, samples, csv);
  for (const file of files) await writeFileAtomically(join(out, file.name), file.content);
  print(`merged ${shards.length} risk shard file(s), ${samples.rows.length - 1} samples, into ${join(out, 'risk.csv')}`);
}
