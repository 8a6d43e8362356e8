/** Where a command prints, and what it tells the runner (the data folder, for locating problems). */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export interface CliContext {
  readonly io: CliIo;
  /** The data folder the command reads, so that file problems print with its path. */
  setFolder(folder: string): void;
  /** The command writes no file (validate, list), so its problems do not say "nothing was written". */
  setReadOnly(): void;
}
