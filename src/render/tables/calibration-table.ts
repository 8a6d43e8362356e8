import { euros, formatFixed, humanEuros, humanUnits, units } from '../../base/format-number.js';
import { formatMonth } from '../../inputs/periods.js';
import { comparable, type CalibrationRow } from '../../results/calibration.js';
import type { TableSpec } from '../report-table.js';

/** A figure of the replay for people: euros or units, as the record counts it. */
export const calibrationAmount = (r: CalibrationRow, value: number) => (r.actual.unit === 'eur' ? humanEuros(value) : humanUnits(value));
const csvAmount = (r: CalibrationRow, value: number) => (r.actual.unit === 'eur' ? euros(value) : units(value));

/** calibration.csv, and the table of the replay section of report.html and summary.md: a figure of 2025 a row. */
export const calibrationSpec: TableSpec<CalibrationRow> = [
  { key: 'figure', csv: (r) => r.actual.figure },
  { label: 'figure', only: ['markdown', 'html'], human: (r) => r.actual.description },
  { key: 'description', csv: (r) => r.actual.description },
  { key: 'measure', csv: (r) => r.actual.measure },
  { key: 'systems', csv: (r) => r.actual.systems },
  { key: 'sellers', csv: (r) => r.actual.sellers },
  { key: 'channels', csv: (r) => r.actual.channels ?? '' },
  { key: 'from_month', csv: (r) => formatMonth(r.actual.from_month) },
  { key: 'to_month', csv: (r) => formatMonth(r.actual.to_month) },
  { label: 'period', human: (r) => (r.actual.from_month === r.actual.to_month ? formatMonth(r.actual.from_month) : `${formatMonth(r.actual.from_month)} to ${formatMonth(r.actual.to_month)}`) },
  { key: 'unit', csv: (r) => r.actual.unit },
  { key: 'modelled_as', csv: (r) => r.modelledAs },
  { key: 'modelled_possible', label: 'modelled possible', align: 'num', csv: (r) => csvAmount(r, r.modelled), human: (r) => calibrationAmount(r, r.modelled) },
  { key: 'modelled_planned', csv: (r) => csvAmount(r, r.planned) },
  { key: 'reported', label: 'reported', align: 'num', csv: (r) => csvAmount(r, r.actual.quantity), human: (r) => calibrationAmount(r, r.actual.quantity) },
  { key: 'in_scope_share', csv: (r) => formatFixed(r.actual.in_scope_share ?? 1, 3) },
  { key: 'reported_in_scope', label: 'reported, in scope', align: 'num', csv: (r) => csvAmount(r, comparable(r.actual)), human: (r) => calibrationAmount(r, comparable(r.actual)) },
  { key: 'ratio', label: 'ratio', align: 'num', csv: (r) => formatFixed(r.ratio, 3), human: (r) => r.ratio.toFixed(2) },
  { key: 'verdict', label: 'verdict', csv: (r) => r.verdict, human: (r) => r.verdict },
  { key: 'reason', label: 'why, where off the record', csv: (r) => r.reason, human: (r) => r.reason },
  { key: 'source', label: 'source', align: 'code', csv: (r) => r.actual.source, human: (r) => r.actual.source },
  { key: 'grade', label: 'grade', csv: (r) => r.actual.grade ?? '', human: (r) => r.actual.grade ?? '' },
];
