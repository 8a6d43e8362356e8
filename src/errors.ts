import type { InputIssue, InputWarning } from './inputs/input-issue.js';

/** Bad data or bad usage: every problem at once (and the warnings found on the way). Exit code 2. */
export class InputError extends Error {
  constructor(
    readonly issues: readonly InputIssue[],
    readonly folder?: string,
    readonly warnings: readonly InputWarning[] = [],
  ) {
    super(`${issues.length} problem${issues.length === 1 ? '' : 's'} in the input`);
    this.name = 'InputError';
  }
}

/** A model that cannot be built as asked (too large for the solver, empty horizon). Exit code 3. */
export class ModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelError';
  }
}

/** The solver could not produce a plan: infeasible settings, time limit, engine failure. Exit code 3. */
export class SolveError extends Error {
  constructor(
    message: string,
    readonly status: string,
    /** Domain-level explanation lines, when the planner could find them. */
    readonly explanation: readonly string[] = [],
  ) {
    super(message);
    this.name = 'SolveError';
  }
}

/**
 * The work was done, but not all of it: runs of a set that have no plan, shards missing
 * from a merge. The lines say which. Exit code 3.
 */
export class PartialFailure extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('; '));
    this.name = 'PartialFailure';
  }
}
