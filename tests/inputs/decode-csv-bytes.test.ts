import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../src/inputs/decode-csv-bytes.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('decodeCsvBytes: UTF-8 text or a located problem', () => {
  it('drops a leading byte-order mark (Excel\'s CSV UTF-8)', () => {
    expect(decodeCsvBytes('x.csv', bytes([0xef, 0xbb, 0xbf], 'a,b\n'))).toEqual({ text: 'a,b\n', issues: [] });
  });

  it('locates the first byte that is not UTF-8 by line and field', () => {
    const { issues } = decodeCsvBytes('x.csv', bytes('a,b\nok,caf', [0xe9], '\n'));
    expect(issues).toEqual([expect.objectContaining({ line: 2, column: 2, code: 'BAD_ENCODING' })]);
  });

  it('refuses NUL bytes and a byte-order mark inside the file', () => {
    expect(decodeCsvBytes('x.csv', bytes('a,b\n1,', [0], '\n')).issues).toEqual([expect.objectContaining({ line: 2, column: 2, code: 'NUL_BYTE' })]);
    expect(decodeCsvBytes('x.csv', bytes('a,b\n', [0xef, 0xbb, 0xbf], '1,2\n')).issues).toEqual([expect.objectContaining({ line: 2, code: 'BAD_ENCODING' })]);
  });
});
