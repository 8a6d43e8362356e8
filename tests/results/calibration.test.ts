import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { readDataFolder } from '../../src/io/read-data-folder.js';
import { planRampUp } from '../../src/plan-ramp-up.js';
import { calibrate } from '../../src/results/calibration.js';
import { growthOf, reachableCapacity } from '../../src/results/gap-causes.js';
import { ROOT } from '../helpers/run-built-cli.js';

const folder = await readDataFolder(join(ROOT, 'tests', 'fixtures', 'replay'));
const data = loadDataSet(folder.files, folder.otherFiles);
const { plan } = await planRampUp(data, [], { analyses: { explain: false, replay: true } });
const row = (figure: string) => plan.calibration!.find((r) => r.actual.figure === figure)!;

describe('the replay: the model against the record (issue 29)', () => {
  it('counts the capacity a line could have online, every expansion ordered as early as allowed (hand-solved)', () => {
    const growth = growthOf(plan.input);
    const at = (producer: string, t: number) => {
      const l = plan.input.lines.findIndex((line) => line.producer === producer);
      return reachableCapacity(plan.input.lines[l]!, growth[l]!, t);
    };
    // Shellworks: 20 000, +5 000 a month ordered from month 0, online 3 months later, up to 40 000.
    expect([0, 1, 2, 3, 4, 5].map((t) => at('Shellworks', t))).toEqual([20000, 20000, 20000, 25000, 30000, 35000]);
    // Obus SA: no ramp, so all 4 000 of room after its 2-month lead.
    expect([0, 1, 2, 5].map((t) => at('Obus SA', t))).toEqual([8000, 8000, 12000, 12000]);
    // Dron PL: +1 000 a month after 1 month, to its ceiling of 6 000.
    expect([0, 1, 2, 3, 4, 5].map((t) => at('Dron PL', t))).toEqual([3000, 4000, 5000, 6000, 6000, 6000]);
    expect(row('shell-de-made').modelled).toBe(150000);
    expect(row('shells-made').modelled).toBe(150000 + 64000 + 30000);
    expect(row('sam-made').modelled).toBe(66);
    // What the plan had online is never more than what could have been.
    for (const r of plan.calibration!.filter((c) => c.actual.measure === 'produced')) expect(r.planned).toBeLessThanOrEqual(r.modelled + 1e-6);
  });

  it('judges within 0.8 to 1.25 of the record, both ends included, and below or above it with the reason the record gives', () => {
    expect(row('shell-de-made')).toMatchObject({ ratio: 1, verdict: 'within', reason: '' });
    expect(row('shells-made').ratio).toBeCloseTo(1.25, 12);
    expect(row('shells-made').verdict).toBe('within');
    expect(row('sam-made').ratio).toBeCloseTo(0.8, 12);
    expect(row('sam-made').verdict).toBe('within');
    expect(row('fpv-pl-made')).toMatchObject({ modelled: 30000, verdict: 'model below record', reason: 'The record counts a second factory the data leaves out' });
    // A category is every system in it; no reason given is said so.
    expect(row('fpv-made')).toMatchObject({ modelled: 42000, verdict: 'model above record', reason: 'no reason given in actuals.csv: check the data' });
    expect(row('fpv-made').ratio).toBeCloseTo(1.4, 12);
  });

  it('counts deliveries from every source, and money against the in-scope part of the record', () => {
    const delivered = plan.needs.filter((n) => n.need.system === 'sam-medium').reduce((a, n) => a + n.delivered, 0);
    expect(delivered).toBeGreaterThan(0);
    expect(row('sam-delivered').modelled).toBeCloseTo(delivered, 9);
    // Every flow over the whole horizon is the money the plan spent; the record counts half of it in scope.
    // (to a millionth: the flows are read from the solution in EUR millions)
    expect(Math.abs(row('money-spent').modelled / plan.moneySpentEur - 1)).toBeLessThan(1e-6);
    expect(Math.abs(row('money-spent').ratio / (plan.moneySpentEur / 5e8) - 1)).toBeLessThan(1e-6);
  });
});
