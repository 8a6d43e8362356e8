/**
 * The stress generator: seeded data folders of other shapes than generate-data-folder.ts
 * makes, with the knobs that change the LP's structure turned one by one (issue 18: a
 * folder shaped differently from the benchmark's own made the interior point stall). Pure:
 * no disk, no clock, no Math.random; the same knobs give the same CSV texts, byte for byte.
 *
 * Every knob has a default that keeps the folder inside the version-1 contract; the
 * version-2 knobs (funds, channels, commitments, materials, delivery lags) write the files
 * and columns of contract.md "Version 2 additions" (0 / false by default; the stress set turns them on).
 */
import { ARCHETYPES, FIRST_MONTH, SYNTHETIC_SOURCE, countryCodes, formatMonth, mulberry32, quantity, significant, table, type Cell, type GeneratedLine } from './generate-data-folder.js';

export interface StressKnobs {
  readonly countries: number;
  readonly systems: number;
  readonly months: number;
  readonly seed: number;
  /** Probability that a (country, system) pair has a line; at least one line per system. */
  readonly lineDensity: number;
  /** Share of lines that can grow (the rest keep their capacity, with or without a stated ceiling). */
  readonly expandShare: number;
  /** Share of growing lines that start from nothing (a new plant). */
  readonly freshShare: number;
  /** Share of growing lines with a most-per-month order (ramp) limit. */
  readonly rampShare: number;
  /** Longest lead time in months (each growing line draws 0..maxLead). */
  readonly maxLead: number;
  /** Ceiling over starting capacity, the largest multiple drawn (from 1.2). */
  readonly headroom: number;
  /** Share of ramped lines whose ceiling is exactly what ordering the full ramp every month reaches (a ceiling that binds only with the ramp). */
  readonly ceilingAtRamp: number;
  /** Multiplier on every line's volume and need (units a month), e.g. 10 for shells by the hundred thousand. */
  readonly quantityScale: number;
  /** Need over the starting capacity of a system's lines, the median multiple. */
  readonly needLevel: number;
  /** Monthly noise of the need: 0 smooth, 1 a month may be 0 to 2x the trend. */
  readonly needNoise: number;
  /** Share of the system-months with no need at all (0 = every month). */
  readonly needGaps: number;
  /** Money over what the needs would cost at line prices, the median multiple across countries. */
  readonly money: number;
  /** Spread of that multiple across countries: log-uniform within money / spread .. money x spread. */
  readonly moneySpread: number;
  /** Budget rows per month (with noise) instead of one a year. */
  readonly monthlyBudgets: boolean;
  /** Share of countries with any money (the others have budget rows of 0, as payers that stay out). */
  readonly payerShare: number;
  /** Recipients per system at most (UA first, then up to two more, each from a later month). */
  readonly recipients: number;
  /** Share of systems with a stock at the start. */
  readonly stockShare: number;
  /** Unit prices log-uniform across this many decades around each archetype's range (1 = as the archetypes). */
  readonly priceSpread: number;
  /** `pooled` writes a scenario `stress` with pooled financing (and this fair share); else national. */
  readonly financing: 'national' | 'pooled';
  readonly fairShare: number;
  // ---- version 2 (contract.md "Version 2 additions"); all off by default ----
  /** Funds (payers that are not countries), each with a channel to a group of sellers. */
  readonly funds: number;
  /** Cross-border channels per paying country (each to a seller country or a group), with caps and price factors. */
  readonly channels: number;
  /** Share of lines with output already sold (commitments.csv), each up to 60 % of the starting capacity. */
  readonly commitmentShare: number;
  /** Materials (shared inputs with lines of their own, bom.csv ties systems to them). */
  readonly materials: number;
  /** Longest delivery lag in months (capacity.csv delivery_lag_months). */
  readonly maxDeliveryLag: number;
}

