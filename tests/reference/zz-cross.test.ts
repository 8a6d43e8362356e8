import fc from 'fast-check';
import { it } from 'vitest';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { planRampUp } from '../../src/plan-ramp-up.js';
import { V3_LIMITS, v3SpecArb, v3FilesOf } from '../helpers/arbitraries-v3.js';
import { referencePlanV3 } from '../helpers/reference-model-v3.js';
it('cross', async () => {
  const specs = fc.sample(v3SpecArb(V3_LIMITS), { seed: 11, numRuns: 300 });
  let bracket = 0, worstLow = 0, worstHigh = 0, spreadOk = 0, spreadN = 0; const bad: string[] = [];
  for (const [i, s] of specs.entries()) {
    const out = await planRampUp(loadDataSet(v3FilesOf(s)), [], { engine: { solver: 'highs' }, analyses: { explain: false }, output: { html: false } } as any);
    const face = await referencePlanV3(s, { hold: 'face' });
    const rows = await referencePlanV3(s);
    const p = out.plan as any;
    const m = p.moneySpentEur;
    const low = (rows.moneyEur - m) / Math.max(1, rows.moneyEur), high = (m - face.moneyEur) / Math.max(1, face.moneyEur);
    worstLow = Math.max(worstLow, low); worstHigh = Math.max(worstHigh, high);
    if (low <= 1e-6 && high <= 1e-6 && Math.abs(p.weightedShortfall - face.weightedShortfall) <= 1e-6 * Math.max(1, face.weightedShortfall)) bracket++;
    else bad.push(`#${i} U ${p.weightedShortfall} vs ${face.weightedShortfall}; money ${m} in [${rows.moneyEur}, ${face.moneyEur}]?`);
    if (i === 0) console.log(JSON.stringify(p.payers[0]));
    if (s.financing !== 'national') {
      spreadN++;
      let good = true;
      for (const payer of p.payers) {
        const B = payer.budgetEur ?? 0;
        const mine = face.spentEur[payer.payer ?? payer.code ?? payer.id];
        const theirs = payer.spentEur ?? payer.paidEur;
        if (mine === undefined || theirs === undefined || Math.abs(mine - theirs) > B / 50 + 1) good = false;
      }
      if (good) spreadOk++;
    }
  }
  console.log('bracket', bracket, 'of', specs.length, 'worst below rows', worstLow, 'worst above face', worstHigh, 'spread', spreadOk, 'of', spreadN);
  for (const b of bad.slice(0, 20)) console.log(b);
});
