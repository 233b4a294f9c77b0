// The one path every surface shares: check the rate limit and the engine, show that we are working, ask,
// post the answer (or a polite notice), and never let an error escape into Bolt unhandled.
import { InvalidQuestionError, type Answer } from '../answer/index.ts';
import {
  answerMessage,
  failureNotice,
  invalidQuestionNotice,
  rateLimitNotice,
  startingNotice,
  type AnswerMessageOptions,
  type SlackMessage,
} from './blocks/index.ts';
import type { ShownAnswer } from './answer-cache.ts';
import type { SlackDeps } from './deps.ts';

export interface AnswerPlace {
  /** Post a message where the answer belongs (thread, DM, assistant thread, response_url). */
  post(message: SlackMessage): Promise<unknown>;
  /** Tell only the asker (rate limit). */
  notifyPrivately(message: SlackMessage): Promise<unknown>;
  /**
   * Show and clear the "working" signal (👀 reaction, assistant status): a decoration, never waited for —
   * the answer goes out whether it is slow, failing or rate-limited. Failures are only logged.
   */
  working?: { start(): Promise<unknown>; stop(): Promise<unknown> };
}

export interface Question {
  userId: string;
  text: string;
  conversationKey: string;
  mode: 'ask' | 'lookup';
  /** For lookups: the document the reference is in, when given. */
  doc?: string;
  /** Layout: slash-command answers are ephemeral and recall the question. */
  display?: Pick<AnswerMessageOptions, 'ephemeral' | 'showQuestion' | 'sourcesOnly'>;
}

/** Render a remembered answer for its place. */
export function renderShown(shown: ShownAnswer, display: Question['display'] = {}): SlackMessage {
  return answerMessage(shown.answer, {
    answerId: shown.answerId,
    conversationKey: shown.conversationKey,
    mode: shown.mode,
    ...display,
  });
}

async function quietly(deps: SlackDeps, what: string, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (error) {
    deps.logger.warn({ err: error }, `${what} failed`);
  }
}

/**
 * Show the working signal without waiting for it, and return how to clear it: once it was shown (a 👀 still
 * being added cannot be removed yet), again without waiting. Issue 13, D6: a failing reactions.add delayed
 * every answer by its retries.
 */
function showWorking(deps: SlackDeps, signal: NonNullable<AnswerPlace['working']>): () => void {
  const shown = signal.start().then(
    () => true,
    (error: unknown) => {
      deps.logger.warn({ err: error }, 'working signal failed');
      return false;
    },
  );
  return () => {
    void shown.then((wasShown) => (wasShown ? quietly(deps, 'clearing working signal', () => signal.stop()) : undefined));
  };
}

/** Ask the engine (or look up) and remember the answer; undefined while the engine is still loading. */
export async function produceAnswer(deps: SlackDeps, question: Question): Promise<ShownAnswer | undefined> {
  const engine = deps.engine.get();
  if (!engine) return undefined;
  const answer: Answer =
    question.mode === 'lookup'
      ? engine.lookup(question.text, question.doc ? { doc: question.doc } : {})
      : await engine.ask(question.text, { conversationKey: question.conversationKey });
  return deps.answers.remember({ answer, mode: question.mode, conversationKey: question.conversationKey });
}

/** Answer one question at one place. Resolves when the answer (or a notice) is posted; never rejects. */
export async function answerAt(deps: SlackDeps, place: AnswerPlace, question: Question): Promise<ShownAnswer | undefined> {
  const log = deps.logger.child({ user: question.userId, conversation: question.conversationKey, mode: question.mode });
  if (question.mode === 'ask' && !deps.limiter.tryTake(question.userId)) {
    log.info('rate limited');
    await quietly(deps, 'rate-limit notice', () => place.notifyPrivately(rateLimitNotice(deps.limiter.retryAfterSeconds(question.userId))));
    return undefined;
  }
  if (!deps.engine.get()) {
    await quietly(deps, 'start-up notice', () => place.post(startingNotice()));
    return undefined;
  }
  const clearWorking = place.working ? showWorking(deps, place.working) : undefined;
  let shown: ShownAnswer | undefined;
  try {
    const started = Date.now();
    shown = await produceAnswer(deps, question);
    if (shown) {
      await place.post(renderShown(shown, question.display));
      log.info({ kind: shown.answer.kind, sources: shown.answer.sources.length, ms: Date.now() - started }, 'answered');
    }
  } catch (error) {
    if (error instanceof InvalidQuestionError) {
      log.info({ reason: error.reason }, 'question refused');
      await quietly(deps, 'invalid-question notice', () => place.post(invalidQuestionNotice(error.reason)));
    } else {
      log.error({ err: error }, 'answering failed');
      await quietly(deps, 'failure notice', () => place.post(failureNotice()));
    }
  } finally {
    clearWorking?.();
  }
  return shown;
}
