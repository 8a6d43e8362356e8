import { describe, expect, it } from 'vitest';
import { isPattern, matchPattern } from '../../src/scenario/targets.js';

describe('patterns of ids (channel_share:purl-*, and option ids alike)', () => {
  const ids = ['purl-BE', 'purl-DE', 'purl.x', 'usl-third', 'ally-DE-core', 'ally-DE-wider'];

  it('* is any run of characters; the rest is matched as written', () => {
    expect(matchPattern('purl-*', ids)).toEqual(['purl-BE', 'purl-DE']);
    expect(matchPattern('*-DE-*', ids)).toEqual(['ally-DE-core', 'ally-DE-wider']);
    expect(matchPattern('*-third', ids)).toEqual(['usl-third']);
    expect(matchPattern('purl*', ids)).toEqual(['purl-BE', 'purl-DE', 'purl.x']);
    // '.' is a character, not "any character"; case counts.
    expect(matchPattern('purl.*', ids)).toEqual(['purl.x']);
    expect(matchPattern('PURL-*', ids)).toEqual([]);
  });

  it('only an id with a * beside other characters is a pattern', () => {
    expect(isPattern('purl-*')).toBe(true);
    expect(isPattern('*')).toBe(false);
    expect(isPattern('purl-DE')).toBe(false);
  });
});
