import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every file under a folder but timings.json (the one file allowed to differ, and never
 * committed); binary files (workbooks) are represented by their sha256. A manifest's timings
 * (manifest.json held them before timings.json) are blanked.
 */
export function folderContents(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'timings.json') continue;
      else if (name.endsWith('.xlsx')) {
        out[relative(root, path)] = `sha256:${createHash('sha256').update(readFileSync(path)).digest('hex')}`;
      } else {
        let text = readFileSync(path, 'utf8');
        if (name === 'manifest.json') {
          const manifest = JSON.parse(text);
          delete manifest.timings;
          text = JSON.stringify(manifest);
        }
        out[relative(root, path)] = text;
      }
    }
  };
  walk(root);
  return out;
}
