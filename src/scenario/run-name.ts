import { createHash } from 'node:crypto';

/**
 * Names that say what a run is, for its report folder and its row in a comparison: the scenario,
 * then every `--set` flag in order (`baseline+budget_scale=2+exclude=US`). A target's `:` becomes
 * `.` and `*` becomes `all`, so that the name is one folder name on every platform.
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
  return text.replace(/:/g, '.').replace(/\*/g, 'all').replace(/[^A-Za-z0-9._,=+@-]/g, '_');
}

/**
 * Keeps a run's name usable as one folder name on every platform. A name longer than 120
 * characters is cut and ends in a hash of the whole, so that two long names stay apart.
 */
export function safeFolderName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._,=+@-]/g, '_').replace(/^\.+/, '_');
  if (safe === '') return '_';
  if (safe.length <= 120) return safe;
  return `${safe.slice(0, 111)}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}
