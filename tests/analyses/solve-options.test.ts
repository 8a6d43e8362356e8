import { afterEach, describe, expect, it, vi } from 'vitest';
import { InputError, SolveError } from '../../src/base/errors.js';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { planRampUp } from '../../src/plan-ramp-up.js';
import { runScenarioJob } from '../../src/run/run-scenario-job.js';
import { highsAdapter } from '../../src/solve/highs-adapter.js';
import type { SolveOptions } from '../../src/solve/solver-adapter.js';
import { caseFiles, type CaseSpec } from '../helpers/data-builder.js';

/** Every solve of a run opens a session: record the options each one got. */
function spyOnSessions(): SolveOptions[] {
  const seen: SolveOptions[] = [];
  const open = highsAdapter.open.bind(highsAdapter);
  vi.spyOn(highsAdapter, 'open').mockImplementation(async (lp, options) => {
    seen.push(options);
    return open(lp, options);
  });
  return seen;
}

const CASE: CaseSpec = {
  lines: [
    { country: 'AA', cap0: 10, capmax: 30, lead: 2, unit: 100, xcost: 500 },
    { country: 'BB', system: 't', cap0: 5, unit: 50 },
  ],
  needs: { s: 20, t: 8 },
  months: 6,
  budgets: { AA: 1500, BB: 200 },
};

const asked = { timeLimitSeconds: 77, method: 'simplex' } as const;

describe('every re-solve uses the solve options the user gave', () => {
  afterEach(() => vi.restoreAllMocks());

  it('in a plan with cost to close, guarantees and sensitivity', async () => {
    const seen = spyOnSessions();
    await planRampUp(loadDataSet(caseFiles(CASE)), [], { engine: asked, analyses: { explain: true, sensitivity: true, guarantees: { from: '2026-03' } } });
    // The plan with its unlimited-money re-solve (one session), sensitivity per payer (two),
    // and the promise curves (two warm sessions).
    expect(seen.length).toBeGreaterThanOrEqual(5);
    for (const options of seen) expect(options).toMatchObject(asked);
  });

  it('when an infeasible guarantee is explained', async () => {
    const seen = spyOnSessions();
    const data = loadDataSet(caseFiles(CASE));
    await expect(planRampUp(data, [], { engine: asked, scenario: { set: ['guarantee:s=1'] } })).rejects.toBeInstanceOf(SolveError);
    expect(seen.length).toBeGreaterThan(2);
    for (const options of seen) expect(options).toMatchObject(asked);
  });

  it('in a run of a scenario set, its joint guarantee included', async () => {
    const seen = spyOnSessions();
    const result = await runScenarioJob(loadDataSet(caseFiles(CASE)), [], { run: 1, scenario: 'baseline', label: 'baseline', set: [] }, { engine: asked, output: {}, reports: true });
    expect(result.row.status).toBe('optimal');
    // The plan and the joint guarantee share one session; cost to close has its own, from the plan's basis.
    expect(seen.length).toBe(2);
    for (const options of seen) expect(options).toMatchObject(asked);
  });

  it('and an unknown solver is a flag problem', async () => {
    const error = await planRampUp(loadDataSet(caseFiles(CASE)), [], { engine: { solver: 'cplex' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues).toEqual([expect.objectContaining({ flag: '--solver', value: 'cplex', code: 'BAD_SETTING_VALUE' })]);
  });
});
