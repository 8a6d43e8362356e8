import { describe, expect, it } from 'vitest';
import { runName, scenarioSetName, sweepName } from '../../src/scenario/run-name.js';
import { safeFolderName } from '../../src/scenario/run-name.js';

describe('names that say what a run is', () => {
  it('are the scenario and its --set flags, usable as one folder name', () => {
    expect(runName('baseline', [])).toBe('baseline');
    expect(runName('baseline', ['budget_scale=2', 'exclude=US'])).toBe('baseline+budget_scale=2+exclude=US');
    expect(runName('pooled', ['budget_scale:group:core=2', 'need_scale:*=1.5'])).toBe('pooled+budget_scale.group.core=2+need_scale.all=1.5');
    expect(runName('baseline', ['guarantee:a/b c=1'])).toBe('baseline+guarantee.a_b_c=1');
    for (const name of [runName('x', ['budget_scale:group:core=2']), sweepName('baseline', 'budget_scale', { from: 0.5, to: 3, step: 0.25 }, [])]) expect(safeFolderName(name)).toBe(name);
  });

  it('name sweeps and sets that are not every scenario as it stands', () => {
    expect(sweepName('baseline', 'budget_scale', { from: 0.5, to: 3, step: 0.25 }, ['financing=pooled'])).toBe('sweep+baseline+budget_scale=0.5to3by0.25+financing=pooled');
    expect(scenarioSetName(undefined, [])).toBeUndefined();
    expect(scenarioSetName(['baseline', 'pooled'], ['budget_scale=2'])).toBe('scenarios+only=baseline,pooled+budget_scale=2');
  });

  it('stay apart when cut to 120 characters', () => {
    const long = (n: number) => runName('baseline', Array.from({ length: 12 }, (_, i) => `budget_scale:group:g${i}=${n}`));
    expect(safeFolderName(long(1))).toHaveLength(120);
    expect(safeFolderName(long(1))).not.toBe(safeFolderName(long(2)));
  });
});
