import { open, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

export interface DirectoryLock {
  release(): Promise<void>;
}

/** Directories this process holds: its own pid in a lock file does not make the lock stale. */
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One writer per directory: two gateways appending to one outbox would interleave their records.
 * The lock file holds the owner's pid; a lock left by a process that is gone (killed, crashed) is
 * taken over, so a gateway restarted after kill -9 reopens its outbox.
 */
export async function directoryLock(dir: string): Promise<DirectoryLock> {
  const file = path.join(dir, 'lock');
  const key = path.resolve(dir);
  if (held.has(key)) throw new Error(`${dir} is already in use by this process`);
  for (let attempt = 0; ; attempt += 1) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(`${hostname()} ${process.pid}`);
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const [host, pid] = (await readFile(file, 'utf8').catch(() => '')).trim().split(' ');
      const owner = Number(pid);
      const named = host !== undefined && Number.isInteger(owner) && owner > 0;
      // A lock naming no process yet is being taken by another starting at this moment, unless old.
      const fresh = Date.now() - (await stat(file).catch(() => ({ mtimeMs: 0 }))).mtimeMs < 5_000;
      // Another host's process (a shared volume) cannot be seen from here: its lock holds. Here, a
      // lock naming this very process (a container restarted as PID 1) or a dead one is stale.
      const held = named ? host !== hostname() || (owner !== process.pid && alive(owner)) : fresh;
      if (held)
        throw new Error(
          `${dir} is in use by ${named ? `process ${owner} on ${host}` : 'another process'}: give each gateway an outbox of its own (remove ${file} only if that process is gone)`,
          { cause: error },
        );
      await unlink(file).catch(() => undefined);
    }
  }
  held.add(key);
  return {
    async release() {
      held.delete(key);
      await unlink(file).catch(() => undefined);
    },
  };
}
