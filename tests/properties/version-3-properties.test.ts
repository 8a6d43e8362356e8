import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import type { DataFiles } from '../../src/inputs/parse-data-folder.js';
import { planRampUp } from '../../src/plan-ramp-up.js';
import { v2SpecArb } from '../helpers/arbitraries-v2.js';
import { V3_LIMITS, hasV3Features, liftV2, v3FilesOf, v3SpecArb, type V3Spec } from '../helpers/arbitraries-v3.js';
import { files } from '../helpers/data-builder.js';
import { referenceOptimaV3, referenceSpreadV3 } from '../helpers/reference-model-v3.js';
import { SMALL_LIMITS } from '../helpers/arbitraries.js';

/**
 * Version 3 against the independent reference of model.md (tests/helpers/reference-model-v3.ts)
 * on random folders with options, candidate plants, stock releases and deferrable commitments,
 * and the properties every optimum of model.md has.
 */

const plan = (f: DataFiles, set: string[] = []) =>
  planRampUp(loadDataSet(f), [], { scenario: { set }, engine: { tieBreak: 'none' }, analyses: { explain: false }, output: { html: false } });

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));

/** Every report file but the manifest (its timings and the input hashes differ), as text. */
const reportTexts = (outcome: Awaited<ReturnType<typeof plan>>) =>
  Object.fromEntries(outcome.files.filter((f) => f.name.endsWith('.csv') || f.name.endsWith('.md')).map((f) => [f.name, typeof f.content === 'string' ? f.content : new TextDecoder().decode(f.content)]));

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('version 3 against the reference of model.md', () => {
  it('reaches its optima: the weighted shortfall to 1e-6, the money within the slack model.md lets the stages hold', async () => {
    await fc.assert(
      fc.asyncProperty(v3SpecArb(V3_LIMITS), async (spec) => {
        const outcome = await plan(v3FilesOf(spec));
        const rows = await referenceOptimaV3(spec);
        const face = await referenceOptimaV3(spec, { hold: 'face' });
        expect(rel(outcome.plan.weightedShortfall, rows.weightedShortfall), `shortfall ${outcome.plan.weightedShortfall} against ${rows.weightedShortfall}`).toBeLessThan(1e-6);
        // The money stage may spend model.md's shortfall slack either way: between the face (no slack) and the row hold.
        const money = outcome.plan.moneySpentEur;
        const lo = Math.min(face.moneyEur, rows.moneyEur);
        const hi = Math.max(face.moneyEur, rows.moneyEur);
        expect(money, `money ${money} outside [${lo}, ${hi}]`).toBeGreaterThanOrEqual(lo * (1 - 1e-6) - 1);
        expect(money, `money ${money} outside [${lo}, ${hi}]`).toBeLessThanOrEqual(hi * (1 + 1e-6) + 1);
      }),
      { seed: 31, numRuns: 60 },
    );
  }, 300_000);
});

describe('stage 4, the spread', () => {
  /** Stage 3's objective from a plan: each unit short weighs w (H - t), t from 0. */
  const soonest = (outcome: Awaited<ReturnType<typeof plan>>) => {
    const H = outcome.plan.input.months.length;
    return outcome.plan.needs.reduce((a, n) => a + n.need.weight * (H - n.need.t) * n.shortfall, 0);
  };
  const planned = (f: DataFiles, spread: 'proportional' | 'none') =>
    planRampUp(loadDataSet(f), [], { engine: { spread }, analyses: { explain: false }, output: { html: false } });

  it('never changes the first three stages, and settles each payer within a fiftieth of its money of the reference', async () => {
    await fc.assert(
      fc.asyncProperty(v3SpecArb(V3_LIMITS), async (spec) => {
        const files = v3FilesOf(spec);
        const [on, off] = [await planned(files, 'proportional'), await planned(files, 'none')];
        expect(on.plan.weightedShortfall).toBe(off.plan.weightedShortfall);
        expect(on.plan.moneySpentEur).toBe(off.plan.moneySpentEur);
        const [a, b] = [soonest(on), soonest(off)];
        expect(Math.abs(a - b), `stage 3: ${a} against ${b}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(b)) + 1e-3);
        if (on.plan.input.financing.kind === 'national') return;
        const reference = await referenceSpreadV3(spec);
        for (const payer of on.plan.payers) {
          if (payer.budgetEur <= 0) continue;
          const want = reference[payer.code] ?? 0;
          expect(Math.abs(payer.paidEur - want), `${payer.code}: ${payer.paidEur} against ${want} of ${payer.budgetEur}`).toBeLessThanOrEqual(payer.budgetEur / 25 + 1);
        }
      }),
      { seed: 35, numRuns: 40 },
    );
  }, 300_000);
});

describe('version 3 reduces to version 2', () => {
  it('a folder with the new columns at their defaults plans byte-identically to one without them', async () => {
    await fc.assert(
      fc.asyncProperty(v2SpecArb(SMALL_LIMITS), async (v2) => {
        const spec = liftV2(v2);
        expect(hasV3Features(spec)).toBe(false);
        const bare = v3FilesOf(spec);
        const texts = Object.fromEntries(Object.entries(bare).map(([k, v]) => [k, text(v)]));
        texts['capacity.csv'] = addColumn(texts['capacity.csv']!, 'status', 'existing');
        if (texts['commitments.csv']) texts['commitments.csv'] = addColumn(addColumn(texts['commitments.csv'], 'deferrable_share', '0'), 'deferral_cost_eur_per_unit_month', '');
        const [a, b] = [await plan(bare), await plan(files(texts))];
        expect(reportTexts(b)).toEqual(reportTexts(a));
      }),
      { seed: 32, numRuns: 15 },
    );
  }, 300_000);

  it('option_scale=0 plans as the folder without options.csv', async () => {
    await fc.assert(
      fc.asyncProperty(v3SpecArb(V3_LIMITS), async (spec) => {
        const withOptions = await plan(v3FilesOf(spec), ['option_scale=0']);
        const without = await plan(v3FilesOf({ ...spec, options: [] }));
        // summary.md names the setting; everything else is the same.
        const { ['summary.md']: _a, ...a } = reportTexts(withOptions);
        const { ['summary.md']: _b, ...b } = reportTexts(without);
        expect(a).toEqual(b);
      }),
      { seed: 33, numRuns: 15 },
    );
  }, 300_000);
});

describe('levers never make things worse', () => {
  const levers = (spec: V3Spec) => [
    ['an option', { ...spec, options: spec.options.slice(0, -1) }],
    ['a release', { ...spec, inventories: spec.inventories.slice(0, -1) }],
    ['a deferrable share', { ...spec, deferrals: spec.deferrals.map(() => undefined) }],
  ] as const;

  it('adding an option or a release, or letting output wait, never raises the weighted shortfall', async () => {
    await fc.assert(
      fc.asyncProperty(v3SpecArb(V3_LIMITS), async (spec) => {
        const full = (await plan(v3FilesOf(spec))).plan.weightedShortfall;
        for (const [what, fewer] of levers(spec)) {
          const less = (await plan(v3FilesOf(fewer))).plan.weightedShortfall;
          expect(full, `without ${what}: ${less}, with: ${full}`).toBeLessThanOrEqual(less * (1 + 1e-9) + 1e-6);
        }
      }),
      { seed: 34, numRuns: 25 },
    );
  }, 300_000);
});

/** A CSV text with one more column, the same value in every row. */
function addColumn(csv: string, name: string, value: string): string {
  const [header, ...rows] = csv.trimEnd().split('\n');
  return [`${header},${name}`, ...rows.map((r) => `${r},${value}`)].join('\n') + '\n';
}
