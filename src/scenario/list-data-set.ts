import type { DataSet } from '../inputs/parse-data-folder.js';
import { humanEuros, humanUnits } from '../base/format-number.js';
import { formatMonth } from '../inputs/periods.js';
import { settingText } from './applied-settings.js';
import { BASELINE } from './prepare-scenario.js';
import { scenarioNames, scenarioRows } from './scenario-rows.js';
import { settingRows } from './setting-words.js';

/** What `rampup list` lists: a data folder's contents, without solving anything. */
export const LISTS = ['scenarios', 'systems', 'countries', 'channels', 'settings', 'options', 'inventories'] as const;
export type ListName = (typeof LISTS)[number];

export interface Listing {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Lines after the table. */
  readonly notes: readonly string[];
}

/** One of the lists, as a table of text. */
export function listDataSet(data: DataSet, what: ListName): Listing {
  switch (what) {
    case 'scenarios': {
      const names = scenarioNames(data);
      const all = names.includes(BASELINE) ? names : [BASELINE, ...names];
      return {
        header: ['scenario', 'settings', 'description'],
        rows: all.map((name) => {
          const rows = scenarioRows(data, name);
          const settings = rows.settings.map((s) => settingText({ ...s, from: '' })).join(', ');
          return [name, settings || '(none: the data as it stands)', rows.description || (name === BASELINE ? 'the data as it stands' : '')];
        }),
        notes: ['rampup plan --scenario NAME plans one; rampup scenarios plans them all.'],
      };
    }
    case 'systems': {
      const need = sumBy(data.needs, (n) => n.system, (n) => n.quantity);
      return {
        header: ['system', 'name', 'category', 'unit', 'priority', 'made in', 'need over the horizon'],
        rows: data.systems.map((s) => {
          const makers = [...new Set(data.capacity.filter((l) => l.system === s.system).map((l) => l.country))].sort();
          return [s.system, s.name, s.category, s.unit, String(s.priority), makers.join(' ') || '(no line)', `${humanUnits(need.get(s.system) ?? 0)} ${s.unit}s`];
        }),
        notes: ['Targets for --set: a system code, or category:NAME.'],
      };
    }
    case 'countries': {
      const budget = sumBy(data.budgets, (b) => b.payer, (b) => b.budget_eur);
      return {
        header: ['country', 'name', 'group', 'lines', 'budgets.csv'],
        rows: data.countries.map((c) => [c.country, c.name, c.group ?? '', String(data.capacity.filter((l) => l.country === c.country).length), humanEuros(budget.get(c.country) ?? 0)]),
        notes: ['Targets for --set: a country code (upper case, e.g. exclude=US), or group:NAME.'],
      };
    }
    case 'channels': {
      const groups = [...new Set(data.channels.flatMap((c) => (c.row.group ? [c.row.group] : [])))].sort();
      return {
        header: ['channel', 'group', 'payer', 'seller', 'product', 'max_share', 'price_factor', 'description'],
        rows: data.channels.map(({ row: c }) => [c.channel, c.group ?? '', c.payer, c.seller, c.product ?? '*', String(c.max_share ?? 1), String(c.price_factor ?? 1), c.description ?? '']),
        notes: [
          data.channels.length === 0 ? 'No channels.csv: money moves by national or pooled financing.' : 'Targets for --set channel_share: a channel id, a pattern (e.g. purl-*), group:NAME, or *.',
          ...(groups.length > 0 ? [`Channel groups: ${groups.map((g) => `group:${g}`).join(' ')}`] : []),
        ],
      };
    }
    case 'options':
      return optionsListing(data);
    case 'inventories':
      return inventoriesListing(data);
    case 'settings':
      return settingsListing(data);
  }
}

function optionsListing(data: DataSet): Listing {
  return {
    header: ['country', 'system', 'producer', 'option', 'adds a month', 'cost per unit/month', 'lead', 'first order', 'take-or-pay', 'description'],
    rows: data.options.map((o) => [
      o.country,
      o.system,
      o.producer ?? '',
      o.option,
      humanUnits(o.max_capacity_added),
      humanEuros(o.cost_per_capacity_eur),
      `${o.lead_time_months} months`,
      o.first_order_month === undefined ? 'from the start' : formatMonth(o.first_order_month),
      o.offtake_months ? `${o.offtake_months} months` : '-',
      o.description ?? '',
    ]),
    notes: [data.options.length === 0 ? 'No options.csv: lines grow only through their own expansion columns of capacity.csv.' : 'Targets for --set option_scale: an option id, a pattern of them (e.g. tier-*), a country, a system or category:NAME (0 closes the options).'],
  };
}

function inventoriesListing(data: DataSet): Listing {
  return {
    header: ['holder', 'system', 'units', 'at most a month', 'from', 'unit cost', 'description'],
    rows: data.inventories.map((i) => [i.holder, i.system, humanUnits(i.units), humanUnits(i.max_per_month), i.first_month === undefined ? 'the start' : formatMonth(i.first_month), humanEuros(i.unit_cost_eur), i.description ?? '']),
    notes: [data.inventories.length === 0 ? 'No inventories.csv: no stock can be released.' : 'Targets for --set inventory_scale: a country, a system or category:NAME.'],
  };
}

function settingsListing(data: DataSet): Listing {
  const groups = [...new Set(data.countries.flatMap((c) => (c.group ? [`group:${c.group}`] : [])))].sort();
  const categories = [...new Set(data.systems.map((s) => `category:${s.category}`))].sort();
  return {
    header: ['setting', 'targets', 'value'],
    rows: settingRows().map((r) => [r.setting, r.targets, r.value]),
    notes: [
      'Give one as --set KEY=VALUE or --set KEY:TARGET=VALUE (e.g. --set budget_scale:group:core=2); later flags win.',
      `Countries: ${data.countries.map((c) => c.country).join(' ')}`,
      `Groups: ${groups.join(' ') || '(none)'}`,
      `Systems: ${data.systems.map((s) => s.system).join(' ')}`,
      `Categories: ${categories.join(' ') || '(none)'}`,
      ...(data.funds.length > 0 ? [`Funds: ${data.funds.map((f) => f.fund).join(' ')}`] : []),
      ...(data.materials.length > 0 ? [`Materials: ${data.materials.map((m) => m.material).join(' ')}`] : []),
      ...(data.channels.length > 0 ? [`Channels: ${[...new Set(data.channels.map((c) => c.row.channel))].join(' ')} (rampup list channels)`] : []),
      ...channelGroupNote(data),
      ...(data.options.length > 0 ? [`Options: ${[...new Set(data.options.map((o) => o.option))].join(' ')} (rampup list options)`] : []),
    ],
  };
}

function sumBy<T>(rows: readonly T[], key: (row: T) => string, value: (row: T) => number): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of rows) out.set(key(row), (out.get(key(row)) ?? 0) + value(row));
  return out;
}

function channelGroupNote(data: DataSet): string[] {
  const groups = [...new Set(data.channels.flatMap((c) => (c.row.group ? [`group:${c.row.group}`] : [])))].sort();
  return groups.length > 0 ? [`Channel groups (channel_share): ${groups.join(' ')}`] : [];
}
