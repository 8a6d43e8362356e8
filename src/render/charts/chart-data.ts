/** Labels that tell items apart: the label, with the code added where two labels are the same. */
export function uniqueLabels(items: readonly { code: string; label: string }[]): string[] {
  const count = new Map<string, number>();
  for (const item of items) count.set(item.label, (count.get(item.label) ?? 0) + 1);
  return items.map((item) => ((count.get(item.label) ?? 0) > 1 ? `${item.label} [${item.code}]` : item.label));
}

/**
 * A name short enough for a chart's axis or legend (Vega cuts longer labels mid-word): long
 * names lose what follows their first parenthesis, then their first comma, then words ("World
 * market (producers and stocks outside ...)" reads "World market"); the tables keep the whole name.
 */
export function chartName(name: string, max = 32): string {
  let short = name;
  for (const separator of [' (', ', ']) {
    const cut = short.indexOf(separator);
    if (short.length > max && cut > 0) short = short.slice(0, cut);
  }
  return short.length <= max ? short : `${short.slice(0, max).replace(/\s+\S*$/, '')}…`;
}

/** A month index as the UTC timestamp of its first day, so the time zone never matters. */
export const monthMs = (m: number) => Date.UTC(Math.floor(m / 12), m % 12, 1);

/** A value rounded for a chart's data, without a "-0". */
export const round = (v: number, decimals = 3) => {
  const r = Number(v.toFixed(decimals));
  return r === 0 ? 0 : r;
};

/**
 * A panel title broken into lines of at most `width` characters at spaces, joined by "\n":
 * the charts' headers split it again (PANEL_HEADER), so a long system name is never cut short.
 */
export function wrapLabel(text: string, width = 46): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}
