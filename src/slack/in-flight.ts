// No question lost to a crash: Slack has its 200 as soon as an event is acked and will not send it again. So
// each acked question is recorded in the state store with a lease, renewed while it is being answered and
// removed once answered. A process whose lease runs out has died: another process sharing the store (Redis),
// or this one after a restart (SQLite), takes the question over — the take is atomic, so once — and answers
// it, if it was acked less than two minutes ago.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Question } from './answering.ts';
import type { SlackDeps } from './deps.ts';

export const IN_FLIGHT = {
  /** A question is taken over when its process has not renewed the lease for this long. */
  leaseMs: 12_000,
  renewEveryMs: 3_000,
  /** Older questions are dropped: an answer that late would only confuse. */
  maxAgeMs: 2 * 60_000,
  /** How often each process looks for abandoned questions. */
  pollMs: 2_000,
} as const;

/**
 * Where the answer goes, in a form another process can post to: a thread (mentions, DMs, assistant
 * threads), or the response_url of a slash command (Slack accepts posts to it from anywhere for 30 minutes).
 */
export const PlaceRecordSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('thread'),
    channel: z.string().min(1),
    threadTs: z.string().min(1),
    userId: z.string().min(1),
    /** The question's own message, for the 👀 reaction. */
    reactTs: z.string().optional(),
  }),
  z.object({ kind: z.literal('response_url'), url: z.url(), userId: z.string().min(1) }),
]);
export type PlaceRecord = z.infer<typeof PlaceRecordSchema>;

const QuestionRecordSchema = z.object({
  userId: z.string(),
  text: z.string(),
  conversationKey: z.string(),
  mode: z.enum(['ask', 'lookup']),
  doc: z.string().optional(),
  display: z.object({ ephemeral: z.boolean().optional(), showQuestion: z.boolean().optional(), sourcesOnly: z.boolean().optional() }).optional(),
});

export interface Flight {
  /** Answered (or given up on): stop renewing, forget it. Never rejects. */
  land(): Promise<void>;
}

const NO_FLIGHT: Flight = { land: async () => undefined };

/** Record `question` as in flight (or keep renewing the one taken over, `resumedId`) until it lands. */
export async function takeOff(deps: SlackDeps, place: PlaceRecord | undefined, question: Question, resumedId?: string): Promise<Flight> {
  if (!place && !resumedId) return NO_FLIGHT; // a place only this process can post to (a click's respond)
  const id = resumedId ?? randomBytes(8).toString('hex');
  const state = deps.state.inFlight;
  const quietly = (what: string, action: Promise<unknown>) =>
    action.catch((error: unknown) => deps.logger.warn({ err: error, inFlight: id }, `in-flight ${what} failed`));
  if (!resumedId) {
    const { userId, text, conversationKey, mode, doc, display } = question;
    const record = { userId, text, conversationKey, mode, ...(doc ? { doc } : {}), ...(display ? { display } : {}) };
    await quietly('record', state.begin({ id, at: Date.now(), question: record, place: place! }, IN_FLIGHT.leaseMs));
  }
  const renewal = setInterval(() => void quietly('renewal', state.renew(id, IN_FLIGHT.leaseMs)), IN_FLIGHT.renewEveryMs);
  renewal.unref();
  return {
    async land() {
      clearInterval(renewal);
      await quietly('removal', state.finish(id));
    },
  };
}

export interface Recovery {
  stop(): Promise<void>;
}

export interface Abandoned {
  id: string;
  place: PlaceRecord;
  question: Question;
}

/** Poll for abandoned questions and hand each to `answer` (server.ts rebuilds the place and answers there). */
export function recoverAbandoned(deps: SlackDeps, answer: (abandoned: Abandoned) => Promise<unknown>, pollMs: number = IN_FLIGHT.pollMs): Recovery {
  let running: Promise<void> = Promise.resolve();
  const poll = async () => {
    const taken = await deps.state.inFlight.claimAbandoned(IN_FLIGHT.leaseMs, IN_FLIGHT.maxAgeMs);
    for (const entry of taken) {
      const place = PlaceRecordSchema.safeParse(entry.place);
      const question = QuestionRecordSchema.safeParse(entry.question);
      if (!place.success || !question.success) {
        deps.logger.warn({ inFlight: entry.id }, 'a question left in flight has an unreadable record; dropped');
        await deps.state.inFlight.finish(entry.id);
        continue;
      }
      deps.logger.warn({ inFlight: entry.id, ageMs: Date.now() - entry.at, conversation: question.data.conversationKey }, 'answering a question left in flight by a process that stopped');
      await answer({ id: entry.id, place: place.data, question: question.data });
    }
  };
  const timer = setInterval(() => {
    running = running.then(poll).catch((error: unknown) => deps.logger.warn({ err: error }, 'looking for questions left in flight failed'));
  }, pollMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
