import { CommanderError } from 'commander';
import { InputError, ModelError, PartialFailure, SolveError } from '../errors.js';
import { formatInputIssue, isFlagIssue } from '../inputs/input-issue.js';

export const EXIT = { ok: 0, other: 1, input: 2, solve: 3 } as const;

/** The one place where errors become exit codes and messages (contract.md). */
export function reportError(error: unknown, folder: string | undefined, write: (text: string) => void): number {
  if (error instanceof InputError) {
    for (const issue of error.issues) {
      const inFolder = !isFlagIssue(issue) && !issue.file.includes('/') ? (error.folder ?? folder) : undefined;
      write(formatInputIssue(issue, inFolder));
    }
    write(`rampup: ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'} found; nothing was written.`);
    return EXIT.input;
  }
  if (error instanceof SolveError) {
    write(`rampup: no plan (${error.status}): ${error.message}`);
    for (const line of error.explanation) write(`  ${line}`);
    return EXIT.solve;
  }
  if (error instanceof PartialFailure) {
    for (const line of error.lines) write(`rampup: ${line}`);
    return EXIT.solve;
  }
  if (error instanceof ModelError) {
    write(`rampup: ${error.message}`);
    return EXIT.solve;
  }
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.input;
  write(`rampup: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.RAMPUP_DEBUG && error instanceof Error && error.stack) write(error.stack);
  else write('rampup: set RAMPUP_DEBUG=1 for details, and please report this as a bug.');
  return EXIT.other;
}
