import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-built-cli.js';
import { findCycles, importGraph, readSources, shellViolations, type SourceFile } from '../helpers/source-graph.js';

const SOURCES = readSources(join(ROOT, 'src'));

describe('the shape of src/', () => {
  it('has no import cycles (type-only and dynamic imports included)', () => {
    expect(findCycles(importGraph(SOURCES))).toEqual([]);
  });

  it('touches the disk, threads, V8 and process only in io/, cli/ and run/', () => {
    expect(shellViolations(SOURCES)).toEqual([]);
  });

  it('has no file above 300 lines', () => {
    const long = SOURCES.map((f) => ({ path: f.path, lines: f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0) })).filter((f) => f.lines > 300);
    expect(long).toEqual([]);
  });

  it('keeps the pipeline folders the README maps', () => {
    const folders = new Set(SOURCES.map((f) => f.path.split('/')[0]).filter((p) => !p!.endsWith('.ts')));
    expect([...folders].sort()).toEqual(['analyses', 'cli', 'inputs', 'io', 'model', 'render', 'results', 'run', 'scenario', 'solve']);
  });
});

describe('the checks themselves', () => {
  const file = (path: string, text: string): SourceFile => ({ path, text });

  it('find a cycle through type-only and dynamic imports', () => {
    const graph = importGraph([
      file('a/x.ts', "import type { Y } from '../b/y.js';\n"),
      file('b/y.ts', "export const y = () => import('./z.js');\n"),
      file('b/z.ts', "import { x } from '../a/x.js';\n"),
      file('c/free.ts', "import { y } from '../b/y.js';\n"),
    ]);
    expect(findCycles(graph)).toEqual([['a/x.ts', 'b/y.ts', 'b/z.ts']]);
  });

  it('flag shell modules and process outside the shell, and only there', () => {
    const violations = shellViolations([
      file('model/bad.ts', "import { readFileSync } from 'node:fs';\nexport const n = 1;\n"),
      file('solve/worse.ts', "import { Worker } from 'worker_threads';\nconst v = process.env.X;\n"),
      file('render/quoted.ts', "// process.env in a comment\nconst s = 'process.exit';\n"),
      file('io/fine.ts', "import { readFile } from 'node:fs/promises';\nprocess.exitCode = 1;\n"),
    ]);
    expect(violations).toEqual(['model/bad.ts imports node:fs', 'solve/worse.ts imports worker_threads', 'solve/worse.ts reads process']);
  });
});
