import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Keeps a scenario name usable as one folder name on every platform. */
export function safeFolderName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return safe === '' ? '_' : safe.slice(0, 120);
}

/**
 * Writes a report folder whole or not at all: files go to a temporary folder beside the
 * target, which then replaces the target by rename. A crash leaves the old reports.
 */
export async function writeReportFolder(target: string, files: readonly { name: string; content: string | Uint8Array }[]): Promise<void> {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, `.${basename(target)}.tmp-`));
  try {
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
