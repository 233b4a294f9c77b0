// The answer engine: one per process, shared by the terminal and Slack. It owns the model, the loaded index
// (swapped atomically on reload), the searcher, the lookup tables and the conversation store.
import type { Document, Passage } from '../corpus/index.ts';
import { loadEmbedder, type Embedder } from '../embed/index.ts';
import { ensureIndex, loadIndex, type BuildProgress, type LoadedIndex } from '../index/index.ts';
import {
  createLookup,
  createSearcher,
  isReferenceQuestion,
  type SearchFilters,
  type SearchResult,
  type Searcher,
} from '../search/index.ts';
import { answerText, citePassage, lookupText, toQuote } from './compose.ts';
import { sourceUrlTemplateFromEnv, withOfficialUrls } from './official.ts';
import { MemoryConversationStore, type ConversationStore, type ConversationTurn } from './conversation.ts';
import type { AnswerEngine, AnswerFilters, AskOptions, CorpusInfo } from './engine-types.ts';
import { resolveFollowUp, yearsIn } from './follow-up.ts';
import { detectLanguage } from './language.ts';
import { perPassage } from './memo.ts';
import { messages } from './messages.ts';
import { suggestPrompts } from './prompts.ts';
import { validateQuestion } from './question.ts';
import { dot, selectQuotes } from './quotes.ts';
import type { Answer, CitedPassage, Language } from './schema.ts';

/**
 * Below this cosine similarity between the question and its best passage, the reports are taken not to
 * answer. One threshold per language: an English question scores lower against French passages than a
 * French paraphrase does. Calibrated with `rapporteur eval` on eval/devset.yml: the highest threshold that
 * wrongly refuses at most 5 % of the answerable questions of that language (README, "Evaluation").
 */
export const DEFAULT_ABSTAIN_BELOW: Record<Language, number> = { fr: 0.835, en: 0.795 };

/** How many ranked passages a question keeps, for "more results". */
const RANKING_DEPTH = 30;
/** How many of the best passages quotes are drawn from. */
const QUOTE_POOL = 3;

export interface EngineOptions {
  corpusDir: string;
  indexDir: string;
  embedder?: Embedder;
  store?: ConversationStore;
  abstainBelow?: Record<Language, number>;
  /** Progress of the build when the index is missing and is built first (a fresh checkout). */
  onBuildProgress?: (event: BuildProgress) => void;
  /** `https://…/{symbol}` for official links; default: RAPPORTEUR_SOURCE_URL_TEMPLATE. */
  sourceUrlTemplate?: string;
}

export interface RapporteurEngine extends AnswerEngine {
  /** Load the index again (after `rapporteur index` rebuilt it); the old one serves until the new one is ready. */
  reload(): Promise<void>;
  /** The embedder, for callers that measure or reuse it. */
  readonly embedder: Embedder;
  /** The currently served index. */
  current(): LoadedIndex;
}

interface Served {
  index: LoadedIndex;
  searcher: Searcher;
  lookup: ReturnType<typeof createLookup>;
}

