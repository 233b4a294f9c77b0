// The one path every surface shares: check the rate limit and the engine, show that we are working, ask,
// stream or post the answer (or a polite notice), and never let an error escape into Bolt unhandled.
// Where the place streams, the stream opens with the search task while the engine works; if Slack refuses
// it, the answer is posted once as before. Never a lost answer, never two.
import { detectLanguage, InvalidQuestionError, type Answer } from '../answer/index.ts';
import {
  answerMessage,
  failedStream,
  failureNotice,
  invalidQuestionNotice,
  rateLimitNotice,
  searchTask,
  startingNotice,
  streamedAnswer,
  type AnswerMessageOptions,
  type SlackMessage,
  type StreamChunk,
  type StreamedAnswer,
} from './blocks/index.ts';
import type { ShownAnswer } from './answer-cache.ts';
import { citationLinks } from './citation-links.ts';
import type { SlackDeps } from './deps.ts';
import { takeOff, type PlaceRecord } from './in-flight.ts';

/** A chat stream as @slack/web-api's ChatStreamer (Bolt's sayStream) gives it. */
export interface AnswerStream {
  append(args: { chunks: StreamChunk[] }): Promise<unknown>;
  stop(args?: { chunks?: StreamChunk[]; blocks?: SlackMessage['blocks'] }): Promise<unknown>;
}

export interface AnswerPlace {
  /** Post a message where the answer belongs (thread, DM, assistant thread, response_url). */
  post(message: SlackMessage): Promise<unknown>;
  /** Open a chat stream where the answer belongs; absent where Slack does not stream (ephemeral answers). */
  stream?: () => AnswerStream;
  /** Tell only the asker (rate limit). */
  notifyPrivately(message: SlackMessage): Promise<unknown>;
  /**
   * Show and clear the "working" signal (👀 reaction, assistant status): a decoration, never waited for —
   * the answer goes out whether it is slow, failing or rate-limited. Failures are only logged.
   */
  working?: { start(): Promise<unknown>; stop(): Promise<unknown> };
  /** How another process can post here, so a question left in flight by a crash is still answered. */
  resume?: PlaceRecord;
}

export interface Question {
  userId: string;
  text: string;
  conversationKey: string;
  mode: 'ask' | 'lookup';
  /** For lookups: the document the reference is in, when given. */
  doc?: string;
  /** Layout: slash-command answers are ephemeral and recall the question. */
  display?: Pick<AnswerMessageOptions, 'ephemeral' | 'showQuestion' | 'sourcesOnly' | 'sharedBy'>;
}

/** The options a remembered answer is rendered with: its ids, its place's layout, its citations' reader links. */
function messageOptions(deps: Pick<SlackDeps, 'links'>, shown: ShownAnswer, display: Question['display'] = {}): AnswerMessageOptions {
  const links = citationLinks(shown.answer, deps.links);
  return { answerId: shown.answerId, conversationKey: shown.conversationKey, mode: shown.mode, ...display, ...(links ? { links } : {}) };
}

/** Render a remembered answer for its place, its citations linked to the reader when it is on. */
export function renderShown(deps: Pick<SlackDeps, 'links'>, shown: ShownAnswer, display: Question['display'] = {}): SlackMessage {
  return answerMessage(shown.answer, messageOptions(deps, shown, display));
}

/** The streamed form of a remembered answer: the same blocks as renderShown, split around the tasks. */
export function renderStreamed(deps: SlackDeps, shown: ShownAnswer, display: Question['display'] = {}): StreamedAnswer {
  const documents = deps.engine.get()?.corpusInfo().documents.length ?? 0;
  return streamedAnswer(shown.answer, messageOptions(deps, shown, display), { documents, ...(deps.passageLink ? { link: deps.passageLink } : {}) });
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
  return await deps.answers.remember({ answer, mode: question.mode, conversationKey: question.conversationKey });
}

/** Open the stream with the search task; undefined (post instead) where streaming is off or refused. */
async function openStream(deps: SlackDeps, place: AnswerPlace, question: Question): Promise<AnswerStream | undefined> {
  if (!deps.streaming || !place.stream || question.display?.ephemeral) return undefined;
  try {
    const stream = place.stream();
    const documents = deps.engine.get()?.corpusInfo().documents.length ?? 0;
    // The stream's first append opens it.
    /** @see https://docs.slack.dev/reference/methods/chat.startStream */
    await stream.append({ chunks: [searchTask(documents, detectLanguage(question.text))] });
    return stream;
  } catch (error) {
    deps.logger.warn({ err: error }, 'chat.startStream refused; posting the answer instead');
    return undefined;
  }
}

