// One build at a time per index folder. Two `rapporteur index` runs into the same folder used to race on
// the swap (ENOTEMPTY, a `.index-build-…old` left behind); now a build holds a lock file beside the folder
// (`.<name>.lock`, with its pid) from its first step to its last, and a second build waits for it. A lock
// whose process is dead (kill -9, a crash) is taken over.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { processAlive } from './atomic-dir.ts';

const LockContentSchema = z.object({ pid: z.number().int().positive(), startedAt: z.string().optional() });

/** How often a waiting build looks at the lock again. */
const POLL_MS = 200;
/** A lock file that stays unreadable this long was not left by a writer about to fill it in. */
const UNREADABLE_GRACE_MS = 5_000;
/** How long a build waits for another before giving up with a sentence (a full corpus builds in ~15 s). */
export const DEFAULT_LOCK_WAIT_MS = 30 * 60 * 1000;

export function lockFileOf(indexDir: string): string {
  const resolved = path.resolve(indexDir);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}.lock`);
}

export class BuildLockTimeoutError extends Error {
  override name = 'BuildLockTimeoutError';
}

export interface BuildLock {
  readonly file: string;
  release(): Promise<void>;
}

export interface AcquireOptions {
  /** Called once when another live build holds the lock and this one starts waiting. */
  onWait?: (holder: { pid: number; lockFile: string }) => void;
  waitMs?: number;
}

/** Takes the build lock of `indexDir`, waiting while another live build holds it. */
export async function acquireBuildLock(indexDir: string, opts: AcquireOptions = {}): Promise<BuildLock> {
  const file = lockFileOf(indexDir);
  await fs.mkdir(path.dirname(file), { recursive: true });
  const deadline = Date.now() + (opts.waitMs ?? DEFAULT_LOCK_WAIT_MS);
  let announced = false;
  for (;;) {
    if (await tryCreate(file)) return { file, release: () => release(file) };
    const holder = await readHolder(file);
    if (holder === 'gone') continue;
    if (holder === 'unreadable') {
      const age = await fs.stat(file).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > UNREADABLE_GRACE_MS) await takeOverStale(file, null);
    } else if (!processAlive(holder.pid)) {
      await takeOverStale(file, holder.pid);
      continue;
    } else {
      if (!announced) opts.onWait?.({ pid: holder.pid, lockFile: file });
      announced = true;
      if (Date.now() > deadline) {
        throw new BuildLockTimeoutError(
          `another build (pid ${holder.pid}) has been writing ${path.resolve(indexDir)} for too long; wait for it, or stop it, or delete ${file} if no build runs`,
        );
      }
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function tryCreate(file: string): Promise<boolean> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
  } finally {
    await handle.close();
  }
  return true;
}

async function readHolder(file: string): Promise<{ pid: number } | 'gone' | 'unreadable'> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : 'unreadable';
  }
  try {
    const parsed = LockContentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable'; // empty: its writer is between open and write
  }
}

/**
 * Removes a stale lock without ever removing a live one: the lock is first renamed to a private name (only
 * one waiter wins that rename); if what was renamed is not the stale lock that was seen (another waiter
 * already replaced it with its own), it is linked back, which fails harmlessly if a third took the place.
 */
async function takeOverStale(file: string, stalePid: number | null): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    await fs.rename(file, aside);
  } catch {
    return; // someone else moved it first
  }
  const moved = await readHolder(aside);
  const wasStale = stalePid === null ? moved === 'unreadable' : typeof moved === 'object' && moved.pid === stalePid;
  if (!wasStale) await fs.link(aside, file).catch(() => undefined);
  await fs.rm(aside, { force: true });
}

async function release(file: string): Promise<void> {
  const holder = await readHolder(file);
  if (typeof holder === 'object' && holder.pid === process.pid) await fs.rm(file, { force: true });
}
