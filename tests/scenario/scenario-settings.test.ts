import { describe, expect, it } from 'vitest';
import { SolveError } from '../../src/base/errors.js';
import { caseFiles, csv, planCase, type CaseSpec } from '../helpers/data-builder.js';
import { InputError } from '../../src/base/errors.js';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { planRampUp } from '../../src/plan-ramp-up.js';
import { prepareScenario } from '../../src/scenario/prepare-scenario.js';

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

/** model.md case 2: one line, 1000 EUR a unit, EUR 50,000 a month, need 100: half is bought. */
const moneyBound: CaseSpec = { lines: [{ cap0: 100, unit: 1000 }], needs: { s: 100 }, months: 3, budgets: { AA: 50_000 }, countries: [{ code: 'AA', gdp: 1.2e6, group: 'core' }] };
/** model.md case 1: one line at its ceiling of 100 against a need of 150. */
const ceilingBound: CaseSpec = { lines: [{ cap0: 100, unit: 10 }], needs: { s: 150 }, months: 3, budgets: { AA: 1e8 } };
/** Two countries: AA makes everything, BB only has money. */
const pool = (scenarios: string): CaseSpec => ({
  countries: [
    { code: 'AA', gdp: 1e12, group: 'maker' },
    { code: 'BB', gdp: 1e12, group: 'payer' },
  ],
  lines: [{ country: 'AA', cap0: 100, unit: 10 }],
  needs: { s: 100 },
  months: 3,
  budgets: { AA: 300, BB: 1e6 },
  scenarios,
});
const scenarioFile = (rows: (string | number | undefined)[][]) => csv(['scenario', 'description', 'setting', 'target', 'value'], rows);

async function shortfall(spec: CaseSpec, set: string[] = [], scenario?: string): Promise<number> {
  return (await planCase(spec, { scenario: { set, ...(scenario ? { name: scenario } : {}) } })).plan.weightedShortfall;
}

