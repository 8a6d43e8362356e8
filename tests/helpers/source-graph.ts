import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** A source file: its path relative to the source root and its text. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** Every .ts file under `root`, paths relative to it with `/`. */
export function readSources(root: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts')) out.push({ path: relative(root, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return out;
}

/** The text without comments and string contents, so that words in them are not mistaken for code. */
export function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
    .replace(/`(?:\\[\s\S]|[^`\\])*`/g, '``');
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"]([^'"]+)['"]/g;
const DYNAMIC = /import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The module specifiers a file imports (static, re-exports, type-only and dynamic). */
export function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return [...code.matchAll(IMPORT), ...code.matchAll(DYNAMIC)].map((m) => m[1]!);
}

/** file -> the files it imports, within the sources (relative specifiers only). */
export function importGraph(files: readonly SourceFile[]): Map<string, string[]> {
  const known = new Set(files.map((f) => f.path));
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const targets = importsOf(f.text)
      .filter((s) => s.startsWith('.'))
      .map((s) => relative('/', resolve('/', dirname(f.path), s.replace(/\.js$/, '.ts'))).split('\\').join('/'))
      .filter((p) => known.has(p));
    graph.set(f.path, [...new Set(targets)].sort());
  }
  return graph;
}

/** Every import cycle (strongly connected group of files), each as its files in order. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(group.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}

/** The shell: the only folders that may touch the disk, threads, V8, child processes or `process`. */
export const SHELL_FOLDERS = ['io/', 'cli/', 'run/'];
const SHELL_MODULES = /^(node:)?(fs|fs\/promises|worker_threads|v8|child_process)$/;

/** Files outside the shell that import a shell module or read `process`, with what they use. */
export function shellViolations(files: readonly SourceFile[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    if (SHELL_FOLDERS.some((folder) => f.path.startsWith(folder))) continue;
    for (const s of importsOf(f.text)) if (SHELL_MODULES.test(s)) out.push(`${f.path} imports ${s}`);
    if (/\bprocess\s*[.[]/.test(codeOnly(f.text).replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, "''"))) out.push(`${f.path} reads process`);
  }
  return out;
}
