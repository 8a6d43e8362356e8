import { CommanderError } from 'commander';
import { InputError, ModelError, PartialFailure, SolveError } from '../base/errors.js';
import { formatIssueList } from '../inputs/format-issue-list.js';

export const EXIT = { ok: 0, other: 1, input: 2, solve: 3 } as const;

/** The one place where errors become exit codes and messages (contract.md). */
export function reportError(error: unknown, folder: string | undefined, write: (text: string) => void, readOnly = false): number {
  if (error instanceof InputError) {
    const where = error.folder ?? folder;
    for (const line of formatIssueList(error.issues, where)) write(line);
    for (const line of formatIssueList(error.warnings, where, 'warning')) write(line);
    const count = error.issues.length;
    write(`rampup: ${count} problem${count === 1 ? '' : 's'} found${readOnly ? '.' : '; nothing was written.'}`);
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
  const io = fileSystemProblem(error);
  if (io) {
    write(`rampup: ${io}`);
    return EXIT.other;
  }
  write(`rampup: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.RAMPUP_DEBUG && error instanceof Error && error.stack) write(error.stack);
  else write('rampup: set RAMPUP_DEBUG=1 for details, and please report this as a bug.');
  return EXIT.other;
}

const FILE_SYSTEM: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'it exists already',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'another rampup run is writing there (if none is, remove the .lock folder)',
};

/** A file that cannot be read or written is the machine's problem, not a bug: say which file and why. */
function fileSystemProblem(error: unknown): string | undefined {
  const e = error as NodeJS.ErrnoException;
  if (!(error instanceof Error) || typeof e.code !== 'string' || !(e.code in FILE_SYSTEM)) return undefined;
  const what = e.syscall === 'open' || e.syscall === 'read' || e.syscall === 'scandir' ? 'use' : 'write';
  return `cannot ${what} ${e.path ?? 'a file'}: ${FILE_SYSTEM[e.code]} (${e.code}); choose another --out, or fix the folder's permissions`;
}
