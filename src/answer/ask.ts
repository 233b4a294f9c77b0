// `ask` in named steps. The engine (engine.ts) owns the lifecycle — model, served index, conversation store —
// and calls, per question: `routeQuestion` (decline / more / details / lookup / search), then `lookupAnswer`
// or `searchAnswer`. Every Answer is built by `makeAnswer`, with the defaults in one place.
import { dot } from '../embed/index.ts';
import { counterpartsOf, isReferenceQuestion, makePassageFilter, type SearchFilters, type SearchResult } from '../search/index.ts';
import { analyzeQuestion, boundingYears } from './analysis.ts';
import { documentOf, reportYears, type AskContext, type QuestionContext, type Served, type Technique } from './ask-context.ts';
import { chooseQuotes, leadWithAnswer, QUOTE_POOL } from './choose-quotes.ts';
import { answerText, citePassage, lookupText, makeAnswer, toQuote } from './compose.ts';
import type { ConversationTurn } from './conversation.ts';
import { declineReason, type DeclineReason } from './declines.ts';
import type { AnswerFilters } from './engine-types.ts';
import { resolveFollowUp, yearsIn } from './follow-up.ts';
import { messages } from './messages.ts';
import { adoptionDate, figureCheck, ordinalDate, placeCheck, questionTopic, whatIsMissing } from './missing.ts';
import { feedbackTerms, PRF_PASSAGES, rankForQuestion, wordsSupport } from './ranking.ts';
import type { Answer, CitedPassage, Language } from './schema.ts';

/** How many ranked passages a question keeps, for "more results". */
const RANKING_DEPTH = 30;

export type Route =
  | { kind: 'decline'; reason: DeclineReason }
  | { kind: 'more' }
  | { kind: 'details'; docId: string; label: string }
  | { kind: 'lookup'; ref: string; doc?: string; answer: Answer }
  | { kind: 'search'; query: string; filters: AnswerFilters };

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** What to do with a question: decline it, page on, show details, look a reference up, or search. */
export function routeQuestion(
  question: string,
  language: Language,
  history: ConversationTurn[],
  filters: AnswerFilters | undefined,
  s: Served,
  on: ReadonlySet<Technique>,
): Route {
  const known = reportYears(s);
  const followUp = resolveFollowUp(question, history, (year) => known.has(year));
  // Shell text and other scripts are declined always; the rest (requests, general knowledge, words the reports
  // never use) is the `declines` technique. A follow-up keeps the previous question's subject: only its form
  // (a request, chit-chat) can decline it.
  const continues = followUp.kind !== 'new';
  const reason = declineReason(question, { continues, ...(on.has('declines') ? { knowsWord: reportsKnow(s) } : {}) });
  if (reason && (reason === 'not-words' || reason === 'other-script' || on.has('declines'))) return { kind: 'decline', reason };
  if (followUp.kind === 'more') return { kind: 'more' };
  if (followUp.kind === 'details') {
    const best = history.at(-1)?.ranking[0] && s.index.passageById.get(history.at(-1)!.ranking[0]!.passageId);
    if (best) return { kind: 'details', docId: best.docId, label: best.label };
  }
  if (followUp.kind === 'new') {
    const reference = isReferenceQuestion(question);
    if (reference) {
      const answer = lookupAnswer(question, reference.ref, language, reference.doc, s);
      // "CEDAW general recommendation 38 … supply chains?" names a reference we do not have inside a real
      // question: when the lookup finds nothing and the question says much more, it is answered by search.
      if (answer.kind === 'lookup' || wordCount(question) <= wordCount(reference.ref) + 4) {
        return { kind: 'lookup', ref: reference.ref, ...(reference.doc ? { doc: reference.doc } : {}), answer };
      }
    }
  }
  if (followUp.kind === 'refine') return { kind: 'search', query: followUp.query, filters: followUp.filters };
  // Years named in a question that are years of documents we have ("le rapport 2017") become a filter; not a
  // year that bounds a period ("acceded after 2021", «depuis 2021»), whose events the later reports tell.
  const bounds = boundingYears(question);
  const years = yearsIn(question).filter((year) => known.has(year) && !bounds.includes(year));
  return { kind: 'search', query: question, filters: { ...filters, ...(years.length ? { years } : {}) } };
}

