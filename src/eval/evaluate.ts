// `rapporteur eval`: every question of the evaluation set through the answer engine (follow-ups inside their
// conversation) and through each retriever alone, scored per part (held-out, tuning) and per kind of question.
import type { Answer, Language, RapporteurEngine } from '../answer/index.ts';
import { isVerbatim } from '../answer/index.ts';
import type { LoadedIndex } from '../index/index.ts';
import { createSearcher, type SearchResult } from '../search/index.ts';
import { PARTS, QUESTION_TAGS, type EvalSet, type Part, type PartedQuestion, type QuestionTag } from './devset.ts';
import { chooseThreshold, thresholdSweep, type ThresholdRow } from './thresholds.ts';
import { passageId } from '../corpus/index.ts';
import { meanInterval, pairedMean, pairedRatio, ratioInterval, type Interval, type PairedMean, type PairedRatio } from './noise.ts';

/** What happened to one question. */
export interface Outcome {
  id: string;
  part: Part;
  tags: QuestionTag[];
  question: string;
  language: Language;
  answerable: boolean;
  isReference: boolean;
  kind: Answer['kind'];
  /** Rank of the best answering passage in the engine's sources (Infinity when absent). */
  rank: number;
  /** Ranks in each retriever alone (answerable, non-reference questions). */
  retrieverRanks?: { hybrid: number; dense: number; lexical: number };
  firstQuoteOnTarget: boolean;
  /** Distinct documents the quotes come from, a draft counted with its final report. */
  documentsQuoted: number;
  quotes: number;
  verbatim: number;
  labelsExist: number;
  confidence?: number;
  expected: string;
  got: string;
}

export interface Ratio {
  hits: number;
  of: number;
}

/** The figures of issue 11, for one slice of the questions (a part, or one kind within it). */
export interface Figures {
  questions: number;
  /** Answerable content questions (not references): what retrieval and quotes are measured on. */
  answerable: number;
  top5: Ratio;
  recallAt1: Ratio;
  mrr: number;
  /** The first quote comes from an answering passage (or its parent or item); a refusal counts as a miss. */
  firstQuote: Ratio;
  /** Near misses (on topic, not answered) declined or answered `partial`. */
  nearMissDeclined: Ratio;
  offTopicDeclined: Ratio;
  /** Answerable content questions refused (`abstain`). */
  wronglyRefused: Ratio;
  /** Answerable content questions answered `partial`: told the reports lack what they do give. */
  wronglyPartial: Ratio;
  /** Multi-passage questions whose quotes cite more than one document. */
  multiDocument: Ratio;
  /** Reference questions answered by lookup with the expected passage first. */
  references: Ratio;
}

export interface RetrievalScores {
  questions: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
}

export interface PartReport {
  part: Part;
  file: string;
  overall: Figures;
  byTag: Partial<Record<QuestionTag, Figures>>;
  retrieval: { dense: RetrievalScores; lexical: RetrievalScores; hybrid: RetrievalScores; engine: RetrievalScores };
  quotes: { answers: number; quotes: number; verbatim: number; labelsExist: number };
  /** 95 % intervals of the principal figures over this part's questions: Wilson's for the shares, a bootstrap for the MRR (noise.ts). */
  intervals: { top5: Interval; mrr: Interval; firstQuote: Interval; nearMissDeclined: Interval };
  /** The same questions through the baseline engine, compared question by question (`--paired`). */
  paired?: PartComparison;
}

/** The engine measured against a baseline engine on the same questions: what moved, and whether by more than luck. */
export interface PartComparison {
  /** Answerable content questions compared (the near misses are compared on their own). */
  answerable: number;
  mrr: PairedMean;
  top5: PairedRatio;
  recallAt1: PairedRatio;
  firstQuote: PairedRatio;
  nearMissDeclined: PairedRatio;
  offTopicDeclined: PairedRatio;
  multiDocument: PairedRatio;
  /** Answerable questions answered `partial`: here a gain is a loss. */
  wronglyPartial: PairedRatio;
}

export interface EvalReport {
  questions: number;
  parts: PartReport[];
  thresholds: Record<Language, number>;
  /** The techniques the engine ran with. */
  techniques: string[];
  /** The techniques of the baseline engine, when the report compares against one (`--paired`). */
  baselineTechniques?: string[];
  /** Abstention threshold sweep, on the tuning part only (held-out questions never choose a threshold). */
  calibration?: { sweep: Record<Language, ThresholdRow[]>; recommended: Record<Language, ThresholdRow> };
  /** Questions that missed, for the parts the caller may see (held-out misses only when asked for explicitly). */
  failures: Outcome[];
  /** With a baseline: the questions of the parts the caller may see whose answer changed (rank, sources, quote, kind). */
  changes?: Change[];
}