/** The knobs of the benchmark generator's shape, version 2 off. */
export const DEFAULT_KNOBS: Omit<StressKnobs, 'countries' | 'systems' | 'months' | 'seed'> = {
  lineDensity: 0.37,
  expandShare: 0.65,
  freshShare: 0.15,
  rampShare: 0.5,
  maxLead: 12,
  headroom: 4,
  ceilingAtRamp: 0,
  quantityScale: 1,
  needLevel: 1.5,
  needNoise: 0,
  needGaps: 0,
  money: 1,
  moneySpread: 3,
  monthlyBudgets: false,
  payerShare: 1,
  recipients: 2,
  stockShare: 0,
  priceSpread: 1,
  financing: 'national',
  fairShare: 0,
  funds: 0,
  channels: 0,
  commitmentShare: 0,
  materials: 0,
  maxDeliveryLag: 0,
};

/** True when any version-2 file or column is written. */
export function usesVersion2(k: StressKnobs): boolean {
  return k.funds > 0 || k.channels > 0 || k.commitmentShare > 0 || k.materials > 0 || k.maxDeliveryLag > 0;
}

/** The same knobs with every version-2 input switched off (a version-1 folder). */
export function withoutVersion2(k: StressKnobs): StressKnobs {
  return { ...k, funds: 0, channels: 0, commitmentShare: 0, materials: 0, maxDeliveryLag: 0 };
}

/** The scenario the stress folder is planned under (scenarios.csv always has it). */
export const STRESS_SCENARIO = 'stress';

const RECIPIENTS = ['UA', 'eastern-flank', 'stockpile'];
const MATERIALS = [
  { code: 'powder', name: 'Propellant powder', unit: 't', price: 30_000 },
  { code: 'explosive', name: 'High explosive fill', unit: 't', price: 20_000 },
  { code: 'motor', name: 'Rocket motor', unit: 'motor', price: 60_000 },
  { code: 'seeker', name: 'Seeker head', unit: 'seeker', price: 150_000 },
];

interface Line extends GeneratedLine {
  readonly lag: number | undefined;
}

