import { formatInputIssue, type InputIssue, type InputWarning } from './input-issue.js';

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

/**
 * A run that failed as a result, not as a bug (a row of a comparison, a failed risk sample): its
 * reason in one line and its exit code class (2 bad input, 3 no plan); undefined for anything else.
 */
export function describeFailure(error: unknown): { readonly message: string; readonly exitCode: 2 | 3 } | undefined {
  if (error instanceof InputError) return { message: error.issues.map((i) => formatInputIssue(i)).join('; '), exitCode: 2 };
  if (error instanceof SolveError) return { message: [`${error.status}: ${error.message}`, ...error.explanation].join(' '), exitCode: 3 };
  if (error instanceof ModelError) return { message: error.message, exitCode: 3 };
  return undefined;
}
