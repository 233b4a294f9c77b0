// The evaluation questions: their schema (checked at the boundary), the two parts of the set — the tuning part
// (eval/devset.yml, which thresholds and weights may be tuned on) and the held-out part (eval/heldout.yml,
// never tuned on) — and the kinds (tags) every figure is broken down by.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** The kinds of question every figure is reported for (a question may carry several). */
export const QUESTION_TAGS = [
  'direct',
  'paraphrase',
  'english',
  'fact',
  'multi',
  'typo',
  'follow-up',
  'near-miss',
  'off-topic',
  'reference',
] as const;
export type QuestionTag = (typeof QUESTION_TAGS)[number];

const PassageRefSchema = z.object({ doc: z.string().min(1), label: z.string().min(1) }).strict();

export const DevQuestionSchema = z
  .object({
    id: z.string().min(1),
    question: z.string().min(1),
    lang: z.enum(['fr', 'en']),
    answerable: z.boolean(),
    expected: z.array(PassageRefSchema).default([]),
    /** `reference` when the question names a label; derived from the tags when absent. */
    kind: z.enum(['semantic', 'reference']).optional(),
    tags: z.array(z.enum(QUESTION_TAGS)).optional(),
    followUpOf: z.string().optional(),
    /** Near misses: the passages that touch the subject without answering. */
    related: z.array(PassageRefSchema).optional(),
    /** Near misses: what the reports do not give. */
    missing: z.string().optional(),
    notes: z.string().optional(),
  })
  .strict()
  .refine((q) => q.answerable === q.expected.length > 0, { message: 'answerable questions list expected passages, others none' });
export type DevQuestion = z.infer<typeof DevQuestionSchema>;

export const DevSetSchema = z
  .object({ questions: z.array(DevQuestionSchema).min(1) })
  .refine((set) => new Set(set.questions.map((q) => q.id)).size === set.questions.length, { message: 'question ids must be unique' })
  .refine((set) => set.questions.every((q) => !q.followUpOf || set.questions.some((p) => p.id === q.followUpOf)), {
    message: 'followUpOf must name a question of the set',
  });
export type DevSet = z.infer<typeof DevSetSchema>;

export type Part = 'tune' | 'heldout';
/** Held-out first: it is the part whose figures are quoted. */
export const PARTS: readonly Part[] = ['heldout', 'tune'];

export interface PartedQuestion extends DevQuestion {
  part: Part;
  /** The question's tags, or the ones derived for an untagged question (see `tagsOf`). */
  kinds: QuestionTag[];
  /** True when the question names a label and should be answered by lookup. */
  isReference: boolean;
}

/** An evaluation file that cannot be used: missing, unreadable, not YAML or not valid; the message is for the user. */
export class EvalSetError extends Error {
  override name = 'EvalSetError';
}

export async function loadDevSet(file: string): Promise<DevSet> {
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(file, 'utf8'));
  } catch (error) {
    throw new EvalSetError(error instanceof Error ? error.message : String(error));
  }
  const result = DevSetSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new EvalSetError(`${file}: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid development set'}`);
  }
  return result.data;
}

/**
 * The tags of a question: the ones written in the file, plus those its fields imply (a reference, a follow-up,
 * English). Questions written before tags existed have only these; an answerable one with none of them is
 * `direct`, an unanswerable one a near miss (the old set's off-topic questions are tagged in the file).
 */
export function tagsOf(question: DevQuestion): QuestionTag[] {
  const tags = new Set<QuestionTag>(question.tags ?? []);
  if (question.kind === 'reference') tags.add('reference');
  if (question.followUpOf) tags.add('follow-up');
  if (question.lang === 'en') tags.add('english');
  if (!question.answerable && !tags.has('off-topic')) tags.add('near-miss');
  if (tags.size === 0) tags.add('direct');
  return QUESTION_TAGS.filter((tag) => tags.has(tag));
}

function withPart(set: DevSet, part: Part): PartedQuestion[] {
  return set.questions.map((q) => {
    const kinds = tagsOf(q);
    return { ...q, part, kinds, isReference: q.kind === 'reference' || kinds.includes('reference') };
  });
}

export interface EvalSet {
  questions: PartedQuestion[];
  /** The files read, by part (a part without its file is absent). */
  files: Partial<Record<Part, string>>;
}

/**
 * The questions of the parts asked for. The held-out file may be absent (a checkout before it was written):
 * `all` then evaluates the tuning part alone, and asking for `heldout` explicitly is an error.
 */
export async function loadEvalSet(files: { tune: string; heldout: string }, split: Part | 'all'): Promise<EvalSet> {
  const wanted: Part[] = split === 'all' ? ['heldout', 'tune'] : [split];
  const questions: PartedQuestion[] = [];
  const read: Partial<Record<Part, string>> = {};
  for (const part of wanted) {
    const file = files[part];
    if (!existsSync(file)) {
      if (split === 'all' && part === 'heldout') continue;
      throw new EvalSetError(`${file}: no such file`);
    }
    const set = await loadDevSet(file);
    const ids = new Set(questions.map((q) => q.id));
    const clash = set.questions.find((q) => ids.has(q.id));
    if (clash) throw new EvalSetError(`${file}: question id ${clash.id} is also used in another part`);
    questions.push(...withPart(set, part));
    read[part] = file;
  }
  return { questions, files: read };
}
