import { formatInputIssue, isFlagIssue, type FileIssue, type FlagIssue } from '../base/input-issue.js';

/** A group larger than this prints its first issue and one line for the rest. */
const GROUP_AFTER = 3;

/**
 * The lines that list issues (or warnings): each as `file:line:column CODE message`, except
 * that issues alike (same file, column, code and message but for the value found) beyond the
 * first are summed up when there are more than three of them: 360 months that Excel turned
 * into dates read as one problem, its hint, and "and 359 more like it in needs.csv, lines 3-361".
 */
export function formatIssueList<C extends string>(issues: readonly (FileIssue<C> | FlagIssue<C>)[], folder?: string, kind: 'error' | 'warning' = 'error'): string[] {
  const groups = new Map<string, FileIssue<C>[]>();
  for (const issue of issues) {
    if (isFlagIssue(issue)) continue;
    const key = likeKey(issue);
    const group = groups.get(key);
    if (group) group.push(issue);
    else groups.set(key, [issue]);
  }
  const lines: string[] = [];
  for (const issue of issues) {
    if (isFlagIssue(issue)) {
      lines.push(formatInputIssue(issue, folder, kind));
      continue;
    }
    const group = groups.get(likeKey(issue))!;
    if (group.length <= GROUP_AFTER) lines.push(formatInputIssue(issue, folder, kind));
    else if (group[0] === issue) {
      const rest = group.slice(1);
      lines.push(formatInputIssue(issue, folder, kind));
      lines.push(`  ... and ${rest.length} more like it in ${issue.file}, ${lineRanges(rest.map((r) => r.line))}`);
    }
  }
  return lines;
}

/** Issues are alike when only the value they found differs. */
function likeKey(issue: FileIssue<string>): string {
  const message = issue.message.replace(/found "[^"]*"/g, 'found ?').replace(/found -?[\d.,eE+]+/g, 'found ?');
  return `${issue.file}\u0000${issue.column}\u0000${issue.code}\u0000${message}`;
}

/** "line 4", "lines 3-361" or "lines 3-10, 12, 15-20, ..." (at most six ranges). */
export function lineRanges(lines: readonly number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    ranges.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  const shown = ranges.length > 6 ? [...ranges.slice(0, 6), '...'] : ranges;
  return `${sorted.length === 1 ? 'line' : 'lines'} ${shown.join(', ')}`;
}
