import { describe, expect, it } from 'vitest';
import { isRangeFlag, parseRange, parseSetFlag } from '../../src/scenario/set-flag.js';

describe('the one grammar of --set', () => {
  it('splits KEY[:TARGET]=VALUE at the first =, a target may hold :', () => {
    expect(parseSetFlag('budget_scale:group:core=2', 1)).toMatchObject({ setting: 'budget_scale', target: 'group:core', value: '2' });
    expect(parseSetFlag('exclude=US', 2)).toMatchObject({ setting: 'exclude', target: '', value: 'US', origin: { kind: 'flag', flag: '--set', text: 'exclude=US', index: 2 } });
    expect(parseSetFlag('budget_scale', 1)).toMatchObject({ flag: '--set', value: 'budget_scale', code: 'BAD_SETTING_VALUE' });
  });

  it('recognises a sweep range by its value alone, and reads it the same way', () => {
    expect(isRangeFlag('budget_scale:group:core=1:4:0.5')).toBe(true);
    expect(isRangeFlag('budget_scale:group:core=2')).toBe(false);
    expect(parseRange('budget_scale:group:core=1:2:0.5')).toEqual({ key: 'budget_scale:group:core', values: [1, 1.5, 2], range: { from: 1, to: 2, step: 0.5 } });
    expect(parseRange('budget_scale=0:0.3:0.1')).toMatchObject({ key: 'budget_scale', values: [0, 0.1, 0.2, 0.3] });
    expect(parseRange('budget_scale=2:1:0.5')).toBe('the range 2:1:0.5 is empty (need FROM <= TO and STEP > 0)');
  });
});
