import type { PlanOutcome } from '../plan-options.js';
import { formatMonth } from '../inputs/periods.js';
import { humanEuros, humanPercent, humanUnits } from '../base/format-number.js';
import { RISK_FOLDER, writerOf } from '../render/report-file-owners.js';
import { totalsByChannel } from '../results/channel-totals.js';
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
          ...(outcome.plan.guarantees
            ? {
                promises: promisesJson(outcome),
              }
            : {}),
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
  out(`  fill rate           ${pc(summary.fillRate)} of units needed (${pc(summary.weightedFillRate)} weighted by priority)`);
  out(`  weighted shortfall  ${summary.weightedShortfall.toFixed(1)}`);
  out(`  money spent         ${humanEuros(summary.moneySpentEur)} of ${humanEuros(summary.budgetEur)} available (lines cost ${humanEuros(summary.totalCostEur)})`);
  if (worst.length === 0) out('  every need is met in every month');
  else {
    out('  worst gaps:');
    const width = Math.max(...worst.map((s) => s.name.length));
    const short = worst.map((s) => `${humanUnits(s.shortfall)} ${s.unit}s`);
    const shortWidth = Math.max(...short.map((s) => s.length));
    worst.forEach((s, i) => out(`    ${s.name.padEnd(width)}  ${pc(s.fillRate).padStart(7)} filled  ${short[i]!.padStart(shortWidth)} short  cause: ${s.mainCause ?? '-'}`));
  }
  const channels = totalsByChannel(outcome.plan.moneyFlows).filter((c) => c.paidEur >= 0.5);
  if (outcome.plan.input.financing.kind === 'channels' && channels.length > 0) {
    out(`  money mostly through ${channels.slice(0, 3).map((c) => `${c.key} (${humanEuros(c.paidEur)})`).join(', ')}; money_flows.csv has every flow`);
  }
  printPromises(outcome, out);
  if (manifest.solver.tieBreak.includes('not applied')) out(`  note: the tie-break (deliver soonest) was ${manifest.solver.tieBreak.replace(/^\w+, /, '')}; months may zig-zag`);
  out(`  reports: ${target}/ (written in ${Math.round(writeMs)} ms): open report.html there, or start with summary.md`);
  if (written.kept.length > 0) out(`  kept beside them, from earlier runs: ${keptWords(written.kept)}`);
}

/** The promises of the JSON summary, from the --from month as in the terminal and promises.csv. */
function promisesJson(outcome: PlanOutcome): object {
  const g = outcome.plan.guarantees!;
  const t = g.from ?? 0;
  return {
    recipient: g.recipient,
    from: formatMonth(outcome.plan.input.months[t]!),
    allAtOnce: g.joint.points[t]!.level,
    allAtOnceUnlimited: g.joint.points[t]!.levelUnlimited,
    ifServedFirst: Object.fromEntries(g.systems.map((s) => [s.system, s.points[t]!.level])),
  };
}

/** What can be promised from the --from month (the first month without it), as promises.csv says it. */
function printPromises(outcome: PlanOutcome, out: (text: string) => void): void {
  const g = outcome.plan.guarantees;
  if (!g) return;
  const t = g.from ?? 0;
  const from = formatMonth(outcome.plan.input.months[t]!);
  const when = g.from === undefined ? 'every month of the horizon' : `every month from ${from} on`;
  out(`  what can be promised to ${g.recipient}, ${when} (a system's promise assumes it is served first; the plan's lowest month beside it):`);
  const width = Math.max(...g.systems.map((s) => s.name.length), 'all systems at once'.length);
  for (const s of [...g.systems, g.joint]) {
    const p = s.points[t]!;
    const price = g.from === undefined ? '' : `  100 % from ${from}: ${s.extraMoneyFromEur === undefined ? 'impossible at any price' : `${humanEuros(s.extraMoneyFromEur)} more`}`;
    out(`    ${s.name.padEnd(width)}  ${pc(p.level).padStart(7)}  (${pc(p.levelUnlimited)} with unlimited money; the plan: ${pc(p.planLowest)})${price}`);
  }
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
