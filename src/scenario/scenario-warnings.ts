import { at } from '../inputs/data-warnings.js';
import type { InputWarning } from '../base/input-issue.js';
import type { DataSet } from '../inputs/parse-data-folder.js';
import type { Financing, PlanInput, PlanPayer } from './plan-input.js';

/**
 * Who may pay under each kind of financing, as the warnings need it. A new kind of financing
 * adds its entry here; the compiler asks for it, because the record must name every kind.
 */
export interface FinancingRule<F extends Financing> {
  /**
   * Why no money of the scenario may pay for line `l` of the input (and how to fix it, where
   * that is clear), or undefined when some may. What follows for the line is the caller's to say.
   */
  unpaidLine(l: number, input: PlanInput, financing: F): { why: string; fix?: string } | undefined;
  /** Why this payer's money can buy nothing, or undefined when it can buy something. */
  idleMoney(payer: PlanPayer, input: PlanInput, financing: F): string | undefined;
}

const hasMoney = (c: PlanPayer) => c.budgetEur.some((v) => v > 0);

export const FINANCING_RULES: { readonly [K in Financing['kind']]: FinancingRule<Extract<Financing, { kind: K }>> } = {
  national: {
    unpaidLine(l, input) {
      const { country } = input.lines[l]!;
      const payer = input.payers.find((c) => c.code === country);
      if (payer && hasMoney(payer)) return undefined;
      return { why: `under national financing a line is paid by its own country, and ${country} has no budget in this scenario` };
    },
    idleMoney(payer, input) {
      if (payer.kind === 'fund') return `under national financing a country pays only for its own lines, and the fund ${payer.code} has none: its money is never spent (use financing=channels or pooled)`;
      if (input.lines.some((l) => l.country === payer.code)) return undefined;
      return `under national financing a country pays only for its own lines, and ${payer.code} has none: its budget is never spent`;
    },
  },
  pooled: {
    unpaidLine(_l, input) {
      return input.payers.some(hasMoney) ? undefined : { why: 'under pooled financing the pool pays every line, but no payer brings money to it in this scenario' };
    },
    idleMoney(payer, input) {
      return input.lines.length > 0 ? undefined : `no line takes part in this scenario: the budget of ${payer.code} is never spent`;
    },
  },
  channels: {
    unpaidLine(l, input, financing) {
      const payers = payersReaching(input, financing)[l]!;
      if (input.payers.some((p) => payers.has(p.code) && hasMoney(p))) return undefined;
      return payers.size === 0
        ? { why: 'no channel of channels.csv reaches it', fix: '(add a channel whose seller and product name it)' }
        : { why: `the channels that reach it belong to ${[...payers].sort().join(', ')}, and none has money in this scenario` };
    },
    idleMoney(payer, input, financing) {
      const own = financing.channels.filter((c) => c.payer === payer.code && c.maxShare > 0);
      if (own.some((c) => c.lines.length > 0)) return undefined;
      const why = own.length === 0 ? `no channel of channels.csv lets ${payer.code} buy` : `the channels of ${payer.code} (${[...new Set(own.map((c) => c.channel))].sort().join(', ')}) reach no line of this scenario`;
      return `under channel financing money moves only through channels, and ${why}: its money is never spent`;
    },
  },
};

/** The payers of the open channels that reach each line, once per financing (not once per line). */
const reaching = new WeakMap<object, Set<string>[]>();
function payersReaching(input: PlanInput, financing: Extract<Financing, { kind: 'channels' }>): Set<string>[] {
  let out = reaching.get(financing);
  if (!out) {
    out = input.lines.map(() => new Set<string>());
    for (const c of financing.channels) if (c.maxShare > 0) for (const l of c.lines) out[l]!.add(c.payer);
    reaching.set(financing, out);
  }
  return out;
}

/** The rule of a scenario's financing, typed by its kind. */
function ruleOf(financing: Financing): FinancingRule<Financing> {
  return FINANCING_RULES[financing.kind] as FinancingRule<Financing>;
}

/** What a scenario allows but is probably a mistake: lines no one may pay, money that can buy nothing. */
export function scenarioWarnings(data: DataSet, input: PlanInput): InputWarning[] {
  const rule = ruleOf(input.financing);
  const out: InputWarning[] = [];
  const lineIndex = new Map(data.capacity.map((l, i) => [`${l.country}/${l.system}/${l.producer ?? ''}`, i]));
  input.lines.forEach((line, l) => {
    // A line whose output costs nothing makes it unpaid (model.md: only what costs money needs a payer).
    const free = line.unitCostEur === 0;
    if (free && !(line.maxCapacityPerMonth > line.capacityPerMonth && line.expansionCostEur > 0)) return;
    const unpaid = rule.unpaidLine(l, input, input.financing);
    if (unpaid === undefined) return;
    const follows = free ? 'it makes only its starting capacity, which costs nothing, and cannot grow' : 'the line makes nothing';
    const what = `the line (${line.country}, ${line.system}${line.producer ? `, ${line.producer}` : ''})`;
    const message = `no money may pay for ${what}: ${unpaid.why}: ${follows}${unpaid.fix ? ` ${unpaid.fix}` : ''}`;
    out.push(at(data, 'capacity.csv', lineIndex.get(line.id) ?? -1, 'country', 'LINE_WITHOUT_PAYER', message));
  });
  for (const payer of input.payers) {
    if (!hasMoney(payer)) continue;
    const why = rule.idleMoney(payer, input, input.financing);
    if (why === undefined) continue;
    // A budget from budget_gdp_pct has no row in budgets.csv: point at the country instead.
    const row = data.budgets.findIndex((b) => b.payer === payer.code);
    const payerColumn = data.locations?.['budgets.csv']?.columns.payer !== undefined ? 'payer' : 'country';
    const where = row >= 0 ? at(data, 'budgets.csv', row, payerColumn, 'IDLE_BUDGET', why) : at(data, 'countries.csv', data.countries.findIndex((c) => c.country === payer.code), 'country', 'IDLE_BUDGET', why);
    out.push(where);
  }
  return out;
}
