import { setFlagsFromString } from 'node:v8';

/** Below this many columns one plan's solves are shorter than V8's optimising compile of HiGHS. */
const BASELINE_COMPILER_BELOW_COLUMNS = 20_000;

/**
 * For one small plan V8's baseline WebAssembly compiler alone is faster overall: the
 * optimising tier costs more CPU in the background than the whole solve (bundled data:
 * 1.2 s -> 1.0 s wall). Set RAMPUP_WASM_TIER_UP=1 to keep the optimising tier. Given to
 * the engine as SolveOptions.beforeEngineLoad by the shell (CLI, workers, benchmarks).
 */
export function preferBaselineWasmCompiler(columns: number): void {
  if (columns < BASELINE_COMPILER_BELOW_COLUMNS && !process.env.RAMPUP_WASM_TIER_UP) setFlagsFromString('--liftoff-only');
}

/**
 * The engine-load hook for a thread that makes `plans` plans (or, for `rampup guarantees`, the
 * hundreds of solves of its promise curves): the baseline compiler only for a single plan.
 * From the second plan on, the optimised code pays for its compile: a 201-run sweep of the
 * bundled data took 67 s with the baseline compiler and 47 s with both tiers, and the
 * promise curves 7.8 s against 5.0 s.
 */
export function engineLoadHook(plans: number): ((columns: number) => void) | undefined {
  return plans <= 1 ? preferBaselineWasmCompiler : undefined;
}
