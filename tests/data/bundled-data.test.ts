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
});
