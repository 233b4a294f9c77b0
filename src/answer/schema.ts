import { z } from 'zod';

export const LanguageSchema = z.enum(['fr', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

/** A passage as every surface shows it: enough to cite it and to open its full text. */
export const CitedPassageSchema = z.object({
  passageId: z.string(),
  docId: z.string(),
  /** Document display name for citations, e.g. "Rapport du Groupe de travail (oct. 2021)". */
  docName: z.string(),
  /** The document's symbol (`CTOC/COP/WG.4/2021/3`), when known. */
  symbol: z.string().optional(),
  /** The official document (corpus.yml's sourceUrl, or RAPPORTEUR_SOURCE_URL_TEMPLATE with the symbol). */
  sourceUrl: z.string().optional(),
  label: z.string(),
  /** Heading path joined for display ("II. Recommandations › A. Recommandations concernant …"). */
  section: z.string(),
  /** A short extract (≤ ~300 characters) for lists of sources. */
  snippet: z.string(),
  /** The passage's full clean text (with its parent's lead-in for items), for "Texte intégral". */
  text: z.string(),
  /** Relevance in [0, 1] (fused score); 1 for lookups. */
  score: z.number(),
  /** The same passage in a draft of this document ("also in"), when there is one. */
  alsoIn: z.array(z.object({ docId: z.string(), docName: z.string(), label: z.string() })).default([]),
  /** Where the passage stood in each retriever's ranking (`--explain`); absent for lookups. */
  retrieval: z
    .object({
      dense: z.object({ rank: z.number().int(), similarity: z.number() }).optional(),
      lexical: z.object({ rank: z.number().int(), score: z.number() }).optional(),
    })
    .optional(),
});
export type CitedPassage = z.infer<typeof CitedPassageSchema>;

/** One sentence quoted verbatim from a passage, followed by its citation. */
export const QuoteSchema = z.object({
  text: z.string(),
  passageId: z.string(),
  docId: z.string(),
  docName: z.string(),
  label: z.string(),
});
export type Quote = z.infer<typeof QuoteSchema>;

export const AnswerKindSchema = z.enum([
  'answer', // quotes from the best passages
  'partial', // on the subject, but the passages lack what was asked: one sentence naming it, then the closest quotes
  'lookup', // the question was a reference: the passage(s) in full
  'abstain', // nothing relevant enough: "the reports don't say", with maybe-useful passages
  'not-found', // a reference that matches no passage: suggestions only
]);
export type AnswerKind = z.infer<typeof AnswerKindSchema>;

export const AnswerSchema = z.object({
  question: z.string(),
  language: LanguageSchema,
  kind: AnswerKindSchema,
  /** The answer as plain text (quotes with citations, or the abstention sentence). */
  text: z.string(),
  /** For `partial`: the tool's one sentence naming what the passages lack, shown above the quotes. */
  notice: z.string().optional(),
  quotes: z.array(QuoteSchema),
  /** Ranked sources, best first (for `abstain`, the "peut-être utile" passages). */
  sources: z.array(CitedPassageSchema),
  /** Labels offered when a reference was not found ("did you mean …"). */
  suggestions: z.array(z.object({ docId: z.string(), docName: z.string(), label: z.string() })).default([]),
  /** Offset of `sources` in the full ranking, so "more results" can ask for the next page. */
  offset: z.number().int().nonnegative().default(0),
  /** Whether more sources exist after this page. */
  hasMore: z.boolean().default(false),
  /** The retrieval query actually used (after resolving a follow-up against history). */
  resolvedQuery: z.string(),
  /** Cosine similarity of the question to its best passage: what abstention is decided on. */
  confidence: z.number().optional(),
  /** Milliseconds spent per step (embed, dense, lexical, fusion, compose), for `--explain` and the benchmark. */
  timings: z.record(z.string(), z.number()).optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;