export function generateStressFolder(k: StressKnobs): Record<string, string> {
  const random = mulberry32(k.seed * 7919 + 17);
  const uniform = (lo: number, hi: number) => lo + (hi - lo) * random();
  const logUniform = (lo: number, hi: number) => Math.exp(uniform(Math.log(lo), Math.log(hi)));
  const integer = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const chance = (p: number) => random() < p;
  const first = Number(FIRST_MONTH.slice(0, 4)) * 12 + Number(FIRST_MONTH.slice(5, 7)) - 1;
  const v2 = usesVersion2(k);

  const countries = countryCodes(k.countries).map(([code, name], i) => ({
    code,
    name,
    gdpEur: significant(logUniform(2e10, 4e12), 3),
    group: ['core', 'reinforce', 'wider'][Math.floor((3 * i) / k.countries)]!,
  }));
  const spread = Math.pow(10, (k.priceSpread - 1) / 2);
  const systems = Array.from({ length: k.systems }, (_, i) => {
    const kind = ARCHETYPES[i % ARCHETYPES.length]!;
    const variant = Math.floor(i / ARCHETYPES.length) + 1;
    const unitCostEur = significant(logUniform(kind.cost[0] / spread, kind.cost[1] * spread), 3);
    return {
      code: variant === 1 ? kind.slug : `${kind.slug}-${variant}`,
      name: variant === 1 ? kind.name : `${kind.name} (variant ${variant})`,
      category: kind.category,
      unit: kind.unit,
      priority: significant((unitCostEur / 1000) * kind.tier * uniform(0.5, 2), 3),
      unitCostEur,
      turnover: logUniform(2e7, 6e8),
    };
  });
  const materials = MATERIALS.slice(0, Math.min(k.materials, MATERIALS.length));

  // Lines: each (country, product) pair with probability lineDensity; at least one per product.
  const lines: Line[] = [];
  // A material line's output is priced into the products that use it: unit cost 0, expansion cost from its price.
  const products = [
    ...systems.map((s) => ({ code: s.code, unitCostEur: s.unitCostEur, volume: (k.quantityScale * s.turnover) / s.unitCostEur, material: false })),
    ...materials.map((m) => ({ code: m.code, unitCostEur: m.price, volume: 0, material: true })),
  ];
  const materialVolume = new Map<string, number>();
  const bom: Cell[][] = [];
  if (materials.length > 0) {
    // Every system of an ammunition or missile kind uses one or two materials.
    systems.forEach((s) => {
      if (!['artillery-ammunition', 'air-defence', 'anti-armour'].includes(s.category) || !chance(0.7)) return;
      const uses = materials.filter(() => chance(0.5));
      for (const m of uses.length > 0 ? uses : [materials[integer(0, materials.length - 1)]!]) {
        const per = significant((s.unitCostEur * uniform(0.02, 0.1)) / m.price, 3);
        bom.push([s.code, m.code, per, SYNTHETIC_SOURCE]);
        materialVolume.set(m.code, (materialVolume.get(m.code) ?? 0) + per * (s.turnover / s.unitCostEur));
      }
    });
    for (const p of products) if (materialVolume.has(p.code)) p.volume = materialVolume.get(p.code)! * uniform(0.4, 1.1);
  }
  for (const p of products) {
    if (p.volume === 0) continue; // a material nothing uses
    const hosts = countries.filter(() => chance(k.lineDensity));
    if (hosts.length === 0) hosts.push(countries[integer(0, countries.length - 1)]!);
    const shares = hosts.map(() => logUniform(0.2, 5));
    const total = shares.reduce((a, v) => a + v, 0);
    hosts.forEach((country, h) => {
      const share = (p.volume * shares[h]!) / total;
      const grows = chance(k.expandShare);
      const fresh = grows && chance(k.freshShare);
      const capacity = fresh ? 0 : quantity(share);
      const ceiling = grows ? quantity(fresh ? share * uniform(0.5, 2) : capacity * uniform(1.2, k.headroom)) : chance(0.5) ? capacity : undefined;
      const unitCostEur = significant(p.unitCostEur * uniform(0.85, 1.2), 3);
      const lead = grows ? integer(0, k.maxLead) : undefined;
      let ramp = grows && chance(k.rampShare) ? quantity(Math.max(ceiling! - capacity, 1) / uniform(2, 12)) : undefined;
      let top = ceiling;
      if (ramp !== undefined && chance(k.ceilingAtRamp)) {
        // Orders can be placed in months 0 .. months - 1 - lead: the ceiling is where the full ramp ends.
        ramp = quantity(Math.max(ceiling! - capacity, 1) / uniform(6, 18));
        top = significant(capacity + ramp * Math.max(1, k.months - lead!), 6);
      }
      lines.push({
        country: country.code,
        system: p.code,
        producer: `Plant ${h + 1}`,
        capacity,
        ceiling: top,
        ramp,
        lead,
        unitCostEur: p.material ? 0 : unitCostEur,
        expansionCostEur: grows ? significant(unitCostEur * logUniform(2, 25), 3) : undefined,
        lag: k.maxDeliveryLag > 0 ? integer(0, k.maxDeliveryLag) : undefined,
      });
    });
  }

  // Needs per system, recipient and month.
  const needs: Cell[][] = [];
  let needCostPerMonth = 0;
  systems.forEach((s) => {
    const online = lines.filter((l) => l.system === s.code).reduce((a, l) => a + l.capacity, 0);
    const level = Math.max(online, ((k.quantityScale * s.turnover) / s.unitCostEur) * 0.3) * k.needLevel * logUniform(0.5, 2);
    const growth = uniform(-0.01, 0.03);
    const recipients = RECIPIENTS.slice(0, integer(1, Math.max(1, Math.min(k.recipients, RECIPIENTS.length))));
    recipients.forEach((recipient, r) => {
      const from = r === 0 ? 0 : integer(1, Math.floor(k.months / 2));
      const part = r === 0 ? 1 : uniform(0.1, 0.5);
      for (let t = from; t < k.months; t++) {
        if (t > 0 && chance(k.needGaps)) continue;
        const noise = k.needNoise > 0 ? Math.max(0, 1 + k.needNoise * uniform(-1, 1)) : 1;
        const need = level * part * Math.pow(1 + growth, t) * noise;
        needCostPerMonth += need * s.unitCostEur;
        const priority = r === 0 ? undefined : significant(s.priority * uniform(0.3, 1), 3);
        needs.push([s.code, formatMonth(first + t), quantity(need), recipient, priority, SYNTHETIC_SOURCE]);
      }
    });
  });
  needCostPerMonth /= k.months;

  // Money: the needs' cost spread over payers by GDP, times a factor drawn per payer.
  const funds = Array.from({ length: k.funds }, (_, f) => ({ code: `FUND-${f + 1}`, name: `Synthetic fund ${f + 1}`, group: f % 2 === 0 ? 'eu' : 'broker' }));
  const gdpTotal = countries.reduce((a, c) => a + c.gdpEur, 0);
  const payers = [
    ...countries.map((c) => ({ code: c.code, weight: (c.gdpEur / gdpTotal) * (funds.length > 0 ? 0.7 : 1) })),
    ...funds.map((f) => ({ code: f.code, weight: 0.3 / funds.length })),
  ];
  const budgets: Cell[][] = [];
  const years = Math.floor((first + k.months - 1) / 12) - Math.floor(first / 12) + 1;
  for (const payer of payers) {
    const pays = payer.code.startsWith('FUND-') || chance(k.payerShare);
    const factor = pays ? k.money * logUniform(1 / k.moneySpread, k.moneySpread) : 0;
    const monthly = needCostPerMonth * payer.weight * factor;
    if (k.monthlyBudgets) {
      for (let t = 0; t < k.months; t++) budgets.push([payer.code, formatMonth(first + t), Math.round(monthly * uniform(0.3, 1.7)), SYNTHETIC_SOURCE]);
    } else {
      for (let y = 0; y < years; y++) budgets.push([payer.code, String(Math.floor(first / 12) + y), Math.round(monthly * 12 * uniform(0.8, 1.3)), SYNTHETIC_SOURCE]);
    }
  }

  const stocks = systems.filter(() => chance(k.stockShare)).map((s) => {
    const online = lines.filter((l) => l.system === s.code).reduce((a, l) => a + l.capacity, 0);
    return [s.code, quantity(Math.max(online, 1) * uniform(1, 6)), SYNTHETIC_SOURCE];
  });

  const scenario = k.financing === 'pooled'
    ? [[STRESS_SCENARIO, 'Pooled financing', 'financing', undefined, 'pooled'], ...(k.fairShare > 0 ? [[STRESS_SCENARIO, undefined, 'fair_share', undefined, k.fairShare]] : [])]
    : [[STRESS_SCENARIO, 'As generated', undefined, undefined, undefined]];

  const capacityHeader = ['country', 'system', 'producer', 'capacity_per_month', 'max_capacity_per_month', 'max_expansion_per_month', 'lead_time_months', 'unit_cost_eur', 'expansion_cost_eur'];
  const out: Record<string, string> = {
    'countries.csv': table(['country', 'name', 'gdp_eur', 'group', 'source'], countries.map((c) => [c.code, c.name, c.gdpEur, c.group, SYNTHETIC_SOURCE])),
    'systems.csv': table(['system', 'name', 'category', 'unit', 'priority', 'source'], systems.map((s) => [s.code, s.name, s.category, s.unit, s.priority, SYNTHETIC_SOURCE])),
    'capacity.csv': table(
      [...capacityHeader, ...(k.maxDeliveryLag > 0 ? ['delivery_lag_months'] : []), 'source'],
      lines.map((l) => [l.country, l.system, l.producer, l.capacity, l.ceiling, l.ramp, l.lead, l.unitCostEur, l.expansionCostEur, ...(k.maxDeliveryLag > 0 ? [l.lag] : []), SYNTHETIC_SOURCE]),
    ),
    'needs.csv': table(['system', 'period', 'quantity', 'recipient', 'priority', 'source'], needs),
    'budgets.csv': table([v2 ? 'payer' : 'country', 'period', 'budget_eur', 'source'], budgets),
    'scenarios.csv': table(['scenario', 'description', 'setting', 'target', 'value'], scenario),
    'sources.csv': table(['source', 'title', 'url', 'published', 'basis'], [[SYNTHETIC_SOURCE, `Synthetic stress data (seed ${k.seed})`, undefined, undefined, 'assumption']]),
  };
  if (stocks.length > 0) out['stocks.csv'] = table(['system', 'quantity', 'source'], stocks);
  if (funds.length > 0) out['funds.csv'] = table(['fund', 'name', 'group', 'source'], funds.map((f) => [f.code, f.name, f.group, SYNTHETIC_SOURCE]));
  if (materials.length > 0 && bom.length > 0) {
    out['materials.csv'] = table(['material', 'name', 'unit', 'source'], materials.filter((m) => materialVolume.has(m.code)).map((m) => [m.code, m.name, m.unit, SYNTHETIC_SOURCE]));
    out['bom.csv'] = table(['system', 'material', 'quantity_per_unit', 'source'], bom);
  }
  if (k.commitmentShare > 0) out['commitments.csv'] = table(['country', 'system', 'producer', 'period', 'quantity', 'customer', 'source'], commitmentRows());
  if (k.channels > 0 || funds.length > 0) out['channels.csv'] = table(['channel', 'payer', 'seller', 'product', 'max_share', 'price_factor', 'description', 'source'], channelRows());
  return out;

  /** Year rows of at most 60 % of the starting capacity a month (a commitment never exceeds it). */
  function commitmentRows(): Cell[][] {
    const rows: Cell[][] = [];
    for (const l of lines) {
      if (l.capacity <= 0 || !chance(k.commitmentShare)) continue;
      const perMonth = l.capacity * uniform(0.1, 0.6);
      for (let y = 0; y < years; y++) rows.push([l.country, l.system, l.producer, String(Math.floor(first / 12) + y), Math.floor(perMonth * 12), 'other customers', SYNTHETIC_SOURCE]);
    }
    return rows;
  }

  /** Every payer's own industry; per country a few allied channels; every fund to a group of sellers. */
  function channelRows(): Cell[][] {
    const sellers = [...new Set(lines.map((l) => l.country))];
    // A channel must reach a line for each of its payers: own industry only where there is one.
    const rows: Cell[][] = sellers.map((c) => [`own-${c}`, c, 'own', '*', 1, 1, 'Own industry', SYNTHETIC_SOURCE]);
    const coreSells = countries.some((c) => c.group === 'core' && sellers.includes(c.code));
    for (const c of countries) {
      // A country without industry gets at least one allied channel, so its money is not stranded.
      const count = Math.max(k.channels, sellers.includes(c.code) ? 0 : 1);
      for (let n = 0; n < count; n++) {
        const seller = sellers[integer(0, sellers.length - 1)]!;
        if (seller === c.code) continue;
        const id = `${c.code}-${seller}-${n + 1}`;
        rows.push([id, c.code, seller, '*', significant(uniform(0.1, 1), 2), significant(uniform(1, 1.25), 3), 'Allied purchase', SYNTHETIC_SOURCE]);
      }
    }
    funds.forEach((f, i) => {
      rows.push([`${f.code}-all`, f.code, i % 2 === 0 && coreSells ? 'group:core' : '*', '*', 1, i % 2 === 0 ? 1 : 1.1, 'Fund purchases', SYNTHETIC_SOURCE]);
    });
    return rows;
  }
}
