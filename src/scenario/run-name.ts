import { createHash } from 'node:crypto';

/**
 * Names that say what a run is, for its report folder and its row in a comparison: the scenario,
 * then every `--set` flag in order (`baseline+budget_scale:DE=2+exclude=US`), as written. Only
 * `*` becomes `all` (a folder name with `*` is a trap in a shell) and characters no folder name
 * should hold become `_`; `:` stays (runFolder spells it where a file system refuses it).
 */
export function runName(scenario: string, set: readonly string[]): string {
  return [scenario, ...set.map(flagPart)].join('+');
}

/** A sweep: its scenario, the swept setting and range (`budget_scale=0.5to3by0.25`), and the other flags. */
export function sweepName(scenario: string, key: string, range: { from: number; to: number; step: number }, fixed: readonly string[]): string {
  return ['sweep', scenario, flagPart(`${key}=${range.from}to${range.to}by${range.step}`), ...fixed.map(flagPart)].join('+');
}

/** A scenario set that is not every scenario as it stands: the scenarios chosen and the flags on top. */
export function scenarioSetName(only: readonly string[] | undefined, set: readonly string[]): string | undefined {
  if (!only && set.length === 0) return undefined;
  return ['scenarios', ...(only ? [`only=${only.join(',')}`] : []), ...set.map(flagPart)].join('+');
}

function flagPart(flag: string): string {
  const eq = flag.indexOf('=');
  const left = (eq < 0 ? flag : flag.slice(0, eq)).trim();
  const value = eq < 0 ? '' : flag.slice(eq + 1).trim();
  const text = value === '' ? left : `${left}=${value}`;
  return text.replace(/\*/g, 'all').replace(UNSAFE, '_');
}

/** Characters a run's folder name never holds. */
const UNSAFE = /[^A-Za-z0-9._,=+@:-]/g;

/** A run name longer than this becomes `HEAD+N-settings-HASH`, with settings.txt in the folder. */
export const RUN_NAME_LIMIT = 80;

/** What a spelling of `:` must be on a file system that refuses it (Windows): U+A789 MODIFIER LETTER COLON, which reads as one and maps back. */
export const WINDOWS_COLON = '\ua789';

/** A run's folder: its name on disk, and settings.txt's text when the name had to be shortened. */
export interface RunFolder {
  readonly folder: string;
  readonly settingsText?: string;
}

/**
 * The folder of a run: its name as it is, where the file system allows (`colon` spells `:` where
 * it does not), or, when longer than RUN_NAME_LIMIT, its head (the scenario, `sweep+SCENARIO`,
 * `scenarios`, `compare`) with the number of its other parts and a hash of the whole
 * (`baseline+7-settings-a5640b94`), the parts listed in the folder's settings.txt. Two runs whose
 * names differ never share a folder.
 */
export function runFolder(run: string, colon = ':'): RunFolder {
  const safe = run.replace(UNSAFE, '_').replace(/^\.+/, '_') || '_';
  if (safe.length <= RUN_NAME_LIMIT) return { folder: safe.replaceAll(':', colon) };
  const parts = safe.split('+');
  let head = 0;
  while (head < parts.length - 1 && !/[=:]/.test(parts[head]!)) head++;
  const headText = parts.slice(0, Math.max(1, head)).join('+').slice(0, RUN_NAME_LIMIT - 30);
  const rest = parts.slice(Math.max(1, head));
  const hash = createHash('sha256').update(run).digest('hex').slice(0, 8);
  const folder = `${headText}+${rest.length}-setting${rest.length === 1 ? '' : 's'}-${hash}`;
  const settingsText = [`run: ${run}`, `folder: ${folder} (the name is shortened; the run's settings, in order:)`, ...rest.map((p) => `  ${p}`), ''].join('\n');
  return { folder: folder.replaceAll(':', colon), settingsText };
}

/** The same folder name, for what is not a run of its own (a set's folder): only the name. */
export function safeFolderName(name: string, colon = ':'): string {
  return runFolder(name, colon).folder;
}
