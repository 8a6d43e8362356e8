import type { PlanOutcome } from '../plan-options.js';
import type { GuaranteeAnalysis, SystemGuarantee } from '../results/promise-results.js';
import { formatMonth } from '../inputs/periods.js';
import { humanEuros, humanPercent, humanUnits } from '../base/format-number.js';
import { RISK_FOLDER, writerOf } from '../render/report-file-owners.js';
import { totalsByChannel } from '../results/channel-totals.js';
import { systemsByCategory } from '../render/plan-words.js';
import { largestLevers } from '../render/what-money-bought.js';
import { splitApplied } from '../scenario/applied-settings.js';

const pc = humanPercent;

/** The terminal summary of one plan: headline, the five worst gaps, where the files went. */
export function printPlanSummary(outcome: PlanOutcome, written: { target: string; writeMs: number; kept: readonly string[]; against?: object }, json: boolean, out: (text: string) => void): void {
  const { summary, manifest } = outcome;
  const { target, writeMs } = written;
  const worst = summary.worstGaps.slice(0, 5);
  const { onTop } = splitApplied(outcome.scenario);
  if (json) {
    out(
      JSON.stringify(
        {
          scenario: outcome.scenario.name,
          run: manifest.scenario.run,
          settingsOnTop: onTop,
          fillRate: summary.fillRate,
          weightedFillRate: summary.weightedFillRate,
          weightedShortfall: summary.weightedShortfall,
          totalCostEur: summary.totalCostEur,
          moneySpentEur: summary.moneySpentEur,
          budgetEur: summary.budgetEur,
          worstGaps: worst.map((s) => ({ system: s.system, shortfall: s.shortfall, fillRate: s.fillRate, mainCause: s.mainCause ?? null, firstMonthMet: s.firstMonthMet ?? null })),
          deliveredByCategory: Object.fromEntries(systemsByCategory(summary).map(([category, systems]) => [category, Object.fromEntries(systems.map((s) => [s.system, s.fillRate]))])),
          ...(outcome.plan.guarantees ? { promises: promisesJson(outcome.plan.guarantees, outcome.plan.input.months) } : {}),
          warnings: manifest.warnings.length,
          model: manifest.model,
          solver: manifest.solver,
          out: target,
          keptFromEarlierRuns: written.kept,
          ...(written.against ? { against: written.against } : {}),
        },
        null,
        2,
      ),
    );
    return;
  }
  const seconds = ((outcome.timings.solve ?? 0) / 1000).toFixed(2);
  const settings = onTop.length > 0 ? ` with ${onTop.join(', ')} on top` : '';
  out(`rampup: scenario ${outcome.scenario.name}${settings}, ${manifest.data.months.first} to ${manifest.data.months.last}, solved by ${manifest.solver.name} in ${seconds} s (${manifest.model.variables} variables, ${manifest.model.constraints} constraints)`);
  out('  delivered, share of each system\'s need over the horizon, by capability:');
  const categories = systemsByCategory(summary);
  const width = Math.max(...categories.map(([c]) => c.length));
  for (const [category, systems] of categories) out(`    ${category.padEnd(width)}  ${systems.map((s) => `${s.name} ${pc(s.fillRate)}`).join('; ')}`);
  out(`  weighted fill rate  ${pc(summary.weightedFillRate)} (1 - weighted shortfall / weighted need; the weights are systems.csv's priorities)`);
  out(`  money spent         ${humanEuros(summary.moneySpentEur)} of ${humanEuros(summary.budgetEur)} available (lines cost ${humanEuros(summary.totalCostEur)})`);
  const bought = largestLevers(outcome.plan, summary.levers);
  if (bought.length > 0) out(`  money bought        ${bought.join('; ')}`);
  if (worst.length === 0) out('  every need is met in every month');
  else {
    out('  worst gaps:');
    const nameWidth = Math.max(...worst.map((s) => s.name.length));
    const short = worst.map((s) => `${humanUnits(s.shortfall)} ${s.unit}s`);
    const shortWidth = Math.max(...short.map((s) => s.length));
    worst.forEach((s, i) => out(`    ${s.name.padEnd(nameWidth)}  ${pc(s.fillRate).padStart(7)} filled  ${short[i]!.padStart(shortWidth)} short  cause: ${s.mainCause ?? '-'}`));
  }
  const channels = totalsByChannel(outcome.plan.moneyFlows).filter((c) => c.paidEur >= 0.5);
  if (outcome.plan.input.financing.kind === 'channels' && channels.length > 0) {
    out(`  money mostly through ${channels.slice(0, 3).map((c) => `${c.key} (${humanEuros(c.paidEur)})`).join(', ')}; money_flows.csv has every flow`);
  }
  if (outcome.plan.guarantees) printPromises(outcome.plan.guarantees, outcome.plan.input.months, out);
  if (manifest.solver.tieBreak.includes('not applied')) out(`  note: the tie-break (deliver soonest) was ${manifest.solver.tieBreak.replace(/^\w+, /, '')}; months may zig-zag`);
  if (manifest.solver.spread?.includes('not applied')) out(`  note: the spread (stage 4) was ${manifest.solver.spread.replace(/^\w+, /, '')}`);
  out(`  reports: ${target}/ (written in ${Math.round(writeMs)} ms): open report.html there, or start with summary.md`);
  if (written.kept.length > 0) out(`  kept beside them, from earlier runs: ${keptWords(written.kept)}`);
}

