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
    expect(issues[0]!.message).toBe('unknown column "sytem"; the columns of stocks.csv are system, quantity, source');
  });

  it('locates a bad cell by its column, and reports every bad row', () => {
    const { issues } = parse('quantity,system\n-5,a\nlots,b\n,c\n');
    expect(issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [2, 1, 'NEGATIVE_NUMBER'],
      [3, 1, 'NOT_A_NUMBER'],
      [4, 1, 'MISSING_VALUE'],
    ]);
  });

  it('refuses a row with more or fewer fields than the header', () => {
    const { issues } = parse('system,quantity\na,1,2\n');
    expect(issues).toEqual([{ file: 'stocks.csv', line: 2, column: 3, code: 'RAGGED_ROW', message: 'expected 2 fields as in the header, found 3' }]);
  });

  it('requires whole months for a lead time, and allows the optional columns to be absent', () => {
    const text = 'country,system,capacity_per_month,unit_cost_eur,lead_time_months\nFR,s,10,5,2.5\n';
    const { table } = parseCsvTable('capacity.csv', text);
    const { issues } = parseTableRows(table!, capacitySchema(','));
    expect(issues.map((i) => [i.line, i.column, i.code])).toEqual([[2, 5, 'NOT_AN_INTEGER']]);
  });
});
