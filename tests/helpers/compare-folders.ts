import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every file under a folder, with manifest timings blanked (the one part allowed to differ);
 * binary files (workbooks) are represented by their sha256.
 */
export function folderContents(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.xlsx')) {
        out[relative(root, path)] = `sha256:${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
      } else {
        let text = readFileSync(path, 'utf8');
        if (name === 'manifest.json') {
          const manifest = JSON.parse(text);
          manifest.timings = {};
          text = JSON.stringify(manifest);
        }
        out[relative(root, path)] = text;
      }
    }
  };
  walk(root);
  return out;
}
