import { describe, expect, it } from 'vitest';
import { parseDataFolder } from '../../src/inputs/parse-data-folder.js';
import { csv, files } from '../helpers/data-builder.js';

/** A minimal valid folder, each file replaceable. */
function folder(over: Record<string, string> = {}) {
  return files({
    'countries.csv': csv(['country', 'name', 'gdp_eur'], [['FR', 'France', 1], ['DE', 'Germany', 2]]),
    'systems.csv': csv(['system', 'name', 'category', 'unit', 'priority'], [['s', 'S', 'cat', 'u', 1]]),
    'capacity.csv': csv(['country', 'system', 'producer', 'capacity_per_month', 'unit_cost_eur'], [['FR', 's', 'P', 10, 1]]),
    'needs.csv': csv(['system', 'period', 'quantity'], [['s', '2026-01', 5]]),
    'budgets.csv': csv(['country', 'period', 'budget_eur'], [['FR', '2026', 12]]),
    ...over,
  });
}

describe('parseDataFolder: each file, then the references between them', () => {
  it('accepts a valid folder', () => {
    const { data, issues } = parseDataFolder(folder());
    expect(issues).toEqual([]);
    expect(data!.capacity).toHaveLength(1);
    expect(data!.budgets[0]!.period).toEqual({ year: 2026 });
  });

  it('lists a missing required file', () => {
    const f = folder();
    delete (f as Record<string, unknown>)['needs.csv'];
    expect(parseDataFolder(f).issues).toEqual([{ file: 'needs.csv', line: 1, column: 1, code: 'FILE_MISSING', message: 'required file needs.csv is missing' }]);
  });

  it('checks every reference, key and ceiling, sorted by file and line', () => {
    const { data, issues } = parseDataFolder(
      folder({
        'capacity.csv': csv(
          ['country', 'system', 'producer', 'capacity_per_month', 'max_capacity_per_month', 'unit_cost_eur'],
          [['FR', 's', 'P', 10, 5, 1], ['FR', 's', 'P', 10, 10, 1], ['IT', 'x', 'Q', 1, 1, 1]],
        ),
        'budgets.csv': csv(['country', 'period', 'budget_eur'], [['FR', '2026', 12], ['FR', '2026-03', 1]]),
        'needs.csv': csv(['system', 'period', 'quantity', 'source'], [['s', '2026-01', 5, 'nowhere']]),
      }),
    );
    expect(data).toBeUndefined();
    expect(issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.code}`)).toEqual([
      'budgets.csv:3:2 DUPLICATE_KEY',
      'capacity.csv:2:5 CEILING_BELOW_CAPACITY',
      'capacity.csv:3:3 DUPLICATE_KEY',
      'capacity.csv:4:1 UNKNOWN_COUNTRY',
      'capacity.csv:4:2 UNKNOWN_SYSTEM',
      'needs.csv:2:4 UNKNOWN_SOURCE',
    ]);
    expect(issues.find((i) => i.code === 'UNKNOWN_SOURCE')!.message).toBe('source "nowhere" is named but there is no sources.csv');
  });

  it('does not repeat a broken file\'s problems as reference problems elsewhere', () => {
    const { issues } = parseDataFolder(folder({ 'countries.csv': csv(['country', 'name', 'gdp_eur'], [['France', 'France', 1]]) }));
    expect(issues.map((i) => `${i.file} ${i.code}`)).toEqual(['countries.csv BAD_CODE']);
  });
});
