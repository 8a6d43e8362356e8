import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderContents } from '../helpers/compare-folders.js';
import { EXAMPLE, runBuiltCli, runBuiltCliAsync, tempDir } from '../helpers/run-built-cli.js';

type Command = 'plan' | 'guarantees' | 'risk';

const ARGS: Record<Command, string[]> = {
  plan: ['plan', '--data', EXAMPLE, '--no-explain'],
  guarantees: ['guarantees', '--data', EXAMPLE, '--no-explain', '--from', '2026-03'],
  risk: ['risk', '--data', EXAMPLE, '--samples', '2', '--jobs', '1'],
};

/**
 * Every order of the three commands, in one folder: in this sequence (a superpermutation) every
 * permutation of plan, guarantees and risk is three consecutive runs, and what a folder holds after
 * a run depends only on the last run of each command.
 */
const SEQUENCE: Command[] = ['plan', 'guarantees', 'risk', 'plan', 'guarantees', 'plan', 'risk', 'guarantees', 'plan'];

const PROMISES = ['guarantees.csv', 'promises.csv', 'promise_prices.csv'];

/** The files of one command run alone into a fresh folder: what it writes, byte for byte. */
async function alone(command: Command): Promise<Record<string, string>> {
  const out = tempDir();
  const run = await runBuiltCliAsync([...ARGS[command], '--out', out]);
  expect(run.status, run.stderr).toBe(0);
  return folderContents(join(out, 'baseline'));
}

const pick = (files: Record<string, string>, keep: (name: string) => boolean) => Object.fromEntries(Object.entries(files).filter(([name]) => keep(name)));
const isRisk = (name: string) => name.startsWith('risk/') || name.startsWith('risk\\');
const isPlan = (name: string) => !isRisk(name) && !PROMISES.includes(name);

describe('issue 31.1: no run deletes what it did not write', () => {
  it('plan, guarantees and risk into one folder, in every order, leave all three sets of files intact', async () => {
    const [plan, guarantees, risk] = await Promise.all((['plan', 'guarantees', 'risk'] as const).map(alone));
    const reference = { plan: plan!, guarantees: guarantees!, risk: risk! };
    const out = tempDir();
    const orders = new Set<string>();
    for (const [i, command] of SEQUENCE.entries()) {
      const run = runBuiltCli([...ARGS[command], '--out', out]);
      expect(run.status, `${command}: ${run.stderr}`).toBe(0);
      if (i < 2) continue;
      const order = SEQUENCE.slice(i - 2, i + 1);
      if (new Set(order).size === 3) orders.add(order.join(' -> '));
      const label = `after ${SEQUENCE.slice(0, i + 1).join(', ')}`;
      const folder = folderContents(join(out, 'baseline'));
      // risk/ as risk wrote it; the promise files as guarantees wrote them; the plan's files of whichever of plan and guarantees ran last.
      expect(pick(folder, isRisk), label).toEqual(pick(reference.risk, isRisk));
      expect(pick(folder, (n) => PROMISES.includes(n)), label).toEqual(pick(reference.guarantees, (n) => PROMISES.includes(n)));
      const lastPlan = SEQUENCE.slice(0, i + 1).filter((c) => c !== 'risk').at(-1)!;
      expect(pick(folder, isPlan), label).toEqual(pick(reference[lastPlan], isPlan));
      expect(readdirSync(out), label).toEqual(['baseline']);
    }
    expect(orders.size).toBe(6);
  }, 300_000);

  it("a plan replaces its own files (a report.xlsx it no longer writes goes), keeps what is not rampup's, and says what it kept", () => {
    const out = tempDir();
    expect(runBuiltCli([...ARGS.plan, '--xlsx', '--out', out]).status).toBe(0);
    const folder = join(out, 'baseline');
    expect(existsSync(join(folder, 'report.xlsx'))).toBe(true);
    writeFileSync(join(folder, 'notes.txt'), 'my notes\n');
    const run = runBuiltCli([...ARGS.plan, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(folder, 'report.xlsx'))).toBe(false);
    expect(readdirSync(folder)).toContain('notes.txt');
    expect(run.stdout).toContain('kept beside them, from earlier runs: notes.txt (not rampup)');
  }, 120_000);

  it('scenarios keep the promise files that guarantees wrote in a scenario folder, and say so', () => {
    const out = tempDir();
    expect(runBuiltCli([...ARGS.guarantees, '--out', out]).status).toBe(0);
    const promises = pick(folderContents(join(out, 'baseline')), (n) => PROMISES.includes(n));
    expect(runBuiltCli(['scenarios', '--data', EXAMPLE, '--only', 'baseline', '--out', out, '--jobs', '1']).status).toBe(0);
    expect(pick(folderContents(join(out, 'baseline')), (n) => PROMISES.includes(n))).toEqual(promises);
    // A plan after guarantees names what it kept, and by which command.
    const plan = runBuiltCli([...ARGS.plan, '--out', out]);
    expect(plan.stdout).toContain('kept beside them, from earlier runs: guarantees.csv, promise_prices.csv, promises.csv (rampup guarantees)');
  }, 120_000);
});
