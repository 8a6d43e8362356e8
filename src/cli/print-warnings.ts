import { formatIssueList } from '../inputs/format-issue-list.js';
import { formatInputIssue, sortInputIssues, type InputWarning } from '../base/input-issue.js';

/** The warnings of one scenario (or of a run of a set), for printing them once each. */
export interface ScenarioWarnings {
  readonly scenario: string;
  readonly warnings: readonly InputWarning[];
}

/**
 * Prints the data set's warnings, then the scenarios', a warning shared by several scenarios
 * once with their names; returns how many were printed. Warnings go to stderr and never change
 * the exit code.
 */
export function printWarnings(data: readonly InputWarning[], scenarios: readonly ScenarioWarnings[], folder: string | undefined, err: (text: string) => void): number {
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
  for (const warning of sortInputIssues([...names.keys()])) {
    const runs = names.get(warning)!;
    const which = scenarios.length <= 1 ? '' : runs.length === scenarios.length ? ' (every scenario)' : ` (${runs.length === 1 ? 'scenario' : 'scenarios'} ${list(runs)})`;
    lines.push(`${formatInputIssue(warning, folder, 'warning')}${which}`);
  }
  for (const line of lines) err(line);
  const count = data.length + byKey.size;
  if (count > 0) err(`rampup: ${count} warning${count === 1 ? '' : 's'}: allowed, and not stopping the run, but check that ${count === 1 ? 'it is' : 'they are'} meant (manifest.json lists them).`);
  return count;
}

function list(names: readonly string[]): string {
  return names.length > 6 ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more` : names.join(', ');
}
