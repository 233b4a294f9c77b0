// Progress of a benchmark run on stderr: a cli-progress bar on a terminal, one line per step otherwise
// (CI logs), nothing when silenced.
import cliProgress from 'cli-progress';
import type { Progress } from './run.ts';

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress & { stop(): void } {
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
    { stream, format: ' {bar} {percentage}% | {value}/{total} | {label}', hideCursor: true, clearOnComplete: true, etaBuffer: 50 },
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
