import { setFlagsFromString } from 'node:v8';

/** Below this many columns a solve is shorter than V8's optimising compile of HiGHS. */
const BASELINE_COMPILER_BELOW_COLUMNS = 20_000;

/**
 * For small models V8's baseline WebAssembly compiler alone is faster overall: the
 * optimising tier costs more CPU in the background than the whole solve (bundled data:
 * 1.2 s -> 1.0 s wall). Set RAMPUP_WASM_TIER_UP=1 to keep the optimising tier. Given to
 * the engine as SolveOptions.beforeEngineLoad by the shell (CLI, workers, benchmarks).
 */
export function preferBaselineWasmCompiler(columns: number): void {
  if (columns < BASELINE_COMPILER_BELOW_COLUMNS && !process.env.RAMPUP_WASM_TIER_UP) setFlagsFromString('--liftoff-only');
}
