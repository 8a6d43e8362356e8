import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsvTable } from '../../src/inputs/parse-csv-table.js';

describe('parseCsvTable', () => {
  it('takes the delimiter from the header line', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3\n')).toBe(';');
    expect(detectDelimiter('a,b\n1;2\n')).toBe(',');
  });

  it('keeps the file line of every record, past blank lines and quoted line breaks', () => {
    const { table, issues } = parseCsvTable('x.csv', 'a,b\n1,"two\nlines"\n\n3,4\n');
    expect(issues).toEqual([]);
    expect(table!.header).toEqual(['a', 'b']);
    expect(table!.rows.map((r) => [r.line, ...r.cells])).toEqual([
      [3, '1', 'two\nlines'],
      [5, '3', '4'],
    ]);
  });

  it('places an unclosed quote where it opens, not at the end of the file', () => {
    const { issues } = parseCsvTable('x.csv', 'a,b\n1,2\n3,"open\n5,6\n');
    expect(issues).toEqual([{ file: 'x.csv', line: 3, column: 2, code: 'CSV_SYNTAX', message: 'a quoted field opens here and is never closed; add the closing "' }]);
  });

  it('calls an empty file empty', () => {
    expect(parseCsvTable('x.csv', '  \n').issues).toEqual([{ file: 'x.csv', line: 1, column: 1, code: 'EMPTY_FILE', message: 'the file is empty; expected a header line' }]);
  });
});
