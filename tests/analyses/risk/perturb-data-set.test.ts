import { describe, expect, it } from 'vitest';
import { perturbDataSet } from '../../../src/analyses/risk/perturb-data-set.js';
import { riskDimensions } from '../../../src/analyses/risk/risk-dimensions.js';
import { loadDataSet } from '../../../src/inputs/load-data-set.js';
import { csv, files } from '../../helpers/data-builder.js';

const data = loadDataSet(
  files({
    'countries.csv': csv(['country', 'name', 'gdp_eur'], [['AA', 'A', 1e12]]),
    'systems.csv': csv(['system', 'name', 'category', 'unit', 'priority'], [['s', 'S', 'c', 'u', 1]]),
    'capacity.csv': csv(
      ['country', 'system', 'producer', 'capacity_per_month', 'max_capacity_per_month', 'max_expansion_per_month', 'lead_time_months', 'unit_cost_eur', 'expansion_cost_eur', 'source'],
      [
        ['AA', 's', 'P', 100, 300, 50, 6, 10, 40, 'rep'],
        ['AA', 's', 'Q', 80, 80, undefined, 9, 10, 40, 'rep'],
        ['AA', 's', 'R', 20, 40, undefined, 3, 10, undefined, undefined],
      ],
    ),
    'needs.csv': csv(['system', 'period', 'quantity', 'source'], [['s', '2026-01', 100, 'tgt'], ['s', '2026-02', 100, 'tgt']]),
    'budgets.csv': csv(['country', 'period', 'budget_eur', 'source'], [['AA', '2026', 1200, 'tgt']]),
    'sources.csv': csv(['source', 'title', 'basis'], [['rep', 'A report', 'reported'], ['tgt', 'A target', 'target']]),
  }),
);

describe('the data set with its draws applied', () => {
  it('moves every row that cites a source by that source\'s draw of each kind', () => {
    const m = (kind: string, source: string) => (source === 'rep' && kind === 'capacity' ? 1.1 : source === 'tgt' && kind === 'need' ? 0.5 : 1);
    const out = perturbDataSet(data, m);
    out.capacity.forEach((r, i) => expect(r.capacity_per_month).toBeCloseTo([110, 88, 20][i]!, 9));
    expect(out.needs.map((r) => r.quantity)).toEqual([50, 50]);
    expect(out.budgets[0]!.budget_eur).toBe(1200);
    expect(out.countries).toBe(data.countries);
  });

  it('moves a ceiling by its increase over the starting capacity and keeps lead times whole months', () => {
    const out = perturbDataSet(data, (kind, source) => (source !== 'rep' ? 1 : kind === 'ceiling' ? 0.5 : kind === 'capacity' ? 0.9 : kind === 'lead_time' ? 1.3 : 1));
    const [p, q] = out.capacity;
    expect(p!.max_capacity_per_month).toBeCloseTo(90 + 200 * 0.5, 9);
    expect(q!.max_capacity_per_month).toBeCloseTo(72, 9); // no headroom: the ceiling stays the capacity
    expect(p!.lead_time_months).toBe(8); // 6 x 1.3 = 7.8
    expect(Number.isInteger(q!.lead_time_months)).toBe(true);
  });

  it('lists one dimension per source and kind that moves a figure, grading unsourced rows as an assumption they share', () => {
    const dims = riskDimensions(data, []);
    const keys = dims.map((d) => d.key);
    expect(keys).toContain('capacity:rep');
    expect(keys).toContain('need:tgt');
    // Q cannot grow: its lead time and expansion cost move nothing, P's do.
    expect(dims.find((d) => d.key === 'lead_time:rep')!.rows).toBe(1);
    const unsourced = dims.find((d) => d.key === 'capacity:(unsourced capacity.csv)')!;
    expect(unsourced).toMatchObject({ basis: 'assumption', graded: false, spread: { low: 0.6, high: 1.4 } });
    expect(dims.find((d) => d.key === 'budget:tgt')!.spread).toMatchObject({ low: 0.5, high: 1 });
    expect(riskDimensions(data, [{ basis: '*', kind: '*', low: 1, high: 1, distribution: 'uniform' }])).toEqual([]);
  });

  it('draws the figures of the version-2 files too: commitments, material use and delivery lags', () => {
    const v2 = loadDataSet(
      files({
        'countries.csv': csv(['country', 'name', 'gdp_eur'], [['AA', 'A', 1e12]]),
        'systems.csv': csv(['system', 'name', 'category', 'unit', 'priority'], [['s', 'S', 'c', 'u', 1]]),
        'materials.csv': csv(['material', 'name', 'unit'], [['powder', 'Powder', 'kg']]),
        'bom.csv': csv(['system', 'material', 'quantity_per_unit', 'source'], [['s', 'powder', 10, 'est']]),
        'capacity.csv': csv(
          ['country', 'system', 'producer', 'capacity_per_month', 'unit_cost_eur', 'delivery_lag_months', 'source'],
          [
            ['AA', 's', 'P', 100, 10, 2, 'est'],
            ['AA', 'powder', 'Q', 500, 1, undefined, 'est'],
          ],
        ),
        'commitments.csv': csv(['country', 'system', 'producer', 'period', 'quantity', 'source'], [['AA', 's', 'P', '2026-01', 60, 'tgt']]),
        'needs.csv': csv(['system', 'period', 'quantity'], [['s', '2026-01', 100]]),
        'budgets.csv': csv(['country', 'period', 'budget_eur'], [['AA', '2026-01', 1e6]]),
        'sources.csv': csv(['source', 'title', 'basis'], [['est', 'An estimate', 'estimate'], ['tgt', 'An order', 'target']]),
      }),
    );
    const keys = riskDimensions(v2, []).map((d) => d.key);
    expect(keys).toEqual(expect.arrayContaining(['commitment:tgt', 'material_use:est', 'delivery_lag:est', 'capacity:est']));
    expect(riskDimensions(v2, []).find((d) => d.key === 'commitment:tgt')!.spread).toMatchObject({ low: 0.5, high: 1 });
    const out = perturbDataSet(v2, (kind) => ({ commitment: 0.5, material_use: 1.2, delivery_lag: 1.3 })[kind as string] ?? 1);
    expect(out.commitments[0]!.quantity).toBe(30);
    expect(out.bom[0]!.quantity_per_unit).toBeCloseTo(12, 9);
    expect(out.capacity[0]!.delivery_lag_months).toBe(3);
  });
});
