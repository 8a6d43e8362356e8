import { describe, expect, it } from 'vitest';
import { DEFAULT_KNOBS, STRESS_SCENARIO, generateStressFolder, usesVersion2, withoutVersion2 } from '../../bench/generate-stress-folder.js';
import { stressSet } from '../../bench/stress-set.js';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { prepareScenario } from '../../src/scenario/prepare-scenario.js';
import { files } from '../helpers/data-builder.js';

const small = { countries: 6, systems: 8, months: 12, seed: 5, ...DEFAULT_KNOBS };

describe('the stress generator', () => {
  it('gives the same CSV texts for the same knobs, and others for another seed', () => {
    expect(generateStressFolder(small)).toEqual(generateStressFolder(small));
    expect(generateStressFolder({ ...small, seed: 6 })['capacity.csv']).not.toEqual(generateStressFolder(small)['capacity.csv']);
  });

  it('writes a version-1 folder by default, with the stress scenario', () => {
    const texts = generateStressFolder({ ...small, financing: 'pooled', fairShare: 0.5, monthlyBudgets: true, stockShare: 1, recipients: 3 });
    expect(Object.keys(texts).sort()).toEqual(['budgets.csv', 'capacity.csv', 'countries.csv', 'needs.csv', 'scenarios.csv', 'sources.csv', 'stocks.csv', 'systems.csv']);
    const data = loadDataSet(files(texts));
    const { settings, input } = prepareScenario(data, STRESS_SCENARIO, []);
    expect(settings.name).toBe(STRESS_SCENARIO);
    expect(input.financing).toMatchObject({ kind: 'pooled', fairShare: 0.5 });
    expect(new Set(input.needs.map((n) => n.recipient)).size).toBeGreaterThan(1);
  });

  it('writes the version-2 files and columns of the contract when their knobs are on', () => {
    const knobs = { ...small, funds: 2, channels: 2, commitmentShare: 0.5, materials: 3, maxDeliveryLag: 2 };
    expect(usesVersion2(knobs)).toBe(true);
    expect(usesVersion2(withoutVersion2(knobs))).toBe(false);
    const texts = generateStressFolder(knobs);
    for (const file of ['funds.csv', 'channels.csv', 'commitments.csv', 'materials.csv', 'bom.csv']) expect(Object.keys(texts)).toContain(file);
    expect(texts['capacity.csv']!.split('\n')[0]).toContain('delivery_lag_months');
    expect(texts['budgets.csv']!.split('\n')[0]!.startsWith('payer,')).toBe(true);
    // A commitment never exceeds its line's starting capacity (contract.md: an input error).
    const capacity = new Map(texts['capacity.csv']!.trim().split('\n').slice(1).map((r) => r.split(',')).map((c) => [`${c[0]}/${c[1]}/${c[2]}`, Number(c[3])]));
    for (const c of texts['commitments.csv']!.trim().split('\n').slice(1).map((r) => r.split(','))) {
      expect(Number(c[4]) / 12).toBeLessThanOrEqual(capacity.get(`${c[0]}/${c[1]}/${c[2]}`)!);
    }
  });
});

describe('the stress set', () => {
  const shapes = stressSet();

  it('has at least 20 shapes at L and XL, each with a seed of its own, and varies its knobs', () => {
    expect(shapes.length).toBeGreaterThanOrEqual(20);
    expect(new Set(shapes.map((s) => s.size))).toEqual(new Set(['L', 'XL']));
    expect(new Set(shapes.map((s) => s.knobs.seed)).size).toBe(shapes.length);
    expect(new Set(shapes.map((s) => s.name)).size).toBe(shapes.length);
    for (const knob of ['lineDensity', 'money', 'maxLead', 'rampShare', 'recipients', 'financing', 'channels', 'materials'] as const) {
      expect(new Set(shapes.map((s) => s.knobs[knob])).size, knob).toBeGreaterThan(1);
    }
  });

  it('gives valid folders under the contract, with and without the version-2 inputs', () => {
    for (const shape of shapes) {
      for (const knobs of [shape.knobs, withoutVersion2(shape.knobs)]) {
        const data = loadDataSet(files(generateStressFolder(knobs)));
        expect(data.countries, shape.name).toHaveLength(shape.knobs.countries);
        expect(new Set(data.needs.map((n) => n.period)).size, shape.name).toBe(shape.knobs.months);
        expect(() => prepareScenario(data, STRESS_SCENARIO, []), shape.name).not.toThrow();
      }
    }
    expect(shapes.filter((s) => usesVersion2(s.knobs)).length).toBeGreaterThanOrEqual(10);
  }, 120_000);
});
