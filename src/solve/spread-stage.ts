import type { SpreadProgram } from '../model/stages.js';
import type { Placement, SessionStart, SolveResult, SolverSession } from './solver-adapter.js';

/** Slices of each payer's money in stage 4 (model.md: at least 50): spending is settled to within a fiftieth of it. */
export const SPREAD_SLICES = 50;

/**
 * Stage 4 (model.md version 3): with the earlier stages held, minimise sum_p spent_p^2 / B_p as a
 * sliced linear program. Slice k of B/K costs (2k - 1)/K a unit, which equals spent^2/B at every
 * breakpoint: so each payer spends, as far as the channels let it, the same share of its money.
 * spent_p = B_p - unspent_p at the end, so each payer's row is its slices plus its money left.
 * The slice columns and rows are appended to the session (the caller removes the rows after).
 */
export async function solveSpread(session: SolverSession, spread: SpreadProgram, timeLimitSeconds: number, held?: { values: Float64Array; start: SessionStart | undefined }): Promise<SolveResult> {
  const K = SPREAD_SLICES;
  const first = session.program.numCols;
  const count = spread.accounts.length * K;
  const cost = new Float64Array(count);
  const upper = new Float64Array(count);
  spread.accounts.forEach((account, i) => {
    for (let k = 1; k <= K; k++) {
      cost[i * K + k - 1] = (2 * k - 1) / K;
      upper[i * K + k - 1] = account.money / K;
    }
  });
  session.addColumns({
    count,
    cost: new Float64Array(count),
    lower: new Float64Array(count),
    upper,
    starts: new Int32Array(count + 1),
    indices: new Int32Array(0),
    values: new Float64Array(0),
    name: (c) => `spread_slice(${spread.accounts[Math.floor(c / K)]!.name},${(c % K) + 1})`,
  });
  session.addRows(
    spread.accounts.map((account, i) => ({
      name: `spread(${account.name})`,
      lower: account.money,
      upper: account.money,
      indices: Int32Array.from([account.unspent, ...Array.from({ length: K }, (_, k) => first + i * K + k)]),
      values: Float64Array.from([1, ...new Array<number>(K).fill(1)]),
    })),
  );
  if (held?.start) startFilled(session, spread, first, session.program.numRows - spread.accounts.length, held.values, held.start);
  const objective = new Float64Array(session.program.numCols);
  objective.set(cost, first);
  session.setObjective(objective, 0);
  return session.solve({ timeLimitSeconds });
}

/**
 * The slices filled in order up to what each payer spends in the plan held: a start that
 * satisfies the new rows, so the simplex only moves spending between payers (from slices at
 * zero every new row was violated, and the bundled data's stage 4 took 4.2 s instead of 0.09 s).
 */
function startFilled(session: SolverSession, spread: SpreadProgram, firstCol: number, firstRow: number, held: Float64Array, start: SessionStart): void {
  if (!session.placeAppended) return;
  const K = SPREAD_SLICES;
  const columns = new Map<number, Placement>();
  const rows = new Map<number, Placement>();
  spread.accounts.forEach((account, i) => {
    const slice = account.money / K;
    let left = Math.max(0, Math.min(account.money, account.money - held[account.unspent]!));
    let partial = false;
    for (let k = 0; k < K; k++) {
      const j = firstCol + i * K + k;
      if (left >= slice * (1 - 1e-12)) {
        columns.set(j, 'upper');
        left -= slice;
      } else if (left > 1e-12 * account.money) {
        columns.set(j, 'basic');
        partial = true;
        break;
      }
    }
    // One basic variable a row: the slice that is part full, else the row's own slack.
    rows.set(firstRow + i, partial ? 'lower' : 'basic');
  });
  session.placeAppended(start, columns, rows);
}