/** One question the change moved: what the baseline engine and the measured one gave. */
export interface Change {
  id: string;
  tags: QuestionTag[];
  question: string;
  expected: string;
  /** The baseline's answer, as `Outcome.got`, and the rank of its best answering passage. */
  before: { got: string; rank: number };
  after: { got: string; rank: number };
}

export interface EvaluateOptions {
  abstainBelow: Record<Language, number>;
  /** Parts whose per-question misses may be listed. */
  showFailuresOf?: Part[];
  maxFalseAbstentionRate?: number;
  /** An engine to compare with, question by question (the default techniques, for `--paired`). */
  baseline?: RapporteurEngine;
}

const key = passageId;

type Ranked = Array<{ docId: string; label: string; alsoIn?: Array<{ docId: string; label: string }> }>;

function rankOf(results: Ranked, expected: Set<string>): number {
  const index = results.findIndex(
    (r) => expected.has(key(r.docId, r.label)) || (r.alsoIn ?? []).some((a) => expected.has(key(a.docId, a.label))),
  );
  return index < 0 ? Infinity : index + 1;
}

/** A quote "hits" when it comes from an expected passage, its parent or one of its items. */
export function fromExpected(quote: { docId: string; label: string }, expected: PartedQuestion['expected']): boolean {
  return expected.some(
    (e) => e.doc === quote.docId && (e.label === quote.label || quote.label.startsWith(`${e.label} `) || e.label.startsWith(`${quote.label} `)),
  );
}

const flatten = (results: SearchResult[]): Ranked =>
  results.map((r) => ({ docId: r.passage.docId, label: r.passage.label, alsoIn: r.alsoIn.map((a) => ({ docId: a.passage.docId, label: a.passage.label })) }));

/** Ranks at or below this count in MRR; a passage further down is as good as absent. */
const MRR_DEPTH = 10;

export async function evaluate(engine: RapporteurEngine, set: EvalSet, options: EvaluateOptions): Promise<EvalReport> {
  const outcomes = await askAll(engine, set, 'eval', true);
  const baseline = options.baseline ? await askAll(options.baseline, set, 'baseline', false) : undefined;

  const parts = PARTS.filter((part) => set.files[part]).map((part) => {
    const inPart = outcomes.filter((o) => o.part === part);
    const report = partReport(part, set.files[part]!, inPart);
    return baseline ? { ...report, paired: compareOutcomes(baseline.filter((o) => o.part === part), inPart) } : report;
  });
  const tuning = outcomes.filter((o) => o.part === 'tune' && !o.isReference && o.confidence !== undefined);
  const shown = new Set(options.showFailuresOf ?? ['tune']);
  return {
    questions: set.questions.length,
    parts,
    thresholds: options.abstainBelow,
    techniques: [...engine.techniques],
    ...(options.baseline ? { baselineTechniques: [...options.baseline.techniques] } : {}),
    ...(tuning.length ? { calibration: calibrate(tuning, options.maxFalseAbstentionRate ?? 0.01) } : {}),
    failures: outcomes.filter((o) => shown.has(o.part) && isFailure(o)),
    ...(baseline ? { changes: changesOf(baseline, outcomes.filter((o) => shown.has(o.part))) } : {}),
  };
}

/** The questions whose answer differs between the baseline and the measured engine, in file order. */
function changesOf(baseline: Outcome[], outcomes: Outcome[]): Change[] {
  const before = new Map(baseline.map((o) => [o.id, o]));
  return outcomes.flatMap((o) => {
    const b = before.get(o.id);
    if (!b || (b.got === o.got && b.rank === o.rank)) return [];
    return [{ id: o.id, tags: o.tags, question: o.question, expected: o.expected, before: { got: b.got, rank: b.rank }, after: { got: o.got, rank: o.rank } }];
  });
}

/**
 * Every question through the engine, in file order, each follow-up in the conversation of the question it
 * follows (conversations keyed by `conversations`, so two engines' never meet); with `retrievers`, also where
 * each retriever alone ranks the answer (the baseline of `--paired` needs only the engine's answers).
 */
async function askAll(engine: RapporteurEngine, set: EvalSet, conversations: string, retrievers: boolean): Promise<Outcome[]> {
  const index = engine.current();
  const searcher = retrievers ? createSearcher({ index, embedder: engine.embedder }) : undefined;
  const byId = new Map(set.questions.map((q) => [q.id, q]));
  const outcomes: Outcome[] = [];
  for (const question of set.questions) {
    const answer = await engine.ask(question.question, { conversationKey: `${conversations}:${question.part}:${rootOf(question, byId)}` });
    outcomes.push(await outcomeOf(question, answer, index, searcher, !engine.techniques.includes('bridge')));
  }
  return outcomes;
}

