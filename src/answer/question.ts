import { z } from 'zod';

/** Longest question we accept: a long paragraph pasted from an email, not a whole document. */
export const MAX_QUESTION_LENGTH = 2000;

// C0/C1 control characters other than tab and newlines, which people do paste.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;

/** A question as typed by a person: trimmed, non-empty, with at least one letter or digit, bounded. */
export const QuestionSchema = z
  .string()
  .transform((text) => text.trim())
  .refine((text) => text.length > 0, { message: 'the question is empty' })
  .refine((text) => !CONTROL.test(text), { message: 'the question contains control characters' })
  .refine((text) => /[\p{L}\p{N}]/u.test(text), { message: 'the question has no words in it, only punctuation' })
  .refine((text) => text.length <= MAX_QUESTION_LENGTH, {
    message: `the question is too long (at most ${MAX_QUESTION_LENGTH} characters)`,
  });

export class InvalidQuestionError extends Error {
  override name = 'InvalidQuestionError';
}

/** The cleaned question, or an InvalidQuestionError whose message is one sentence for the person who asked. */
export function validateQuestion(input: unknown): string {
  const result = QuestionSchema.safeParse(input);
  if (result.success) return result.data;
  throw new InvalidQuestionError(result.error.issues[0]?.message ?? 'the question is not valid');
}
