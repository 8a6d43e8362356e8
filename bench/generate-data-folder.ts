/**
 * A seeded generator of synthetic data folders for benchmarks: the same seed gives the same
 * CSV texts, byte for byte. The shape follows the bundled data set (data/): a few lines per
 * system spread over countries, unit costs from a few hundred euros (drones) to tens of
 * millions (tanks), priorities proportional to unit cost, budgets that bind for some countries
 * and not for others, and needs that outgrow capacity for some systems, so that the plan has
 * gaps of every kind. Pure: no disk, no clock, no Math.random.
 */
/** A month as year * 12 + (month - 1), as rampup counts them. */
const parseMonth = (text: string): number => Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;
export const formatMonth = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

export interface GeneratorOptions {
  readonly countries: number;
  readonly systems: number;
  readonly months: number;
  readonly seed: number;
  /**
   * Average production lines per system. Defaults to 346 / 30 at 31 countries (the EU-27 and
   * four partners in issue 8), scaled in proportion to the number of countries.
   */
  readonly linesPerSystem?: number;
}

/** Lines per (country x system) pair in the reference size: 346 lines at 31 x 30. */
export const LINES_PER_COUNTRY_AND_SYSTEM = 346 / (31 * 30);

/** The source id every row cites. */
export const SYNTHETIC_SOURCE = 'synthetic';

/** First month of every generated horizon. */
export const FIRST_MONTH = '2026-01';
const FIRST = parseMonth(FIRST_MONTH)!;

/** A second recipient for some systems (model.md: "an Eastern-flank stockpile as a second"). */
const SECOND_RECIPIENT = 'eastern-flank';

/** Kinds of system, from cheap and plentiful to dear and few. Cost range in EUR per unit. */
export const ARCHETYPES = [
  { slug: 'shell-155', name: '155 mm artillery round', category: 'artillery-ammunition', unit: 'round', cost: [2_500, 5_000], tier: 3 },
  { slug: 'sam-long', name: 'Long-range air-defence interceptor', category: 'air-defence', unit: 'missile', cost: [2_000_000, 4_000_000], tier: 4 },
  { slug: 'fpv-drone', name: 'FPV strike drone', category: 'drones', unit: 'drone', cost: [300, 800], tier: 2 },
  { slug: 'sam-medium', name: 'Medium-range air-defence interceptor', category: 'air-defence', unit: 'missile', cost: [800_000, 1_500_000], tier: 4 },
  { slug: 'mortar-120', name: '120 mm mortar bomb', category: 'artillery-ammunition', unit: 'round', cost: [800, 1_500], tier: 3 },
  { slug: 'interceptor-drone', name: 'Interceptor drone', category: 'drones', unit: 'drone', cost: [2_000, 6_000], tier: 3 },
  { slug: 'shorad-missile', name: 'Short-range air-defence missile', category: 'air-defence', unit: 'missile', cost: [150_000, 400_000], tier: 4 },
  { slug: 'long-range-drone', name: 'Long-range strike drone', category: 'drones', unit: 'drone', cost: [30_000, 200_000], tier: 2 },
  { slug: 'howitzer-155', name: '155 mm self-propelled howitzer', category: 'artillery', unit: 'howitzer', cost: [3_000_000, 12_000_000], tier: 1 },
  { slug: 'rocket-227', name: '227 mm guided rocket', category: 'artillery-ammunition', unit: 'rocket', cost: [100_000, 200_000], tier: 3 },
  { slug: 'atgm', name: 'Anti-tank guided missile', category: 'anti-armour', unit: 'missile', cost: [80_000, 250_000], tier: 2 },
  { slug: 'ifv', name: 'Infantry fighting vehicle', category: 'armour', unit: 'vehicle', cost: [4_000_000, 10_000_000], tier: 1 },
  { slug: 'mbt', name: 'Main battle tank', category: 'armour', unit: 'tank', cost: [10_000_000, 30_000_000], tier: 1 },
] as const;