/** The promises from the asked month, in words, each system's price at every level, the cheapest and dearest. */
function printPromises(g: GuaranteeAnalysis, months: readonly number[], out: (text: string) => void): void {
  const from = formatMonth(months[g.from]!);
  out(`  what can be promised to ${g.recipient}, every month from ${from} (served first; no month before gets less, cumulatively, than the plan delivers):`);
  const rows = [...g.systems, ...g.categories, g.joint];
  const width = Math.max(...rows.map((s) => s.name.length));
  const levels = [...new Set(g.prices.map((p) => p.level))].sort((a, b) => a - b);
  for (const s of rows) {
    const prices = g.prices.filter((p) => p.system === s.system);
    const price = prices.length === 0 ? '' : `  cost of ${levels.map((l) => `${Math.round(100 * l)}`).join('/') + ' %'}: ${prices.map((p) => (p.extraMoneyEur === undefined ? 'impossible' : humanEuros(p.extraMoneyEur))).join(' / ')}`;
    out(`    ${s.name.padEnd(width)}  ${pc(s.asked.level).padStart(7)}  (${pc(s.asked.levelEarlierFree)} if the months before were free; ${pc(s.asked.levelUnlimited)} with unlimited money; the plan: ${pc(s.asked.planLowest)})${price}`);
  }
  const priced = g.prices.filter((p) => p.extraMoneyEur !== undefined && p.extraMoneyEur > 0.5).sort((a, b) => a.extraMoneyEur! - b.extraMoneyEur! || a.system.localeCompare(b.system));
  const name = (code: string) => g.systems.find((s) => s.system === code)?.name ?? code;
  if (priced.length > 0) {
    const cheap = priced[0]!;
    const dear = priced.at(-1)!;
    out(`  cheapest promise that costs anything: ${name(cheap.system)} at ${pc(cheap.level)}, ${humanEuros(cheap.extraMoneyEur!)}; dearest: ${name(dear.system)} at ${pc(dear.level)}, ${humanEuros(dear.extraMoneyEur!)}`);
  }
}

/** The promises as JSON: the asked month, and per system, category and all: the promise, version 2's, unlimited money and the prices. */
function promisesJson(g: GuaranteeAnalysis, months: readonly number[]): object {
  const one = (s: SystemGuarantee) => ({
    promise: s.asked.level,
    promiseEarlierMonthsFree: s.asked.levelEarlierFree,
    promiseUnlimitedMoney: s.asked.levelUnlimited,
    prices: Object.fromEntries(g.prices.filter((p) => p.system === s.system).map((p) => [String(Math.round(p.level * 100)), p.extraMoneyEur ?? null])),
  });
  return { recipient: g.recipient, from: formatMonth(months[g.from]!), systems: Object.fromEntries([...g.systems, ...g.categories, g.joint].map((s) => [s.system, one(s)])) };
}

/** `guarantees.csv, promises.csv (rampup guarantees), risk/ (rampup risk)`: what another command wrote, by command. */
function keptWords(kept: readonly string[]): string {
  const byWriter = new Map<string, string[]>();
  for (const entry of kept) {
    const writer = writerOf(entry) ?? 'not rampup';
    byWriter.set(writer, [...(byWriter.get(writer) ?? []), entry === RISK_FOLDER ? `${entry}/` : entry]);
  }
  return [...byWriter].map(([writer, entries]) => `${entries.join(', ')} (${writer})`).join('; ');
}
