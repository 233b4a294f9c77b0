// Picks up an index rebuilt while the bot runs. `rapporteur index` swaps a whole new folder into place (two
// renames), which breaks directory watches; polling the manifest's stat survives that, and the manifest is
// written last, so a new mtime means a complete index.
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import path from 'node:path';
import { INDEX_FILES } from './manifest.ts';

/** What the watcher reports, on the caller's logger (a pino Logger is one). */
export interface WatchLogger {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface IndexWatcher {
  close(): void;
}

export function watchIndex(
  indexDir: string,
  reload: () => Promise<void>,
  options: { logger: WatchLogger; intervalMs?: number; settleMs?: number },
): IndexWatcher {
  const manifest = path.join(indexDir, INDEX_FILES.manifest);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const schedule = () => {
    clearTimeout(timer);
    // Let the swap's second rename land before loading.
    timer = setTimeout(() => {
      running = running.then(async () => {
        const started = Date.now();
        try {
          await reload();
          options.logger.info({ ms: Date.now() - started }, 'index reloaded');
        } catch (error) {
          // The previous index keeps serving; a broken rebuild never takes the bot down.
          options.logger.error({ err: error }, 'index reload failed; still serving the previous index');
        }
      });
    }, options.settleMs ?? 500);
  };

  const onChange = (current: Stats, previous: Stats) => {
    if (current.mtimeMs === 0) return; // manifest gone for a moment (between the renames)
    if (current.mtimeMs !== previous.mtimeMs || current.ino !== previous.ino) schedule();
  };
  watchFile(manifest, { interval: options.intervalMs ?? 1000, persistent: false }, onChange);
  return {
    close() {
      clearTimeout(timer);
      unwatchFile(manifest, onChange);
    },
  };
}
