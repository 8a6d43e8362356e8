import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeGaps } from '../../src/analyses/close-gaps.js';
import { solveScenario, type OpenScenario } from '../../src/pipeline/solve-scenario.js';
import { largestGuarantee } from '../../src/analyses/guarantees.js';
import { promiseLevel, promiseLevels } from '../../src/analyses/promise-level.js';
import { largestGuaranteeInPlan, promiseCurves } from '../../src/analyses/promises.js';
import { buildRampUpModel } from '../../src/model/build-ramp-up-model.js';
import { readPlan } from '../../src/results/read-plan.js';
import type { PlanInput } from '../../src/scenario/plan-input.js';
import { openSession, solveLexicographic } from '../../src/solve/solve-lexicographic.js';
import { v2FilesOf, v2SpecArb } from '../helpers/arbitraries-v2.js';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { prepareScenario } from '../../src/scenario/prepare-scenario.js';
import { solveContext } from '../../src/solve/solve-context.js';
import { SMALL_LIMITS, dataFilesOf, dataSpecArb } from '../helpers/arbitraries.js';
import { caseFiles, type CaseSpec } from '../helpers/data-builder.js';
import { EXAMPLE } from '../helpers/run-built-cli.js';
import { readDataFolder } from '../../src/io/read-data-folder.js';

const exampleFiles = async () => (await readDataFolder(EXAMPLE)).files;

const ctx = solveContext();
const curve = async (spec: CaseSpec, systems = ['s']) => {
  const { input } = prepareScenario(loadDataSet(caseFiles(spec)));
  const out: (number | undefined)[] = [];
  for (let from = 0; from < input.months.length; from++) out.push(await promiseLevel(input, new Set(systems), from, 'UA', ctx));
  return out;
};

describe("promise levels from a month (model.md's promise-curve hand cases)", () => {
  it('a line that starts at zero with a 3-month lead time: 0, 0, 0, then 100 %', async () => {
    const g = await curve({ lines: [{ cap0: 0, capmax: 100, lead: 3, unit: 10 }], needs: { s: 100 }, months: 6, budgets: { AA: 1e8 } });
    g.forEach((v, m) => expect(v, `from month ${m + 1}`).toBeCloseTo(m < 3 ? 0 : 1, 9));
  });

  it('a line at its ceiling of 100 against a need of 150: output made early is stored, min(1, 600 / (150 (7 - m)))', async () => {
    const g = await curve({ lines: [{ cap0: 100, unit: 10 }], needs: { s: 150 }, months: 6, budgets: { AA: 1e8 } });
    g.forEach((v, m) => expect(v, `from month ${m + 1}`).toBeCloseTo(Math.min(1, 600 / (150 * (6 - m))), 9));
  });

  it('holds for all systems at once no higher than for the lowest one alone; a system not needed has none', async () => {
    const spec: CaseSpec = {
      systems: [{ code: 'a' }, { code: 'b' }, { code: 'c' }],
      lines: [
        { system: 'a', cap0: 100, unit: 10 },
        { system: 'b', producer: 'Q', cap0: 60, unit: 10 },
      ],
      needs: { a: 150, b: 80, c: [5, 0, 0] },
      months: 3,
      budgets: { AA: 1e8 },
    };
    const { input } = prepareScenario(loadDataSet(caseFiles(spec)));
    const a = (await promiseLevel(input, new Set(['a']), 1, 'UA', ctx))!;
    const b = (await promiseLevel(input, new Set(['b']), 1, 'UA', ctx))!;
    const ab = (await promiseLevel(input, new Set(['a', 'b']), 1, 'UA', ctx))!;
    expect(ab).toBeLessThanOrEqual(Math.min(a, b) + 1e-9);
    expect(await promiseLevel(input, new Set(['c']), 1, 'UA', ctx)).toBeUndefined();
    expect(await promiseLevel(input, new Set(['a']), 1, 'NATO-EF', ctx)).toBeUndefined();
  });

  it('in one session (a level column per system) equal one fresh model per system: the example and random folders', async () => {
    const { input } = prepareScenario(loadDataSet(await exampleFiles()));
    const systems = [...new Set(input.needs.map((n) => n.system))].sort();
    for (const from of [0, 2]) {
      const together = await promiseLevels(input, systems, from, 'UA', ctx);
      expect(together.joint).toBeCloseTo((await promiseLevel(input, new Set(systems), from, 'UA', ctx))!, 6);
      for (const s of systems) expect(together.bySystem.get(s), `${s} from ${from}`).toBeCloseTo((await promiseLevel(input, new Set([s]), from, 'UA', ctx))!, 6);
    }
    await fc.assert(
      fc.asyncProperty(dataSpecArb(SMALL_LIMITS), fc.nat(), async (spec, pick) => {
        const { input } = prepareScenario(loadDataSet(dataFilesOf(spec)));
        const systems = [...new Set(input.needs.map((n) => n.system))].sort();
        const from = pick % input.months.length;
        for (const recipient of ['UA', 'EF']) {
          const together = await promiseLevels(input, systems, from, recipient, ctx);
          const joint = await promiseLevel(input, new Set(systems), from, recipient, ctx);
          if (joint === undefined) expect(together.joint).toBeUndefined();
          else expect(together.joint).toBeCloseTo(joint, 6);
          for (const s of systems) {
            const alone = await promiseLevel(input, new Set([s]), from, recipient, ctx);
            if (alone === undefined) expect(together.bySystem.get(s)).toBeUndefined();
            else expect(together.bySystem.get(s)).toBeCloseTo(alone, 6);
          }
        }
      }),
      { numRuns: 25, seed: 17 },
    );
  }, 120_000);
});