/** The EU-27 and four partners first (the 31), then further partners. */
const COUNTRIES: readonly (readonly [string, string])[] = [
  ['AT', 'Austria'], ['BE', 'Belgium'], ['BG', 'Bulgaria'], ['HR', 'Croatia'], ['CY', 'Cyprus'], ['CZ', 'Czechia'],
  ['DK', 'Denmark'], ['EE', 'Estonia'], ['FI', 'Finland'], ['FR', 'France'], ['DE', 'Germany'], ['GR', 'Greece'],
  ['HU', 'Hungary'], ['IE', 'Ireland'], ['IT', 'Italy'], ['LV', 'Latvia'], ['LT', 'Lithuania'], ['LU', 'Luxembourg'],
  ['MT', 'Malta'], ['NL', 'Netherlands'], ['PL', 'Poland'], ['PT', 'Portugal'], ['RO', 'Romania'], ['SK', 'Slovakia'],
  ['SI', 'Slovenia'], ['ES', 'Spain'], ['SE', 'Sweden'], ['GB', 'United Kingdom'], ['NO', 'Norway'], ['UA', 'Ukraine'],
  ['US', 'United States'], ['CA', 'Canada'], ['TR', 'Turkey'], ['CH', 'Switzerland'], ['IS', 'Iceland'], ['AL', 'Albania'],
  ['ME', 'Montenegro'], ['MK', 'North Macedonia'], ['RS', 'Serbia'], ['BA', 'Bosnia and Herzegovina'], ['MD', 'Moldova'],
  ['GE', 'Georgia'], ['AU', 'Australia'], ['JP', 'Japan'], ['KR', 'South Korea'], ['NZ', 'New Zealand'], ['IL', 'Israel'],
  ['SG', 'Singapore'], ['ZA', 'South Africa'], ['BR', 'Brazil'], ['IN', 'India'], ['MX', 'Mexico'], ['CL', 'Chile'],
  ['AE', 'United Arab Emirates'], ['SA', 'Saudi Arabia'], ['MA', 'Morocco'], ['ID', 'Indonesia'], ['PH', 'Philippines'],
];

/** Reads a size written `CxSxT` (countries x systems x months), e.g. `31x30x36`. */
export function parseFolderSize(text: string): Pick<GeneratorOptions, 'countries' | 'systems' | 'months'> | undefined {
  const m = /^(\d+)x(\d+)x(\d+)$/.exec(text);
  return m ? { countries: Number(m[1]), systems: Number(m[2]), months: Number(m[3]) } : undefined;
}

/** mulberry32: a small, fast 32-bit generator; good enough for test data, and portable. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Country {
  readonly code: string;
  readonly name: string;
  readonly gdpEur: number;
  readonly group: string;
}

interface System {
  readonly code: string;
  readonly name: string;
  readonly category: string;
  readonly unit: string;
  readonly priority: number;
  /** Typical price of one unit, EUR. */
  readonly unitCostEur: number;
}

/** A generated production line, before it is written as a row of capacity.csv. */
export interface GeneratedLine {
  readonly country: string;
  readonly system: string;
  readonly producer: string;
  readonly capacity: number;
  readonly ceiling: number | undefined;
  readonly ramp: number | undefined;
  readonly lead: number | undefined;
  readonly unitCostEur: number;
  readonly expansionCostEur: number | undefined;
}

