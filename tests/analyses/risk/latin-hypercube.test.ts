import { describe, expect, it } from 'vitest';
import { latinHypercube } from '../../../src/analyses/risk/latin-hypercube.js';

describe('the Latin hypercube design', () => {
  it('puts exactly one sample in each of the N strata of every dimension', () => {
    const N = 97;
    const D = 5;
    const u = latinHypercube(7, N, D);
    for (let d = 0; d < D; d++) {
      const strata = Array.from({ length: N }, (_, i) => Math.floor(u[i * D + d]! * N)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: N }, (_, i) => i));
    }
  });

  it('is the same for the same seed, different for another, and pairs dimensions at random', () => {
    expect(latinHypercube(3, 50, 4)).toEqual(latinHypercube(3, 50, 4));
    expect(latinHypercube(4, 50, 4)).not.toEqual(latinHypercube(3, 50, 4));
    const u = latinHypercube(3, 50, 2);
    const first = Array.from({ length: 50 }, (_, i) => u[i * 2]!);
    const second = Array.from({ length: 50 }, (_, i) => u[i * 2 + 1]!);
    expect(first).not.toEqual(second);
  });

  it('keeps a dimension\'s draws when more dimensions follow it (each has its own stream)', () => {
    const small = latinHypercube(9, 20, 2);
    const large = latinHypercube(9, 20, 5);
    for (let i = 0; i < 20; i++) for (let d = 0; d < 2; d++) expect(large[i * 5 + d]).toBe(small[i * 2 + d]);
  });
});
