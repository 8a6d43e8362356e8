import { afterEach, describe, expect, it, vi } from 'vitest';
import { InputError } from '../../../src/base/errors.js';
import type { DataFiles } from '../../../src/inputs/parse-data-folder.js';
import { runRisk } from '../../../src/run/run-risk.js';
import { highsAdapter } from '../../../src/solve/highs-adapter.js';
import type { SolveOptions } from '../../../src/solve/solver-adapter.js';
import { csv, files, months } from '../../helpers/data-builder.js';

const text = (content: string | Uint8Array) => (typeof content === 'string' ? content : new TextDecoder().decode(content));
const bytes = (s: string) => new TextEncoder().encode(s);

/** One line of `capacity` a month against a need of 120 a month, money to spare; only the capacity is uncertain. */
function oneLine(capacity = 100): DataFiles {
  const ms = months('2026-01', 2);
  return files({
    'countries.csv': csv(['country', 'name', 'gdp_eur', 'source'], [['AA', 'A', 1e12, 'fact']]),
    'systems.csv': csv(['system', 'name', 'category', 'unit', 'priority'], [['s', 'S', 'c', 'unit', 1]]),
    'capacity.csv': csv(['country', 'system', 'producer', 'capacity_per_month', 'unit_cost_eur', 'source'], [['AA', 's', 'P', capacity, 1, 'cap']]),
    'needs.csv': csv(['system', 'period', 'quantity', 'source'], ms.map((m) => ['s', m, 120, 'fact'])),
    'budgets.csv': csv(['country', 'period', 'budget_eur', 'source'], ms.map((m) => ['AA', m, 1e9, 'fact'])),
    'sources.csv': csv(['source', 'title', 'basis'], [['cap', 'The line', 'assumption'], ['fact', 'Known', 'reported']]),
  });
}

/** Only capacity is uncertain: everything else is exact. */
const onlyCapacity = (distribution: string) => bytes(`basis,kind,low,high,distribution\n*,*,1,1,\nassumption,capacity,0.6,1.4,${distribution}\n`);

function bands(content: string | Uint8Array) {
  const [header, ...rows] = text(content).trim().split('\n').map((l) => l.split(','));
  const row = rows.find((r) => r[0] === 's')!;
  return Object.fromEntries(header!.map((h, i) => [h, Number(row[i])]));
}

describe('rampup risk on hand cases', () => {
  afterEach(() => vi.restoreAllMocks());

  // Fill rate = min(1, 100 m / 120) with the capacity multiplier m drawn on [0.6, 1.4]; its
  // q-quantile is min(1, x_q / 1.2) for the multiplier's quantile x_q. Sampling error of a
  // quantile of n = 2,000 draws: sqrt(q (1 - q) / n) / density, at most 0.006 in m (0.5 points of
  // fill rate); the tolerance is three of those.
  it.each([
    ['uniform', (q: number) => 0.6 + 0.8 * q],
    ['triangular', (q: number) => (q < 0.5 ? 0.6 + Math.sqrt(q * 0.8 * 0.4) : 1.4 - Math.sqrt((1 - q) * 0.8 * 0.4))],
  ])('a line whose capacity is uncertain (%s): P10, P50 and P90 match the analytic quantiles for 2,000 samples', async (distribution, inverse) => {
    const outcome = await runRisk(oneLine(), onlyCapacity(distribution), [], { samples: 2000, seed: 11 });
    const risk = bands(outcome.files.find((f) => f.name === 'risk.csv')!.content);
    const fill = (q: number) => 100 * Math.min(1, inverse(q) / 1.2);
    expect(risk.fill_rate_pct).toBeCloseTo((100 * 100) / 120, 1);
    expect(Math.abs(risk.fill_rate_p10_pct! - fill(0.1))).toBeLessThan(1.5);
    expect(Math.abs(risk.fill_rate_p50_pct! - fill(0.5))).toBeLessThan(1.5);
    expect(Math.abs(risk.fill_rate_p90_pct! - fill(0.9))).toBeLessThan(1.5);
    // The promise of this one line is its fill rate: holding in 90 % of samples means the P10.
    expect(Math.abs(risk.promise_pct_at_confidence! - fill(0.1))).toBeLessThan(1.5);
    // The point estimate's promise (83.3 %) holds where capacity came out at least as drawn: half the samples.
    expect(Math.abs(risk.point_promise_holds_pct! - 50)).toBeLessThan(4);
  }, 120_000);

  it('with every spread set to 0 the bands collapse onto the point estimate', async () => {
    const outcome = await runRisk(oneLine(90), bytes('basis,kind,low,high\n*,*,1,1\n'), [], { samples: 20 });
    expect(outcome.study.dimensions).toEqual([]);
    const [header, ...rows] = text(outcome.files.find((f) => f.name === 'risk.csv')!.content).trim().split('\n').map((l) => l.split(','));
    for (const row of rows) {
      const v = Object.fromEntries(header!.map((h, i) => [h, row[i]]));
      for (const band of ['fill_rate', 'weighted_fill_rate']) for (const p of ['p10', 'p50', 'p90']) expect(v[`${band}_${p}_pct`], `${row[0]} ${band} ${p}`).toBe(v[`${band}_pct`]);
      expect(v.promise_pct_at_confidence).toBe(v.promise_pct);
      expect(v.point_promise_holds_pct).toBe('100');
    }
  });

  it('every solve of every sample uses the solve options given', async () => {
    const seen: SolveOptions[] = [];
    const open = highsAdapter.open.bind(highsAdapter);
    vi.spyOn(highsAdapter, 'open').mockImplementation(async (lp, options) => {
      seen.push(options);
      return open(lp, options);
    });
    await runRisk(oneLine(), undefined, [], { samples: 3, engine: { timeLimitSeconds: 77, method: 'simplex' } });
    // The point estimate and 3 samples, each one session: the plan, then its promise levels from the plan's basis.
    expect(seen.length).toBe(4);
    for (const options of seen) expect(options).toMatchObject({ timeLimitSeconds: 77, method: 'simplex' });
  });

  it('bad uncertainty.csv rows are input problems, every one located, with the data folder\'s own', async () => {
    const bad = bytes(['basis,kind,low,high,distribution', 'reported,capacity,1.2,0.8,', 'rumoured,need,0.5,1.5,', 'estimate,nedd,0.5,1.5,', 'estimate,need,0.5,1.5,normal', 'reported,capacity,0.9,1.1,'].join('\n'));
    const error = await runRisk(oneLine(), bad, [], { samples: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const lines = (error as InputError).issues.map((i) => ('file' in i ? `${i.file}:${i.line}:${i.column} ${i.code}` : i.code));
    expect(lines).toEqual([
      'uncertainty.csv:2:4 OUT_OF_RANGE',
      'uncertainty.csv:3:1 BAD_VALUE',
      'uncertainty.csv:4:2 BAD_VALUE',
      'uncertainty.csv:5:5 BAD_VALUE',
      'uncertainty.csv:6:2 DUPLICATE_KEY',
    ]);
  });
});
