import type { Answer, CitedPassage, Language } from './schema.ts';

/** Filters a question may carry (document ids, years, recommendations only). */
export interface AnswerFilters {
  docIds?: string[];
  years?: number[];
  recommendationsOnly?: boolean;
}

export interface AskOptions {
  /** Conversation key (e.g. Slack `channel:thread_ts`): earlier turns resolve follow-ups. */
  conversationKey?: string;
  filters?: AnswerFilters;
  /** How many sources per page (default 5). */
  top?: number;
}

export interface CorpusInfo {
  documents: Array<{ id: string; displayName: string; title: string; date: string; kind: string; passageCount: number }>;
  passageCount: number;
  /** ISO time the index was built. */
  builtAt: string;
  modelId: string;
}

/**
 * What every surface (terminal, Slack) needs from the answer stage. One instance per process; it holds the
 * model, the index and the conversation store, and swaps to a rebuilt index without a restart.
 */
export interface AnswerEngine {
  /** Answer a question (or a reference, or a follow-up within `conversationKey`). */
  ask(question: string, options?: AskOptions): Promise<Answer>;
  /** The next page of sources for the last question of a conversation ("more results"); null when none. */
  more(conversationKey: string, options?: { top?: number }): Promise<Answer | null>;
  /** Resolve a typed reference ("7 c", "§ 72 d) 2023") without the model. */
  lookup(reference: string, options?: { doc?: string; language?: Language }): Answer;
  /** One passage with its full text, for "Texte intégral". */
  passage(passageId: string): CitedPassage | undefined;
  corpusInfo(): CorpusInfo;
  /** Example questions drawn from the corpus, for the assistant panel. */
  suggestedPrompts(language?: Language): string[];
}
