import type { Table } from '../base/report-file.js';
import { markdownTable } from '../base/format-number.js';
import { htmlTable } from './html/html-kit.js';

export type { Table } from '../base/report-file.js';

export type Medium = 'csv' | 'markdown' | 'html';

/**
 * One column of a report table, defined once for every medium: a machine name and a fixed
 * format for CSV and workbooks, words and a rounded format for people (Markdown, HTML).
 */
export interface Column<R> {
  /** CSV header; absent: the column is for people only. */
  readonly key?: string;
  /** Header for people; absent: the column is for machines only. */
  readonly label?: string;
  /** The media that show it, when fewer than its key and label allow. */
  readonly only?: readonly Medium[];
  /** In HTML: a right-aligned figure, or a code in monospace. */
  readonly align?: 'num' | 'code';
  /** The CSV cell: fixed decimals, no thousands separators, codes rather than names. */
  readonly csv?: (row: R) => string;
  /** The cell for people: grouped, rounded, with words. */
  readonly human?: (row: R) => string;
}

/** A table defined once: its columns, each knowing how it reads in every medium. */
export type TableSpec<R> = readonly (Column<R> | false | undefined)[];

function shown<R>(spec: TableSpec<R>, medium: Medium): Column<R>[] {
  return spec.filter((c): c is Column<R> => {
    if (!c) return false;
    if (c.only && !c.only.includes(medium)) return false;
    return medium === 'csv' ? c.key !== undefined && c.csv !== undefined : c.label !== undefined && c.human !== undefined;
  });
}

/** The CSV cells of a table (also what workbooks and merged shards are made of). */
export function csvTable<R>(spec: TableSpec<R>, rows: readonly R[]): Table {
  const columns = shown(spec, 'csv');
  return { header: columns.map((c) => c.key!), rows: rows.map((r) => columns.map((c) => c.csv!(r))) };
}

export function markdownFromSpec<R>(spec: TableSpec<R>, rows: readonly R[]): string {
  const columns = shown(spec, 'markdown');
  return markdownTable(columns.map((c) => c.label!), rows.map((r) => columns.map((c) => c.human!(r))));
}

export function htmlFromSpec<R>(spec: TableSpec<R>, rows: readonly R[], options: { narrow?: boolean } = {}): string {
  const columns = shown(spec, 'html');
  return htmlTable(
    columns.map((c) => ({ label: c.label!, ...(c.align ? { kind: c.align } : {}) })),
    rows.map((r) => columns.map((c) => c.human!(r))),
    options,
  );
}