/** What an answer did for its question; with a searcher, also where each retriever alone ranked the answer. */
async function outcomeOf(
  question: PartedQuestion,
  answer: Answer,
  index: LoadedIndex,
  searcher: ReturnType<typeof createSearcher> | undefined,
  withoutBridge: boolean,
): Promise<Outcome> {
  const expected = new Set(question.expected.map((e) => key(e.doc, e.label)));
  const rank = rankOf(answer.sources, expected);
  const [first] = answer.quotes;
  const finalOf = (docId: string) => index.documentById.get(docId)?.draftOf ?? docId;
  let verbatim = 0;
  let labelsExist = 0;
  for (const quote of answer.quotes) {
    const passage = index.passageById.get(quote.passageId);
    if (passage && passage.label === quote.label && passage.docId === quote.docId) labelsExist += 1;
    if (passage && isVerbatim(quote.text, passage)) verbatim += 1;
  }
  const outcome: Outcome = {
    id: question.id,
    part: question.part,
    tags: question.kinds,
    question: question.question,
    language: question.lang,
    answerable: question.answerable,
    isReference: question.isReference,
    kind: answer.kind,
    rank,
    firstQuoteOnTarget: first !== undefined && fromExpected(first, question.expected),
    documentsQuoted: new Set(answer.quotes.map((q) => finalOf(q.docId))).size,
    quotes: answer.quotes.length,
    verbatim,
    labelsExist,
    ...(answer.confidence !== undefined ? { confidence: answer.confidence } : {}),
    expected: [...expected].join(', ') || `(unanswerable${question.missing ? `: ${question.missing}` : ''})`,
    got: `${answer.kind}: ${answer.sources.slice(0, 3).map((s) => `${s.docId} ${s.label}`).join(' | ')}${first ? ` — first quote ${first.docId} ${first.label}` : ''}`,
  };
  if (searcher && question.answerable && !question.isReference) {
    const ranks = { hybrid: Infinity, dense: Infinity, lexical: Infinity };
    for (const mode of ['hybrid', 'dense', 'lexical'] as const) {
      // The language as the engine passes it, so BM25 alone includes the English→French bridge when the engine does.
      const language = withoutBridge ? {} : { language: answer.language };
      ranks[mode] = rankOf(flatten(await searcher.search(answer.resolvedQuery, { k: MRR_DEPTH, mode, ...language })), expected);
    }
    outcome.retrieverRanks = ranks;
  }
  return outcome;
}

const declined = (o: Outcome) => o.kind === 'abstain';

function isFailure(o: Outcome): boolean {
  if (o.isReference) return !(o.kind === 'lookup' && o.rank === 1);
  if (!o.answerable) return !(declined(o) || (o.tags.includes('near-miss') && o.kind === 'partial'));
  if (o.tags.includes('multi') && o.documentsQuoted < 2) return true;
  return o.rank > 5 || !o.firstQuoteOnTarget || o.kind !== 'answer';
}

const ratio = (list: Outcome[], hit: (o: Outcome) => boolean): Ratio => ({ hits: list.filter(hit).length, of: list.length });
const reciprocal = (rank: number) => (rank <= MRR_DEPTH ? 1 / rank : 0);

/** What each principal figure counts, over the questions it is measured on. */
const isContent = (o: Outcome) => o.answerable && !o.isReference;
const isNearMiss = (o: Outcome) => !o.answerable && !o.tags.includes('off-topic');
const isOffTopic = (o: Outcome) => !o.answerable && o.tags.includes('off-topic');
const inTop5 = (o: Outcome) => o.rank <= 5;
const atFirst = (o: Outcome) => o.rank <= 1;
const nearMissCaught = (o: Outcome) => declined(o) || o.kind === 'partial';
const citesSeveral = (o: Outcome) => o.documentsQuoted > 1;

export function figuresOf(outcomes: Outcome[]): Figures {
  const content = outcomes.filter(isContent);
  const nearMisses = outcomes.filter(isNearMiss);
  const offTopic = outcomes.filter(isOffTopic);
  return {
    questions: outcomes.length,
    answerable: content.length,
    top5: ratio(content, inTop5),
    recallAt1: ratio(content, atFirst),
    mrr: content.reduce((sum, o) => sum + reciprocal(o.rank), 0) / (content.length || 1),
    firstQuote: ratio(content, (o) => o.firstQuoteOnTarget),
    nearMissDeclined: ratio(nearMisses, nearMissCaught),
    offTopicDeclined: ratio(offTopic, declined),
    wronglyRefused: ratio(content, declined),
    wronglyPartial: ratio(content, (o) => o.kind === 'partial'),
    multiDocument: ratio(content.filter((o) => o.tags.includes('multi')), citesSeveral),
    references: ratio(outcomes.filter((o) => o.isReference), (o) => o.kind === 'lookup' && o.rank === 1),
  };
}