/**
 * Whether the reports use a folded word: some passage holds it (as the lexical index reads it: stemmed), or it
 * is an English word the lexicon gives French for (the lexicon holds only the reports' vocabulary).
 */
function reportsKnow(s: Served): (word: string) => boolean {
  return (word) => s.searcher.lexical.passagesWith(word) > 0 || counterpartsOf(word).length > 0;
}

/** The declined answer: one sentence, no sources. */
export function declinedAnswer(question: string, language: Language, reason: DeclineReason): Answer {
  const m = messages(language);
  const text = { 'off-topic': m.offTopic, general: m.abstain, 'not-words': m.notWords, 'other-script': m.otherScript }[reason];
  return makeAnswer({ question, language, kind: 'abstain', text, resolvedQuery: question });
}

/** A reference answered by lookup: the passage(s) in full, or suggestions when none matches. */
export function lookupAnswer(question: string, reference: string, language: Language, doc: string | undefined, s: Served): Answer {
  const result = s.lookup(reference, doc ? { doc } : {});
  const sources = result.matches.map((match) => citePassage(match.passage, match.document, 1));
  const suggestions = result.suggestions.map((x) => ({ docId: x.passage.docId, docName: x.document.displayName, label: x.passage.label }));
  if (sources.length === 0) {
    const m = messages(language);
    const hint = suggestions.length ? ` ${m.didYouMean} : ${suggestions.map((x) => `${x.label} (${x.docName})`).join(', ')} ?` : '';
    return makeAnswer({ question, language, kind: 'not-found', text: `${m.notFound(reference)}${hint}`, suggestions, resolvedQuery: reference });
  }
  return makeAnswer({ question, language, kind: 'lookup', text: lookupText(sources, reference, language), sources, suggestions, resolvedQuery: reference });
}

function toSearchFilters(filters: AnswerFilters): SearchFilters {
  return {
    ...(filters.docIds?.length ? { docIds: filters.docIds } : {}),
    ...(filters.years?.length ? { years: filters.years } : {}),
    ...(filters.recommendationsOnly ? { kinds: ['recommendation' as const] } : {}),
  };
}

/** Whether any passage passes the filters (`--year 2099` or a year and a document of another year do not). */
function filtersMatchSomething(filters: SearchFilters, s: Served): boolean {
  const filter = makePassageFilter(filters, s.index.documentById, s.rootKindById);
  return !filter || s.index.passages.some(filter);
}

export interface SearchAnswer {
  answer: Answer;
  ranking: Array<{ passageId: string; score: number }>;
  shown: number;
}

/** A question answered from the search: quotes, a partial answer naming what is missing, or an abstention. */
export async function searchAnswer(
  ctx: AskContext,
  question: string,
  language: Language,
  query: string,
  filters: AnswerFilters,
  top: number,
): Promise<SearchAnswer> {
  const s = ctx.served;
  const searchFilters = toSearchFilters(filters);
  if (!filtersMatchSomething(searchFilters, s)) {
    const answer = makeAnswer({ question, language, kind: 'abstain', text: messages(language).noDocumentMatches, resolvedQuery: query });
    return { answer, ranking: [], shown: 0 };
  }

  const started = performance.now();
  const queryVector = await ctx.embedder.embedQuery(query);
  const embedded = performance.now();
  const analysis = analyzeQuestion(question, language);
  const found = await searchPassages(ctx, query, queryVector, searchFilters, language);
  const results = rankForQuestion(ctx.on, found, { analysis, query, language, queryVector }, s);
  const searched = performance.now();

  const confidence = confidenceOf(results, queryVector, s);
  const abstained = results.length === 0 || (confidence < ctx.abstainBelow[language] && !(ctx.on.has('support') && wordsSupport(results[0]!)));
  const shown = abstained ? Math.min(ABSTAINED_SOURCES, results.length) : Math.min(top, results.length);
  const sources = results.slice(0, shown).map(cite);
  const answer = abstained
    ? makeAnswer({ question, language, kind: 'abstain', text: messages(language).abstain, sources, resolvedQuery: query })
    : quotedAnswer(ctx, { question, language, query, analysis, queryVector }, results, sources, shown);
  answer.confidence = confidence;
  answer.timings = {
    embed: embedded - started,
    search: searched - embedded,
    ...(s.searcher.lastTimings ? prefixKeys('search.', s.searcher.lastTimings()) : {}),
    compose: performance.now() - searched,
  };
  const ranking = results.map((r) => ({ passageId: r.passage.id, score: r.score }));
  return { answer, ranking, shown };
}

