import { at } from '../inputs/data-warnings.js';
import type { InputWarning } from '../inputs/input-issue.js';
import type { DataSet } from '../inputs/parse-data-folder.js';
import type { Financing, PlanCountry, PlanInput, PlanLine } from './plan-input.js';

/**
 * Who may pay under each kind of financing, as the warnings need it. A new kind of financing
 * (channels) adds its entry here; the compiler asks for it, because the record must name every kind.
 */
export interface FinancingRule<F extends Financing> {
  /** Why no money of the scenario may pay for this line, or undefined when some may. */
  unpaidLine(line: PlanLine, input: PlanInput, financing: F): string | undefined;
  /** Why this payer's money can buy nothing, or undefined when it can buy something. */
  idleMoney(payer: PlanCountry, input: PlanInput, financing: F): string | undefined;
}

const hasMoney = (c: PlanCountry) => c.budgetEur.some((v) => v > 0);

export const FINANCING_RULES: { readonly [K in Financing['kind']]: FinancingRule<Extract<Financing, { kind: K }>> } = {
  national: {
    unpaidLine(line, input) {
      const country = input.countries.find((c) => c.code === line.country);
      if (country && hasMoney(country)) return undefined;
      return `under national financing a line is paid by its own country, and ${line.country} has no budget in this scenario: the line makes nothing`;
    },
    idleMoney(payer, input) {
      if (input.lines.some((l) => l.country === payer.code)) return undefined;
      return `under national financing a country pays only for its own lines, and ${payer.code} has none: its budget is never spent`;
    },
  },
  pooled: {
    unpaidLine(_line, input) {
      return input.countries.some(hasMoney) ? undefined : 'under pooled financing the pool pays every line, but no country brings money to it in this scenario: the line makes nothing';
    },
    idleMoney(payer, input) {
      return input.lines.length > 0 ? undefined : `no line takes part in this scenario: the budget of ${payer.code} is never spent`;
    },
  },
};

/** The rule of a scenario's financing, typed by its kind. */
function ruleOf(financing: Financing): FinancingRule<Financing> {
  return FINANCING_RULES[financing.kind] as FinancingRule<Financing>;
}

/** What a scenario allows but is probably a mistake: lines no one may pay, money that can buy nothing. */
export function scenarioWarnings(data: DataSet, input: PlanInput): InputWarning[] {
  const rule = ruleOf(input.financing);
  const out: InputWarning[] = [];
  const lineIndex = new Map(data.capacity.map((l, i) => [`${l.country}/${l.system}/${l.producer ?? ''}`, i]));
  for (const line of input.lines) {
    const why = rule.unpaidLine(line, input, input.financing);
    if (why === undefined) continue;
    const what = `the line (${line.country}, ${line.system}${line.producer ? `, ${line.producer}` : ''})`;
    out.push(at(data, 'capacity.csv', lineIndex.get(line.id) ?? -1, 'country', 'LINE_WITHOUT_PAYER', `no money may pay for ${what}: ${why}`));
  }
  for (const payer of input.countries) {
    if (!hasMoney(payer)) continue;
    const why = rule.idleMoney(payer, input, input.financing);
    if (why === undefined) continue;
    // A budget from budget_gdp_pct has no row in budgets.csv: point at the country instead.
    const row = data.budgets.findIndex((b) => b.country === payer.code);
    const where = row >= 0 ? at(data, 'budgets.csv', row, 'country', 'IDLE_BUDGET', why) : at(data, 'countries.csv', data.countries.findIndex((c) => c.country === payer.code), 'country', 'IDLE_BUDGET', why);
    out.push(where);
  }
  return out;
}