/**
 * Show the answer (or a notice) once. Streamed: the tasks and quotes, then the rest at chat.stopStream. If
 * appending fails, nothing of the answer is shown yet: post it whole. If only stopping fails, the quotes are
 * shown: post the rest (sources, feedback) under them.
 */
async function deliver(deps: SlackDeps, place: AnswerPlace, stream: AnswerStream | undefined, message: SlackMessage, streamed: StreamedAnswer): Promise<void> {
  if (!stream) {
    await place.post(message);
    return;
  }
  try {
    /** @see https://docs.slack.dev/reference/methods/chat.appendStream */
    await stream.append({ chunks: streamed.chunks });
  } catch (error) {
    deps.logger.warn({ err: error }, 'chat.appendStream failed; posting the answer instead');
    /** @see https://docs.slack.dev/reference/methods/chat.stopStream */
    await quietly(deps, 'stopping the stream', () => stream.stop());
    await place.post(message);
    return;
  }
  try {
    /** @see https://docs.slack.dev/reference/methods/chat.stopStream */
    await stream.stop({ blocks: streamed.finalBlocks });
  } catch (error) {
    deps.logger.warn({ err: error }, 'chat.stopStream failed; posting the sources and feedback instead');
    if (streamed.finalBlocks.length) await place.post({ text: message.text, blocks: streamed.finalBlocks });
  }
}

/**
 * Answer one question at one place. Resolves when the answer (or a notice) is posted; never rejects.
 * `resumedId`: a question taken over from a process that died (in-flight.ts); its rate limit was counted.
 */
export async function answerAt(deps: SlackDeps, place: AnswerPlace, question: Question, resumedId?: string): Promise<ShownAnswer | undefined> {
  const log = deps.logger.child({ user: question.userId, conversation: question.conversationKey, mode: question.mode });
  // Notices about a question speak its language; a lookup's answer is French (engine.lookup), so are its notices.
  const noticeLanguage = question.mode === 'ask' ? detectLanguage(question.text) : 'fr';
  if (question.mode === 'ask' && !resumedId) {
    const { allowed, retryAfterSeconds } = await deps.limiter.take(question.userId);
    if (!allowed) {
      log.info('rate limited');
      await quietly(deps, 'rate-limit notice', () => place.notifyPrivately(rateLimitNotice(retryAfterSeconds, noticeLanguage)));
      return undefined;
    }
  }
  if (!deps.engine.get()) {
    await quietly(deps, 'start-up notice', () => place.post(startingNotice(noticeLanguage)));
    return undefined;
  }
  const flight = await takeOff(deps, place.resume, question, resumedId);
  const clearWorking = place.working ? showWorking(deps, place.working) : undefined;
  let shown: ShownAnswer | undefined;
  const started = Date.now();
  // The working signal (not awaited: a decoration never delays an answer) and the stream's first chunk go out
  // before the engine takes the CPU: the first chunk is what the user sees first (bench: event → first chunk).
  const stream = await openStream(deps, place, question);
  const produced = await produceAnswer(deps, question).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const language = detectLanguage(question.text);
  const documents = deps.engine.get()?.corpusInfo().documents.length ?? 0;
  try {
    if ('error' in produced) throw produced.error;
    shown = produced.value;
    if (shown) {
      await deliver(deps, place, stream, renderShown(deps, shown, question.display), renderStreamed(deps, shown, question.display));
      log.info({ kind: shown.answer.kind, sources: shown.answer.sources.length, streamed: Boolean(stream), ms: Date.now() - started }, 'answered');
    }
  } catch (error) {
    const notice = error instanceof InvalidQuestionError ? invalidQuestionNotice(error.reason, noticeLanguage) : failureNotice(noticeLanguage);
    if (error instanceof InvalidQuestionError) log.info({ reason: error.reason }, 'question refused');
    else log.error({ err: error }, 'answering failed');
    await quietly(deps, 'notice', () => deliver(deps, place, stream, notice, failedStream(documents, language, notice.blocks)));
  } finally {
    await flight.land();
    clearWorking?.();
  }
  return shown;
}
