import { describe, expect, it } from 'vitest';
import { chartName } from '../../src/render/charts/chart-data.js';

describe('names on charts', () => {
  it('keep short names, and cut long ones at a parenthesis, a comma, then a word', () => {
    expect(chartName('Germany')).toBe('Germany');
    expect(chartName('World market (producers and stocks outside the coalition, bought through brokers)')).toBe('World market');
    expect(chartName('EU Ukraine Support Loan 2026-27, military part (in-scope share)')).toBe('EU Ukraine Support Loan 2026-27');
    expect(chartName('SAFE loans that member states use for Ukraine (in-scope share)')).toBe('SAFE loans that member states…');
    expect(chartName('Medium-range interceptor (short)')).toBe('Medium-range interceptor (short)');
  });
});
