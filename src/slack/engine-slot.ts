// The bot starts listening (and acking) before the model and index are loaded; listeners read the engine
// from this slot and answer "je démarre…" while it is still empty.
import type { AnswerEngine } from '../answer/index.ts';

export interface EngineSlot {
  /** The engine, or undefined while it is still loading. */
  get(): AnswerEngine | undefined;
  set(engine: AnswerEngine): void;
  /** Loading failed: `/healthz` reports "failed" from then on (listeners keep saying "starting"). */
  fail(error: Error): void;
  failure(): Error | undefined;
}

export function createEngineSlot(engine?: AnswerEngine): EngineSlot {
  let current = engine;
  let failed: Error | undefined;
  return {
    get: () => current,
    set(next) {
      current = next;
      failed = undefined;
    },
    fail(error) {
      failed = error;
    },
    failure: () => failed,
  };
}
