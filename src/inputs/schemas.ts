import { z } from 'zod';
import { cellTypes } from './cells.js';

/**
 * One zod schema per input file. The keys are the file's columns (order = documented
 * order); a column is required when its cell type rejects an empty value.
 */
export function countriesSchema(delimiter: ',' | ';') {
  const c = cellTypes(delimiter);
  return z.object({
    country: c.countryCode,
    name: c.text,
    gdp_eur: c.nonNegative,
    group: c.optionalCode,
    source: c.optionalCode,
  });
}

export function systemsSchema(delimiter: ',' | ';') {
  const c = cellTypes(delimiter);
  return z.object({
    system: c.systemCode,
    name: c.text,
    category: c.systemCode,
    unit: c.text,
    priority: c.nonNegative,
    source: c.optionalCode,
  });
}

export function capacitySchema(delimiter: ',' | ';') {
  const c = cellTypes(delimiter);
  return z.object({
    country: c.countryCode,
    system: c.systemCode,
    producer: c.optionalText,
    capacity_per_month: c.nonNegative,
    max_capacity_per_month: c.optionalNonNegative,
    max_expansion_per_month: c.optionalNonNegative,
    lead_time_months: c.optionalMonths,
    unit_cost_eur: c.nonNegative,
    expansion_cost_eur: c.optionalNonNegative,
    delivery_lag_months: c.optionalMonths,
    status: c.status,
    source: c.optionalCode,
  });
}

/** A way to add capacity to a line beyond its own expansion columns (model.md version 3). */
export function optionsSchema(delimiter: ',' | ';') {
  const c = cellTypes(delimiter);
  return z.object({
    country: c.countryCode,
    system: c.systemCode,
    producer: c.optionalText,
    option: c.systemCode,
    max_capacity_added: c.nonNegative,
    cost_per_capacity_eur: c.nonNegative,
    lead_time_months: c.months,
    max_order_per_month: c.optionalNonNegative,
    first_order_month: c.optionalMonth,
    offtake_months: c.optionalMonths,
    description: c.optionalText,
    source: c.optionalCode,
  });
}

/** Units a holder can release from its stocks (model.md version 3). */
export function inventoriesSchema(delimiter: ',' | ';') {
  const c = cellTypes(delimiter);
  return z.object({
    holder: c.countryCode,
    system: c.systemCode,
    units: c.nonNegative,
    max_per_month: c.nonNegative,
    first_month: c.optionalMonth,
    unit_cost_eur: c.nonNegative,
    delivery_lag_months: c.optionalMonths,
    description: c.optionalText,
    source: c.optionalCode,
  });
}

export function needsSchema(delimiter: ',' | ';') {
  const c = cellTypes(delimiter);
  return z.object({
    system: c.systemCode,
    period: c.month,
    quantity: c.nonNegative,
    recipient: c.optionalCode,
    priority: c.optionalNonNegative,
    source: c.optionalCode,
  });
}

/** `payer` (a country or a fund); `country` is its old name, still read. */
export function budgetsSchema(delimiter: ',' | ';') {
  const c = cellTypes(delimiter);
  return z.object({
    payer: c.optionalCode,
    country: c.optionalCode,
    period: c.monthOrYear,
    budget_eur: c.nonNegative,
    source: c.optionalCode,
  });
}

export function stocksSchema(delimiter: ',' | ';') {
  const c = cellTypes(delimiter);
  return z.object({
    system: c.systemCode,
    quantity: c.nonNegative,
    source: c.optionalCode,
  });
}

export function sourcesSchema(delimiter: ',' | ';') {
  const c = cellTypes(delimiter);
  return z.object({
    source: c.systemCode,
    title: c.text,
    url: c.optionalText,
    published: c.publishedDate,
    basis: c.basis,
  });
}

export function scenariosSchema(delimiter: ',' | ';') {
  const c = cellTypes(delimiter);
  return z.object({
    scenario: c.systemCode,
    description: c.optionalText,
    setting: c.optionalText,
    target: c.optionalText,
    value: c.optionalText,
  });
}

export function fundsSchema(delimiter: ',' | ';') {
  const c = cellTypes(delimiter);
  return z.object({
    fund: c.systemCode,
    name: c.text,
    group: c.optionalCode,
    source: c.optionalCode,
  });
}

export function channelsSchema(delimiter: ',' | ';') {
  const c = cellTypes(delimiter);
  return z.object({
    channel: c.systemCode,
    /** Optional: channels of one kind (purl, danish, ...), for `channel_share:group:NAME`. */
    group: c.optionalCode,
    payer: c.selector,
    seller: c.selector,
    product: c.optionalSelector,
    max_share: c.optionalShare,
    price_factor: c.optionalFactor,
    description: c.optionalText,
    source: c.optionalCode,
  });
}

