import type { CommitmentRow } from './schemas.js';
import { at, checkOverlappingPeriods, checkSources, type TableChecks } from './table-checks.js';

/** commitments.csv: each names a line of capacity.csv, no month twice, never more than the line's starting capacity. */
export function checkCommitments(checks: TableChecks): void {
  const { tables, clean } = checks;
  const co = tables['commitments.csv'];
  if (!co) return;
  const key = (r: { country: string; system: string; producer?: string | undefined }) => `${r.country}\u0000${r.system}\u0000${r.producer ?? ''}`;
  const name = (r: { country: string; system: string; producer?: string | undefined }) => `(${r.country}, ${r.system}, ${r.producer ?? 'no producer'})`;
  checkOverlappingPeriods(checks, 'commitments.csv', co.rows, key, (r, period) => `the commitment of line ${name(r)} for ${period}`);
  checkSources(checks, 'commitments.csv', co.rows);
  checkDeferrals(checks, key, name);
  if (!clean.has('capacity.csv')) return;
  const lines = new Map((tables['capacity.csv']?.rows ?? []).map((r) => [key(r.row), r.row]));
  for (const { line, row } of co.rows) {
    const target = lines.get(key(row));
    if (!target) {
      at(checks, 'commitments.csv', line, 'producer', 'UNKNOWN_LINE', `no line ${name(row)} in capacity.csv; a commitment is output of a line already sold`);
      continue;
    }
    const perMonth = row.period.month === undefined ? row.quantity / 12 : row.quantity;
    if (perMonth > target.capacity_per_month * (1 + 1e-9)) {
      const by = perMonth - target.capacity_per_month;
      at(checks, 'commitments.csv', line, 'quantity', 'COMMITMENT_ABOVE_CAPACITY',
        `${fmt(perMonth)} a month is committed, ${fmt(by)} more than the line's starting capacity of ${fmt(target.capacity_per_month)} a month; ` +
          "the customer's own expansion belongs in the line's capacity and ceiling");
    }
  }
}

/** A share that may wait needs its premium, and one line has one premium. */
function checkDeferrals(checks: TableChecks, key: (r: CommitmentRow) => string, name: (r: CommitmentRow) => string): void {
  const cost = new Map<string, { line: number; value: number }>();
  for (const { line, row } of checks.tables['commitments.csv']?.rows ?? []) {
    const value = row.deferral_cost_eur_per_unit_month;
    if ((row.deferrable_share ?? 0) > 0 && value === undefined) {
      at(checks, 'commitments.csv', line, 'deferral_cost_eur_per_unit_month', 'MISSING_VALUE',
        'a deferrable share needs the premium per unit and month that a unit waits (what the coalition pays the customer); write 0 if it is free');
      continue;
    }
    if (value === undefined) continue;
    const first = cost.get(key(row));
    if (first === undefined) cost.set(key(row), { line, value });
    else if (first.value !== value) {
      at(checks, 'commitments.csv', line, 'deferral_cost_eur_per_unit_month', 'CONFLICTING_VALUES',
        `line ${name(row)} has a deferral cost of ${first.value} on line ${first.line} and ${value} here; the rows of one line must agree`);
    }
  }
}

const fmt = (v: number) => String(Math.round(v * 1000) / 1000);
