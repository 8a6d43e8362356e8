/** Each cause of a gap in words, as summary.md, report.html and the terminal say it. */
export const CAUSE_WORDS: Record<string, string> = {
  capacity: 'lines full; more capacity could have been online in time but was not bought',
  'lead-time': 'lines full; new capacity could not be online by then',
  ceiling: 'every line at its ceiling',
  budget: 'spare capacity, but the money was spent',
  'no-producer': 'no line makes it in this scenario',
};
