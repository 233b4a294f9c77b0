// Progress on stderr, for every command: the index build (bars on a terminal, plain lines otherwise), the short
// lines of a first build before an answer, and the benchmark's bar. stdout stays for results (and --json).
import cliProgress from 'cli-progress';
import type { Progress as BenchProgress } from '../bench/index.ts';
import type { BuildProgress } from '../index/index.ts';
import { count } from './format.ts';

export interface BuildReporter {
  update(event: BuildProgress): void;
  stop(): void;
}

/** What the bars of `index` and `bench` share. */
const BAR_OPTIONS = { hideCursor: true, etaBuffer: 50 } as const;

/** The line `index`, `ask` and the bot print while another build holds the index folder's lock. */
export function waitingLine(event: { pid: number; indexDir: string }): string {
  return `rapporteur: another build (pid ${event.pid}) is writing ${event.indexDir}; waiting for it to finish…\n`;
}

/**
 * The reporter of `rapporteur index`: two bars on a terminal, lines otherwise, nothing but the lock wait when
 * `quiet` (--json).
 */
export function createBuildReporter(options: { quiet: boolean }): BuildReporter {
  const inner = options.quiet ? null : process.stderr.isTTY ? new BarReporter() : new LineReporter();
  return {
    update: (event) => (event.phase === 'waiting' ? process.stderr.write(waitingLine(event)) : inner?.update(event)),
    stop: () => inner?.stop(),
  };
}

/** A first run of `ask`, `chat`, `eval` or `serve` builds the index before answering: a line every 10 %. */
export function firstBuildReporter(indexDir: string): (event: BuildProgress) => void {
  let lastPercent = -1;
  return (event) => {
    if (event.phase === 'waiting') process.stderr.write(waitingLine(event));
    if (event.phase === 'parsing') process.stderr.write(`rapporteur: no index in ${indexDir} yet, building it first…\n`);
    if (event.phase === 'embedding' && event.total > 0) {
      const percent = Math.floor((event.done / event.total) * 10) * 10;
      if (percent !== lastPercent) process.stderr.write(`rapporteur: embedding ${event.done}/${event.total} (${percent} %)\n`);
      lastPercent = percent;
    }
    if (event.phase === 'done') process.stderr.write(`rapporteur: index built in ${indexDir}\n`);
  };
}

/** Two bars on the terminal: documents parsed, then texts embedded with rate and ETA. */
class BarReporter implements BuildReporter {
  readonly #bars = new cliProgress.MultiBar(
    { ...BAR_OPTIONS, format: '{label} {bar} {value}/{total} {extra}', clearOnComplete: false, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  #documents: cliProgress.SingleBar | null = null;
  #embedding: cliProgress.SingleBar | null = null;
  #embedStarted = 0;

  update(event: BuildProgress): void {
    switch (event.phase) {
      case 'parsing':
        this.#documents = this.#bars.create(1, 0, { label: 'Documents parsed ', extra: '' });
        break;
      case 'parsed':
        this.#documents?.setTotal(event.documents);
        this.#documents?.update(event.documents, { extra: `(${event.passages} passages, ${event.sentences} sentences)` });
        break;
      case 'embedding': {
        if (!this.#embedding) {
          this.#embedStarted = performance.now();
          this.#embedding = this.#bars.create(event.total, 0, { label: 'Texts embedded   ', extra: 'loading the model…' });
        }
        const seconds = (performance.now() - this.#embedStarted) / 1000;
        const rate = event.done > 0 ? event.done / seconds : 0;
        const eta = rate > 0 ? Math.round((event.total - event.done) / rate) : null;
        this.#embedding.update(event.done, { extra: event.done === 0 ? 'loading the model…' : `${rate.toFixed(0)}/s, ETA ${eta ?? '?'} s` });
        break;
      }
      default:
        break;
    }
  }

  stop(): void {
    this.#bars.stop();
  }
}

/** Plain lines when stderr is not a terminal (CI logs, pipes): one every 10 % or 5 s of embedding. */
class LineReporter implements BuildReporter {
  #lastPrinted = 0;
  #lastDone = -1;
  #started = 0;

  update(event: BuildProgress): void {
    switch (event.phase) {
      case 'parsing':
        this.#log(`parsing ${event.corpusDir}`);
        break;
      case 'parsed':
        this.#log(
          `parsed ${count(event.documents, 'document')}: ${count(event.passages, 'passage')}, ${count(event.sentences, 'sentence')}` +
            (event.warnings ? `, ${count(event.warnings, 'warning')} (see \`rapporteur corpus\`)` : ''),
        );
        break;
      case 'embedding': {
        const now = performance.now();
        if (this.#lastDone < 0) {
          this.#started = now;
          this.#lastPrinted = now;
          this.#lastDone = 0;
          this.#log(`embedding ${event.total} new texts (the rest is cached)`);
          return;
        }
        const step = Math.max(1, Math.ceil(event.total / 10));
        if (event.done === event.total || event.done - this.#lastDone >= step || now - this.#lastPrinted >= 5000) {
          const seconds = (now - this.#started) / 1000;
          const rate = event.done / Math.max(seconds, 1e-3);
          const eta = rate > 0 ? Math.round((event.total - event.done) / rate) : 0;
          this.#log(`embedded ${event.done}/${event.total} (${rate.toFixed(0)}/s, ETA ${eta} s)`);
          this.#lastPrinted = now;
          this.#lastDone = event.done;
        }
        break;
      }
      case 'writing':
        this.#log(`writing ${event.indexDir}`);
        break;
      default:
        break;
    }
  }

  stop(): void {}

  #log(line: string): void {
    process.stderr.write(`${line}\n`);
  }
}

/**
 * The benchmark's progress, passed into the bench stage: one bar on a terminal, one line per step otherwise
 * (CI logs).
 */
export function createBenchProgress(stream: NodeJS.WriteStream = process.stderr): BenchProgress & { stop(): void } {
  if (!stream.isTTY) {
    let lastLabel = '';
    return {
      step(label) {
        stream.write(`bench: ${label}\n`);
        lastLabel = label;
      },
      update(_done, _total, label) {
        if (label && label !== lastLabel) {
          stream.write(`bench: ${label}\n`);
          lastLabel = label;
        }
      },
      log(message) {
        stream.write(`bench: ${message}\n`);
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { ...BAR_OPTIONS, stream, format: ' {bar} {percentage}% | {value}/{total} | {label}', clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let running = false;
  return {
    step(label, total) {
      if (!running) {
        bar.start(total, 0, { label });
        running = true;
      } else {
        bar.setTotal(total);
        bar.update(0, { label });
      }
    },
    update(done, total, label) {
      if (!running) {
        bar.start(total ?? 1, done, { label: label ?? '' });
        running = true;
        return;
      }
      if (total !== undefined && total !== bar.getTotal()) bar.setTotal(total);
      bar.update(done, label ? { label } : {});
    },
    log(message) {
      if (running) bar.stop();
      running = false;
      stream.write(`${message}\n`);
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