export async function createAnswerEngine(options: EngineOptions): Promise<RapporteurEngine> {
  const embedder = options.embedder ?? (await loadEmbedder());
  const store = options.store ?? new MemoryConversationStore();
  const abstainBelow = options.abstainBelow ?? DEFAULT_ABSTAIN_BELOW;
  const sourceUrlTemplate = options.sourceUrlTemplate ?? sourceUrlTemplateFromEnv();

  const serve = (loaded: LoadedIndex): Served => {
    const index = withOfficialLinks(loaded, sourceUrlTemplate);
    return { index, searcher: createSearcher({ index, embedder }), lookup: createLookup({ passages: index.passages, documents: index.documents }) };
  };
  let served = serve(
    await ensureIndex({
      corpusDir: options.corpusDir,
      indexDir: options.indexDir,
      embedder,
      ...(options.onBuildProgress ? { onProgress: options.onBuildProgress } : {}),
    }),
  );

  const documentOf = (passage: Passage, s: Served): Document => {
    const document = s.index.documentById.get(passage.docId);
    if (!document) throw new Error(`index has passage ${passage.id} without its document`);
    return document;
  };
  const cite = (result: SearchResult): CitedPassage => ({
    ...citePassage(result.passage, result.document, result.score, result.alsoIn),
    retrieval: {
      ...(result.dense ? { dense: result.dense } : {}),
      ...(result.lexical ? { lexical: result.lexical } : {}),
    },
  });

  const toSearchFilters = (filters: AnswerFilters): SearchFilters => ({
    ...(filters.docIds?.length ? { docIds: filters.docIds } : {}),
    ...(filters.years?.length ? { years: filters.years } : {}),
    ...(filters.recommendationsOnly ? { kinds: ['recommendation' as const] } : {}),
  });

  /** Years named in a question that are years of documents we have ("le rapport 2017") become a filter. */
  const documentYears = (question: string, s: Served): number[] => {
    const known = new Set(s.index.documents.map((d) => d.year));
    return yearsIn(question).filter((year) => known.has(year));
  };

  const lookupAnswer = (question: string, reference: string, language: Language, doc: string | undefined, s: Served): Answer => {
    const result = s.lookup(reference, doc ? { doc } : {});
    const sources = result.matches.map((match) => citePassage(match.passage, match.document, 1));
    const suggestions = result.suggestions.map((s2) => ({
      docId: s2.passage.docId,
      docName: s2.document.displayName,
      label: s2.passage.label,
    }));
    if (sources.length === 0) {
      const m = messages(language);
      const hint = suggestions.length ? ` ${m.didYouMean} : ${suggestions.map((x) => `${x.label} (${x.docName})`).join(', ')} ?` : '';
      return {
        question, language, kind: 'not-found', text: `${m.notFound(reference)}${hint}`, quotes: [], sources: [],
        suggestions, offset: 0, hasMore: false, resolvedQuery: reference,
      };
    }
    return {
      question, language, kind: 'lookup', text: lookupText(sources, reference, language), quotes: [], sources,
      suggestions, offset: 0, hasMore: false, resolvedQuery: reference,
    };
  };

  const remember = (key: string | undefined, turn: ConversationTurn) => {
    if (key) store.append(key, turn);
  };

  const engine: RapporteurEngine = {
    embedder,
    current: () => served.index,

    async ask(rawQuestion: string, askOptions: AskOptions = {}): Promise<Answer> {
      const question = validateQuestion(rawQuestion);
      const s = served; // one index for the whole answer, even if a reload lands meanwhile
      const top = askOptions.top ?? 5;
      const key = askOptions.conversationKey;
      const history = key ? store.turns(key) : [];
      const language = detectLanguage(question);
      const followUp = resolveFollowUp(question, history);

      if (followUp.kind === 'more' && key) {
        return (await engine.more(key, { top })) ?? {
          question, language, kind: 'answer', text: messages(language).noMore, quotes: [], sources: [],
          suggestions: [], offset: 0, hasMore: false, resolvedQuery: history.at(-1)?.resolvedQuery ?? question,
        };
      }
      if (followUp.kind === 'details') {
        const previous = history.at(-1);
        const best = previous?.ranking[0] && s.index.passageById.get(previous.ranking[0].passageId);
        if (previous && best) {
          return lookupAnswer(question, `${best.label}`, language, best.docId, s);
        }
      }

      const reference = followUp.kind === 'new' ? isReferenceQuestion(question) : null;
      const referenceAnswer = reference ? lookupAnswer(question, reference.ref, language, reference.doc, s) : null;
      // "CEDAW general recommendation 38 … supply chains?" names a reference we do not have inside a real
      // question: when the lookup finds nothing and the question says much more, it is answered by search.
      const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;
      const answerByLookup =
        reference && referenceAnswer && (referenceAnswer.kind === 'lookup' || wordCount(question) <= wordCount(reference.ref) + 4);
      if (answerByLookup) {
        const answer = referenceAnswer;
        remember(key, {
          question, resolvedQuery: answer.resolvedQuery, filters: askOptions.filters ?? {}, language, kind: answer.kind,
          ranking: answer.sources.map((source) => ({ passageId: source.passageId, score: source.score })),
          shown: answer.sources.length, at: Date.now(),
        });
        return answer;
      }

      const query = followUp.kind === 'refine' ? followUp.query : question;
      const years = followUp.kind === 'refine' ? [] : documentYears(question, s);
      const filters: AnswerFilters =
        followUp.kind === 'refine' ? followUp.filters : { ...askOptions.filters, ...(years.length ? { years } : {}) };

      // Embed first: the searcher's own call then hits the embedder's cache, and the step is timed on its own.
      const started = performance.now();
      const queryVector = await embedder.embedQuery(query);
      const embedded = performance.now();
      const results = rankForAnswer(await s.searcher.search(query, { k: RANKING_DEPTH, filters: toSearchFilters(filters) }));
      const searched = performance.now();
      const similarityOf = (result: SearchResult) =>
        result.dense?.similarity ?? dot(queryVector, s.index.passageVector(result.passage.id));
      const confidence = Math.max(-1, ...results.slice(0, QUOTE_POOL + 2).map(similarityOf));
      const abstained = results.length === 0 || confidence < abstainBelow[language];

      const ranking = results.map((r) => ({ passageId: r.passage.id, score: r.score }));
      const shownCount = abstained ? Math.min(3, results.length) : Math.min(top, results.length);
      const sources = results.slice(0, shownCount).map(cite);
      let answer: Answer;
      if (abstained) {
        answer = {
          question, language, kind: 'abstain', text: messages(language).abstain, quotes: [], sources,
          suggestions: [], offset: 0, hasMore: false, resolvedQuery: query,
        };
      } else {
        // Quotes come from body text; a footnote is quoted only when it is the best passage of all.
        const quotable = results.slice(0, QUOTE_POOL).filter((r, i) => i === 0 || r.passage.kind !== 'note');
        const pool = quotable.map((r) => ({
          passage: r.passage,
          passageScore: r.score,
          sentences: s.index.sentencesOf(r.passage.id).map(({ sentence, vector }) => ({ text: sentence.text, vector })),
        }));
        const quotes = selectQuotes(queryVector, pool).map((sentence) => toQuote(sentence, documentOf(sentence.passage, s)));
        answer = {
          question, language, kind: 'answer', text: answerText(quotes, language), quotes, sources,
          suggestions: [], offset: 0, hasMore: results.length > shownCount, resolvedQuery: query,
        };
      }
      answer.confidence = confidence;
      answer.timings = {
        embed: embedded - started,
        search: searched - embedded,
        ...(s.searcher.lastTimings ? prefixKeys('search.', s.searcher.lastTimings()) : {}),
        compose: performance.now() - searched,
      };
      remember(key, { question, resolvedQuery: query, filters, language, kind: answer.kind, ranking, shown: shownCount, at: Date.now() });
      return answer;
    },

    async more(key: string, moreOptions: { top?: number } = {}): Promise<Answer | null> {
      const top = moreOptions.top ?? 5;
      const s = served;
      const previous = store.turns(key).at(-1);
      if (!previous || previous.shown >= previous.ranking.length) return null;
      const page = previous.ranking.slice(previous.shown, previous.shown + top);
      const sources = page.flatMap(({ passageId, score }) => {
        const passage = s.index.passageById.get(passageId);
        return passage ? [citePassage(passage, documentOf(passage, s), score)] : [];
      });
      const shown = previous.shown + page.length;
      store.replaceLast(key, { ...previous, shown, at: Date.now() });
      const m = messages(previous.language);
      return {
        question: previous.question, language: previous.language, kind: 'answer',
        text: `${m.sources} ${previous.shown + 1}–${shown}`, quotes: [], sources, suggestions: [],
        offset: previous.shown, hasMore: shown < previous.ranking.length, resolvedQuery: previous.resolvedQuery,
      };
    },

    lookup(reference: string, lookupOptions: { doc?: string; language?: Language } = {}): Answer {
      const language = lookupOptions.language ?? 'fr';
      return lookupAnswer(reference, reference, language, lookupOptions.doc, served);
    },

    passage(passageId: string): CitedPassage | undefined {
      const passage = served.index.passageById.get(passageId);
      return passage ? citePassage(passage, documentOf(passage, served), 1) : undefined;
    },

    corpusInfo(): CorpusInfo {
      const { index } = served;
      const counts = new Map<string, number>();
      for (const passage of index.passages) counts.set(passage.docId, (counts.get(passage.docId) ?? 0) + 1);
      return {
        documents: index.documents.map((d) => ({
          id: d.id, displayName: d.displayName, title: d.title, date: d.date, kind: d.kind, passageCount: counts.get(d.id) ?? 0,
        })),
        passageCount: index.passages.length,
        builtAt: index.manifest.builtAt,
        modelId: index.manifest.modelId,
      };
    },

    suggestedPrompts(language: Language = 'fr'): string[] {
      return suggestPrompts(served.index, language);
    },

    async reload(): Promise<void> {
      const index = await loadIndex(options.indexDir, { modelId: embedder.modelId, dimensions: embedder.dimensions, corpusDir: options.corpusDir });
      served = serve(index);
    },
  };
  return engine;
}

