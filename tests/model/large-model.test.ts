import { describe, expect, it } from 'vitest';
import { generateDataFolder } from '../../bench/generate-data-folder.js';
import { loadDataSet } from '../../src/inputs/load-data-set.js';
import { buildRampUpModel } from '../../src/model/build-ramp-up-model.js';
import { prepareScenario } from '../../src/scenario/prepare-scenario.js';
import { files } from '../helpers/data-builder.js';

describe('a model of the benchmark\'s largest size', () => {
  // The benchmark found `push(...pairs)` overflowing the call stack at XXL; building is quick, so the size is tested here.
  it('builds at 50 x 60 x 60 under national and pooled financing', () => {
    const data = loadDataSet(files(generateDataFolder({ countries: 50, systems: 60, months: 60, seed: 1 })));
    for (const set of [[], ['financing=pooled']]) {
      const { lp } = buildRampUpModel(prepareScenario(data, undefined, set).input);
      expect(lp.numCols).toBeGreaterThan(150_000);
      expect(lp.matrix.indices.length).toBeGreaterThan(400_000);
    }
  });
});
