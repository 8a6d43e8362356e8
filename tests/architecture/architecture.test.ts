import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-built-cli.js';
import { findCycles, importGraph, readSources, shellViolations, type SourceFile } from '../helpers/source-graph.js';

const SOURCES = readSources(join(ROOT, 'src'));

/**
 * The floors of src/, from the top: a room (a folder, or a file at the top of src/) imports
 * only rooms on floors below its own. The README's architecture map says why each stands where it does.
 */
const FLOORS: readonly (readonly string[])[] = [
  ['cli', 'index.ts'],
  ['run'],
  ['plan-ramp-up.ts'],
  ['plan-options.ts'],
  ['io'],
  ['render'],
  ['analyses'],
  ['pipeline'],
  ['results'],
  ['solve'],
  ['model'],
  ['scenario'],
  ['inputs'],
  ['base'],
];

/** Every import from a room to one on its own floor or above, as `from -> to`. */
function importsUp(graph: ReadonlyMap<string, readonly string[]>, floors: readonly (readonly string[])[]): string[] {
  const floor = new Map(floors.flatMap((rooms, k) => rooms.map((room) => [room, k] as const)));
  const room = (path: string) => path.split('/')[0]!;
  const out: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      if (room(from) === room(to)) continue;
      const a = floor.get(room(from));
      const b = floor.get(room(to));
      if (a === undefined || b === undefined || b <= a) out.push(`${from} -> ${to}`);
    }
  }
  return out.sort();
}

describe('the shape of src/', () => {
  it('has no import cycles (type-only and dynamic imports included)', () => {
    expect(findCycles(importGraph(SOURCES))).toEqual([]);
  });

  it('touches the disk, threads, V8 and process only in io/, cli/ and run/', () => {
    expect(shellViolations(SOURCES)).toEqual([]);
  });

  it('has floors that only go down: no room imports one on its own floor or above', () => {
    expect(importsUp(importGraph(SOURCES), FLOORS)).toEqual([]);
  });

  it('has every room on a floor', () => {
    const rooms = new Set(SOURCES.map((f) => f.path.split('/')[0]!));
    expect([...rooms].filter((r) => !FLOORS.some((f) => f.includes(r))).sort()).toEqual([]);
  });

  it('has no file above 300 lines', () => {
    const long = SOURCES.map((f) => ({ path: f.path, lines: f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0) })).filter((f) => f.lines > 300);
    expect(long).toEqual([]);
  });

  it('keeps the pipeline folders the README maps', () => {
    const folders = new Set(SOURCES.map((f) => f.path.split('/')[0]).filter((p) => !p!.endsWith('.ts')));
    expect([...folders].sort()).toEqual(['analyses', 'base', 'cli', 'inputs', 'io', 'model', 'pipeline', 'render', 'results', 'run', 'scenario', 'solve']);
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

  it('find an import that runs up a floor, or across one, and none that runs down', () => {
    const graph = importGraph([
      file('top/a.ts', "import { b } from '../low/b.js';\n"),
      file('low/b.ts', "import { c } from '../top/c.js';\nimport { d } from './d.js';\n"),
      file('low/d.ts', ''),
      file('top/c.ts', ''),
      file('side/e.ts', "import { a } from '../top/a.js';\n"),
    ]);
    expect(importsUp(graph, [['top', 'side'], ['low']])).toEqual(['low/b.ts -> top/c.ts', 'side/e.ts -> top/a.ts']);
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
