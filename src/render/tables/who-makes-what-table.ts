import { formatMonth } from '../../inputs/periods.js';
import type { Plan } from '../../results/plan.js';
import { humanUnits, markdownTable } from '../../base/format-number.js';

/**
 * "Who makes what": units made per system and country, month by month, for summary.md. Rows
 * are the countries that make something of a system; production.csv has the same per line.
 */
export function whoMakesWhatMarkdown(plan: Plan): string {
  const { input } = plan;
  const H = input.months.length;
  const made = new Map<string, Float64Array>();
  for (const lm of plan.lineMonths) {
    const key = `${lm.line.system}\u0000${lm.line.country}`;
    let row = made.get(key);
    if (!row) made.set(key, (row = new Float64Array(H)));
    row[lm.t]! += lm.units;
  }
  const countries = new Map(input.countries.map((c) => [c.code, c.name]));
  const rows: string[][] = [];
  for (const system of input.systems) {
    const codes = [...new Set(input.lines.filter((l) => l.system === system.code).map((l) => l.country))].sort();
    for (const code of codes) {
      const units = made.get(`${system.code}\u0000${code}`)!;
      const total = units.reduce((a, v) => a + v, 0);
      if (Math.round(total) === 0) continue;
      rows.push([system.name, countries.get(code) ?? code, humanUnits(total), ...Array.from(units, (v) => humanUnits(v))]);
    }
  }
  if (rows.length === 0) return 'Nothing is made in this plan.';
  return markdownTable(['system', 'country', 'total', ...input.months.map(formatMonth)], rows);
}
