import { Command } from 'commander';
import { TOOL_VERSION } from '../base/version.js';
import type { CliContext, CliIo } from './cli-context.js';
import { registerCompareCommand } from './commands/compare.js';
import { registerInitCommand } from './commands/init.js';
import { registerListCommand } from './commands/list.js';
import { registerMergeCommand } from './commands/merge.js';
import { registerPlanCommands } from './commands/plan.js';
import { registerReplayCommand } from './commands/replay.js';
import { registerRiskCommand } from './commands/risk.js';
import { registerScenariosCommand } from './commands/scenarios.js';
import { registerSweepCommand } from './commands/sweep.js';
import { registerValidateCommand } from './commands/validate.js';
import { EXIT, reportError } from './exit-codes.js';

export type { CliIo } from './cli-context.js';

const EXAMPLES = `
Examples:
  rampup list scenarios                 what the bundled data holds (also: systems, countries, settings)
  rampup plan --scenario pooled         one scenario: reports/pooled/report.html
  rampup scenarios                      every scenario, and reports/comparison.html
  rampup init my-data                   a data folder of your own to start from
Each command has its own examples: rampup plan --help.`;

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Parses the command line, runs one command and returns its exit code (never throws). */
export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let folder: string | undefined;
  let readOnly = false;
  const cli: CliContext = { io, setFolder: (f) => (folder = f), setReadOnly: () => (readOnly = true) };
  const program = new Command('rampup')
    .description('Plan a defence-industrial ramp-up: who makes what, when, and who pays, as a linear program.')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (t) => io.out(t.trimEnd()), writeErr: (t) => io.err(t.trimEnd()) })
    .showHelpAfterError('(run rampup --help for usage)')
    .addHelpText('after', EXAMPLES);
  registerPlanCommands(program, cli);
  registerValidateCommand(program, cli);
  registerInitCommand(program, cli);
  registerScenariosCommand(program, cli);
  registerSweepCommand(program, cli);
  registerMergeCommand(program, cli);
  registerRiskCommand(program, cli);
  registerReplayCommand(program, cli);
  registerCompareCommand(program, cli);
  registerListCommand(program, cli);
  try {
    await program.parseAsync(['node', 'rampup', ...argv]);
    return EXIT.ok;
  } catch (error) {
    return reportError(error, folder, io.err, readOnly);
  }
}
