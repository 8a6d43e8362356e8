import type { DataSet } from '../../inputs/parse-data-folder.js';
import type { CapacityRow } from '../../inputs/schemas.js';
import type { QuantityKind } from './uncertainty-rules.js';

/** The multiplier of one quantity kind for the rows that cite one source. */
export type MultiplierOf = (kind: QuantityKind, source: string) => number;

/**
 * A row without a source is graded as an assumption, and all such rows of a file share one
 * draw per kind, so that the error of figures nobody sourced is not averaged away. The
 * parentheses keep the name apart from every source id (ids are letters, digits, `-_.`).
 */
export function sourceKey(file: string, source: string | undefined): string {
  return source ?? `(unsourced ${file})`;
}

/** The figures of one file that draws move: per row, its source and the kinds that change the plan. */
interface FileRule {
  readonly file: string;
  live(data: DataSet): { readonly source: string; readonly kinds: readonly QuantityKind[] }[];
  apply(data: DataSet, m: MultiplierOf): Partial<DataSet>;
}

const grows = (r: CapacityRow) => (r.max_capacity_per_month ?? r.capacity_per_month) > r.capacity_per_month;

function perturbLine(r: CapacityRow, m: (kind: QuantityKind) => number): CapacityRow {
  const capacity = r.capacity_per_month * m('capacity');
  // The ceiling moves by its increase over the starting capacity, so it never falls below it.
  const ceiling = r.max_capacity_per_month === undefined ? undefined : capacity + (r.max_capacity_per_month - r.capacity_per_month) * m('ceiling');
  return {
    ...r,
    capacity_per_month: capacity,
    max_capacity_per_month: ceiling,
    max_expansion_per_month: r.max_expansion_per_month === undefined ? undefined : r.max_expansion_per_month * m('ramp'),
    lead_time_months: r.lead_time_months === undefined ? undefined : Math.round(r.lead_time_months * m('lead_time')),
    delivery_lag_months: r.delivery_lag_months === undefined ? undefined : Math.round(r.delivery_lag_months * m('delivery_lag')),
    unit_cost_eur: r.unit_cost_eur * m('unit_cost'),
    expansion_cost_eur: r.expansion_cost_eur === undefined ? undefined : r.expansion_cost_eur * m('expansion_cost'),
  };
}

const FILE_RULES: readonly FileRule[] = [
  {
    file: 'capacity.csv',
    live: (data) =>
      data.capacity.map((r) => ({
        source: sourceKey('capacity.csv', r.source),
        kinds: (
          [
            ['capacity', r.capacity_per_month > 0],
            ['ceiling', grows(r)],
            ['ramp', grows(r) && (r.max_expansion_per_month ?? 0) > 0],
            ['lead_time', grows(r) && (r.lead_time_months ?? 0) > 0],
            ['delivery_lag', (r.delivery_lag_months ?? 0) > 0],
            ['unit_cost', r.unit_cost_eur > 0],
            ['expansion_cost', grows(r) && (r.expansion_cost_eur ?? 0) > 0],
          ] as const
        )
          .filter(([, live]) => live)
          .map(([kind]) => kind),
      })),
    apply: (data, m) => ({ capacity: data.capacity.map((r) => perturbLine(r, (kind) => m(kind, sourceKey('capacity.csv', r.source)))) }),
  },
  {
    file: 'needs.csv',
    live: (data) => data.needs.map((r) => ({ source: sourceKey('needs.csv', r.source), kinds: r.quantity > 0 ? ['need'] : [] })),
    apply: (data, m) => ({ needs: data.needs.map((r) => ({ ...r, quantity: r.quantity * m('need', sourceKey('needs.csv', r.source)) })) }),
  },
  {
    file: 'budgets.csv',
    live: (data) => data.budgets.map((r) => ({ source: sourceKey('budgets.csv', r.source), kinds: r.budget_eur > 0 ? ['budget'] : [] })),
    apply: (data, m) => ({ budgets: data.budgets.map((r) => ({ ...r, budget_eur: r.budget_eur * m('budget', sourceKey('budgets.csv', r.source)) })) }),
  },
  {
    file: 'commitments.csv',
    live: (data) => data.commitments.map((r) => ({ source: sourceKey('commitments.csv', r.source), kinds: r.quantity > 0 ? ['commitment'] : [] })),
    apply: (data, m) => ({ commitments: data.commitments.map((r) => ({ ...r, quantity: r.quantity * m('commitment', sourceKey('commitments.csv', r.source)) })) }),
  },
  {
    file: 'bom.csv',
    live: (data) => data.bom.map((r) => ({ source: sourceKey('bom.csv', r.source), kinds: ['material_use'] })),
    apply: (data, m) => ({ bom: data.bom.map((r) => ({ ...r, quantity_per_unit: r.quantity_per_unit * m('material_use', sourceKey('bom.csv', r.source)) })) }),
  },
  {
    file: 'stocks.csv',
    live: (data) => data.stocks.map((r) => ({ source: sourceKey('stocks.csv', r.source), kinds: r.quantity > 0 ? ['stock'] : [] })),
    apply: (data, m) => ({ stocks: data.stocks.map((r) => ({ ...r, quantity: r.quantity * m('stock', sourceKey('stocks.csv', r.source)) })) }),
  },
];

/** Every (source, kind) pair that moves at least one figure, with the number of rows it moves. */
export function liveFigures(data: DataSet): Map<string, { source: string; kind: QuantityKind; rows: number }> {
  const out = new Map<string, { source: string; kind: QuantityKind; rows: number }>();
  for (const rule of FILE_RULES) {
    for (const { source, kinds } of rule.live(data)) {
      for (const kind of kinds) {
        const key = `${kind}:${source}`;
        const entry = out.get(key) ?? { source, kind, rows: 0 };
        entry.rows++;
        out.set(key, entry);
      }
    }
  }
  return out;
}

/**
 * The data set with every graded figure multiplied by its draw: one multiplier per source and
 * kind, so rows that cite the same source move together. Pure; lead times stay whole months.
 */
export function perturbDataSet(data: DataSet, m: MultiplierOf): DataSet {
  let out: DataSet = data;
  for (const rule of FILE_RULES) out = { ...out, ...rule.apply(data, m) };
  return out;
}
