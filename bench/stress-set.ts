/**
 * The stress set (issue 18): 24 seeded shapes at L (14 x 20 x 24) and XL (31 x 30 x 36), each
 * a different turn of the stress generator's knobs. The first four are set by hand at the
 * corners that matter most to the LP (dense lines with loose money, sparse lines with tight
 * money, long leads with ramps, many recipients with noisy needs); the other twenty draw every
 * knob from its range with a seed of their own. `npm run bench -- --stress` runs them all and
 * `--list-stress` prints the knobs.
 */
import { mulberry32 } from './generate-data-folder.js';
import { DEFAULT_KNOBS, type StressKnobs } from './generate-stress-folder.js';

export interface StressShape {
  /** e.g. `L03`, `XL11`. */
  readonly name: string;
  readonly size: 'L' | 'XL';
  readonly knobs: StressKnobs;
}

const L = { countries: 14, systems: 20, months: 24 } as const;
const XL = { countries: 31, systems: 30, months: 36 } as const;

/** Hand-set corners, at XL. */
const CORNERS: readonly Partial<StressKnobs>[] = [
  // Dense lines and budgets, monthly money and needs (the "denser needs and budgets").
  { lineDensity: 0.6, money: 3, moneySpread: 1.5, monthlyBudgets: true, needLevel: 2.5, needNoise: 0.5, recipients: 3 },
  // Sparse lines, tight money, most lines new.
  { lineDensity: 0.12, money: 0.2, moneySpread: 4, freshShare: 0.5, expandShare: 0.9, needLevel: 3 },
  // Long lead times and tight ramps, pooled money with a fair share.
  { maxLead: 18, rampShare: 1, headroom: 6, financing: 'pooled', fairShare: 0.5, money: 0.8, lineDensity: 0.4 },
  // Many recipients, noisy and gappy needs, stock at the start, wide prices.
  { recipients: 3, needNoise: 1, needGaps: 0.3, stockShare: 0.5, priceSpread: 3, lineDensity: 0.3, money: 1.5 },
];

/** One shape's knobs drawn from their ranges. */
function drawKnobs(seed: number): Omit<StressKnobs, 'countries' | 'systems' | 'months' | 'seed'> {
  const random = mulberry32(seed);
  const uniform = (lo: number, hi: number) => lo + (hi - lo) * random();
  const logUniform = (lo: number, hi: number) => Math.exp(uniform(Math.log(lo), Math.log(hi)));
  const round = (v: number, digits = 2) => Number(v.toFixed(digits));
  const pooled = random() < 0.3;
  return {
    lineDensity: round(uniform(0.1, 0.7)),
    expandShare: round(uniform(0.3, 1)),
    freshShare: round(uniform(0, 0.4)),
    rampShare: round(uniform(0, 1)),
    maxLead: Math.floor(uniform(0, 19)),
    headroom: round(uniform(1.5, 6), 1),
    ceilingAtRamp: random() < 0.5 ? 0 : round(uniform(0.3, 1)),
    quantityScale: round(logUniform(0.2, 20)),
    needLevel: round(logUniform(0.5, 4)),
    needNoise: random() < 0.5 ? 0 : round(uniform(0.1, 1)),
    needGaps: random() < 0.7 ? 0 : round(uniform(0.05, 0.3)),
    money: round(logUniform(0.1, 5)),
    moneySpread: round(uniform(1, 5), 1),
    monthlyBudgets: random() < 0.5,
    payerShare: random() < 0.5 ? 1 : round(uniform(0.3, 1)),
    recipients: 1 + Math.floor(uniform(0, 3)),
    stockShare: random() < 0.5 ? 0 : round(uniform(0.1, 0.5)),
    priceSpread: round(uniform(1, 3), 1),
    financing: pooled ? 'pooled' : 'national',
    fairShare: pooled && random() < 0.5 ? round(uniform(0.3, 0.8)) : 0,
    // Version 2 (contract.md); run-benchmarks --stress-v1 leaves them out.
    funds: Math.floor(uniform(0, 4)),
    channels: Math.floor(uniform(0, 5)),
    commitmentShare: random() < 0.4 ? 0 : round(uniform(0.1, 0.5)),
    materials: Math.floor(uniform(0, 5)),
    maxDeliveryLag: Math.floor(uniform(0, 4)),
  };
}

/** The 24 shapes: 4 corners at XL, then 10 drawn at L and 10 at XL. */
export function stressSet(): StressShape[] {
  const out: StressShape[] = [];
  CORNERS.forEach((corner, i) => {
    out.push({ name: `XL${String(i + 1).padStart(2, '0')}`, size: 'XL', knobs: { ...XL, seed: 1000 + i, ...DEFAULT_KNOBS, ...corner } });
  });
  for (let i = 0; i < 10; i++) {
    out.push({ name: `L${String(i + 1).padStart(2, '0')}`, size: 'L', knobs: { ...L, seed: 2000 + i, ...drawKnobs(2000 + i) } });
  }
  for (let i = 0; i < 10; i++) {
    const n = CORNERS.length + i + 1;
    out.push({ name: `XL${String(n).padStart(2, '0')}`, size: 'XL', knobs: { ...XL, seed: 3000 + i, ...drawKnobs(3000 + i) } });
  }
  return out;
}
