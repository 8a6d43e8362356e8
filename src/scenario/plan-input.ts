import type { MonthIndex } from '../inputs/periods.js';

/** A country that takes part in the scenario (excluded ones are dropped before the model). */
export interface PlanCountry {
  readonly code: string;
  readonly name: string;
  readonly gdpEur: number;
  readonly group: string;
}

/** Whoever brings money: a country (its budget for this purpose) or a fund (an EU instrument, a trust fund). */
export interface PlanPayer {
  readonly code: string;
  readonly name: string;
  readonly kind: 'country' | 'fund';
  /** Annual GDP; 0 for a fund, which carries no fair share. */
  readonly gdpEur: number;
  readonly group: string;
  /** Money made available per month of the horizon, EUR. */
  readonly budgetEur: readonly number[];
}

export interface PlanSystem {
  readonly code: string;
  readonly name: string;
  readonly category: string;
  readonly unit: string;
  readonly priority: number;
  /** Units in stock at the start of the horizon. */
  readonly stock: number;
}

/** A shared input (propellant powder, explosive, a rocket motor): made by lines, consumed by products. */
export interface PlanMaterial {
  readonly code: string;
  readonly name: string;
  readonly unit: string;
  /** Units in stock at the start of the horizon. */
  readonly stock: number;
}

/** What one unit of a product (a system or a material) consumes of a material, in the month it is made. */
export interface PlanBomEntry {
  readonly product: string;
  readonly material: string;
  readonly quantityPerUnit: number;
}

/** What a line is: a plant that exists, one that could be built, or a holder's stock that can be released (model.md version 3). */
export type LineKind = 'existing' | 'candidate' | 'release';

export interface PlanLine {
  /** `country/product/producer`, unique. */
  readonly id: string;
  readonly country: string;
  /** The product: a system, or a material when `makesMaterial`. */
  readonly system: string;
  readonly makesMaterial: boolean;
  readonly producer: string;
  /** Units per month online at the start. */
  readonly capacityPerMonth: number;
  /** Units per month that expansion can reach. */
  readonly maxCapacityPerMonth: number;
  /** Most capacity (units/month) that can be ordered in one month; undefined = no limit. */
  readonly maxExpansionPerMonth: number | undefined;
  readonly leadTimeMonths: number;
  /** Months from production to delivery (acceptance, transport); 0 = the month it is made. */
  readonly deliveryLagMonths: number;
  readonly unitCostEur: number;
  /** EUR per unit/month of added capacity. */
  readonly expansionCostEur: number;
  /** Units per month of the horizon already sold to others (their armies, other export customers). */
  readonly committed: readonly number[];
  readonly kind: LineKind;
  /** First month (index) it can make anything: a stock release's first month; 0 otherwise. */
  readonly firstT: number;
  /** A stock release's units over the horizon (model.md 2s); undefined for a production line. */
  readonly releaseUnits: number | undefined;
  /** [t] share of the output committed to others that they would let wait (model.md 2q). */
  readonly deferrable: readonly number[];
  /** EUR per unit and month that a deferred unit waits. */
  readonly deferralCostEur: number;
}

/**
 * A way to add capacity to a line, beyond its own expansion (its option 0, the line's fields
 * above): model.md version 3's `O(l)`.
 */
export interface PlanOption {
  /** The option's id in options.csv, unique per line. */
  readonly id: string;
  /** Index into PlanInput.lines. */
  readonly line: number;
  /** Most capacity (units/month) it adds over the horizon. */
  readonly addPerMonth: number;
  /** EUR per unit/month of capacity. */
  readonly costPerCapacityEur: number;
  readonly leadTimeMonths: number;
  /** Most capacity ordered through it in one month; undefined = no limit. */
  readonly maxOrderPerMonth: number | undefined;
  /** First month (index) an order may be placed. */
  readonly firstOrderT: number;
  /** Take-or-pay: months the capacity bought must produce once online (0 = none). */
  readonly offtakeMonths: number;
  readonly description: string;
}

export interface PlanNeed {
  readonly system: string;
  readonly recipient: string;
  /** Month index within the horizon, 0-based. */
  readonly t: number;
  readonly quantity: number;
  /** Weight of one unit short. */
  readonly weight: number;
  /** Share of the need that must be delivered (hard), 0 when none. */
  readonly guarantee: number;
}

/** A way one payer's money may buy from some lines (model.md 6'); a group channel is one per payer. */
export interface PlanChannel {
  /** The channel's id in channels.csv; `ID:PAYER` when its payer cell named several payers. */
  readonly id: string;
  /** The channel's row id in channels.csv. */
  readonly channel: string;
  /** Its group in channels.csv (purl, danish, ...), if any. */
  readonly group?: string;
  readonly payer: string;
  /** EUR the payer pays for one EUR of line cost (a broker's margin, fees); >= 1. */
  readonly priceFactor: number;
  /** Share of the payer's money over the horizon that may go through it, 0..1. */
  readonly maxShare: number;
  /** Indexes into PlanInput.lines of the lines it reaches. */
  readonly lines: readonly number[];
}

export type Financing =
  | { readonly kind: 'national' }
  | { readonly kind: 'pooled'; readonly fairShare?: number; readonly workShare?: number }
  | { readonly kind: 'channels'; readonly channels: readonly PlanChannel[] };

/** Everything the model needs for one scenario, already filtered, scaled and sorted. */
export interface PlanInput {
  readonly scenario: string;
  /** The horizon's months, consecutive. */
  readonly months: readonly MonthIndex[];
  readonly countries: readonly PlanCountry[];
  /** Countries (sorted by code), then funds (sorted by code). */
  readonly payers: readonly PlanPayer[];
  readonly systems: readonly PlanSystem[];
  readonly materials: readonly PlanMaterial[];
  readonly bom: readonly PlanBomEntry[];
  /** Lines of systems, then of materials, each sorted by product, country and producer; then stock releases. */
  readonly lines: readonly PlanLine[];
  /** The lines' capacity options beyond their own expansion, in line order. */
  readonly options: readonly PlanOption[];
  readonly needs: readonly PlanNeed[];
  readonly recipients: readonly string[];
  readonly financing: Financing;
  /** Countries and funds the scenario excluded, for the reports. */
  readonly excluded: readonly string[];
}
