/**
 * Which command writes which files of a run's folder (OUT/RUN/). A command replaces the files it
 * owns, removing those of them it did not write this time (a report.xlsx of an earlier --xlsx,
 * the materials plan of data that had materials), and keeps everything else: `rampup plan`
 * keeps the promise files of `rampup guarantees` and the `risk/` folder of `rampup risk`.
 */

/** The files of a plan (plan, scenarios, sweep --write-plans), version 3's among them. */
export const PLAN_FILES = [
  'gaps.csv',
  'gaps_by_system.csv',
  'by_year.csv',
  'production.csv',
  'capacity_plan.csv',
  'budget_shares.csv',
  'money_flows.csv',
  'materials_plan.csv',
  'options_plan.csv',
  'releases.csv',
  'queue.csv',
  'summary.md',
  'report.html',
  'report.xlsx',
  'manifest.json',
  'timings.json',
] as const;

/** What `rampup guarantees` adds to a plan. */
export const PROMISE_FILES = ['guarantees.csv', 'promises.csv', 'promise_prices.csv'] as const;

/** What `rampup replay` adds to a plan. */
export const REPLAY_FILES = ['calibration.csv'] as const;

/** `rampup risk`'s folder inside the run's folder. */
export const RISK_FOLDER = 'risk';

/** The settings of a run whose name was shortened (run-name.ts), written by every command into that folder. */
export const SETTINGS_FILE = 'settings.txt';

export type RunWriter = 'plan' | 'guarantees' | 'risk' | 'replay';

/** The entries of a run's folder (file or folder names) a command owns. */
export function ownedEntries(writer: RunWriter): readonly string[] {
  switch (writer) {
    case 'plan':
      return [...PLAN_FILES, SETTINGS_FILE];
    case 'guarantees':
      return [...PLAN_FILES, ...PROMISE_FILES, SETTINGS_FILE];
    case 'risk':
      return [RISK_FOLDER, SETTINGS_FILE];
    case 'replay':
      return [...PLAN_FILES, ...REPLAY_FILES, SETTINGS_FILE];
  }
}

/** Which command wrote an entry that another kept, in words for the terminal. */
export function writerOf(entry: string): string | undefined {
  if ((PROMISE_FILES as readonly string[]).includes(entry)) return 'rampup guarantees';
  if (entry === RISK_FOLDER) return 'rampup risk';
  if ((REPLAY_FILES as readonly string[]).includes(entry)) return 'rampup replay';
  if ((PLAN_FILES as readonly string[]).includes(entry)) return 'rampup plan';
  return undefined;
}