/** Footnotes are bibliography: they answer only when nothing in the body does, so they give way to it. */
const NOTE_WEIGHT = 0.9;
/** A draft is cited only where the final text has nothing as good (its twins are already folded in). */
const DRAFT_WEIGHT = 0.9;

/** The search ranking as the answer uses it: no empty footnotes; footnotes and drafts after comparable text. */
/** The index with each document's official link resolved (corpus.yml's sourceUrl, or the template). */
function withOfficialLinks(index: LoadedIndex, template: string | undefined): LoadedIndex {
  if (!template) return index;
  const documents = withOfficialUrls(index.documents, template);
  return { ...index, documents, documentById: new Map(documents.map((d) => [d.id, d])) };
}

export function rankForAnswer(results: SearchResult[]): SearchResult[] {
  const weight = (r: SearchResult) =>
    (r.passage.kind === 'note' ? NOTE_WEIGHT : 1) * (r.document.kind === 'draft-report' ? DRAFT_WEIGHT : 1);
  return results
    .filter((r) => isSubstantive(r.passage))
    .map((r) => ({ ...r, score: r.score * weight(r) }))
    .sort((a, b) => b.score - a.score);
}

/**
 * A footnote that is only a URL or a document symbol ("A/78/50.", "www.unodc.org/…") says nothing a person
 * asked about; it stays reachable by lookup ("note 3") but is never offered as an answer or a source.
 * Decided once per passage: the regexes would otherwise run over every footnote of every ranking.
 */
export const isSubstantive = perPassage((passage: Passage): boolean => {
  if (passage.kind !== 'note') return true;
  const prose = passage.text.replace(/\S*(?:www\.|https?:|\/)\S*/gu, ' ');
  const words = prose.match(/\p{L}{2,}/gu) ?? [];
  return words.length >= 6;
});

function prefixKeys(prefix: string, record: Record<string, number>): Record<string, number> {
  const prefixed: Record<string, number> = {};
  for (const key in record) prefixed[`${prefix}${key}`] = record[key]!;
  return prefixed;
}
