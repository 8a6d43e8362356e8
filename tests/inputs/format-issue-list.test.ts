import { describe, expect, it } from 'vitest';
import { formatIssueList, lineRanges } from '../../src/inputs/format-issue-list.js';
import type { FileIssue } from '../../src/base/input-issue.js';

const bad = (line: number, found: string): FileIssue => ({ file: 'needs.csv', line, column: 2, code: 'BAD_PERIOD', message: `period: expected a month, found "${found}"` });

describe('the list of problems', () => {
  it('prints a few alike problems each, and sums up more than three after the first', () => {
    expect(formatIssueList([bad(2, 'a'), bad(3, 'b'), bad(4, 'c')], 'data')).toHaveLength(3);
    const many = [bad(2, '01/01/2026'), ...Array.from({ length: 359 }, (_, i) => bad(i + 3, `x${i}`))];
    expect(formatIssueList(many, 'data')).toEqual(['data/needs.csv:2:2 BAD_PERIOD period: expected a month, found "01/01/2026"', '  ... and 359 more like it in needs.csv, lines 3-361']);
  });

  it('keeps problems of other columns, codes or messages apart, in their order', () => {
    const other: FileIssue = { file: 'needs.csv', line: 3, column: 3, code: 'NOT_A_NUMBER', message: 'quantity: expected a number, found "x"' };
    const lines = formatIssueList([bad(2, 'a'), other, bad(4, 'b'), bad(5, 'c'), bad(6, 'd')]);
    expect(lines).toEqual([
      'needs.csv:2:2 BAD_PERIOD period: expected a month, found "a"',
      '  ... and 3 more like it in needs.csv, lines 4-6',
      'needs.csv:3:3 NOT_A_NUMBER quantity: expected a number, found "x"',
    ]);
  });

  it('marks warnings, and writes line ranges short', () => {
    expect(formatIssueList([{ file: 'need.csv', line: 1, column: 1, code: 'UNKNOWN_FILE', message: 'rampup does not read need.csv' }], 'd', 'warning')).toEqual([
      'd/need.csv:1:1 warning UNKNOWN_FILE rampup does not read need.csv',
    ]);
    expect(lineRanges([7])).toBe('line 7');
    expect(lineRanges([3, 4, 5, 9, 11, 12])).toBe('lines 3-5, 9, 11-12');
    expect(lineRanges([1, 3, 5, 7, 9, 11, 13, 15])).toBe('lines 1, 3, 5, 7, 9, 11, ...');
  });
});
