import { describe, expect, it } from 'vitest';
import { parseCsvTable } from '../../src/inputs/parse-csv-table.js';
import { parseTableRows } from '../../src/inputs/parse-table-rows.js';
import { capacitySchema, stocksSchema } from '../../src/inputs/schemas.js';

const parse = (text: string, schema = stocksSchema) => {
  const { table } = parseCsvTable('stocks.csv', text);
  return parseTableRows(table!, schema(table!.delimiter));
};

describe('parseTableRows: the header against the schema, then every row', () => {
  it('reads rows into typed values with their lines', () => {
    const { parsed, issues } = parse('system,quantity\nshell-155,1200\n');
    expect(issues).toEqual([]);
    expect(parsed.rows).toEqual([{ line: 2, row: { system: 'shell-155', quantity: 1200 } }]);
    expect(parsed.columns).toEqual({ system: 1, quantity: 2 });
  });

  it('names unknown, repeated and missing columns in one pass, listing the columns there are', () => {
    const { issues } = parse('sytem,quantity,quantity\nx,1,1\n');
    expect(issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [1, 1, 'UNKNOWN_COLUMN'],
      [1, 3, 'DUPLICATE_COLUMN'],
      [1, 1, 'MISSING_COLUMN'],
    ]);
    expect(issues[0]!.message).toBe('unknown column "sytem" (did you mean system?); the columns of stocks.csv are system, quantity, source');
  });

  it('locates a bad cell by its column, and reports every bad row', () => {
    const { issues } = parse('quantity,system\n-5,a\nlots,b\n,c\n');
    expect(issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [2, 1, 'NEGATIVE_NUMBER'],
      [3, 1, 'NOT_A_NUMBER'],
      [4, 1, 'MISSING_VALUE'],
    ]);
  });

  it('refuses a row with more or fewer fields than the header, and says why it may have happened', () => {
    const { issues } = parse('system,quantity\na,b,2\nc\n');
    expect(issues).toEqual([
      {
        file: 'stocks.csv',
        line: 2,
        column: 3,
        code: 'RAGGED_ROW',
        message: 'expected 2 fields as in the header, found 3: a comma inside a cell splits it; quote such a cell ("a, b"), and write numbers without thousands separators or decimal commas',
      },
      { file: 'stocks.csv', line: 3, column: 2, code: 'RAGGED_ROW', message: 'expected 2 fields as in the header, found 1: every row needs a field for every column, empty ones included (write ,, for an empty cell)' },
    ]);
  });

  it('names the number that a thousands separator split in two in a comma file', () => {
    const { issues } = parse('system,quantity,source\nshell-155,20,000,x\nshell-155,1,200,000,x\n');
    expect(issues.map((i) => [i.line, i.column])).toEqual([[2, 2], [3, 2]]);
    expect(issues[0]!.message).toBe(
      'expected 3 fields as in the header, found 4: "20,000" looks like one number with a thousands separator, and in a comma-separated file the comma splits the cell: write 20000 (no thousands separator, a decimal point for decimals), or quote the cell',
    );
    expect(issues[1]!.message).toContain('"1,200,000" looks like one number with a thousands separator');
    expect(issues[1]!.message).toContain('write 1200000');
  });

  it('requires whole months for a lead time, and allows the optional columns to be absent', () => {
    const text = 'country,system,capacity_per_month,unit_cost_eur,lead_time_months\nFR,s,10,5,2.5\n';
    const { table } = parseCsvTable('capacity.csv', text);
    const { issues } = parseTableRows(table!, capacitySchema(','));
    expect(issues.map((i) => [i.line, i.column, i.code])).toEqual([[2, 5, 'NOT_AN_INTEGER']]);
  });
});
