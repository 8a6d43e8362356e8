import type { FileIssue } from '../base/input-issue.js';
import { detectDelimiter } from './parse-csv-table.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Offset of the first byte that breaks UTF-8 (a linear scan: files can be large). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** Line and field number (as every other issue reports) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  const delimiter = detectDelimiter(text);
  return { line, column: text.slice(lineStart, offset).split(delimiter).length };
}

/**
 * Turns a file's bytes into text: UTF-8 only (Excel's "CSV UTF-8" included), a leading
 * byte-order mark dropped. NUL bytes and stray byte-order marks are refused rather than
 * passed on, because they mean the file was damaged or saved in another encoding.
 */
export function decodeCsvBytes(
  file: string,
  bytes: Uint8Array,
): { text: string; issues: FileIssue[] } {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const at = lineAndColumn(prefix, prefix.length);
    return {
      text: '',
      issues: [
        {
          file,
          ...at,
          code: 'BAD_ENCODING',
          message: 'the file is not valid UTF-8; save it as "CSV UTF-8" (Excel) or UTF-8 (LibreOffice)',
        },
      ],
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const issues: FileIssue[] = [];
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    issues.push({
      file,
      ...lineAndColumn(text, nul),
      code: 'NUL_BYTE',
      message: 'the file contains a NUL byte (binary data or UTF-16); save it as UTF-8 text',
    });
  }
  const bom = text.indexOf('\ufeff');
  if (bom >= 0) {
    issues.push({
      file,
      ...lineAndColumn(text, bom),
      code: 'BAD_ENCODING',
      message: 'a byte-order mark inside the file (two files pasted together?); remove it',
    });
  }
  return { text: issues.length > 0 ? '' : text, issues };
}
