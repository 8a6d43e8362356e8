import { join } from 'node:path';
import type { PlanOutcome } from '../plan-options.js';
import { formatMonth } from '../inputs/periods.js';
import { humanEuros, humanPercent, humanUnits } from '../base/format-number.js';
import { largestLevers } from '../render/what-money-bought.js';
import { splitApplied } from '../scenario/applied-settings.js';

const pc = humanPercent;

/** The terminal summary of one plan: headline, the five worst gaps, where the files went. */
export function printPlanSummary(outcome: PlanOutcome, target: string, writeMs: number, json: boolean, out: (text: string) => void): void {
  const { summary, manifest } = outcome;
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
                promises: {
                  recipient: outcome.plan.guarantees.recipient,
                  allAtOnce: outcome.plan.guarantees.joint.level,
                  allAtOnceUnlimited: outcome.plan.guarantees.joint.levelUnlimited,
                  ifServedFirst: Object.fromEntries(outcome.plan.guarantees.systems.map((s) => [s.system, s.level])),
                },
              }
            : {}),
          warnings: manifest.warnings.length,
          model: manifest.model,
          solver: manifest.solver,
          out: target,
        },
        null,
        2,
      ),
    );
    return;
  }
  const seconds = ((manifest.timings.solve ?? 0) / 1000).toFixed(2);
  const settings = onTop.length > 0 ? ` with ${onTop.join(', ')} on top` : '';
  out(`rampup: scenario ${outcome.scenario.name}${settings}, ${manifest.data.months.first} to ${manifest.data.months.last}, solved by ${manifest.solver.name} in ${seconds} s (${manifest.model.variables} variables, ${manifest.model.constraints} constraints)`);
  out(`  fill rate           ${pc(summary.fillRate)} of units needed (${pc(summary.weightedFillRate)} weighted by priority)`);
  out(`  weighted shortfall  ${summary.weightedShortfall.toFixed(1)}`);
  out(`  money spent         ${humanEuros(summary.moneySpentEur)} of ${humanEuros(summary.budgetEur)} available (lines cost ${humanEuros(summary.totalCostEur)})`);
  const bought = largestLevers(outcome.plan, summary.levers);
  if (bought.length > 0) out(`  money bought        ${bought.join('; ')}`);
  if (worst.length === 0) out('  every need is met in every month');
  else {
    out('  worst gaps:');
    const width = Math.max(...worst.map((s) => s.name.length));
    const short = worst.map((s) => `${humanUnits(s.shortfall)} ${s.unit}s`);
    const shortWidth = Math.max(...short.map((s) => s.length));
    worst.forEach((s, i) => out(`    ${s.name.padEnd(width)}  ${pc(s.fillRate).padStart(7)} filled  ${short[i]!.padStart(shortWidth)} short  cause: ${s.mainCause ?? '-'}`));
  }
  const g = outcome.plan.guarantees;
  if (g) {
    const from = g.from !== undefined ? outcome.plan.input.months[g.from] : undefined;
    out(`  what can be promised to ${g.recipient}, every month of the horizon (a system's promise assumes it is served first; the plan's lowest month beside it):`);
    const width = Math.max(...g.systems.map((s) => s.name.length), 'all systems at once'.length);
    for (const s of [...g.systems, g.joint]) {
      const price = from === undefined ? '' : `  100 % from ${formatMonth(from)}: ${s.extraMoneyFromEur === undefined ? 'impossible at any price' : `${humanEuros(s.extraMoneyFromEur)} more`}`;
      out(`    ${s.name.padEnd(width)}  ${pc(s.level).padStart(7)}  (${pc(s.levelUnlimited)} with unlimited money; the plan: ${pc(s.points[0]!.planLowest)})${price}`);
    }
  }
  if (manifest.solver.tieBreak.includes('not applied')) out(`  note: the tie-break (deliver soonest) was ${manifest.solver.tieBreak.replace(/^\w+, /, '')}; months may zig-zag`);
  out(`  reports: ${target}/ (written in ${Math.round(writeMs)} ms); open ${join(target, 'report.html')}, or start with ${join(target, 'summary.md')}`);
}
