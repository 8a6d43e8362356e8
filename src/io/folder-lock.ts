import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** A lock is held only while a finished run moves its files into place: older than this, its holder died. */
const STALE_MS = 60_000;
/** How long a run waits for another to finish moving its files. */
const WAIT_MS = 120_000;

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock whose process is gone (on this machine), or that is older than any move of files takes. */
async function isStale(lock: string): Promise<boolean> {
  const owner = await readFile(join(lock, 'owner'), 'utf8').catch(() => '');
  const [host, pid] = owner.split(' ');
  if (host === hostname() && pid !== undefined && Number.isInteger(Number(pid)) && !isRunning(Number(pid))) return true;
  const info = await stat(lock).catch(() => undefined);
  return info === undefined || Date.now() - info.mtimeMs > STALE_MS;
}

/**
 * Runs `fn` while holding the lock of one run folder (`.NAME.lock` beside it, made with mkdir,
 * which is atomic also on network file systems), so that two commands finishing into the same
 * folder at once (plan and risk, or two risk shards) move their files one after the other.
 */
export async function withFolderLock<T>(parent: string, name: string, fn: () => Promise<T>): Promise<T> {
  const lock = join(parent, `.${name}.lock`);
  const deadline = Date.now() + WAIT_MS;
  for (let wait = 10; ; wait = Math.min(500, wait * 2)) {
    try {
      await mkdir(lock);
      await writeFile(join(lock, 'owner'), `${hostname()} ${process.pid}`);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await isStale(lock)) await rm(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw Object.assign(new Error(`${lock} is held by another run`), { code: 'EBUSY', path: lock, syscall: 'mkdir' });
      else await new Promise((r) => setTimeout(r, wait));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
