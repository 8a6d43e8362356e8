import { describe, expect, it } from 'vitest';
import { readNumber } from '../../src/inputs/cells.js';

describe('readNumber: a number as a spreadsheet user wrote it', () => {
  it('reads plain numbers, exponents and signs; -0 is 0', () => {
    expect(readNumber('1200', ',')).toBe(1200);
    expect(readNumber('0.25', ',')).toBe(0.25);
    expect(readNumber('.5', ',')).toBe(0.5);
    expect(readNumber('1.5e6', ',')).toBe(1.5e6);
    expect(Object.is(readNumber('-0', ','), 0)).toBe(true);
  });

  it('reads a decimal comma only in a ; file', () => {
    expect(readNumber('12,5', ';')).toBe(12.5);
    expect(readNumber('12,5', ',')).toMatchObject({ code: 'NOT_A_NUMBER' });
  });

  it('refuses thousands separators of every kind, never guessing', () => {
    expect(readNumber('20,000', ',')).toMatchObject({ code: 'THOUSANDS_SEPARATOR' });
    expect(readNumber('1.000.000', ';')).toMatchObject({ code: 'THOUSANDS_SEPARATOR' });
    expect(readNumber('1 000', ',')).toMatchObject({ code: 'THOUSANDS_SEPARATOR' });
  });

  it('says what it found, with a hint for a formula, and refuses infinities', () => {
    const formula = readNumber('=SUM(A1:A3)', ',');
    expect(formula).toMatchObject({ code: 'NOT_A_NUMBER' });
    expect((formula as { message: string }).message).toContain('spreadsheet formula');
    expect(readNumber('1e999', ',')).toMatchObject({ code: 'NOT_A_NUMBER' });
    expect(readNumber('abc', ',')).toMatchObject({ code: 'NOT_A_NUMBER', message: 'expected a number, found "abc"' });
  });
});
