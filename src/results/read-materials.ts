import type { LineMonth, MaterialMonth } from './plan.js';
import { clean, TOLERANCE, type SolutionValues } from './read-values.js';

/** Lines of each product, active ones only, by product code. */
export function linesOfProducts(values: SolutionValues): Map<string, number[]> {
  const out = new Map<string, number[]>();
  values.model.input.lines.forEach((line, l) => {
    if (values.model.activeLine[l]) out.set(line.system, [...(out.get(line.system) ?? []), l]);
  });
  return out;
}

/** Whether every line of a product is full in month t (output + output already sold = capacity online). */
export function linesFull(lineMonths: readonly LineMonth[], lines: readonly number[], H: number, t: number): boolean {
  return lines.every((l) => {
    const lm = lineMonths[l * H + t]!;
    return lm.units + lm.committed >= lm.capacityOnline - TOLERANCE * Math.max(1, lm.capacityOnline);
  });
}

/**
 * The material that limits a product in month t, or undefined: a material it needs whose
 * stock runs out from t on (every unit of it is used by the end) and whose lines were full;
 * where a material's own lines idle for want of their material, that material is named.
 */
export function bindingMaterial(values: SolutionValues, lineMonths: readonly LineMonth[], product: string, t: number, seen = new Set<string>()): string | undefined {
  const { input, index } = values.model;
  const H = input.months.length;
  const lines = linesOfProducts(values);
  for (const entry of input.bom) {
    if (entry.product !== product || seen.has(entry.material)) continue;
    const i = input.materials.findIndex((m) => m.code === entry.material);
    let runsOut = false;
    for (let tau = t; tau < H && !runsOut; tau++) runsOut = values.value(index.materialStock[i * H + tau]!) <= TOLERANCE * Math.max(1, input.materials[i]!.stock);
    if (!runsOut) continue;
    const own = lines.get(entry.material) ?? [];
    if (linesFull(lineMonths, own, H, t)) return entry.material;
    const deeper = bindingMaterial(values, lineMonths, entry.material, t, new Set([...seen, entry.material]));
    if (deeper) return deeper;
  }
  return undefined;
}

/** materials_plan: each material's supply and use, month by month. */
export function readMaterials(values: SolutionValues, lineMonths: readonly LineMonth[]): MaterialMonth[] {
  const { input, index } = values.model;
  const H = input.months.length;
  const lines = linesOfProducts(values);
  const out: MaterialMonth[] = [];
  input.materials.forEach((material, i) => {
    if (index.materialStock[i * H] === -1) return; // nobody in the scenario uses it
    const own = lines.get(material.code) ?? [];
    const users = input.bom.filter((e) => e.material === material.code);
    for (let t = 0; t < H; t++) {
      let consumed = 0;
      for (const use of users) for (const l of lines.get(use.product) ?? []) consumed += use.quantityPerUnit * lineMonths[l * H + t]!.units;
      const stock = values.value(index.materialStock[i * H + t]!);
      const dual = values.dual(index.materialRow[i * H + t]!);
      let runsOut = false;
      for (let tau = t; tau < H && !runsOut; tau++) runsOut = values.value(index.materialStock[i * H + tau]!) <= TOLERANCE * Math.max(1, material.stock);
      out.push({
        material: material.code,
        t,
        produced: clean(own.reduce((a, l) => a + lineMonths[l * H + t]!.units, 0)),
        consumed: clean(consumed),
        stock,
        capacityOnline: own.reduce((a, l) => a + lineMonths[l * H + t]!.capacityOnline, 0),
        binding: consumed > 0 && runsOut && linesFull(lineMonths, own, H, t),
        // One more unit in stock lowers the row's right-hand side (minus the opening stock) by one.
        valuePerUnit: dual === undefined ? undefined : clean(dual),
      });
    }
  });
  return out;
}
