/** One file of a report folder, rendered and not yet written. */
export interface ReportFile {
  readonly name: string;
  readonly content: string | Uint8Array;
}

/** A report table as files and spreadsheets get it: a header and rows of formatted cells. */
export interface Table {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}
