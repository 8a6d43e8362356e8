/** Every result type of a plan and of the analyses on it (the promises' in promise-results.ts): pure data. */
import type { PlanInput, PlanLine, PlanNeed } from '../scenario/plan-input.js';
import type { CalibrationRow } from './calibration-results.js';
import type { GuaranteeAnalysis } from './promise-results.js';

/** Why a gap (model.md, in the order the rules are tried; `rule` refines `budget`). */
export type GapCause = 'no-producer' | 'no-payer' | 'input' | 'rule' | 'budget' | 'ceiling' | 'lead-time' | 'capacity';

/** One line in one month of the optimal plan. */
export interface LineMonth {
  readonly line: PlanLine;
  readonly t: number;
  readonly units: number;
  readonly costEur: number;
  /** Capacity ordered this month (units/month), online lead time later. */
  readonly ordered: number;
  readonly capacityOnline: number;
  /** Output already sold to others this month (not in `units`). */
  readonly committed: number;
  /** Of the committed output, units whose customers let them wait this month (a place in the queue bought; model.md 2q). */
  readonly deferred: number;
  /** Units made this month for customers who waited earlier. */
  readonly repaid: number;
  /** Units owed to the other customers at the end of the month. */
  readonly owed: number;
  /** Output this month that take-or-pay contracts oblige (model.md 2t). */
  readonly contracted: number;
}

/** Capacity ordered through one option of a line in one month (model.md 2''); the line's own expansion is option OWN_EXPANSION. */
export interface OptionOrder {
  readonly line: PlanLine;
  /** The option's id, or OWN_EXPANSION. */
  readonly option: string;
  readonly t: number;
  /** Units/month of capacity ordered. */
  readonly ordered: number;
  /** The month (index) it comes online. */
  readonly onlineFromT: number;
  readonly costEur: number;
  /** Output the order obliges under take-or-pay (capacity x offtake months), 0 without. */
  readonly offtakeUnits: number;
}

/** How options.csv-style reports name the line's own expansion (capacity.csv's columns): a name no option id can have. */
export const OWN_EXPANSION = '(own)';

export interface NeedResult {
  readonly need: PlanNeed;
  readonly delivered: number;
  /** Part of `delivered` drawn from stock rather than this month's output. */
  readonly fromStock: number;
  readonly shortfall: number;
  /** Why the shortfall could not be delivered; undefined when there is none. */
  readonly cause: GapCause | undefined;
  /** The material that ran out, where the cause is `input`. */
  readonly bindingInput?: string | undefined;
  /** Output of the system's lines already sold to others that could have arrived this month: what places in the queue could give. */
  readonly soldUnits: number;
}

/** What one payer (a country or a fund) had, paid and left. */
export interface PayerResult {
  readonly code: string;
  readonly name: string;
  readonly kind: 'country' | 'fund';
  readonly gdpEur: number;
  /**
   * GDP over the GDP of the countries that bring money (the payers, as in the pool's fair
   * shares), 0..1; undefined for a payer without a budget or without GDP (a fund).
   */
  readonly gdpShare: number | undefined;
  readonly budgetEur: number;
  /** Line cost of this country's own lines (its industry's turnover from the plan); 0 for a fund. */
  readonly spentOnOwnLinesEur: number;
  /** Money this payer paid: for its own lines (national), into the pool (pooled), through its channels. */
  readonly paidEur: number;
  /** Money never spent within the horizon. */
  readonly unspentEur: number;
  /** The payer's part of the cost to close (its top-up with unlimited money), when explained. */
  readonly topUpToCloseEur?: number;
  /**
   * Weighted shortfall removed per extra EUR 1 million given to this country in proportion
   * to its monthly budgets; undefined when the solver gives no duals.
   */
  readonly marginalValuePerMillion: number | undefined;
  /** Same, measured by re-solving with 10 % more money for this country (--sensitivity). */
  readonly sensitivityPerMillion?: number;
}

/** Money one payer paid through one channel for one seller country's output of one product. */
export interface MoneyFlow {
  readonly payer: string;
  /** The channel (`ID:PAYER` for a group row), `national` or `pool`. */
  readonly channel: string;
  /** The channel's group in channels.csv (purl, danish, ...), if it has one. */
  readonly channelGroup?: string;
  readonly seller: string;
  /** A system or a material. */
  readonly product: string;
  /** Money the payer paid, EUR (line cost x the channel's price factor). */
  readonly paidEur: number;
  /** Units of output this money paid for (its share of each line's cost, times the line's output). */
  readonly unitsPaidFor: number;
  readonly priceFactor: number;
  /** Money through the channel over its cap (max_share x the payer's money), 0..1; undefined when uncapped. */
  readonly channelShareUsed: number | undefined;
  readonly capBinding: boolean;
  /** Weighted shortfall removed per extra EUR 1 million through the channel (a dual); undefined without duals or cap. */
  readonly valuePerMillion: number | undefined;
}

/** One material in one month of the plan. */
export interface MaterialMonth {
  readonly material: string;
  readonly t: number;
  /** Made by its lines this month (it arrives after their delivery lag). */
  readonly produced: number;
  /** Used by the month's output of the products that need it. */
  readonly consumed: number;
  /** In stock at the end of the month. */
  readonly stock: number;
  readonly capacityOnline: number;
  /** Ran out: its lines were full and no stock was left from this month on, so it limited its users. */
  readonly binding: boolean;
  /** Weighted shortfall removed by one more unit in this month (the balance's dual); undefined without duals. */
  readonly valuePerUnit: number | undefined;
}

