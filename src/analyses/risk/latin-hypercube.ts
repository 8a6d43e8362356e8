import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * A Latin hypercube of `samples` points in `dimensions` unit dimensions: in every dimension,
 * each of the `samples` equal strata of [0,1) holds exactly one point, so every marginal (and
 * so every P10/P50/P90 of a draw) is covered evenly even with few samples; the strata are
 * paired across dimensions at random. Returns the unit draws of sample i (1-based) in
 * dimension d at `[(i - 1) * dimensions + d]`.
 *
 * Seeded xoroshiro128+ from pure-rand; dimension d uses its own stream, d + 1 jumps (2^64 draws
 * each) from the seed's, so streams never overlap. The design depends only on the seed, the
 * number of samples and the number of dimensions: every shard and worker computes the same one.
 */
export function latinHypercube(seed: number, samples: number, dimensions: number): Float64Array {
  const out = new Float64Array(samples * dimensions);
  const stream = xoroshiro128plus(seed);
  const order = new Int32Array(samples);
  for (let d = 0; d < dimensions; d++) {
    stream.jump();
    const rng = stream.clone();
    for (let i = 0; i < samples; i++) order[i] = i;
    // Fisher-Yates: which stratum each sample takes in this dimension.
    for (let i = samples - 1; i > 0; i--) {
      const j = uniformInt(rng, 0, i);
      const swap = order[i]!;
      order[i] = order[j]!;
      order[j] = swap;
    }
    for (let i = 0; i < samples; i++) out[i * dimensions + d] = (order[i]! + uniformFloat64(rng)) / samples;
  }
  return out;
}
