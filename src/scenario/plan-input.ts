import type { MonthIndex } from '../inputs/periods.js';

/** A country that takes part in the scenario (excluded ones are dropped before the model). */
export interface PlanCountry {
  readonly code: string;
  readonly name: string;
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

export interface PlanLine {
  /** `country/system/producer`, unique. */
  readonly id: string;
  readonly country: string;
  readonly system: string;
  readonly producer: string;
  /** Units per month online at the start. */
  readonly capacityPerMonth: number;
  /** Units per month that expansion can reach. */
  readonly maxCapacityPerMonth: number;
  /** Most capacity (units/month) that can be ordered in one month; undefined = no limit. */
  readonly maxExpansionPerMonth: number | undefined;
  readonly leadTimeMonths: number;
  readonly unitCostEur: number;
  /** EUR per unit/month of added capacity. */
  readonly expansionCostEur: number;
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

export type Financing =
  | { readonly kind: 'national' }
  | { readonly kind: 'pooled'; readonly fairShare?: number; readonly workShare?: number };

/** Everything the model needs for one scenario, already filtered, scaled and sorted. */
export interface PlanInput {
  readonly scenario: string;
  /** The horizon's months, consecutive. */
  readonly months: readonly MonthIndex[];
  readonly countries: readonly PlanCountry[];
  readonly systems: readonly PlanSystem[];
  readonly lines: readonly PlanLine[];
  readonly needs: readonly PlanNeed[];
  readonly recipients: readonly string[];
  readonly financing: Financing;
  /** Countries the scenario excluded, for the reports. */
  readonly excluded: readonly string[];
}
