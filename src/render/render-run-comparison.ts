import type { ReportFile } from '../base/report-file.js';
import { euros, humanEuros, humanPercent, humanUnits, markdownTable, percent, units } from '../base/format-number.js';
import type { MoneyComparison, PromiseComparison, RunComparison, YearComparison } from '../results/compare-runs.js';
import { renderCsv, type CsvDialect } from './csv-dialect.js';
import { csvTable, type TableSpec } from './report-table.js';

/** The files `rampup compare` writes, in a folder of their own. */
export const RUN_COMPARISON_FILES = ['comparison_by_year.csv', 'comparison_money_flows.csv', 'comparison.md'] as const;

/** A change with its sign; one that rounds to nothing reads as nothing (never `-0`). */
function signed(v: number, format: (v: number) => string): string {
  const text = format(Math.abs(v));
  return text === format(0) ? text : `${v > 0 ? '+' : '-'}${text}`;
}
/** A change for people: `+1,234`, `-EUR 1.20 bn`, `0`. */
export const changeUnits = (v: number) => signed(v, humanUnits);
export const changeEuros = (v: number) => signed(v, humanEuros);
/** A promise for people, or why there is none. */
export const promiseText = (v: number | undefined) => (v === undefined ? 'n/a' : humanPercent(v / 100));

function promiseOf(c: RunComparison, system: string): PromiseComparison | undefined {
  return c.promises.find((p) => p.system === system);
}

function byYearSpec(c: RunComparison): TableSpec<YearComparison> {
  const promise = (y: YearComparison, side: 'promiseA' | 'promiseB') => {
    const v = promiseOf(c, y.system)?.[side];
    return v === undefined ? '' : percent(v);
  };
  const fill = (delivered: number, need: number) => percent(need > 0 ? (100 * delivered) / need : 100);
  return [
    { key: 'system', csv: (y) => y.system },
    { key: 'name', csv: (y) => y.name },
    { key: 'unit', csv: (y) => y.unit },
    { key: 'year', csv: (y) => String(y.year) },
    { key: 'need_a', csv: (y) => units(y.needA) },
    { key: 'need_b', csv: (y) => units(y.needB) },
    { key: 'delivered_a', csv: (y) => units(y.deliveredA) },
    { key: 'delivered_b', csv: (y) => units(y.deliveredB) },
    { key: 'delivered_change', csv: (y) => units(y.deliveredB - y.deliveredA) },
    { key: 'fill_rate_a_pct', csv: (y) => fill(y.deliveredA, y.needA) },
    { key: 'fill_rate_b_pct', csv: (y) => fill(y.deliveredB, y.needB) },
    { key: 'promise_from', csv: () => c.from },
    { key: 'promise_a_pct', csv: (y) => promise(y, 'promiseA') },
    { key: 'promise_b_pct', csv: (y) => promise(y, 'promiseB') },
    {
      key: 'promise_change_pct',
      csv: (y) => {
        const p = promiseOf(c, y.system);
        return p?.promiseA === undefined || p.promiseB === undefined ? '' : percent(p.promiseB - p.promiseA);
      },
    },
  ];
}

const MONEY_SPEC: TableSpec<MoneyComparison> = [
  { key: 'channel', csv: (m) => m.key },
  { key: 'paid_a_eur', csv: (m) => euros(m.paidA) },
  { key: 'paid_b_eur', csv: (m) => euros(m.paidB) },
  { key: 'change_eur', csv: (m) => euros(m.paidB - m.paidA) },
];

/** comparison.md: the same tables as the terminal, in words. */
function renderComparisonMarkdown(c: RunComparison, notes: readonly string[]): string {
  const rows = c.years.map((y) => [
    y.name,
    String(y.year),
    y.needA === y.needB ? humanUnits(y.needB) : `${humanUnits(y.needA)} / ${humanUnits(y.needB)}`,
    humanUnits(y.deliveredA),
    humanUnits(y.deliveredB),
    changeUnits(y.deliveredB - y.deliveredA),
  ]);
  const promises = c.promises.map((p) => [p.name, promiseText(p.promiseA), promiseText(p.promiseB), p.promiseA === undefined || p.promiseB === undefined ? '' : `${signed(p.promiseB - p.promiseA, (v) => v.toFixed(1))} points`]);
  const money = c.money.filter((m) => Math.round(m.paidB - m.paidA) !== 0).slice(0, 10).map((m) => [m.key, humanEuros(m.paidA), humanEuros(m.paidB), changeEuros(m.paidB - m.paidA)]);
  return [
    `# ${c.b} against ${c.a}`,
    '',
    `A: \`${c.a}\`. B: \`${c.b}\`. Every change is B minus A.`,
    '',
    '## Delivered, per system and year (every recipient)',
    '',
    markdownTable(['system', 'year', 'need', 'delivered A', 'delivered B', 'B - A'], rows),
    '',
    `## What can be promised, every month from ${c.from} on`,
    '',
    promises.length > 0 ? markdownTable(['system', 'A', 'B', 'B - A'], promises) : 'Neither run has promises.csv: run `rampup guarantees` for them.',
    ...notes.flatMap((n) => ['', n]),
    '',
    '## The money that moved most (by channel, or group of channels)',
    '',
    money.length > 0 ? markdownTable(['channel', 'A', 'B', 'B - A'], money) : 'No money moved from one channel to another.',
    '',
    c.largestInB ? `In B, the most money goes through ${c.largestInB.key} (${humanEuros(c.largestInB.paidEur)}).` : '',
    '',
  ].join('\n');
}

/** The files of a comparison of two runs. */
export function renderRunComparison(c: RunComparison, csv: CsvDialect, notes: readonly string[]): ReportFile[] {
  const years = csvTable(byYearSpec(c), c.years);
  const money = csvTable(MONEY_SPEC, c.money);
  return [
    { name: 'comparison_by_year.csv', content: renderCsv(years.header, years.rows, csv) },
    { name: 'comparison_money_flows.csv', content: renderCsv(money.header, money.rows, csv) },
    { name: 'comparison.md', content: renderComparisonMarkdown(c, notes) },
  ];
}
