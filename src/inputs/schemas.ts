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

export function budgetsSchema(delimiter: ',' | ';') {
  const c = cellTypes(delimiter);
  return z.object({
    country: c.countryCode,
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

export type CountryRow = z.infer<ReturnType<typeof countriesSchema>>;
export type SystemRow = z.infer<ReturnType<typeof systemsSchema>>;
export type CapacityRow = z.infer<ReturnType<typeof capacitySchema>>;
export type NeedRow = z.infer<ReturnType<typeof needsSchema>>;
export type BudgetRow = z.infer<ReturnType<typeof budgetsSchema>>;
export type StockRow = z.infer<ReturnType<typeof stocksSchema>>;
export type SourceRow = z.infer<ReturnType<typeof sourcesSchema>>;
export type ScenarioRow = z.infer<ReturnType<typeof scenariosSchema>>;

export const INPUT_FILES = {
  'countries.csv': { schema: countriesSchema, required: true },
  'systems.csv': { schema: systemsSchema, required: true },
  'capacity.csv': { schema: capacitySchema, required: true },
  'needs.csv': { schema: needsSchema, required: true },
  'budgets.csv': { schema: budgetsSchema, required: true },
  'stocks.csv': { schema: stocksSchema, required: false },
  'sources.csv': { schema: sourcesSchema, required: false },
  'scenarios.csv': { schema: scenariosSchema, required: false },
} as const;

export type InputFileName = keyof typeof INPUT_FILES;
export const INPUT_FILE_NAMES = Object.keys(INPUT_FILES) as InputFileName[];
