import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataFolder } from '../../src/io/read-data-folder.js';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { prepareScenario } from '../../src/scenario/prepare-scenario.js';
import { scenarioNames } from '../../src/scenario/scenario-rows.js';
import { ROOT } from '../helpers/run-built-cli.js';

const DATA = join(ROOT, 'data');
const data = loadDataSet((await readDataFolder(DATA)).files);

describe('the bundled data set', () => {
  it('names a source on every row of every file', () => {
    const unsourced = [
      ...data.countries.filter((r) => !r.source).map((r) => `countries.csv ${r.country}`),
      ...data.systems.filter((r) => !r.source).map((r) => `systems.csv ${r.system}`),
      ...data.capacity.filter((r) => !r.source).map((r) => `capacity.csv ${r.country}/${r.system}/${r.producer}`),
      ...data.needs.filter((r) => !r.source).map((r) => `needs.csv ${r.system} ${r.period}`),
      ...data.budgets.filter((r) => !r.source).map((r) => `budgets.csv ${r.payer}`),
      ...data.stocks.filter((r) => !r.source).map((r) => `stocks.csv ${r.system}`),
      ...data.funds.filter((r) => !r.source).map((r) => `funds.csv ${r.fund}`),
      ...data.channels.filter((r) => !r.row.source).map((r) => `channels.csv ${r.row.channel}`),
      ...data.commitments.filter((r) => !r.source).map((r) => `commitments.csv ${r.country}/${r.system}`),
      ...data.materials.filter((r) => !r.source).map((r) => `materials.csv ${r.material}`),
      ...data.bom.filter((r) => !r.source).map((r) => `bom.csv ${r.system}/${r.material}`),
      ...data.options.filter((r) => !r.source).map((r) => `options.csv ${r.country}/${r.system}/${r.option}`),
      ...data.inventories.filter((r) => !r.source).map((r) => `inventories.csv ${r.holder}/${r.system}`),
      ...data.scenarios.length === 0 ? ['scenarios.csv'] : [],
    ];
    expect(unsourced).toEqual([]);
  });

  it('gives every source a title, a date and a basis, and a url unless it is an assumption', () => {
    const incomplete = data.sources.filter((s) => !s.title || !s.published || !s.basis || (s.basis !== 'assumption' && !s.url));
    expect(incomplete.map((s) => s.source)).toEqual([]);
  });

  it('explains every assumption in the README data section', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const missing = data.sources.filter((s) => s.basis === 'assumption' && !readme.includes(`\`${s.source}\``));
    expect(missing.map((s) => s.source)).toEqual([]);
  });

  it('covers the coalition: the core 11, the reinforcement, the wider group, Ukraine and the US', () => {
    const codes = data.countries.map((c) => c.country).sort();
    expect(codes).toEqual(expect.arrayContaining(['FR', 'GB', 'BE', 'CA', 'DK', 'LT', 'LU', 'NL', 'NO', 'SE', 'TR', 'FI', 'DE', 'PL', 'CZ', 'IT', 'ES', 'UA', 'US']));
    expect(data.countries.filter((c) => c.group === 'core').map((c) => c.country).sort()).toEqual(['BE', 'CA', 'DK', 'FR', 'GB', 'LT', 'LU', 'NL', 'NO', 'SE', 'TR']);
  });

  it('has the scenarios the policy questions need, each of which validates', () => {
    const names = scenarioNames(data);
    expect(names).toEqual(expect.arrayContaining(['baseline', 'core-11', 'core-plus', 'no-us', 'pooled', 'gdp-0.25', 'double-budgets', 'need-high']));
    for (const name of names) expect(() => prepareScenario(data, name)).not.toThrow();
  });

  // Issue 28: version 2's FPV need was the FPV capacity and its short-range need the LMM line's rate.
  it("has no need that copies a capacity: neither a system's lines together nor one line, in every month", () => {
    const need = new Map<string, number[]>();
    for (const r of data.needs.filter((n) => (n.recipient ?? 'UA') === 'UA')) need.set(r.system, [...(need.get(r.system) ?? []), r.quantity]);
    const same = (values: number[], capacity: number) => values.every((q) => Math.abs(q - capacity) < 1e-6);
    const total = new Map<string, number>();
    for (const l of data.capacity) total.set(l.system, (total.get(l.system) ?? 0) + l.capacity_per_month);
    expect([...need].filter(([system, values]) => same(values, total.get(system) ?? 0)).map(([system]) => system)).toEqual([]);
    const copies = data.capacity.filter((l) => l.capacity_per_month > 0 && need.has(l.system) && same(need.get(l.system)!, l.capacity_per_month));
    expect(copies.map((l) => `${l.system} = ${l.producer}`)).toEqual([]);
  });

  it('gives every system a need of Ukraine in every month of 2026-01 to 2030-12', () => {
    const have = new Set(data.needs.filter((r) => (r.recipient ?? 'UA') === 'UA').map((r) => `${r.system} ${r.period}`));
    const missing = data.systems.flatMap((s) => Array.from({ length: 60 }, (_, i) => `${s.system} ${2026 * 12 + i}`).filter((k) => !have.has(k)));
    expect(missing).toEqual([]);
  });

  it('keeps every candidate plant at zero until an option of it is ordered', () => {
    const withOption = new Set(data.options.map((o) => `${o.country}/${o.system}/${o.producer ?? ''}`));
    const candidates = data.capacity.filter((l) => l.status === 'candidate');
    expect(candidates.length).toBeGreaterThan(5);
    expect(candidates.filter((l) => l.capacity_per_month !== 0 || !withOption.has(`${l.country}/${l.system}/${l.producer ?? ''}`))).toEqual([]);
  });
});