describe("promises asked in a solved plan's own session", () => {
  /** The plan of `input` in a session left open, cost to close too when `closed` (its top-up columns stay in the session). */
  const solvedPlan = async (input: PlanInput, closed: boolean): Promise<OpenScenario> => {
    const solved = await solveScenario(input, ctx, { keep: true });
    if (closed) await closeGaps(solved, ctx);
    return solved;
  };

  it('keep the plan\'s earlier deliveries (version 3): equal the curves drawn on programs of their own, never above the earlier-months-free levels, with and without cost to close before', async () => {
    await fc.assert(
      fc.asyncProperty(v2SpecArb(SMALL_LIMITS), fc.nat(), fc.boolean(), async (spec, pick, closed) => {
        const { input } = prepareScenario(loadDataSet(v2FilesOf(spec)));
        const systems = [...new Set(input.needs.map((n) => n.system))].sort();
        const from = pick % input.months.length;
        const fresh = await promiseLevels(input, systems, from, 'UA', ctx);
        const solved = await solvedPlan(input, closed);
        try {
          const inPlan = await promiseLevels(input, systems, from, 'UA', ctx, solved);
          const promised = [...inPlan.bySystem].filter(([, level]) => level !== undefined).map(([s]) => s);
          if (fresh.joint === undefined) expect(inPlan.joint).toBeUndefined();
          else expect(inPlan.joint!).toBeLessThanOrEqual(fresh.joint + 1e-6);
          if (promised.length > 0) {
            const targets = [...promised.map((s) => ({ code: s, systems: [s], months: [from] })), { code: '*', systems: promised, months: [from] }];
            const curves = await promiseCurves({ input, recipient: 'UA', targets, delivered: solved.plan.needs.map((n) => n.delivered) }, ctx);
            promised.forEach((s, i) => expect(inPlan.bySystem.get(s), s).toBeCloseTo(curves[i]!.levels[0]!, 5));
            expect(inPlan.joint).toBeCloseTo(curves.at(-1)!.levels[0]!, 5);
          }
          for (const s of promised) expect(inPlan.bySystem.get(s)!).toBeLessThanOrEqual(fresh.bySystem.get(s)! + 1e-6);
          // Asked again in the same, already edited session: the joint guarantee of every recipient.
          const everything = new Set(systems);
          expect(await largestGuaranteeInPlan(solved, everything)).toBeCloseTo(await largestGuarantee(input, everything, ctx), 6);
        } finally {
          solved.session.dispose();
        }
      }),
      { numRuns: 25, seed: 29 },
    );
  }, 120_000);

  it('a plan that meets a floor of 60 % keeps that promise from the first month, however the plan was solved', async () => {
    const spec: CaseSpec = { lines: [{ cap0: 60, unit: 10 }], needs: { s: 100 }, months: 4, budgets: { AA: 1e8 } };
    const { input } = prepareScenario(loadDataSet(caseFiles(spec)));
    const solved = await solvedPlan(input, true);
    try {
      expect(await largestGuaranteeInPlan(solved, new Set(['s']))).toBeCloseTo(0.6, 9);
      // From month 2 on, month 1's 60 kept: 180 units over 3 months of 100 (version 2 stored month 1's output: 240, 80 %).
      expect((await promiseLevels(input, ['s'], 1, 'UA', ctx, solved)).joint).toBeCloseTo(0.6, 5);
      expect((await promiseLevels(input, ['s'], 1, 'UA', ctx)).joint).toBeCloseTo(0.8, 9);
    } finally {
      solved.session.dispose();
    }
  });
});
