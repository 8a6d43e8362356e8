import { chmod, copyFile, link, lstat, mkdir, mkdtemp, readdir, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isRunning, withFolderLock } from './folder-lock.js';

/** Staging folders left by a run that was killed (its process is gone) are removed. */
async function removeStaleStaging(parent: string, name: string): Promise<void> {
  const prefix = `.${name}.tmp-`;
  for (const entry of await readdir(parent).catch(() => [] as string[])) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) await rm(join(parent, entry), { recursive: true, force: true });
  }
}

/** A report's name as a path inside its folder: at most one subfolder (`risk/risk.csv`), never `..`. */
function safeRelativePath(name: string): string {
  const parts = name.split(/[/\\]/).map((p) => basename(p)).filter((p) => p !== '' && p !== '.' && p !== '..');
  return join(...(parts.length > 0 ? parts.slice(-2) : ['_']));
}

/** An entry of the old folder, carried into the new one: hard links (no copy of the bytes) where the disk allows, else copies. */
async function carry(from: string, to: string): Promise<void> {
  const info = await lstat(from);
  if (info.isDirectory()) {
    await mkdir(to, { recursive: true });
    for (const entry of await readdir(from)) await carry(join(from, entry), join(to, entry));
  } else if (info.isSymbolicLink()) await symlink(await readlink(from), to);
  else await link(from, to).catch(() => copyFile(from, to));
}

export interface WrittenFolder {
  /** Entries of the folder that another command wrote and this one kept. */
  readonly kept: readonly string[];
}

/**
 * Writes a run's report folder whole or not at all, and deletes nothing it does not own. Files go
 * to a staging folder beside the target; the entries of the old folder that are not among them
 * and not in `owns` (another command's files: promises.csv, risk/) are carried into it; then it
 * replaces the target by rename, under the folder's lock. A crash leaves the old folder.
 * Without `owns`, the run owns exactly the files it writes.
 */
export async function writeReportFolder(target: string, files: readonly { name: string; content: string | Uint8Array }[], owns: readonly string[] = []): Promise<WrittenFolder> {
  const parent = dirname(target);
  const name = basename(target);
  await mkdir(parent, { recursive: true });
  await removeStaleStaging(parent, name);
  const staging = await mkdtemp(join(parent, `.${name}.tmp-${process.pid}-`));
  await chmod(staging, 0o755); // mkdtemp makes it private; reports are for sharing
  try {
    const written = new Set<string>();
    for (const file of files) {
      const path = safeRelativePath(file.name);
      written.add(path.split(/[/\\]/)[0]!);
      await mkdir(dirname(join(staging, path)), { recursive: true });
      await writeFile(join(staging, path), file.content);
    }
    return await withFolderLock(parent, name, async () => {
      const old = await readdir(target).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      const kept = (old ?? []).filter((entry) => !written.has(entry) && !owns.includes(entry)).sort();
      for (const entry of kept) await carry(join(target, entry), join(staging, entry));
      const retired = `${staging}.old`;
      if (old) await rename(target, retired);
      await rename(staging, target);
      if (old) await rm(retired, { recursive: true, force: true });
      return { kept };
    });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Writes files into a folder of a run one by one, each whole, keeping the rest (a risk shard beside the others), under the run folder's lock. */
export async function addToReportFolder(runFolder: string, files: readonly { name: string; content: string | Uint8Array }[]): Promise<void> {
  await mkdir(dirname(runFolder), { recursive: true });
  await withFolderLock(dirname(runFolder), basename(runFolder), async () => {
    for (const file of files) {
      const path = join(runFolder, safeRelativePath(file.name));
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.tmp-${process.pid}`;
      await writeFile(temp, file.content);
      await rename(temp, path);
    }
  });
}