/** What unlimited money would and would not close (a second solve with top-ups). */
export interface GapClosure {
  /** Extra money, over the scenario's budgets, that closes every gap money can close. */
  readonly extraMoneyEur: number;
  /** The top-ups by payer, EUR: who would have to pay the extra (a payer that pledged nothing shows here too). */
  readonly topUpByPayer: ReadonlyMap<string, number>;
  /** Each payer's top-up split over its channels, EUR, in proportion to how much more each carries. */
  readonly topUpByChannel: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Weighted shortfall that remains with unlimited money: lead times and ceilings. */
  readonly weightedShortfallUnlimited: number;
  readonly bySystem: ReadonlyMap<string, SystemClosure>;
}

export interface SystemClosure {
  /** The extra money attributed to this system (in proportion to its extra spending). */
  readonly costToCloseEur: number;
  /** Units short even with unlimited money. */
  readonly shortfallMoneyCannotClose: number;
  /** First month from which every later month is met with unlimited money. */
  readonly firstMonthMetUnlimited: string | undefined;
  /** Materials that still run out with unlimited money (their lead times or ceilings bind). */
  readonly bindingInputs: readonly string[];
  /** Each month still short with unlimited money, and why. */
  readonly shortUnlimited: readonly { readonly t: number; readonly cause: GapCause | undefined; readonly bindingInput?: string | undefined }[];
}

/** The optimal plan of one scenario, read back from the solver in domain terms. */
export interface Plan {
  readonly input: PlanInput;
  readonly lineMonths: readonly LineMonth[];
  readonly needs: readonly NeedResult[];
  readonly payers: readonly PayerResult[];
  readonly moneyFlows: readonly MoneyFlow[];
  readonly materials: readonly MaterialMonth[];
  /** Capacity ordered, per line, option and month with an order. */
  readonly orders: readonly OptionOrder[];
  /** Units of each system held at the end of the horizon: what take-or-pay and early output left over. */
  readonly endStock: ReadonlyMap<string, number>;
  readonly weightedShortfall: number;
  /** The sum of line costs, EUR. */
  readonly totalCostEur: number;
  /** Money the payers spend (stage 2's optimum), EUR; above the line cost by the channels' price factors. */
  readonly moneySpentEur: number;
  /** Stage 4's optimum, sum over payers of spent^2 / money (EUR, sliced), where the spread ran. */
  readonly spreadObjectiveEur?: number;
  readonly closure?: GapClosure;
  readonly guarantees?: GuaranteeAnalysis;
  /** A replay's figures against what happened (rampup replay). */
  readonly calibration?: readonly CalibrationRow[];
}

export interface SystemSummary {
  readonly system: string;
  readonly name: string;
  readonly category: string;
  readonly unit: string;
  readonly need: number;
  readonly delivered: number;
  readonly shortfall: number;
  readonly weightedShortfall: number;
  /** delivered / need; 1 when nothing is needed. */
  readonly fillRate: number;
  /**
   * First month with a need from which every later month is fully met (all recipients): the first
   * month when nothing is ever short; undefined if the last short month has no need after it.
   */
  readonly firstMonthMet: string | undefined;
  /** The cause behind most of the weighted shortfall. */
  readonly mainCause: GapCause | undefined;
  readonly monthsShort: number;
}

export interface PlanSummary {
  readonly need: number;
  readonly delivered: number;
  /** Overall fill rate in units (all systems added up, as model.md defines it). */
  readonly fillRate: number;
  /** Fill rate weighted by priority: 1 - weighted shortfall / weighted need. */
  readonly weightedFillRate: number;
  readonly weightedShortfall: number;
  readonly totalCostEur: number;
  /** Money the payers spend: the line cost plus the channels' margins. */
  readonly moneySpentEur: number;
  readonly budgetEur: number;
  readonly systems: readonly SystemSummary[];
  /** Systems with a shortfall, worst (largest weighted shortfall) first. */
  readonly worstGaps: readonly SystemSummary[];
  readonly fillRateByCategory: readonly { category: string; fillRate: number }[];
  /** What money bought beyond output: capacity, stock releases, places in the queue. */
  readonly levers: LeverSummary;
}

/** What money bought beyond output (model.md version 3), each list largest first. */
export interface LeverSummary {
  /** Capacity bought per line and option (OWN_EXPANSION: the line's own columns). */
  readonly options: readonly { line: PlanLine; option: string; capacity: number; costEur: number; firstOnlineT: number; offtakeUnits: number }[];
  readonly releases: readonly { line: PlanLine; units: number; costEur: number; unitsLeft: number }[];
  readonly queue: readonly { line: PlanLine; unitsWaited: number; premiumEur: number; longestOwed: number }[];
  /** Units of a system left at the end where take-or-pay obliged output. */
  readonly surplus: readonly { system: string; units: number }[];
}

/** One scenario's line in comparison.csv (rampup scenarios / sweep). */
export interface ComparisonRow {
  readonly scenario: string;
  readonly description: string;
  /** The swept setting's value, for `rampup sweep`. */
  readonly sweepValue?: number;
  readonly status: 'optimal' | 'failed';
  /** Why the scenario failed (only when status is failed). */
  readonly error?: string;
  /** delivered / need over all systems, 0..1. */
  readonly fillRate: number;
  /** 1 - weighted shortfall / weighted need, 0..1. */
  readonly weightedFillRate: number;
  readonly fillRateByCategory: Readonly<Record<string, number>>;
  readonly weightedShortfall: number;
  readonly shortfallUnits: number;
  readonly totalCostEur: number;
  readonly budgetEur: number;
  /** totalCostEur / budgetEur, 0..1. */
  readonly moneyUsed: number;
  /** The system with the largest weighted shortfall, or '' when every need is met. */
  readonly worstSystem: string;
  /** Share of every month's need that can be guaranteed for all systems at once, 0..1. */
  readonly jointGuarantee: number;
}
