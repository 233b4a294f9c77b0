// Replacing index/ without ever leaving a half-written index in its place. A build writes into a fresh
// sibling folder `.index-build-<pid>-<random>` and, once its manifest is written, swaps it in with two
// renames. A `kill -9` before the swap leaves the old index untouched (the leftover folder is removed by the
// next build); between the two renames the old index sits in `<build>.old` and is renamed back by the next
// load or build.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { INDEX_FILES } from './manifest.ts';

/** Files a person may keep in index/ (the committed README) that every build carries over. */
const KEPT_FILES = ['README.md', '.gitkeep'];
const OLD_SUFFIX = '.old';

function buildPrefix(indexDir: string): { parent: string; prefix: string } {
  const resolved = path.resolve(indexDir);
  return { parent: path.dirname(resolved), prefix: `.${path.basename(resolved)}-build-` };
}

function hasManifest(dir: string): boolean {
  return existsSync(path.join(dir, INDEX_FILES.manifest));
}

/** Files a build writes: a folder holding only these (and kept files) is ours, even without its manifest. */
const OWN_FILES: readonly string[] = [...KEPT_FILES, ...Object.values(INDEX_FILES)];

/** Whether `dir` holds only files of an index and kept files: a damaged index (no manifest), ours to replace. */
async function holdsOnlyOwnFiles(dir: string): Promise<boolean> {
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  return entries.every((name) => OWN_FILES.includes(name));
}

/** Whether `dir` holds some data file of an index but no manifest (deleted, or a copy that lost it). */
export async function lostItsManifest(dir: string): Promise<boolean> {
  if (hasManifest(dir)) return false;
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  return entries.some((name) => name !== INDEX_FILES.manifest && OWN_FILES.includes(name) && !KEPT_FILES.includes(name));
}

/** Whether a build folder's writer is still running (its pid is in the folder's name). */
function writerAlive(name: string, prefix: string): boolean {
  return processAlive(Number.parseInt(name.slice(prefix.length), 10));
}

/** Whether the process `pid` runs (EPERM: it does, as another user). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Puts back an index left displaced by a swap that was killed between its two renames. Cheap when there
 * is nothing to do (one existsSync), so every load calls it.
 */
export async function recoverIndexDir(indexDir: string): Promise<void> {
  const resolved = path.resolve(indexDir);
  if (hasManifest(resolved)) return;
  const { parent, prefix } = buildPrefix(resolved);
  const entries = await fs.readdir(parent).catch(() => [] as string[]);
  const displaced = entries.filter((name) => name.startsWith(prefix) && name.endsWith(OLD_SUFFIX));
  for (const name of displaced) {
    const candidate = path.join(parent, name);
    // A live builder is between its two renames right now: it will finish the swap itself.
    if (!hasManifest(candidate) || writerAlive(name, prefix)) continue;
    if (existsSync(resolved)) {
      if (!(await holdsOnlyOwnFiles(resolved))) return;
      await fs.rm(resolved, { recursive: true, force: true });
    }
    await fs.rename(candidate, resolved);
    return;
  }
}

/** Removes build folders left by builds that died (their process is gone) and displaced old indexes. */
export async function removeLeftovers(indexDir: string): Promise<void> {
  const { parent, prefix } = buildPrefix(indexDir);
  const entries = await fs.readdir(parent).catch(() => [] as string[]);
  for (const name of entries) {
    if (!name.startsWith(prefix)) continue;
    const isOld = name.endsWith(OLD_SUFFIX);
    if (isOld ? hasManifest(path.resolve(indexDir)) : !writerAlive(name, prefix)) {
      await fs.rm(path.join(parent, name), { recursive: true, force: true });
    }
  }
}

/** A fresh, empty folder beside `indexDir` to build into (same file system, so rename is atomic). */
export async function createBuildDir(indexDir: string): Promise<string> {
  const { parent, prefix } = buildPrefix(indexDir);
  await fs.mkdir(parent, { recursive: true });
  const dir = await fs.mkdtemp(path.join(parent, `${prefix}${process.pid}-`));
  // mkdtemp makes the folder private (0700); an index is read by other users too (the bot's service user).
  await fs.chmod(dir, 0o755);
  return dir;
}

/** Refuses to replace a folder that holds something other than an index (a mistyped --out). */
export async function assertReplaceable(indexDir: string): Promise<string | null> {
  const resolved = path.resolve(indexDir);
  if (!existsSync(resolved) || hasManifest(resolved)) return null;
  const stat = await fs.stat(resolved);
  if (!stat.isDirectory()) return `${resolved} exists and is not a folder`;
  if (!(await holdsOnlyOwnFiles(resolved))) {
    return `${resolved} is not empty and holds no index (no ${INDEX_FILES.manifest}, and files that are not an index's); choose another folder with --out (or --index), or empty that one`;
  }
  return null;
}

/** Swaps the finished `buildDir` in as `indexDir`, carrying over kept files, then deletes the old index. */
export async function swapIntoPlace(buildDir: string, indexDir: string): Promise<void> {
  const resolved = path.resolve(indexDir);
  for (const name of KEPT_FILES) {
    const kept = path.join(resolved, name);
    if (existsSync(kept)) await fs.copyFile(kept, path.join(buildDir, name));
  }
  const displaced = `${buildDir}${OLD_SUFFIX}`;
  const hadOld = existsSync(resolved);
  if (hadOld) await fs.rename(resolved, displaced);
  await fs.rename(buildDir, resolved);
  if (hadOld) await fs.rm(displaced, { recursive: true, force: true });
}
