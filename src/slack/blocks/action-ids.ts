// Action ids and the values carried by buttons. Values are JSON checked with zod when a click comes back
// (they travel through Slack and a user's client), and must stay within Slack's 2 000 characters.
import { z } from 'zod';
import { SLACK_LIMITS } from '../limits.ts';

export const ACTION = {
  fullText: 'full_text',
  moreResults: 'more_results',
  share: 'share_answer',
  feedback: 'answer_feedback',
  /** Prefix: one button per candidate passage in a block, and action ids must be unique within a block. */
  choosePassage: 'choose_passage',
} as const;

export const VIEW = {
  fullText: 'full_text_modal',
  feedbackComment: 'feedback_comment_modal',
} as const;

export const ShareValueSchema = z.object({
  a: z.string(),
  q: z.string(),
  m: z.enum(['ask', 'lookup']),
  k: z.string(),
});
export type ShareValue = z.infer<typeof ShareValueSchema>;

export const FeedbackValueSchema = z.object({
  r: z.enum(['positive', 'negative']),
  a: z.string(),
  q: z.string(),
  l: z.array(z.string()),
});

/** Serialize a button value, shortening its question (`q`) then its labels (`l`) until it fits Slack's limit. */
export function encodeValue<T extends { q: string; l?: string[] }>(value: T, max: number = SLACK_LIMITS.buttonValue): string {
  let current: T = { ...value };
  let json = JSON.stringify(current);
  while (json.length > max) {
    const excess = json.length - max;
    if (current.q.length > 40) {
      current = { ...current, q: `${current.q.slice(0, Math.max(40, current.q.length - excess - 2))}…` };
    } else if (current.l && current.l.length > 0) {
      current = { ...current, l: current.l.slice(0, -1) };
    } else {
      current = { ...current, q: '' };
      json = JSON.stringify(current);
      break;
    }
    json = JSON.stringify(current);
  }
  return json;
}

/** Parse a button value with its schema; undefined when it is not ours or was tampered with. */
export function decodeValue<T>(schema: z.ZodType<T>, raw: string | undefined): T | undefined {
  if (!raw) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