export function commitmentsSchema(delimiter: ',' | ';') {
  const c = cellTypes(delimiter);
  return z.object({
    country: c.countryCode,
    system: c.systemCode,
    producer: c.optionalText,
    period: c.monthOrYear,
    quantity: c.nonNegative,
    customer: c.optionalText,
    deferrable_share: c.optionalShare,
    deferral_cost_eur_per_unit_month: c.optionalNonNegative,
    source: c.optionalCode,
  });
}

export function materialsSchema(delimiter: ',' | ';') {
  const c = cellTypes(delimiter);
  return z.object({
    material: c.systemCode,
    name: c.text,
    unit: c.text,
    source: c.optionalCode,
  });
}

export function bomSchema(delimiter: ',' | ';') {
  const c = cellTypes(delimiter);
  return z.object({
    system: c.systemCode,
    material: c.systemCode,
    quantity_per_unit: c.positive,
    source: c.optionalCode,
  });
}

/**
 * What happened (a replay's record, issue 29): a figure to compare with what the model says was
 * possible. `systems` and `sellers` are codes joined by "+", or `*`; `channels` a channel or
 * `group:NAME`. Read only when present, and only `rampup replay` uses it.
 */
export function actualsSchema(delimiter: ',' | ';') {
  const c = cellTypes(delimiter);
  return z.object({
    figure: c.systemCode,
    description: c.text,
    measure: c.text,
    systems: c.text,
    sellers: c.text,
    channels: c.optionalText,
    from_month: c.month,
    to_month: c.month,
    quantity: c.positive,
    unit: c.text,
    /** The share of the reported figure the model covers (its in-scope share of money; default 1). */
    in_scope_share: c.optionalShare,
    source: c.systemCode,
    grade: c.basis,
    explanation: c.optionalText,
  });
}

export type CountryRow = z.infer<ReturnType<typeof countriesSchema>>;
export type SystemRow = z.infer<ReturnType<typeof systemsSchema>>;
export type CapacityRow = z.infer<ReturnType<typeof capacitySchema>>;
export type OptionRow = z.infer<ReturnType<typeof optionsSchema>>;
export type InventoryRow = z.infer<ReturnType<typeof inventoriesSchema>>;
export type NeedRow = z.infer<ReturnType<typeof needsSchema>>;
/** A budget row as written: `payer` or its old name `country`. */
export type BudgetFileRow = z.infer<ReturnType<typeof budgetsSchema>>;
/** A budget row as the rest of rampup reads it. */
export type BudgetRow = Omit<BudgetFileRow, 'payer' | 'country'> & { readonly payer: string };
export type FundRow = z.infer<ReturnType<typeof fundsSchema>>;
export type ChannelRow = z.infer<ReturnType<typeof channelsSchema>>;
export type CommitmentRow = z.infer<ReturnType<typeof commitmentsSchema>>;
export type MaterialRow = z.infer<ReturnType<typeof materialsSchema>>;
export type BomRow = z.infer<ReturnType<typeof bomSchema>>;
export type StockRow = z.infer<ReturnType<typeof stocksSchema>>;
export type SourceRow = z.infer<ReturnType<typeof sourcesSchema>>;
export type ScenarioRow = z.infer<ReturnType<typeof scenariosSchema>>;
export type ActualRow = z.infer<ReturnType<typeof actualsSchema>>;

export const INPUT_FILES = {
  'countries.csv': { schema: countriesSchema, required: true },
  'systems.csv': { schema: systemsSchema, required: true },
  'capacity.csv': { schema: capacitySchema, required: true },
  'needs.csv': { schema: needsSchema, required: true },
  'budgets.csv': { schema: budgetsSchema, required: true },
  'stocks.csv': { schema: stocksSchema, required: false },
  'funds.csv': { schema: fundsSchema, required: false },
  'channels.csv': { schema: channelsSchema, required: false },
  'commitments.csv': { schema: commitmentsSchema, required: false },
  'options.csv': { schema: optionsSchema, required: false },
  'inventories.csv': { schema: inventoriesSchema, required: false },
  'materials.csv': { schema: materialsSchema, required: false },
  'bom.csv': { schema: bomSchema, required: false },
  'sources.csv': { schema: sourcesSchema, required: false },
  'scenarios.csv': { schema: scenariosSchema, required: false },
  'actuals.csv': { schema: actualsSchema, required: false },
} as const;

export type InputFileName = keyof typeof INPUT_FILES;
export const INPUT_FILE_NAMES = Object.keys(INPUT_FILES) as InputFileName[];
