// Checks a question as typed by a person before anything is searched; each refusal has a reason.
import { z } from 'zod';
import { MAX_QUESTION_LENGTH } from '../search/index.ts';

// The search stage guards the same bound; the surfaces that state it read it from here.
export { MAX_QUESTION_LENGTH };

// C0/C1 control characters other than tab and newlines, which people do paste.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;

/** Why a question was refused, so each surface can say it in its own words and language. */
export type InvalidQuestionReason = 'empty' | 'control-characters' | 'no-words' | 'too-long';

const REASONS: Record<InvalidQuestionReason, string> = {
  empty: 'the question is empty',
  'control-characters': 'the question contains control characters',
  'no-words': 'the question has no words in it, only punctuation',
  'too-long': `the question is too long (at most ${MAX_QUESTION_LENGTH} characters)`,
};

/** A question as typed by a person: trimmed, non-empty, with at least one letter or digit, bounded. */
export const QuestionSchema = z
  .string()
  .transform((text) => text.trim())
  .refine((text) => text.length > 0, { message: REASONS.empty, params: { reason: 'empty' } })
  .refine((text) => !CONTROL.test(text), { message: REASONS['control-characters'], params: { reason: 'control-characters' } })
  .refine((text) => /[\p{L}\p{N}]/u.test(text), { message: REASONS['no-words'], params: { reason: 'no-words' } })
  .refine((text) => text.length <= MAX_QUESTION_LENGTH, { message: REASONS['too-long'], params: { reason: 'too-long' } });

export class InvalidQuestionError extends Error {
  override name = 'InvalidQuestionError';
  constructor(readonly reason: InvalidQuestionReason) {
    super(REASONS[reason]);
  }
}

/** The cleaned question, or an InvalidQuestionError whose message is one sentence for the person who asked. */
export function validateQuestion(input: unknown): string {
  const result = QuestionSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const reason = issue && 'params' in issue ? (issue.params as { reason?: InvalidQuestionReason } | undefined)?.reason : undefined;
  throw new InvalidQuestionError(reason ?? (typeof input === 'string' ? 'no-words' : 'empty'));
}
