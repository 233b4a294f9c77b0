// The answer engine: one per process, shared by the terminal and Slack. It owns the model, the loaded index
// (swapped atomically on reload), the searcher, the lookup tables and the conversation store.
import { loadEmbedder, type Embedder } from '../embed/index.ts';
import { ensureIndex, loadIndex, type BuildProgress, type LoadedIndex } from '../index/index.ts';
import { createLookup, createSearcher, rootKinds } from '../search/index.ts';
import { documentOf, techniquesInUse, type Served, type Technique } from './ask-context.ts';
import { declinedAnswer, lookupAnswer, routeQuestion, searchAnswer } from './ask.ts';
import { citePassage, makeAnswer } from './compose.ts';
import { sourceUrlTemplateFromEnv, withOfficialUrls } from './official.ts';
import { MemoryConversationStore, type ConversationStore, type ConversationTurn } from './conversation.ts';
import type { AnswerEngine, AskOptions, CorpusInfo } from './engine-types.ts';
import { detectLanguage } from './language.ts';
import { messages } from './messages.ts';
import { suggestPrompts } from './prompts.ts';
import { validateQuestion } from './question.ts';
import type { Answer, CitedPassage, Language } from './schema.ts';

/**
 * Below this cosine similarity between the question and its best passage, the reports are taken not to
 * answer. One threshold per language: an English question scores lower against French passages than a
 * French paraphrase does. Calibrated with `rapporteur eval` on the tuning part (eval/devset.yml): the highest
 * threshold that wrongly refuses at most 1 % of the answerable questions of that language (README,
 * "Evaluation"). It was 5 % (0.835 / 0.795) before near misses got partial answers: the threshold now only
 * has to keep off-topic questions out, and general-knowledge ones are also declined by their words (declines.ts).
 * Recalibrated (fr 0.825 → 0.82, en 0.78 → 0.775) when passages came to be embedded under their section only
 * (corpus/context.ts) and the English lexicon grew (search/lexicon.ts).
 */
export const DEFAULT_ABSTAIN_BELOW: Record<Language, number> = { fr: 0.82, en: 0.775 };

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
  /** Techniques switched on or off against the defaults, to measure what each brings (`rapporteur eval`). */
  techniques?: { with?: Technique[]; without?: Technique[] };
}

export interface RapporteurEngine extends AnswerEngine {
  /** Load the index again (after `rapporteur index` rebuilt it); the old one serves until the new one is ready. */
  reload(): Promise<void>;
  /** The embedder, for callers that measure or reuse it. */
  readonly embedder: Embedder;
  /** The currently served index. */
  current(): LoadedIndex;
  /** The techniques in use (the defaults unless measuring). */
  readonly techniques: readonly Technique[];
}

export async function createAnswerEngine(options: EngineOptions): Promise<RapporteurEngine> {
  const embedder = options.embedder ?? (await loadEmbedder());
  const store = options.store ?? new MemoryConversationStore();
  const abstainBelow = options.abstainBelow ?? DEFAULT_ABSTAIN_BELOW;
  const sourceUrlTemplate = options.sourceUrlTemplate ?? sourceUrlTemplateFromEnv();

  const on = techniquesInUse(options.techniques);

  const serve = (loaded: LoadedIndex): Served => {
    const index = withOfficialLinks(loaded, sourceUrlTemplate);
    return {
      index,
      searcher: createSearcher({ index, embedder }),
      lookup: createLookup({ passages: index.passages, documents: index.documents }),
      rootKindById: rootKinds(index.passages),
    };
  };
  let served = serve(
    await ensureIndex({
      corpusDir: options.corpusDir,
      indexDir: options.indexDir,
      embedder,
      ...(options.onBuildProgress ? { onProgress: options.onBuildProgress } : {}),
    }),
  );

  const remember = async (key: string | undefined, turn: ConversationTurn) => {
    if (key) await store.append(key, turn);
  };

  const engine: RapporteurEngine = {
    embedder,
    techniques: [...on],
    current: () => served.index,

    async ask(rawQuestion: string, askOptions: AskOptions = {}): Promise<Answer> {
      const question = validateQuestion(rawQuestion);
      const s = served; // one index for the whole answer, even if a reload lands meanwhile
      const top = askOptions.top ?? 5;
      const key = askOptions.conversationKey;
      const history = key ? await store.turns(key) : [];
      const language = detectLanguage(question);
      const route = routeQuestion(question, language, history, askOptions.filters, s, on);

      switch (route.kind) {
        case 'decline':
          return declinedAnswer(question, language, route.reason);
        case 'more':
          if (key) {
            return (await engine.more(key, { top })) ?? makeAnswer({
              question, language, kind: 'answer', text: messages(language).noMore,
              resolvedQuery: history.at(-1)?.resolvedQuery ?? question,
            });
          }
          break;
        case 'details':
          return lookupAnswer(question, route.label, language, route.docId, s);
        case 'lookup': {
          const answer = route.answer;
          await remember(key, {
            question, resolvedQuery: answer.resolvedQuery, filters: askOptions.filters ?? {}, language, kind: answer.kind,
            ranking: answer.sources.map((source) => ({ passageId: source.passageId, score: source.score })),
            shown: answer.sources.length, at: Date.now(),
          });
          return answer;
        }
        case 'search':
          break;
      }
      // "more" outside a conversation is an ordinary question.
      const { query, filters } = route.kind === 'search' ? route : { query: question, filters: askOptions.filters ?? {} };
      const { answer, ranking, shown } = await searchAnswer({ served: s, embedder, abstainBelow, on }, question, language, query, filters, top);
      await remember(key, { question, resolvedQuery: query, filters, language, kind: answer.kind, ranking, shown, at: Date.now() });
      return answer;
    },

    async more(key: string, moreOptions: { top?: number } = {}): Promise<Answer | null> {
      const top = moreOptions.top ?? 5;
      const s = served;
      const previous = (await store.turns(key)).at(-1);
      if (!previous || previous.shown >= previous.ranking.length) return null;
      const page = previous.ranking.slice(previous.shown, previous.shown + top);
      const sources = page.flatMap(({ passageId, score }) => {
        const passage = s.index.passageById.get(passageId);
        return passage ? [citePassage(passage, documentOf(passage, s), score)] : [];
      });
      const shown = previous.shown + page.length;
      await store.replaceLast(key, { ...previous, shown, at: Date.now() });
      const m = messages(previous.language);
      return makeAnswer({
        question: previous.question, language: previous.language, kind: 'answer',
        text: `${m.sources} ${previous.shown + 1}–${shown}`, sources,
        offset: previous.shown, hasMore: shown < previous.ranking.length, resolvedQuery: previous.resolvedQuery,
      });
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

/** The index with each document's official link resolved (corpus.yml's sourceUrl, or the template). */
function withOfficialLinks(index: LoadedIndex, template: string | undefined): LoadedIndex {
  if (!template) return index;
  const documents = withOfficialUrls(index.documents, template);
  return { ...index, documents, documentById: new Map(documents.map((d) => [d.id, d])) };
}
