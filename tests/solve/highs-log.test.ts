import { describe, expect, it } from 'vitest';
import { readInteriorPointLog } from '../../src/solve/highs-log.js';

/** Excerpts of HiGHS 1.15 logs (the lines that matter) from solves of stress shapes. */
const NO_PROGRESS = [
  'Status interior point solve:                        no progress',
  'WARNING: Ipx: Stopped',
  'WARNING: Ipx: IPM       no progress',
  'WARNING: Ipx: Crossover not run',
  'WARNING: IPM solution is imprecise, so clean up with simplex',
  'Using dual simplex solver',
];
const IMPRECISE_REPAIRED = ['WARNING: Ipx: IPM       imprecise', 'Ipx: Crossover optimal', 'WARNING: IPM solution is imprecise, so clean up with simplex'];
const OPTIMAL = ['Ipx: IPM       optimal', 'Ipx: Crossover optimal'];

describe('what the HiGHS log says about the interior point', () => {
  it('a stall: no progress, no crossover, the simplex took over', () => {
    expect(readInteriorPointLog(NO_PROGRESS, 9286)).toEqual({ ipmFallback: true, detail: 'IPM no progress, crossover not run' });
  });

  it('an imprecise interior point that crossover repaired is no fallback', () => {
    expect(readInteriorPointLog(IMPRECISE_REPAIRED, 0)).toEqual({ ipmFallback: false, detail: 'IPM imprecise, crossover optimal' });
  });

  it('an optimal interior point and crossover, a few clean-up iterations after postsolve', () => {
    expect(readInteriorPointLog(OPTIMAL, 12)).toEqual({ ipmFallback: false, detail: 'IPM optimal, crossover optimal' });
  });

  it('no interior point in the log: nothing to say', () => {
    expect(readInteriorPointLog(['Using dual simplex solver'], 400)).toEqual({});
  });
});
