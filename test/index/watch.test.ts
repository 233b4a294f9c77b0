// The index watcher: a rebuilt index (its manifest replaced) is reloaded once; a failed reload keeps the
// previous index serving.
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchIndex } from '../../src/index/index.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-index-watch-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('index watcher', () => {
  it('reloads once when the manifest is replaced, and keeps running when a reload fails', async () => {
    const indexDir = path.join(dir, 'index');
    const manifest = path.join(indexDir, 'manifest.json');
    await rm(indexDir, { recursive: true, force: true });
    await mkdir(indexDir, { recursive: true });
    await writeFile(manifest, '{"builtAt":"1"}');
    let reloads = 0;
    let fail = true;
    const watcher = watchIndex(
      indexDir,
      async () => {
        reloads++;
        if (fail) throw new Error('corrupt index');
      },
      { logger: pino({ level: 'silent' }), intervalMs: 20, settleMs: 20 },
    );
    try {
      const waitFor = async (n: number) => {
        for (let i = 0; i < 200 && reloads < n; i++) await new Promise((r) => setTimeout(r, 20));
      };
      await new Promise((r) => setTimeout(r, 100));
      expect(reloads).toBe(0);
      await writeFile(manifest, '{"builtAt":"2"}');
      await utimes(manifest, new Date(), new Date(Date.now() + 5000));
      await waitFor(1);
      expect(reloads).toBe(1);
      fail = false;
      await utimes(manifest, new Date(), new Date(Date.now() + 10_000));
      await waitFor(2);
      expect(reloads).toBe(2);
    } finally {
      watcher.close();
    }
  });
});