describe('each scenario setting changes the model as model.md says', () => {
  it('budget_scale multiplies the money', async () => {
    expect(await shortfall(moneyBound)).toBeCloseTo(150, 6);
    expect(await shortfall(moneyBound, ['budget_scale=1.5'])).toBeCloseTo(75, 6);
    expect(await shortfall(moneyBound, ['budget_scale:AA=2'])).toBeCloseTo(0, 6);
    expect(await shortfall(moneyBound, ['budget_scale:group:core=0'])).toBeCloseTo(300, 6);
  });

  it('budget_gdp_pct replaces the budget by a share of GDP spread over the months', async () => {
    // 1 % of EUR 1.2 m a year is EUR 1,000 a month: one unit a month.
    expect(await shortfall(moneyBound, ['budget_gdp_pct=1'])).toBeCloseTo(3 * 99, 6);
  });

  it('need_scale and capacity_scale scale the need and the capacity', async () => {
    expect(await shortfall(ceilingBound)).toBeCloseTo(150, 6);
    expect(await shortfall(ceilingBound, ['need_scale=0.5'])).toBeCloseTo(0, 6);
    expect(await shortfall(ceilingBound, ['need_scale:category:cat=2'])).toBeCloseTo(3 * 200, 6);
    expect(await shortfall(ceilingBound, ['capacity_scale=1.5'])).toBeCloseTo(0, 6);
    expect(await shortfall(ceilingBound, ['capacity_scale:s=1.2'])).toBeCloseTo(3 * 30, 6);
  });

  it('exclude and include_only remove countries as producers and payers', async () => {
    const three: CaseSpec = {
      lines: [
        { country: 'AA', cap0: 100, unit: 10 },
        { country: 'BB', cap0: 30, unit: 20 },
      ],
      countries: [{ code: 'AA', group: 'g1' }, { code: 'BB', group: 'g2' }, { code: 'CC', group: 'g2' }],
      needs: { s: 150 },
      months: 3,
      budgets: { AA: 1e8, BB: 1e8, CC: 1e8 },
    };
    expect(await shortfall(three)).toBeCloseTo(3 * 20, 6);
    expect(await shortfall(three, ['exclude=AA'])).toBeCloseTo(3 * 120, 6);
    expect(await shortfall(three, ['include_only=group:g2'])).toBeCloseTo(3 * 120, 6);
    const outcome = await planCase(three, { scenario: { set: ['exclude:group:g2='] } });
    expect(outcome.plan.input.excluded).toEqual(['BB', 'CC']);
    expect(outcome.plan.weightedShortfall).toBeCloseTo(3 * 50, 6);
  });

  it('start and end set the horizon', async () => {
    const leadTime: CaseSpec = { lines: [{ cap0: 0, capmax: 100, lead: 3, unit: 10 }], needs: { s: 100 }, months: 6, budgets: { AA: 1e8 } };
    const outcome = await planCase(leadTime, { scenario: { set: ['end=2026-04'] } });
    expect(outcome.plan.input.months).toHaveLength(4);
    expect(outcome.plan.weightedShortfall).toBeCloseTo(300, 6);
    const later = await planCase(leadTime, { scenario: { set: ['start=2026-03'] } });
    expect(later.plan.input.months).toHaveLength(4);
    // The clock starts at the horizon: a 3-month lead time still costs three months.
    expect(later.plan.weightedShortfall).toBeCloseTo(300, 6);
  });

  it('pooled financing lets a country without industry pay for another\'s lines', async () => {
    expect(await shortfall(pool(''))).toBeCloseTo(3 * 70, 6); // national: only AA's EUR 300 a month
    expect(await shortfall(pool(''), ['financing=pooled'])).toBeCloseTo(0, 6);
  });

  it('work_share 1 stops a country paying for more than its own industry receives', async () => {
    expect(await shortfall(pool(''), ['financing=pooled', 'work_share=1'])).toBeCloseTo(3 * 70, 6);
  });

  it('fair_share 1 makes every payer\'s share equal its GDP share', async () => {
    // Equal GDPs: BB may pay no more than AA's EUR 300 a month, so 60 units a month.
    const outcome = await planCase(pool(''), { scenario: { set: ['financing=pooled', 'fair_share=1'] } });
    expect(outcome.plan.weightedShortfall).toBeCloseTo(3 * 40, 6);
    const [aa, bb] = outcome.plan.payers;
    expect(rel(aa!.paidEur, bb!.paidEur)).toBeLessThan(1e-6);

    const uneven = await planCase(
      {
        countries: [{ code: 'AA', gdp: 1e12 }, { code: 'BB', gdp: 2e12 }, { code: 'CC', gdp: 1e12 }],
        lines: [{ country: 'AA', cap0: 1000, unit: 10 }],
        needs: { s: 100 },
        months: 2,
        budgets: { AA: 1e6, BB: 1e6, CC: 1e6 },
      },
      { scenario: { set: ['financing=pooled', 'fair_share=1'] } },
    );
    const paid = uneven.plan.payers.map((c) => c.paidEur);
    const total = paid.reduce((a, b) => a + b, 0);
    expect(paid.map((p) => p / total)).toEqual([expect.closeTo(0.25, 6), expect.closeTo(0.5, 6), expect.closeTo(0.25, 6)]);
  });

  it('a guarantee is a hard floor: met when possible, infeasible (exit 3) when not', async () => {
    expect(await shortfall(ceilingBound, ['guarantee=0.5'])).toBeCloseTo(150, 6);
    await expect(planCase(ceilingBound, { scenario: { set: ['guarantee=0.9'] } })).rejects.toBeInstanceOf(SolveError);
  });

  it('--set is applied after the scenario\'s rows and overrides them', async () => {
    const spec = { ...moneyBound, scenarios: scenarioFile([['rich', 'Twice the money', 'budget_scale', '*', 2]]) };
    expect(await shortfall(spec, [], 'rich')).toBeCloseTo(0, 6);
    expect(await shortfall(spec, ['budget_scale=1'], 'rich')).toBeCloseTo(150, 6);
  });

  it('a setting or target that does not exist is an error naming the line and the allowed values', async () => {
    const spec = { ...moneyBound, scenarios: scenarioFile([['typo', '', 'budget_scale', 'group:nosuch', 2]]) };
    const data = loadDataSet(caseFiles(spec));
    const error = await planRampUp(data, [], { scenario: { name: 'typo' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues).toEqual([
      expect.objectContaining({ file: 'scenarios.csv', line: 2, column: 4, code: 'UNKNOWN_TARGET', message: expect.stringContaining('the groups are core') }),
    ]);
  });

  it('channel settings without channels.csv are errors, not settings that silently do nothing', () => {
    const data = loadDataSet(caseFiles(moneyBound));
    const issues = (set: string[]) => {
      try {
        prepareScenario(data, 'baseline', set);
        return [];
      } catch (error) {
        return (error as InputError).issues.map((i) => i.message);
      }
    };
    expect(issues(['financing=channels'])).toEqual([expect.stringContaining('financing=channels needs channels.csv')]);
    expect(issues(['channel_share=0.5'])).toEqual([expect.stringContaining('there is no channels.csv')]);
    expect(issues(['financing=pooled'])).toEqual([]);
  });
});

describe('version 3 settings', () => {
  const levers: CaseSpec = {
    lines: [{ cap0: 10, capmax: 10, unit: 1 }],
    options: [{ id: 'tier-2', add: 20, cost: 5, lead: 1 }],
    inventories: [{ holder: 'BB', units: 30, perMonth: 10, unit: 2 }],
    commitments: [{ quantity: 4, share: 0.5, premium: 1 }],
    needs: { s: 30 },
    months: 4,
    budgets: { AA: 1e6 },
    channels: [{ id: 'all', payer: '*', seller: '*' }],
  };
  const problems = (set: string[]) => {
    try {
      prepareScenario(loadDataSet(caseFiles(levers)), 'baseline', set);
      return [];
    } catch (error) {
      return (error as InputError).issues.map((i) => i.message);
    }
  };

  it('option_scale, inventory_scale and deferrable_scale scale what they name', () => {
    const input = (set: string[]) => prepareScenario(loadDataSet(caseFiles(levers)), 'baseline', set).input;
    expect(input(['option_scale:tier-2=0.5']).options.map((o) => o.addPerMonth)).toEqual([10]);
    expect(input(['option_scale:s=0']).options.map((o) => o.addPerMonth)).toEqual([0]);
    expect(input(['inventory_scale=2']).lines.find((l) => l.kind === 'release')!.releaseUnits).toBe(60);
    // A share scaled past 1 is 1: the customers cannot let wait more than they bought.
    expect(input(['deferrable_scale=3']).lines.find((l) => l.kind === 'existing')!.deferrable).toEqual([1, 1, 1, 1]);
  });

  it('a misspelt option id gets a hint that lists the ids', () => {
    expect(problems(['option_scale:tier-3=0'])).toEqual([expect.stringMatching(/"tier-3" is not a known .*option.*\(did you mean tier-2\?\).*tier-2/)]);
    expect(problems(['inventory_scale:tier-2=0'])[0]).toMatch(/tier-2/);
  });

  it('fewer options, stock or places in the queue never give more', async () => {
    const shortfall = async (set: string[]) => (await planCase(levers, { scenario: { set }, analyses: { explain: false } })).plan.weightedShortfall;
    const all = await shortfall([]);
    for (const set of [['option_scale=0'], ['inventory_scale=0'], ['deferrable_scale=0']]) expect(await shortfall(set), set[0]).toBeGreaterThanOrEqual(all - 1e-6);
  });
});
