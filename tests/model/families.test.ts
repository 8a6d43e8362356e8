import { describe, expect, it } from 'vitest';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { buildRampUpModel, type RampUpModel } from '../../src/model/build-ramp-up-model.js';
import { COLUMN_FAMILIES, ROW_FAMILIES, columnFamily, emptyFamilyIndex, rowFamily, type Family } from '../../src/model/families.js';
import { keyReader } from '../../src/model/name-model.js';
import { encodeName } from '../../src/model/names.js';
import { withTopUpColumns } from '../../src/model/top-up-columns.js';
import { writeProgram } from '../../src/model/write-program.js';
import { prepareScenario } from '../../src/scenario/prepare-scenario.js';
import { caseFiles, type CaseSpec } from '../helpers/data-builder.js';

/** A folder with every kind of column and row: lines that grow, stock, materials, capped channels. */
const CHANNELS: CaseSpec = {
  lines: [{ cap0: 10, capmax: 30, lead: 1, unit: 100, xcost: 500 }, { country: 'BB', producer: 'Q', cap0: 5, unit: 50 }, { system: 'powder', producer: 'M', cap0: 40, unit: 1 }],
  needs: { s: 20 },
  months: 3,
  budgets: { AA: 5000, BB: 100 },
  channels: [
    { id: 'own', payer: 'AA', seller: 'AA' },
    { id: 'a-to-b', payer: 'AA', seller: 'BB', share: 0.5 },
    { id: 'b-to-b', payer: 'BB', seller: 'BB' },
  ],
  materials: ['powder'],
  bom: [{ product: 's', material: 'powder', quantity: 1 }],
  stocks: { s: 3 },
};

/** Version 3's levers: an option with take-or-pay, a candidate plant, a stock release, output that may wait. */
const LEVERS: CaseSpec = {
  lines: [{ cap0: 10, capmax: 20, lead: 1, unit: 100, xcost: 50 }, { producer: 'N', cap0: 0, unit: 100, status: 'candidate' }],
  options: [
    { id: 'fast', add: 10, cost: 200, lead: 0, offtake: 2 },
    { producer: 'N', id: 'build', add: 30, cost: 500, lead: 1 },
  ],
  inventories: [{ holder: 'BB', units: 20, perMonth: 10, first: 1, unit: 300 }],
  commitments: [{ quantity: 4, share: 0.5, premium: 10 }],
  needs: { s: 40 },
  months: 3,
  budgets: { AA: 1e7 },
};

function modelOf(spec: CaseSpec, set: string[] = [], options: Parameters<typeof buildRampUpModel>[1] = {}): RampUpModel {
  const { input } = prepareScenario(loadDataSet(caseFiles(spec)), undefined, set);
  return buildRampUpModel(input, options);
}

/** The models of the cases above under every financing, a guarantee-level program and the unlimited-money variant. */
function everyModel(): RampUpModel[] {
  const pooled = ['financing=pooled', 'fair_share=0.5', 'work_share=0.2'];
  return [
    modelOf(CHANNELS),
    modelOf(CHANNELS, pooled),
    modelOf(CHANNELS, ['financing=national']),
    withTopUpColumns(modelOf(CHANNELS)).model,
    modelOf(CHANNELS, [], { maximiseGuaranteeOf: new Set(['s']) }),
    modelOf(LEVERS),
  ];
}

/** Each family a program's names come from, found by its name's prefix, with every name's keys checked against the family's shape. */
function familiesNamed(model: RampUpModel, families: Readonly<Record<string, Family>>, count: number, nameOf: (i: number) => string): Set<string> {
  const byName = new Map(Object.entries(families).map(([key, f]) => [f.name, key]));
  const found = new Set<string>();
  for (let i = 0; i < count; i++) {
    const name = nameOf(i);
    const prefix = name.includes('(') ? name.slice(0, name.indexOf('(')) : name;
    const key = byName.get(prefix);
    if (key === undefined) expect.fail(`${name} is named by no registered family`);
    found.add(key);
    const keys = name.includes('(') ? name.slice(name.indexOf('(') + 1, -1).split(',') : [];
    expect(keys.length, name).toBe(keyReader(model.input)(families[key]!.keys, 0, 0).length);
  }
  return found;
}

describe('the model families, each one entry of families.ts', () => {
  it('name every column and row of every program, and every registered family names some', () => {
    const columns = new Set<string>();
    const rows = new Set<string>(['shortfallBound']); // the lexicographic solve adds it, not the builder
    for (const model of everyModel()) {
      for (const f of familiesNamed(model, COLUMN_FAMILIES, model.lp.numCols, (j) => model.lp.colName(j))) columns.add(f);
      for (const f of familiesNamed(model, ROW_FAMILIES, model.lp.numRows, (i) => model.lp.rowName(i))) rows.add(f);
    }
    expect([...columns].sort()).toEqual(Object.keys(COLUMN_FAMILIES).sort());
    expect([...rows].sort()).toEqual(Object.keys(ROW_FAMILIES).sort());
  });

  it('are the names an exported program carries', () => {
    const model = modelOf(CHANNELS);
    const text = writeProgram(model.lp, 'lp');
    const { input } = model;
    const name = (f: Family, a: number, t: number) => encodeName(f.name, keyReader(input)(f.keys, a, t));
    expect(text).toContain(` ${name(ROW_FAMILIES.channelCap, 1, 0)}: `);
    expect(text).toContain(name(COLUMN_FAMILIES.produce, 0, 2));
    expect(text).toContain('produce(AA,s,P,2026_03)');
  });

  it('place every member of an indexed family in the index, and nothing else', () => {
    for (const model of everyModel()) {
      const { index, lp } = model;
      for (const family of [...Object.values(COLUMN_FAMILIES), ...Object.values(ROW_FAMILIES)] as Family[]) {
        if (!family.index) continue;
        const field = (index as unknown as Record<string, Int32Array>)[family.index.field]!;
        const isColumn = Object.values(COLUMN_FAMILIES).includes(family as never);
        for (const j of field) {
          if (j < 0) continue;
          const named = isColumn ? lp.colName(j) : lp.rowName(j);
          expect(named.startsWith(family.name), `${family.index.field} holds ${named}`).toBe(true);
        }
      }
    }
  });

  it('size each index field by what it is counted by', () => {
    const index = emptyFamilyIndex({ months: 4, lines: 3, needs: 7, systems: 2, materials: 1, payers: 5, channels: 6, options: 2 }) as unknown as Record<string, Int32Array>;
    expect(index.produce!.length).toBe(12);
    expect(index.deliver!.length).toBe(7);
    expect(index.budgetRow!.length).toBe(20);
    expect(index.channelCapRow!.length).toBe(6);
    expect([...index.materialRow!]).toEqual([-1, -1, -1, -1]);
    expect(index.optionOrder!.length).toBe(8);
  });

  it('refuse a kind that no family has, instead of naming it by a default', () => {
    expect(() => columnFamily(Object.keys(COLUMN_FAMILIES).length + 1)).toThrow(RangeError);
    expect(() => rowFamily(0)).toThrow(RangeError);
  });
});
