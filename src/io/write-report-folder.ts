import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Keeps a run's name usable as one folder name on every platform. A name longer than 120
 * characters is cut and ends in a hash of the whole, so that two long names stay apart.
 */
export function safeFolderName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._,=+@-]/g, '_').replace(/^\.+/, '_');
  if (safe === '') return '_';
  if (safe.length <= 120) return safe;
  return `${safe.slice(0, 111)}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Staging folders left by a run that was killed (its process is gone) are removed. */
async function removeStaleStaging(parent: string, name: string): Promise<void> {
  const prefix = `.${name}.tmp-`;
  for (const entry of await readdir(parent).catch(() => [] as string[])) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(entry.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) await rm(join(parent, entry), { recursive: true, force: true });
  }
}

/**
 * Writes a report folder whole or not at all: files go to a staging folder beside the
 * target, which then replaces the target by rename. A crash leaves the old reports.
 */
export async function writeReportFolder(target: string, files: readonly { name: string; content: string | Uint8Array }[]): Promise<void> {
  const parent = dirname(target);
  const name = basename(target);
  await mkdir(parent, { recursive: true });
  await removeStaleStaging(parent, name);
  const staging = await mkdtemp(join(parent, `.${name}.tmp-${process.pid}-`));
  await chmod(staging, 0o755); // mkdtemp makes it private; reports are for sharing
  try {
    // basename: a report's name never becomes a path outside its folder.
    for (const file of files) await writeFile(join(staging, basename(file.name)), file.content);
    const old = `${staging}.old`;
    const hadOld = await rename(target, old).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    await rename(staging, target);
    if (hadOld) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
