/** What rampup guarantees finds: promise curves, their points and the price of a promise (model.md version 3). */

/** One point of a promise curve: what can be promised from month `from` on (model.md version 3). */
export interface PromisePoint {
  /** Month index the promise starts. */
  readonly from: number;
  /**
   * g(m): the largest share of every month's need from `from` on that can be promised to the
   * recipient if this system (or the category, or all) is served first, the scenario's money, while
   * no month before `from` gets less, cumulatively, than the plan delivers.
   */
  readonly level: number;
  /** Version 2's figure: the same with the months before `from` free (a promise that may starve them). */
  readonly levelEarlierFree: number;
  /** g(m) with unlimited money, the plan's earlier deliveries still kept: what lead times, ceilings, materials and rules alone allow. */
  readonly levelUnlimited: number;
  /** Share of the need before `from` that the plan delivers, and so the promise keeps; undefined for the first month. */
  readonly deliveredBefore: number | undefined;
  /** What the plan itself delivers: its lowest share of a month's need from `from` on. */
  readonly planLowest: number;
}

/** A promise curve and its summary: one line of guarantees.csv (a system, `category:NAME`, or `*` for all at once). */
export interface SystemGuarantee {
  readonly system: string;
  readonly name: string;
  readonly unit: string;
  /** The systems promised at once. */
  readonly systems: readonly string[];
  readonly points: readonly PromisePoint[];
  /** The point at the asked month (the first month unless --from). */
  readonly asked: PromisePoint;
  /** First month index from which 100 % can be promised; undefined = not within the horizon. */
  readonly firstFullMonth: number | undefined;
  readonly firstFullMonthUnlimited: number | undefined;
}

/** The least extra money to promise a level of a system's need from a month on (model.md, price of a promise). */
export interface PromisePrice {
  readonly system: string;
  readonly from: number;
  /** Share of every month's need, 0..1. */
  readonly level: number;
  /** EUR of top-ups over the scenario's budgets; undefined = impossible at any price. */
  readonly extraMoneyEur: number | undefined;
  /** Where impossible: what stops it (a lead time, an exhausted option, a material), in words. */
  readonly reason?: string;
}

/** What can be promised to one recipient: per system if it is served first, per category, and for all at once. */
export interface GuaranteeAnalysis {
  readonly recipient: string;
  readonly systems: readonly SystemGuarantee[];
  /** Each category of systems at once (`category:NAME`). */
  readonly categories: readonly SystemGuarantee[];
  /** Every system at once, money and lines shared. */
  readonly joint: SystemGuarantee;
  /** The month index promises are asked from (--from; the first month without it). */
  readonly from: number;
  /** Whether --from asked it (the prices and the terminal name the month then). */
  readonly fromAsked: boolean;
  /** Every system's price at each level from `from`. */
  readonly prices: readonly PromisePrice[];
}
