/**
 * One naming rule for the model's columns and rows: `kind(key,key,...)`, with keys made
 * safe for CPLEX LP and MPS files (no spaces or operators). Encoding is for people and
 * export files; solutions are mapped back by index, never by parsing names. The kinds and
 * their names are in families.ts.
 */

/** Keeps letters, digits and `_.`; everything else becomes `_`. */
export function safeKey(text: string): string {
  return text.replace(/[^A-Za-z0-9_.]/g, '_');
}

export function encodeName(kind: string, keys: readonly string[]): string {
  return keys.length === 0 ? kind : `${kind}(${keys.map(safeKey).join(',')})`;
}
