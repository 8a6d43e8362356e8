import { describe, expect, it } from 'vitest';
import { copyOf } from '../../src/inputs/copied-file.js';

describe('a copy of an input file, by its name (issue 31.4)', () => {
  it.each([
    ['stocks (1).csv', 'stocks.csv'],
    ['stocks (12).csv', 'stocks.csv'],
    ['stocks - Copy.csv', 'stocks.csv'],
    ['stocks - Copy (2).csv', 'stocks.csv'],
    ['Copy of stocks.csv', 'stocks.csv'],
    ['Stocks copy 2.csv', 'stocks.csv'],
    ['budgets_copy.csv', 'budgets.csv'],
  ])('%s is a copy of %s', (name, file) => expect(copyOf(name)).toBe(file));

  it.each(['stocks.csv', 'stock.csv', 'notes (1).csv', 'stocks (1).xlsx', 'copy.csv'])('%s is not', (name) => expect(copyOf(name)).toBeUndefined());
});
