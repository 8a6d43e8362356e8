import { formatIssueList } from '../inputs/format-issue-list.js';
import { formatInputIssue, sortInputIssues, type InputWarning } from '../base/input-issue.js';

/** The warnings of one scenario (or of a run of a set), for printing them once each. */
export interface ScenarioWarnings {
  readonly scenario: string;
  readonly warnings: readonly InputWarning[];
}

/**
 * Prints the data set's warnings, then the scenarios', a warning shared by several scenarios
 * once with their names; returns how many there are. Warnings go to stderr and never change
 * the exit code. With `brief` (a set of runs), the warnings of a scenario that has more than a
 * few of its own are counted in one line: `rampup validate` and its run's manifest.json list them.
 */
export function printWarnings(data: readonly InputWarning[], scenarios: readonly ScenarioWarnings[], folder: string | undefined, err: (text: string) => void, brief = false): number {
  const lines = formatIssueList(data, folder, 'warning');
  const byKey = new Map<string, { warning: InputWarning; names: string[] }>();
  for (const { scenario, warnings } of scenarios) {
    for (const warning of warnings) {
      const key = JSON.stringify(warning);
      const entry = byKey.get(key) ?? { warning, names: [] };
      if (!entry.names.includes(scenario)) entry.names.push(scenario);
      byKey.set(key, entry);
    }
  }
  const names = new Map([...byKey.values()].map((e) => [e.warning, e.names]));
  const some = (runs: readonly string[]) => scenarios.length > 1 && runs.length < scenarios.length;
  // Briefly: the warnings of scenarios that have more than a few of their own (national's, on purpose) are counted, not listed.
  const own = new Map(scenarios.map((s) => [s.scenario, [...names.values()].filter((runs) => some(runs) && runs.includes(s.scenario)).length]));
  const counted = (runs: readonly string[]) => brief && some(runs) && runs.every((r) => (own.get(r) ?? 0) > BRIEF_ABOVE);
  for (const warning of sortInputIssues([...names.keys()])) {
    const runs = names.get(warning)!;
    if (counted(runs)) continue;
    const which = scenarios.length <= 1 ? '' : runs.length === scenarios.length ? ' (every scenario)' : ` (${runs.length === 1 ? 'scenario' : 'scenarios'} ${list(runs)})`;
    lines.push(`${formatInputIssue(warning, folder, 'warning')}${which}`);
  }
  lines.push(...perScenario(scenarios, [...names].filter(([, runs]) => counted(runs)).map(([w]) => w)));
  for (const line of lines) err(line);
  const count = data.length + byKey.size;
  if (count > 0) err(`rampup: ${count} warning${count === 1 ? '' : 's'}: allowed, and not stopping the run, but check that ${count === 1 ? 'it is' : 'they are'} meant (manifest.json lists them).`);
  return count;
}

/** A scenario with more warnings of its own than this has them counted in one line, in a set. */
const BRIEF_ABOVE = 3;

function list(names: readonly string[]): string {
  return names.length > 6 ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more` : names.join(', ');
}

/** One line per scenario for the warnings that only some scenarios have: how many, of which codes. */
function perScenario(scenarios: readonly ScenarioWarnings[], only: readonly InputWarning[]): string[] {
  const keys = new Set(only.map((w) => JSON.stringify(w)));
  return scenarios.flatMap(({ scenario, warnings }) => {
    const mine = warnings.filter((w) => keys.has(JSON.stringify(w)));
    if (mine.length === 0) return [];
    const codes = new Map<string, number>();
    for (const w of mine) codes.set(w.code, (codes.get(w.code) ?? 0) + 1);
    const counted = [...codes].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([code, n]) => `${n} ${code}`).join(', ');
    return [`rampup: scenario ${scenario}: ${mine.length} warning${mine.length === 1 ? '' : 's'} of its settings (${counted}); rampup validate lists them, and so does its manifest.json`];
  });
}
