import { ColumnKind as Col, RowKind as Row } from './families.js';
import type { ModelContext } from './model-context.js';

/**
 * model.md 3m: per material and month, stock carried in + output arriving = what the month's
 * output of its users consumes + stock carried out. A material with no line and no stock
 * stops every product that needs it.
 */
export function defineMaterials(m: ModelContext): void {
  const { b, H, index, input } = m;
  if (input.materials.length === 0) return;
  const linesOf = new Map<string, number[]>();
  input.lines.forEach((line, l) => {
    if (m.activeLine[l]) linesOf.set(line.system, [...(linesOf.get(line.system) ?? []), l]);
  });
  input.materials.forEach((material, i) => {
    const made = linesOf.get(material.code) ?? [];
    const users = input.bom.filter((e) => e.material === material.code && (linesOf.get(e.product)?.length ?? 0) > 0);
    if (users.length === 0) return;
    for (let t = 0; t < H; t++) index.materialStock[i * H + t] = b.addColumn(Col.materialStock, i, t, 0, Infinity);
    for (let t = 0; t < H; t++) {
      const rhs = t === 0 ? -material.stock : 0;
      index.materialRow[i * H + t] = b.beginRow(Row.materialBalance, i, t, rhs, rhs);
      for (const l of made) {
        const arrives = t - input.lines[l]!.deliveryLagMonths;
        if (arrives >= 0) b.entry(index.produce[l * H + arrives]!, 1);
      }
      for (const use of users) for (const l of linesOf.get(use.product)!) b.entry(index.produce[l * H + t]!, -use.quantityPerUnit);
      if (t > 0) b.entry(index.materialStock[i * H + t - 1]!, 1);
      b.entry(index.materialStock[i * H + t]!, -1);
    }
  });
}
