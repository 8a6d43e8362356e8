import { formatMonth } from '../../inputs/periods.js';
import type { MaterialMonth, Plan } from '../../results/plan.js';
import { quantity, units } from '../../base/format-number.js';
import { csvTable, type Table } from '../report-table.js';

/** materials_plan.csv: each material's supply and use per month, and whether it ran out. */
export function materialsTable(plan: Plan): Table {
  const months = plan.input.months;
  const withDuals = plan.materials.some((m) => m.valuePerUnit !== undefined);
  return csvTable<MaterialMonth>(
    [
      { key: 'material', csv: (m) => m.material },
      { key: 'month', csv: (m) => formatMonth(months[m.t]!) },
      { key: 'produced', csv: (m) => units(m.produced) },
      { key: 'consumed', csv: (m) => units(m.consumed) },
      { key: 'stock', csv: (m) => units(m.stock) },
      { key: 'capacity_online', csv: (m) => units(m.capacityOnline) },
      { key: 'binding', csv: (m) => String(m.binding) },
      withDuals && { key: 'shortfall_removed_per_unit', csv: (m) => quantity(m.valuePerUnit ?? 0) },
    ],
    plan.materials,
  );
}
