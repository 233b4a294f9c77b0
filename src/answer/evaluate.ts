// `rapporteur eval`: retrieval quality (dense, lexical, fused) and answer behaviour (lookup, abstention,
// follow-ups, verbatim quotes) on the development set in eval/devset.yml.
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { LoadedIndex } from '../index/index.ts';
import { createSearcher, type SearchResult } from '../search/index.ts';
import type { RapporteurEngine } from './engine.ts';
import { isVerbatim } from './quotes.ts';
import type { Answer, Language } from './schema.ts';

const ExpectedSchema = z.object({ doc: z.string().min(1), label: z.string().min(1) }).strict();
const QuestionTagSchema = z.enum([
  'paraphrase',
  'english',
  'fact',
  'multi',
  'typo',
  'follow-up',
  'near-miss',
  'off-topic',
  'reference',
  'direct',
]);

export const DevQuestionSchema = z
  .object({
    id: z.string().min(1),
    question: z.string().min(1),
    lang: z.enum(['fr', 'en']),
    answerable: z.boolean(),
    expected: z.array(ExpectedSchema),
    kind: z.enum(['semantic', 'reference']),
    followUpOf: z.string().optional(),
    notes: z.string().optional(),
    // Issue 11: the kinds a question belongs to, and for near misses what a reader is shown and what is missing.
    tags: z.array(QuestionTagSchema).min(1).optional(),
    related: z.array(ExpectedSchema).optional(),
    missing: z.string().min(1).optional(),
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

export async function loadDevSet(file: string): Promise<DevSet> {
  const raw = parseYaml(await readFile(file, 'utf8')) as unknown;
  const result = DevSetSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid development set'}`);
  }
  return result.data;
}

export interface RetrievalScores {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
}

export interface ThresholdRow {
  threshold: number;
  /** Of the questions the engine would abstain on, the share that really are unanswerable. */
  abstainPrecision: number;
  /** Of the unanswerable questions, the share it would abstain on. */
  abstainRecall: number;
  /** Answerable questions that would wrongly be refused. */
  falseAbstentions: number;
  accuracy: number;
}

export interface EvalReport {
  questions: number;
  retrieval: { hybrid: RetrievalScores; dense: RetrievalScores; lexical: RetrievalScores; engine: RetrievalScores };
  references: { questions: number; correct: number };
  abstention: {
    questions: number;
    correct: number;
    accuracy: number;
    thresholds: Record<Language, number>;
    /** Per language: the trade-off at each threshold, and the calibrated choice. */
    sweep: Record<Language, ThresholdRow[]>;
    recommended: Record<Language, ThresholdRow>;
  };
  followUps: { questions: number; recallAt5: number };
  /**
   * `onTarget`: quotes, in answers to answerable questions, taken from an expected passage or its parent or
   * child item (a proxy for "the quote answers the question"); `firstOnTarget`: answers whose first quote is.
   */
  quotes: { answers: number; quotes: number; verbatim: number; labelsExist: number; onTarget: number; judged: number; firstOnTarget: number; judgedAnswers: number };
  failures: Array<{ id: string; question: string; expected: string; got: string }>;
}

const key = (doc: string, label: string) => `${doc}#${label}`;

function rankOf(results: Array<{ docId: string; label: string; alsoIn?: Array<{ docId: string; label: string }> }>, expected: Set<string>): number {
  const index = results.findIndex(
    (r) => expected.has(key(r.docId, r.label)) || (r.alsoIn ?? []).some((a) => expected.has(key(a.docId, a.label))),
  );
  return index < 0 ? Infinity : index + 1;
}

function scores(ranks: number[]): RetrievalScores {
  const n = ranks.length || 1;
  return {
    questions: ranks.length,
    recallAt1: ranks.filter((r) => r <= 1).length / n,
    recallAt5: ranks.filter((r) => r <= 5).length / n,
    mrr: ranks.reduce((sum, r) => sum + (Number.isFinite(r) && r <= 10 ? 1 / r : 0), 0) / n,
  };
}

const flatten = (results: SearchResult[]) =>
  results.map((r) => ({ docId: r.passage.docId, label: r.passage.label, alsoIn: r.alsoIn.map((a) => ({ docId: a.passage.docId, label: a.passage.label })) }));

/** Runs every question through the engine (with conversations for follow-ups) and through each retriever. */
export async function evaluate(
  engine: RapporteurEngine,
  devset: DevSet,
  options: { abstainBelow: Record<Language, number>; maxFalseAbstentionRate?: number },
): Promise<EvalReport> {
  const index = engine.current();
  const searcher = createSearcher({ index, embedder: engine.embedder });
  const byId = new Map(devset.questions.map((q) => [q.id, q]));
  const answers = new Map<string, Answer>();
  const failures: EvalReport['failures'] = [];

  // Engine pass, in file order, each follow-up in the conversation of the question it follows.
  for (const question of devset.questions) {
    const root = rootOf(question, byId);
    answers.set(question.id, await engine.ask(question.question, { conversationKey: `eval:${root}` }));
  }

  const ranks = { hybrid: [] as number[], dense: [] as number[], lexical: [] as number[], engine: [] as number[] };
  const followUpRanks: number[] = [];
  let referenceCorrect = 0;
  let referenceCount = 0;
  const confidences: Array<{ confidence: number; answerable: boolean; language: Language }> = [];

  for (const question of devset.questions) {
    const answer = answers.get(question.id) as Answer;
    const expected = new Set(question.expected.map((e) => key(e.doc, e.label)));
    const engineRank = rankOf(answer.sources, expected);
    const describe = () => answer.sources.slice(0, 3).map((s) => `${s.docId} ${s.label}`).join(' | ') || answer.kind;

    if (question.kind === 'reference') {
      referenceCount += 1;
      if (answer.kind === 'lookup' && engineRank === 1) referenceCorrect += 1;
      else failures.push({ id: question.id, question: question.question, expected: [...expected].join(', '), got: describe() });
      continue;
    }
    if (answer.confidence !== undefined) confidences.push({ confidence: answer.confidence, answerable: question.answerable, language: answer.language });
    if (!question.answerable) continue;

    ranks.engine.push(engineRank);
    if (question.followUpOf) followUpRanks.push(engineRank);
    if (engineRank > 5) failures.push({ id: question.id, question: question.question, expected: [...expected].join(', '), got: describe() });
    for (const mode of ['hybrid', 'dense', 'lexical'] as const) {
      const results = await searcher.search(answer.resolvedQuery, { k: 10, mode });
      ranks[mode].push(rankOf(flatten(results), expected));
    }
  }

  const maxFalse = options.maxFalseAbstentionRate ?? 0.05;
  const sweepOf = (language: Language) => thresholdSweep(confidences.filter((c) => c.language === language));
  const sweep = { fr: sweepOf('fr'), en: sweepOf('en') };
  const recommendOf = (language: Language) => {
    const answerable = confidences.filter((c) => c.language === language && c.answerable).length;
    return chooseThreshold(sweep[language], Math.floor(maxFalse * answerable));
  };
  const abstainCorrect = devset.questions.filter((q) => q.kind === 'semantic' && (answers.get(q.id)?.kind === 'abstain') === !q.answerable).length;
  const semanticCount = devset.questions.filter((q) => q.kind === 'semantic').length;

  return {
    questions: devset.questions.length,
    retrieval: { hybrid: scores(ranks.hybrid), dense: scores(ranks.dense), lexical: scores(ranks.lexical), engine: scores(ranks.engine) },
    references: { questions: referenceCount, correct: referenceCorrect },
    abstention: {
      questions: semanticCount,
      correct: abstainCorrect,
      accuracy: abstainCorrect / (semanticCount || 1),
      thresholds: options.abstainBelow,
      sweep,
      recommended: { fr: recommendOf('fr'), en: recommendOf('en') },
    },
    followUps: { questions: followUpRanks.length, recallAt5: followUpRanks.filter((r) => r <= 5).length / (followUpRanks.length || 1) },
    quotes: quoteFigures(devset, answers, index),
    failures,
  };
}

/** A quote "hits" when it comes from an expected passage, its parent or one of its items. */
function fromExpected(quote: { docId: string; label: string }, expected: DevQuestion['expected']): boolean {
  return expected.some(
    (e) => e.doc === quote.docId && (e.label === quote.label || quote.label.startsWith(`${e.label} `) || e.label.startsWith(`${quote.label} `)),
  );
}

function quoteFigures(devset: DevSet, answers: Map<string, Answer>, index: LoadedIndex): EvalReport['quotes'] {
  const figures = { answers: 0, quotes: 0, verbatim: 0, labelsExist: 0, onTarget: 0, judged: 0, firstOnTarget: 0, judgedAnswers: 0 };
  for (const question of devset.questions) {
    const answer = answers.get(question.id);
    if (!answer || answer.kind !== 'answer') continue;
    figures.answers += 1;
    for (const quote of answer.quotes) {
      figures.quotes += 1;
      const passage = index.passageById.get(quote.passageId);
      if (passage && passage.label === quote.label && passage.docId === quote.docId) figures.labelsExist += 1;
      if (passage && isVerbatim(quote.text, passage)) figures.verbatim += 1;
    }
    const [first] = answer.quotes;
    if (!question.answerable || !first) continue;
    figures.judgedAnswers += 1;
    if (fromExpected(first, question.expected)) figures.firstOnTarget += 1;
    figures.judged += answer.quotes.length;
    figures.onTarget += answer.quotes.filter((quote) => fromExpected(quote, question.expected)).length;
  }
  return figures;
}

function rootOf(question: DevQuestion, byId: Map<string, DevQuestion>): string {
  let current = question;
  const seen = new Set<string>();
  while (current.followUpOf && !seen.has(current.id)) {
    seen.add(current.id);
    const parent = byId.get(current.followUpOf);
    if (!parent) break;
    current = parent;
  }
  return current.id;
}

/** The highest threshold that wrongly refuses at most `maxFalse` answerable questions. */
export function chooseThreshold(sweep: ThresholdRow[], maxFalse: number): ThresholdRow {
  const allowed = sweep.filter((row) => row.falseAbstentions <= maxFalse);
  return allowed.at(-1) ?? (sweep[0] as ThresholdRow);
}

/** Abstention precision/recall at every threshold between the observed confidences. */
export function thresholdSweep(points: Array<{ confidence: number; answerable: boolean }>): ThresholdRow[] {
  const rows: ThresholdRow[] = [];
  const unanswerable = points.filter((p) => !p.answerable).length;
  for (let t = 0.7; t <= 0.9001; t += 0.005) {
    const threshold = Math.round(t * 1000) / 1000;
    const abstained = points.filter((p) => p.confidence < threshold);
    const trulyUnanswerable = abstained.filter((p) => !p.answerable).length;
    const falseAbstentions = abstained.length - trulyUnanswerable;
    const correct = trulyUnanswerable + points.filter((p) => p.confidence >= threshold && p.answerable).length;
    rows.push({
      threshold,
      abstainPrecision: abstained.length ? trulyUnanswerable / abstained.length : 1,
      abstainRecall: unanswerable ? trulyUnanswerable / unanswerable : 1,
      falseAbstentions,
      accuracy: points.length ? correct / points.length : 0,
    });
  }
  return rows;
}