/** How many sources a refused answer still lists, so the asker sees what came closest. */
const ABSTAINED_SOURCES = 3;

/** The search, with the techniques in use: the French bridge for English, the synonyms, pseudo-relevance feedback. */
async function searchPassages(
  ctx: AskContext,
  query: string,
  queryVector: Float32Array,
  filters: SearchFilters,
  language: Language,
): Promise<SearchResult[]> {
  const searchOptions = {
    k: RANKING_DEPTH, filters, vector: queryVector,
    ...(ctx.on.has('bridge') ? { language } : {}),
    ...(ctx.on.has('synonyms') ? { synonyms: true } : {}),
  };
  const found = await ctx.served.searcher.search(query, searchOptions);
  if (!ctx.on.has('prf')) return found;
  const expansion = feedbackTerms(found.slice(0, PRF_PASSAGES), query, ctx.served);
  return expansion ? ctx.served.searcher.search(query, { ...searchOptions, expansion }) : found;
}

/** How many of the best passages the confidence looks at: the quote pool and the two after it. */
const CONFIDENCE_POOL = QUOTE_POOL + 2;

/** The confidence an answer is refused on: the best cosine of the question to any of the CONFIDENCE_POOL best passages. */
function confidenceOf(results: SearchResult[], queryVector: Float32Array, s: Served): number {
  const similarityOf = (result: SearchResult) => result.dense?.similarity ?? dot(queryVector, s.index.passageVector(result.passage.id));
  return Math.max(-1, ...results.slice(0, CONFIDENCE_POOL).map(similarityOf));
}

/**
 * An answer that quotes: the quotes (choose-quotes.ts), led by a sentence that gives the figure, date or place
 * asked when one does (missing.ts's checks), and the partial sentence when the best passages lack what was asked.
 */
function quotedAnswer(
  ctx: AskContext,
  asked: QuestionContext,
  results: SearchResult[],
  sources: CitedPassage[],
  shown: number,
): Answer {
  const { question, language, query, analysis, queryVector } = asked;
  const best = chooseQuotes(ctx, queryVector, results, analysis);
  const topic = questionTopic(ctx, query, language);
  const givesFigure = figureCheck(ctx, analysis, topic);
  const figureFirst = ctx.on.has('answer-type') && !analysis.acrossReports;
  const givesAnswer = givesFigure ?? placeCheck(ctx, query, analysis, language, topic);
  const givesBest = adoptionDate(analysis, givesFigure) ?? ordinalDate(ctx, analysis, givesFigure);
  const chosen = figureFirst ? leadWithAnswer(ctx, queryVector, results, best, givesAnswer, givesBest) : best;
  const quotes = chosen.map((sentence) => toQuote(sentence, documentOf(sentence.passage, ctx.served)));
  const missing = !ctx.on.has('partial') ? null : whatIsMissing(ctx, asked, results, chosen, givesFigure, topic);
  const text = missing ? `${missing}\n${answerText(quotes, language)}` : answerText(quotes, language);
  return makeAnswer({
    question, language, kind: missing ? 'partial' : 'answer', text, quotes, sources,
    hasMore: results.length > shown, resolvedQuery: query, ...(missing ? { notice: missing } : {}),
  });
}

function cite(result: SearchResult): CitedPassage {
  return {
    ...citePassage(result.passage, result.document, result.score, result.alsoIn),
    retrieval: {
      ...(result.dense ? { dense: result.dense } : {}),
      ...(result.lexical ? { lexical: result.lexical } : {}),
    },
  };
}

function prefixKeys(prefix: string, record: Record<string, number>): Record<string, number> {
  const prefixed: Record<string, number> = {};
  for (const key in record) prefixed[`${prefix}${key}`] = record[key]!;
  return prefixed;
}
