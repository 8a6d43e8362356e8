import { WITHIN, type CalibrationRow } from '../../results/calibration.js';
import { calibrationSpec } from '../tables/calibration-table.js';
import { htmlFromSpec } from '../report-table.js';
import { esc, section } from './html-kit.js';

/** The replay's verdicts in words and its table (the chart is among the report's charts). */
export function calibrationSection(rows: readonly CalibrationRow[]): string {
  const count = (v: CalibrationRow['verdict']) => rows.filter((r) => r.verdict === v).length;
  const words =
    `${rows.length} figures of what happened, against what the model says was possible: ${count('within')} within ${WITHIN.low} to ${WITHIN.high} of the record, ` +
    `${count('model above record')} above it and ${count('model below record')} below it. calibration.csv has every figure with its source and grade.`;
  return section('calibration', 'Does it reproduce the record?', `<p>${esc(words)}</p>\n${htmlFromSpec(calibrationSpec, rows)}`);
}
