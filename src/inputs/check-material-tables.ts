import { didYouMean } from './closest-name.js';
import { at, checkSources, unique, type TableChecks } from './table-checks.js';

/** materials.csv and bom.csv: codes apart from systems, references, quantities, no material that needs itself. */
export function checkMaterialTables(checks: TableChecks): void {
  const { tables, clean } = checks;
  const systems = new Set(tables['systems.csv']?.rows.map((r) => r.row.system));
  const m = tables['materials.csv'];
  unique(checks, 'materials.csv', m?.rows, (r) => r.material, 'material', (r) => `material ${r.material}`);
  for (const { line, row } of m?.rows ?? []) {
    if (systems.has(row.material)) at(checks, 'materials.csv', line, 'material', 'CODE_CLASH', `material code "${row.material}" is a system code: a line's product must say which it is`);
  }
  checkSources(checks, 'materials.csv', m?.rows);

  const bom = tables['bom.csv'];
  if (!bom) return;
  unique(checks, 'bom.csv', bom.rows, (r) => `${r.system}\u0000${r.material}`, 'material', (r) => `what ${r.system} consumes of ${r.material}`);
  checkSources(checks, 'bom.csv', bom.rows);
  const materials = new Set(m?.rows.map((r) => r.row.material));
  const knowSystems = clean.has('systems.csv');
  const knowMaterials = !m || clean.has('materials.csv');
  for (const { line, row } of bom.rows) {
    if (knowSystems && knowMaterials && !systems.has(row.system) && !materials.has(row.system)) {
      at(checks, 'bom.csv', line, 'system', 'UNKNOWN_SYSTEM', `"${row.system}" is neither a system of systems.csv nor a material of materials.csv${didYouMean(row.system, [...systems, ...materials])}`);
    }
    if (knowMaterials && !materials.has(row.material)) {
      at(checks, 'bom.csv', line, 'material', 'UNKNOWN_MATERIAL', `material "${row.material}" is not in materials.csv${m ? didYouMean(row.material, materials) : ' (there is no materials.csv)'}`);
    }
  }
  // A material that needs itself, through others, can never be made.
  const needs = new Map<string, { material: string; line: number }[]>();
  for (const { line, row } of bom.rows) needs.set(row.system, [...(needs.get(row.system) ?? []), { material: row.material, line }]);
  const reported = new Set<string>();
  for (const start of [...needs.keys()].sort()) {
    const cycle = findCycle(start, needs);
    if (!cycle) continue;
    const key = [...cycle.path].sort().join('\u0000');
    if (reported.has(key)) continue;
    reported.add(key);
    at(checks, 'bom.csv', cycle.line, 'material', 'BOM_CYCLE', `a material needs itself: ${[...cycle.path, cycle.path[0]].join(' -> ')}`);
  }
}

/** The first cycle back to `start` along bom rows, with the line of the row that closes it. */
function findCycle(start: string, needs: ReadonlyMap<string, readonly { material: string; line: number }[]>): { path: string[]; line: number } | undefined {
  const path: string[] = [];
  const onPath = new Set<string>();
  const seen = new Set<string>();
  const visit = (node: string): { path: string[]; line: number } | undefined => {
    path.push(node);
    onPath.add(node);
    for (const edge of needs.get(node) ?? []) {
      if (edge.material === start) return { path: [...path], line: edge.line };
      if (onPath.has(edge.material) || seen.has(edge.material)) continue;
      const found = visit(edge.material);
      if (found) return found;
    }
    path.pop();
    onPath.delete(node);
    seen.add(node);
    return undefined;
  };
  return visit(start);
}
