import type { SolveStats } from './solver-adapter.js';

/**
 * What the log says about the interior point: IPX ends with `Ipx: IPM <status>` and
 * `Ipx: Crossover <status>` (prefixed `WARNING: ` when not optimal). An interior point that
 * ended without an optimum ("no progress", "imprecise") and no optimal crossover basis, so that
 * HiGHS cleaned up with the simplex, is a fallback (issue 18: "IPM no progress", then tens of
 * thousands of simplex iterations). An imprecise IPM that crossover repaired is not.
 */
export function readInteriorPointLog(lines: readonly string[], simplexIterations: number): Pick<SolveStats, 'ipmFallback' | 'detail'> {
  const status: { ipm?: string; crossover?: string } = {};
  for (const line of lines) {
    const m = /Ipx: (IPM|Crossover)\s+(\S.*?)\s*$/.exec(line);
    if (m) status[m[1] === 'IPM' ? 'ipm' : 'crossover'] = m[2]!;
  }
  if (status.ipm === undefined) return {};
  return {
    ipmFallback: status.ipm !== 'optimal' && status.crossover !== 'optimal' && simplexIterations > 0,
    detail: `IPM ${status.ipm}${status.crossover !== undefined ? `, crossover ${status.crossover}` : ''}`,
  };
}
