/** Words of a text in lines of at most `width` characters (a longer word is cut). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    while (word.length > width) {
      if (line) lines.push(line);
      lines.push(word.slice(0, width));
      [line, word] = ['', word.slice(width)];
    }
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else [lines[lines.length], line] = [line, word];
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Each column's width: as wide as its text; while the table is wider than `width`, the widest
 * column (never the first; the rightmost of equals) is narrowed by one, never below its longest
 * word, so that codes are never cut. A table that cannot fit stays wider.
 */
function columnWidths(rows: readonly (readonly string[])[], width: number): number[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const floors = rows[0]!.map((_, i) => Math.max(1, ...rows.flatMap((r) => r[i]!.split(/\s+/).map((w) => w.length))));
  for (let total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1); total > width; total--) {
    let widest = -1;
    for (let i = widths.length - 1; i >= 1; i--) if (widths[i]! > floors[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    if (widest < 0) break;
    widths[widest]!--;
  }
  return widths;
}

/**
 * A table of text for the terminal, at most `width` characters wide: columns padded, and the
 * cells of columns too wide for it wrapped onto more lines (the table's header first).
 */
export function fitTable(header: readonly string[], rows: readonly (readonly string[])[], width: number): string[] {
  const all = [header, ...rows];
  const widths = columnWidths(all, width);
  return all.flatMap((row) => {
    const cells = row.map((c, i) => wrapText(c, widths[i]!));
    const height = Math.max(...cells.map((c) => c.length));
    return Array.from({ length: height }, (_, k) => cells.map((c, i) => (i < cells.length - 1 ? (c[k] ?? '').padEnd(widths[i]!) : (c[k] ?? ''))).join('  ').trimEnd());
  });
}

/** A note wrapped to the width, its later lines indented. */
export function fitNote(note: string, width: number): string[] {
  return wrapText(note, width - 2).map((line, i) => (i === 0 ? line : `  ${line}`));
}