/** CSV texts for countries, systems, capacity, needs, budgets and sources, in the contract's format. */
export function generateDataFolder(options: GeneratorOptions): Record<string, string> {
  const { countries: countryCount, systems: systemCount, months, seed } = options;
  for (const [name, value] of [['countries', countryCount], ['systems', systemCount], ['months', months]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number >= 1, got ${value}`);
  }
  const codes = countryCodes(countryCount);
  const random = mulberry32(seed);
  const uniform = (lo: number, hi: number) => lo + (hi - lo) * random();
  const logUniform = (lo: number, hi: number) => Math.exp(uniform(Math.log(lo), Math.log(hi)));
  const integer = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

  const countries: Country[] = codes.map(([code, name], i) => ({
    code,
    name,
    gdpEur: significant(logUniform(2e10, 4e12), 3),
    group: ['core', 'reinforce', 'wider'][Math.floor((3 * i) / countryCount)]!,
  }));

  const systems: System[] = Array.from({ length: systemCount }, (_, i) => {
    const kind = ARCHETYPES[i % ARCHETYPES.length]!;
    const variant = Math.floor(i / ARCHETYPES.length) + 1;
    const unitCostEur = significant(logUniform(kind.cost[0], kind.cost[1]), 3);
    return {
      code: variant === 1 ? kind.slug : `${kind.slug}-${variant}`,
      name: variant === 1 ? kind.name : `${kind.name} (variant ${variant})`,
      category: kind.category,
      unit: kind.unit,
      // As in data/: unit cost in EUR thousand times an urgency tier.
      priority: significant((unitCostEur / 1000) * kind.tier, 3),
      unitCostEur,
    };
  });
  /** Money the existing lines of a system turn over in a month, EUR: 40 m to 400 m. */
  const monthlyTurnover = systems.map(() => logUniform(4e7, 4e8));
  const baseCapacity = systems.map((s, i) => monthlyTurnover[i]! / s.unitCostEur);

  const lineCounts = countLines(systemCount, countryCount, options.linesPerSystem ?? Math.max(1, countryCount * LINES_PER_COUNTRY_AND_SYSTEM), random, integer);
  const lines = placeLines();
  const needs = needRows();
  const budgets = budgetRows();
  return {
    'countries.csv': table(['country', 'name', 'gdp_eur', 'group', 'source'], countries.map((c) => [c.code, c.name, c.gdpEur, c.group, SYNTHETIC_SOURCE])),
    'systems.csv': table(
      ['system', 'name', 'category', 'unit', 'priority', 'source'],
      systems.map((s) => [s.code, s.name, s.category, s.unit, s.priority, SYNTHETIC_SOURCE]),
    ),
    'capacity.csv': table(
      ['country', 'system', 'producer', 'capacity_per_month', 'max_capacity_per_month', 'max_expansion_per_month', 'lead_time_months', 'unit_cost_eur', 'expansion_cost_eur', 'source'],
      lines.map((l) => [l.country, l.system, l.producer, l.capacity, l.ceiling, l.ramp, l.lead, l.unitCostEur, l.expansionCostEur, SYNTHETIC_SOURCE]),
    ),
    'needs.csv': table(['system', 'period', 'quantity', 'recipient', 'priority', 'source'], needs),
    'budgets.csv': table(['country', 'period', 'budget_eur', 'source'], budgets),
    'sources.csv': table(
      ['source', 'title', 'url', 'published', 'basis'],
      [[SYNTHETIC_SOURCE, `Synthetic benchmark data: ${countryCount} countries x ${systemCount} systems x ${months} months; seed ${seed}`, undefined, undefined, 'assumption']],
    ),
  };

  function placeLines(): GeneratedLine[] {
    // Larger economies host more lines, but small ones still get some (weight ~ sqrt(GDP)).
    const weight = countries.map((c) => Math.sqrt(c.gdpEur));
    const out: GeneratedLine[] = [];
    systems.forEach((system, s) => {
      const count = lineCounts[s]!;
      if (count === 0) return;
      // Weighted sampling without replacement (Efraimidis-Spirakis, key u^(1/w) taken as a log);
      // past one line per country, a second plant.
      const order = countries.map((_, c) => ({ c, key: Math.log(random()) / weight[c]! })).sort((a, b) => b.key - a.key || a.c - b.c);
      const shares = Array.from({ length: count }, () => logUniform(0.2, 5));
      const shareTotal = shares.reduce((a, v) => a + v, 0);
      const plants = new Map<string, number>();
      for (let k = 0; k < count; k++) {
        const country = countries[order[k % order.length]!.c]!.code;
        const plant = (plants.get(country) ?? 0) + 1;
        plants.set(country, plant);
        const share = (baseCapacity[s]! * shares[k]!) / shareTotal;
        const unitCostEur = significant(system.unitCostEur * uniform(0.85, 1.2), 3);
        const fresh = random() < 0.15; // a new plant: nothing online yet
        const expandable = fresh || random() < 0.6;
        const capacity = fresh ? 0 : quantity(share);
        const ceiling = expandable ? quantity(fresh ? share * uniform(0.5, 1.5) : capacity * uniform(1.3, 4)) : random() < 0.5 ? capacity : undefined;
        const ramp = expandable && random() < 0.5 ? quantity((ceiling! - capacity) / uniform(3, 10)) : undefined;
        out.push({
          country,
          system: system.code,
          producer: `Plant ${plant}`,
          capacity,
          ceiling,
          ramp,
          lead: expandable ? integer(0, 12) : undefined,
          unitCostEur,
          expansionCostEur: expandable ? significant(unitCostEur * logUniform(3, 20), 3) : undefined,
        });
      }
    });
    return out;
  }

  /** One UA row per system and month; a second recipient for about a quarter of the systems. */
  function needRows(): Cell[][] {
    const rows: Cell[][] = [];
    systems.forEach((system, s) => {
      const capacity = lineCounts[s]! > 0 ? lines.filter((l) => l.system === system.code).reduce((a, l) => a + l.capacity, 0) : 0;
      // Below capacity for some systems, well above (even above the ceiling) for others.
      const level = Math.max(capacity, baseCapacity[s]! * 0.5) * logUniform(0.6, 3.5);
      const growth = uniform(0, 0.02);
      const second = systemCount > 1 && (s === 1 || random() < 0.25);
      const secondFrom = Math.floor(months / 3);
      for (let t = 0; t < months; t++) {
        const month = formatMonth(FIRST + t);
        const need = level * Math.pow(1 + growth, t);
        rows.push([system.code, month, quantity(need), 'UA', undefined, SYNTHETIC_SOURCE]);
        if (second && t >= secondFrom) rows.push([system.code, month, quantity(need * 0.25), SECOND_RECIPIENT, significant(system.priority / 2, 3), SYNTHETIC_SOURCE]);
      }
    });
    return rows;
  }

  /** Annual budgets: about a third of the producing countries cannot pay for their own capacity. */
  function budgetRows(): Cell[][] {
    const rows: Cell[][] = [];
    const firstYear = Math.floor(FIRST / 12);
    const years = Math.floor((FIRST + months - 1) / 12) - firstYear + 1;
    for (const country of countries) {
      const own = lines.filter((l) => l.country === country.code);
      const running = own.reduce((a, l) => a + l.capacity * l.unitCostEur, 0);
      const potential = own.reduce((a, l) => a + (l.ceiling ?? l.capacity) * l.unitCostEur, 0);
      const basis = running > 0 ? running : potential > 0 ? potential / 2 : (country.gdpEur * 0.0005) / 12;
      const factor = random() < 0.35 ? uniform(0.3, 0.8) : uniform(2, 5);
      const growth = uniform(0, 0.1);
      for (let y = 0; y < years; y++) {
        rows.push([country.code, String(firstYear + y), Math.round(basis * factor * 12 * Math.pow(1 + growth, y)), SYNTHETIC_SOURCE]);
      }
    }
    return rows;
  }
}

/**
 * Lines per system: one for each system that has a producer (all but about one in fifteen,
 * at least one from five systems up), the rest drawn in proportion to a random weight.
 * At most two lines per country and system.
 */
function countLines(systems: number, countries: number, perSystem: number, random: () => number, integer: (lo: number, hi: number) => number): number[] {
  const counts = new Array<number>(systems).fill(1);
  const orphans = systems >= 5 ? Math.max(1, Math.round(systems / 15)) : 0;
  for (let k = 0; k < orphans; k++) {
    const producing = counts.flatMap((c, s) => (c > 0 && s > 1 ? [s] : []));
    counts[producing[integer(0, producing.length - 1)]!] = 0;
  }
  const weights = counts.map((c) => (c > 0 ? 0.3 + random() : 0));
  const producing = counts.filter((c) => c > 0).length;
  const most = 2 * countries;
  let left = Math.round(perSystem * systems) - producing;
  for (; left > 0; left--) {
    const open = counts.flatMap((c, s) => (c > 0 && c < most ? [s] : []));
    if (open.length === 0) break;
    let pick = random() * open.reduce((a, s) => a + weights[s]!, 0);
    let chosen = open.at(-1)!;
    for (const s of open) {
      pick -= weights[s]!;
      if (pick < 0) {
        chosen = s;
        break;
      }
    }
    counts[chosen]!++;
  }
  return counts;
}

/** The first `count` country codes: real ones, then unused two-letter codes in order. */
export function countryCodes(count: number): (readonly [string, string])[] {
  const out = COUNTRIES.slice(0, count);
  const used = new Set(out.map(([code]) => code));
  for (let a = 65; a <= 90 && out.length < count; a++) {
    for (let b = 65; b <= 90 && out.length < count; b++) {
      const code = String.fromCharCode(a, b);
      if (!used.has(code)) out.push([code, `Country ${code}`]);
    }
  }
  if (out.length < count) throw new RangeError(`at most ${out.length} countries, got ${count}`);
  return out;
}

export type Cell = string | number | undefined;

export function table(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map((cell) => (cell === undefined ? '' : String(cell))).join(',')).join('\n') + '\n';
}

/** Rounded to `digits` significant digits; String() of the result never has an exponent here. */
export function significant(value: number, digits: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(digits));
}

/** Units per month: whole units from 100 up, else three significant digits. */
export function quantity(value: number): number {
  return value >= 100 ? Math.round(value) : significant(value, 3);
}
