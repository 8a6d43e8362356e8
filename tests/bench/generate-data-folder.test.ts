import { describe, expect, it } from 'vitest';
import { generateDataFolder, mulberry32, parseFolderSize, SYNTHETIC_SOURCE } from '../../bench/generate-data-folder.js';
import { formatMonth } from '../../src/inputs/periods.js';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { files } from '../helpers/data-builder.js';

describe('generateDataFolder', () => {
  it('gives the same CSV texts for the same seed, and different ones for another seed', () => {
    const size = { countries: 6, systems: 7, months: 10 };
    const first = generateDataFolder({ ...size, seed: 42 });
    expect(generateDataFolder({ ...size, seed: 42 })).toEqual(first);
    const other = generateDataFolder({ ...size, seed: 43 });
    expect(other['capacity.csv']).not.toEqual(first['capacity.csv']);
    expect(other['needs.csv']).not.toEqual(first['needs.csv']);
  });

  it('writes the six files of a data folder, citing one synthetic source marked as an assumption', () => {
    const texts = generateDataFolder({ countries: 3, systems: 2, months: 4, seed: 1 });
    expect(Object.keys(texts).sort()).toEqual(['budgets.csv', 'capacity.csv', 'countries.csv', 'needs.csv', 'sources.csv', 'systems.csv']);
    const data = loadDataSet(files(texts));
    expect(data.sources).toEqual([expect.objectContaining({ source: SYNTHETIC_SOURCE, basis: 'assumption' })]);
  });

  it.each([
    [1, 1, 1],
    [5, 5, 12],
    [14, 20, 24],
    [31, 30, 36],
    [50, 60, 60],
  ])('validates at %i countries x %i systems x %i months, with exactly those numbers', (countries, systems, months) => {
    const data = loadDataSet(files(generateDataFolder({ countries, systems, months, seed: 7 })));
    expect(data.countries).toHaveLength(countries);
    expect(new Set(data.countries.map((c) => c.country)).size).toBe(countries);
    expect(data.systems).toHaveLength(systems);
    const periods = [...new Set(data.needs.map((n) => n.period))].sort((a, b) => a - b);
    expect(periods).toHaveLength(months);
    expect(formatMonth(periods[0]!)).toBe('2026-01');
    expect(periods.at(-1)! - periods[0]!).toBe(months - 1);
    // Every system is needed every month by UA.
    expect(data.needs.filter((n) => (n.recipient ?? 'UA') === 'UA')).toHaveLength(systems * months);
  });

  it('has about 346 lines at 31 x 30 (the issue\'s size) and scales them with the number of countries', () => {
    const lines = (countries: number, systems: number, linesPerSystem?: number) =>
      loadDataSet(files(generateDataFolder({ countries, systems, months: 2, seed: 3, ...(linesPerSystem !== undefined ? { linesPerSystem } : {}) }))).capacity.length;
    expect(lines(31, 30)).toBe(346);
    expect(lines(14, 20)).toBe(Math.round((14 * 346) / 31 / 30 * 20));
    expect(lines(10, 10, 3)).toBe(30);
  });

  it('spreads the shape the issue asks for: costs over orders of magnitude, priority with cost, expandable lines, a second recipient', () => {
    const data = loadDataSet(files(generateDataFolder({ countries: 31, systems: 30, months: 36, seed: 1 })));
    const costs = data.capacity.map((l) => l.unit_cost_eur);
    expect(Math.max(...costs) / Math.min(...costs)).toBeGreaterThan(1e4);
    const bySystem = new Map(data.systems.map((s) => [s.system, s]));
    for (const line of data.capacity) {
      const ratio = bySystem.get(line.system)!.priority / line.unit_cost_eur;
      expect(ratio).toBeGreaterThan(0.0005);
      expect(ratio).toBeLessThan(0.005);
    }
    const expandable = data.capacity.filter((l) => (l.max_capacity_per_month ?? l.capacity_per_month) > l.capacity_per_month);
    expect(expandable.length).toBeGreaterThan(data.capacity.length / 3);
    expect(new Set(expandable.map((l) => l.lead_time_months ?? 0)).size).toBeGreaterThan(5);
    expect(expandable.some((l) => l.max_expansion_per_month !== undefined)).toBe(true);
    expect(new Set(data.needs.map((n) => n.recipient ?? 'UA')).size).toBe(2);
    // Some systems have no producer at all.
    expect(data.systems.some((s) => !data.capacity.some((l) => l.system === s.system))).toBe(true);
  });

  it('rejects sizes that are not whole numbers >= 1', () => {
    expect(() => generateDataFolder({ countries: 0, systems: 1, months: 1, seed: 1 })).toThrow(RangeError);
    expect(() => generateDataFolder({ countries: 1, systems: 1.5, months: 1, seed: 1 })).toThrow(RangeError);
  });
});

describe('parseFolderSize', () => {
  it('reads CxSxT and nothing else', () => {
    expect(parseFolderSize('31x30x36')).toEqual({ countries: 31, systems: 30, months: 36 });
    expect(parseFolderSize('31x30')).toBeUndefined();
    expect(parseFolderSize('XL')).toBeUndefined();
  });
});

describe('mulberry32', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = mulberry32(9);
    const b = mulberry32(9);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
  });
});