function retrievalOf(ranks: number[]): RetrievalScores {
  const n = ranks.length || 1;
  return {
    questions: ranks.length,
    recallAt1: ranks.filter((r) => r <= 1).length / n,
    recallAt5: ranks.filter((r) => r <= 5).length / n,
    mrr: ranks.reduce((sum, r) => sum + reciprocal(r), 0) / n,
  };
}

function partReport(part: Part, file: string, outcomes: Outcome[]): PartReport {
  const byTag: PartReport['byTag'] = {};
  for (const tag of QUESTION_TAGS) {
    const tagged = outcomes.filter((o) => o.tags.includes(tag));
    if (tagged.length) byTag[tag] = figuresOf(tagged);
  }
  const content = outcomes.filter((o) => o.retrieverRanks);
  const answerable = outcomes.filter(isContent);
  const answered = outcomes.filter((o) => o.kind === 'answer' || o.kind === 'partial');
  return {
    part,
    file,
    overall: figuresOf(outcomes),
    byTag,
    retrieval: {
      dense: retrievalOf(content.map((o) => o.retrieverRanks!.dense)),
      lexical: retrievalOf(content.map((o) => o.retrieverRanks!.lexical)),
      hybrid: retrievalOf(content.map((o) => o.retrieverRanks!.hybrid)),
      engine: retrievalOf(content.map((o) => o.rank)),
    },
    quotes: {
      answers: answered.length,
      quotes: answered.reduce((sum, o) => sum + o.quotes, 0),
      verbatim: answered.reduce((sum, o) => sum + o.verbatim, 0),
      labelsExist: answered.reduce((sum, o) => sum + o.labelsExist, 0),
    },
    intervals: {
      top5: ratioInterval(answerable.map(inTop5)),
      mrr: meanInterval(answerable.map((o) => reciprocal(o.rank))),
      firstQuote: ratioInterval(answerable.map((o) => o.firstQuoteOnTarget)),
      nearMissDeclined: ratioInterval(outcomes.filter(isNearMiss).map(nearMissCaught)),
    },
  };
}

/** One part's outcomes of the baseline and of the engine measured, question by question (same questions, same order). */
function compareOutcomes(baseline: Outcome[], changed: Outcome[]): PartComparison {
  const pairs = changed.map((o, i) => {
    const before = baseline[i];
    if (before?.id !== o.id) throw new Error(`paired evaluation: question ${o.id} has no baseline twin`);
    return [before, o] as const;
  });
  const content = pairs.filter(([, o]) => isContent(o));
  const nearMisses = pairs.filter(([, o]) => isNearMiss(o));
  const offTopic = pairs.filter(([, o]) => isOffTopic(o));
  const paired = (list: typeof pairs, hit: (o: Outcome) => boolean) => pairedRatio(list.map(([b]) => hit(b)), list.map(([, o]) => hit(o)));
  return {
    answerable: content.length,
    mrr: pairedMean(content.map(([b]) => reciprocal(b.rank)), content.map(([, o]) => reciprocal(o.rank))),
    top5: paired(content, inTop5),
    recallAt1: paired(content, atFirst),
    firstQuote: paired(content, (o) => o.firstQuoteOnTarget),
    nearMissDeclined: paired(nearMisses, nearMissCaught),
    offTopicDeclined: paired(offTopic, declined),
    multiDocument: paired(content.filter(([, o]) => o.tags.includes('multi')), citesSeveral),
    wronglyPartial: paired(content, (o) => o.kind === 'partial'),
  };
}

function calibrate(points: Outcome[], maxFalseRate: number): NonNullable<EvalReport['calibration']> {
  const sweepOf = (language: Language) =>
    thresholdSweep(points.filter((p) => p.language === language).map((p) => ({ confidence: p.confidence!, answerable: p.answerable })));
  const sweep = { fr: sweepOf('fr'), en: sweepOf('en') };
  const recommendOf = (language: Language) => {
    const answerable = points.filter((p) => p.language === language && p.answerable).length;
    return chooseThreshold(sweep[language], Math.floor(maxFalseRate * answerable));
  };
  return { sweep, recommended: { fr: recommendOf('fr'), en: recommendOf('en') } };
}

function rootOf(question: PartedQuestion, byId: Map<string, PartedQuestion>): string {
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
