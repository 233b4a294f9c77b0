// Opens the answer engine for a CLI command, turning the known failures (no model, stale or corrupt index)
// into one sentence for the person at the terminal.
import { createAnswerEngine, type RapporteurEngine } from '../answer/index.ts';
import { ModelNotFoundError } from '../embed/index.ts';
import { IndexError } from '../index/index.ts';
import { UserError } from './errors.ts';

export async function openEngine(options: { corpusDir: string; indexDir: string }): Promise<RapporteurEngine> {
  try {
    return await createAnswerEngine(options);
  } catch (error) {
    if (error instanceof ModelNotFoundError || error instanceof IndexError) throw new UserError(error.message, 1);
    throw error;
  }
}
