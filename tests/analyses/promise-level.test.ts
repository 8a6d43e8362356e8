import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { promiseLevel, promiseLevels } from '../../src/analyses/promise-level.js';
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
