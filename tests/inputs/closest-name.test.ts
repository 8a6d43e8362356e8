import { describe, expect, it } from 'vitest';
import { closestName, didYouMean } from '../../src/inputs/closest-name.js';

describe('the name a typo meant', () => {
  it('finds the same name in another case first, then the nearest by a letter or a swap', () => {
    expect(closestName('us', ['US', 'DE'])).toBe('US');
    expect(closestName('poolled', ['baseline', 'pooled', 'pooled-open'])).toBe('pooled');
    expect(closestName('budget_scael', ['budget_scale', 'need_scale'])).toBe('budget_scale');
    expect(closestName('need.csv', ['needs.csv', 'budgets.csv'])).toBe('needs.csv');
  });

  it('says nothing when no name is near, or two are equally near', () => {
    expect(closestName('tanks', ['shell-155', 'pac3-mse'])).toBeUndefined();
    expect(closestName('ab', ['ac', 'ad'])).toBeUndefined();
    expect(didYouMean('xyz', ['pooled'])).toBe('');
    expect(didYouMean('poled', ['pooled'])).toBe(' (did you mean pooled?)');
  });
});
