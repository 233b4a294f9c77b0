// Opens the answer engine for a CLI command, saying on stderr when it builds a missing index first.
import { createAnswerEngine, type ConversationStore, type RapporteurEngine, type Technique } from '../answer/index.ts';
import type { BuildProgress } from '../index/index.ts';
import { waitingLine } from './format.ts';

export async function openEngine(options: {
  corpusDir: string;
  indexDir: string;
  store?: ConversationStore;
  techniques?: { with?: Technique[]; without?: Technique[] };
}): Promise<RapporteurEngine> {
  let lastPercent = -1;
  // A first run builds the index before answering: say so on stderr (stdout may be --json), in steps of 10 %.
  const onBuildProgress = (event: BuildProgress) => {
    if (event.phase === 'waiting') process.stderr.write(waitingLine(event));
    if (event.phase === 'parsing') process.stderr.write(`rapporteur: no index in ${options.indexDir} yet, building it first…\n`);
    if (event.phase === 'embedding' && event.total > 0) {
      const percent = Math.floor((event.done / event.total) * 10) * 10;
      if (percent !== lastPercent) process.stderr.write(`rapporteur: embedding ${event.done}/${event.total} (${percent} %)\n`);
      lastPercent = percent;
    }
    if (event.phase === 'done') process.stderr.write(`rapporteur: index built in ${options.indexDir}\n`);
  };
  // A missing model, a damaged index… become one line and an exit code in src/cli/errors.ts.
  return createAnswerEngine({ ...options, onBuildProgress });
}
