import { describe, expect, it } from 'vitest';
import { planCase, type CaseSpec, reportText } from '../helpers/data-builder.js';

const guarantees = async (spec: CaseSpec, from?: string) => (await planCase(spec, { guarantees: from ? { from } : {}, explain: false })).plan.guarantees!;

describe('what can be guaranteed (hand-solved)', () => {
  it('a line at a ceiling of 100 against a need of 150 guarantees 2/3', async () => {
    const g = await guarantees({ lines: [{ cap0: 100, unit: 10 }], needs: { s: 150 }, months: 3, budgets: { AA: 1e8 } });
    expect(g.systems[0]!.level).toBeCloseTo(2 / 3, 9);
    // Month 1's output can be stored: 300 units cover 150 in months 2 and 3.
    expect(g.systems[0]!.firstFullMonth).toBe(1);
    expect(g.jointLevel).toBeCloseTo(2 / 3, 9);
  });

  it('a line that starts at zero with a 3-month lead time guarantees 0, and 100 % from month 4', async () => {
    const g = await guarantees({ lines: [{ cap0: 0, capmax: 100, lead: 3, unit: 10 }], needs: { s: 100 }, months: 6, budgets: { AA: 1e8 } }, '2026-02');
    const s = g.systems[0]!;
    expect(s.level).toBeCloseTo(0, 9);
    expect(s.firstFullMonth).toBe(3); // 0-based: 2026-04
    expect(s.firstFullMonthUnlimited).toBe(3);
    expect(s.extraMoneyFromEur).toBeUndefined(); // no price buys capacity before it exists
  });

  it('money-bound: the guarantee is budget / (unit cost x need), and the extra money is priced', async () => {
    const g = await guarantees({ lines: [{ cap0: 1000, unit: 1000 }], needs: { s: 100 }, months: 4, budgets: { AA: 40_000 } }, '2026-03');
    const s = g.systems[0]!;
    expect(s.level).toBeCloseTo(40_000 / (1000 * 100), 9);
    expect(s.levelUnlimited).toBeCloseTo(1, 9);
    // Months 3 and 4 at 100 units cost 200,000; 160,000 is available (carried forward): 40,000 more.
    expect(s.extraMoneyFromEur).toBeCloseTo(40_000, 3);
    // From month 3, 200 units need EUR 200,000 but only 160,000 exists by month 4; from month 4, 100 units fit.
    expect(s.firstFullMonth).toBe(3);
  });

  it('the joint level is never above the lowest single-system level', async () => {
    const spec: CaseSpec = {
      systems: [{ code: 'a' }, { code: 'b' }],
      lines: [
        { system: 'a', cap0: 100, unit: 10 },
        { system: 'b', producer: 'Q', cap0: 60, unit: 10 },
      ],
      needs: { a: 100, b: 100 },
      months: 2,
      budgets: { AA: 1200 },
    };
    const g = await guarantees(spec);
    const levels = g.systems.map((s) => s.level);
    expect(levels[0]).toBeCloseTo(1, 9); // alone, a gets all EUR 1,200 a month
    expect(levels[1]).toBeCloseTo(0.6, 9); // b is capped by its line
    expect(g.jointLevel).toBeLessThanOrEqual(Math.min(...levels) + 1e-9);
    expect(g.jointLevel).toBeCloseTo(0.6, 9); // 60 + 60 units at EUR 10 fit in EUR 1,200
  });

  it('writes guarantees.csv with a row per system and one for all at once', async () => {
    const outcome = await planCase({ lines: [{ cap0: 100, unit: 10 }], needs: { s: 150 }, months: 3, budgets: { AA: 1e8 } }, { guarantees: { from: '2026-02' } });
    expect(reportText(outcome, 'guarantees.csv')).toBe(
      'system,name,guarantee_pct,guarantee_pct_unlimited_money,first_month_100pct,first_month_100pct_unlimited_money,extra_money_for_100pct_from_2026-02_eur\n' +
        's,System s,66.67,66.67,2026-02,2026-02,0\n' +
        '*,all systems at once,66.67,66.67,,,0\n',
    );
    expect(reportText(outcome, 'summary.md')).toContain('## What can be guaranteed');
  });
});
