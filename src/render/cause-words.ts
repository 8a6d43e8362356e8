/** Each cause of a gap in words, as summary.md, report.html and the terminal say it; in the order the rules are tried. */
export const CAUSE_WORDS: Record<string, string> = {
  'no-producer': 'no line makes it in this scenario',
  'no-payer': 'a line had spare capacity, but no payer with money can buy from it',
  input: 'lines and money were there, but a material it needs ran out (binding_input names it)',
  rule: 'money was left, but a financing rule stopped it: a channel cap, a fair share or a work share',
  budget: 'spare capacity, but the money was spent',
  ceiling: 'every line at its ceiling',
  'lead-time': 'lines full; new capacity could not be online by then',
  capacity: 'lines full; more capacity could have been online in time but was not bought',
};
