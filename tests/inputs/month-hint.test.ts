import { describe, expect, it } from 'vitest';
import { monthHint } from '../../src/inputs/periods.js';

describe('how to write a month that did not read (issue 31.4)', () => {
  it.each([
    ['Mar-26', ' (write 2026-03)'],
    ['2026-7', ' (write 2026-07)'],
    ['07/2026', ' (write 2026-07: year first)'],
    ['01/2026', ' (write 2026-01: year first)'],
    ['7.2026', ' (write 2026-07: year first)'],
    ['46204', ": a spreadsheet's date number (2026-07-01); format the column as Text and write the month, 2026-07"],
    ['46023', ": a spreadsheet's date number (2026-01-01); format the column as Text and write the month, 2026-01"],
  ])('%s', (text, hint) => expect(monthHint(text)).toBe(hint));

  it('guesses nothing it cannot know', () => {
    expect(monthHint('13/2026')).toBe('');
    expect(monthHint('12345')).toBe('');
    expect(monthHint('01/07/2026')).toContain('a spreadsheet turned the month into a date');
  });
});
