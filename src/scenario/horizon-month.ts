import { InputError } from '../base/errors.js';
import { formatMonth, monthHint, parseMonth } from '../inputs/periods.js';

/** The index of a YYYY-MM month given with `flag` in the horizon, or a flag problem naming the horizon. */
export function horizonMonth(text: string, months: readonly number[], flag: string): number {
  const m = parseMonth(text);
  if (m === undefined) {
    throw new InputError([{ flag, value: text, code: 'BAD_PERIOD', message: `expected a month as YYYY-MM, e.g. ${formatMonth(months[0]!)}${monthHint(text)}` }]);
  }
  const t = months.indexOf(m);
  if (t < 0) {
    throw new InputError([{ flag, value: text, code: 'BAD_PERIOD', message: `${text} is not a month of the horizon ${formatMonth(months[0]!)} to ${formatMonth(months.at(-1)!)}` }]);
  }
  return t;
}
