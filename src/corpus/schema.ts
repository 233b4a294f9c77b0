import { z } from 'zod';

/** What kind of document a report is; drives display and the "final beats draft" preference. */
export const DocumentKindSchema = z.enum([
  'report', // adopted report of a meeting
  'draft-report', // projet de rapport
  'background-paper', // document d'information du Secrétariat
  'secretary-general-report', // rapport du Secrétaire général
  'other',
]);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

/** A UN document symbol: slash-separated parts of capitals, digits and dots (`A/78/50`, `CTOC/COP/WG.4/2021/L.1`). */
export const DOCUMENT_SYMBOL = /^[A-Z][A-Z0-9.]*(?:\/[A-Z0-9][A-Za-z0-9.()-]*)+$/;
export const DocumentSymbolSchema = z.string().regex(DOCUMENT_SYMBOL, 'expected a document symbol such as CTOC/COP/WG.4/2021/3');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)');

/** One entry of corpus/corpus.yml: what the file itself does not say reliably. */
export const DocumentMetaSchema = z
  .object({
    displayName: z.string().min(1),
    title: z.string().min(1),
    date: isoDate,
    kind: DocumentKindSchema,
    /** Id of the document this one is a draft of (the final text wins in search). */
    draftOf: z.string().min(1).optional(),
    /** The United Nations document symbol, e.g. `CTOC/COP/WG.4/2021/3` (found on the first page when absent). */
    symbol: DocumentSymbolSchema.optional(),
    /** Where the official document is published (overrides RAPPORTEUR_SOURCE_URL_TEMPLATE). */
    sourceUrl: z.url({ protocol: /^https?$/ }).optional(),
  })
  .strict();
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;

/** corpus/corpus.yml: document id (file name without extension) → metadata. */
export const CorpusMetaSchema = z
  .object({
    documents: z.record(z.string().min(1), DocumentMetaSchema),
  })
  .strict();
export type CorpusMeta = z.infer<typeof CorpusMetaSchema>;

export const DocumentSchema = z.object({
  /** File name without extension, e.g. `2021-wg4-rapport`. */
  id: z.string().min(1),
  displayName: z.string().min(1),
  title: z.string().min(1),
  date: isoDate,
  /** Year of `date`, kept as a number for filters and lookups ("2017"). */
  year: z.number().int(),
  kind: DocumentKindSchema,
  /** Path of the source file relative to the project root (or absolute when outside it). */
  sourcePath: z.string().min(1),
  /** sha256 of the file's bytes, hex. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  draftOf: z.string().min(1).optional(),
  /** The document symbol (`CTOC/COP/WG.4/2021/3`), from corpus.yml or the first page. */
  symbol: DocumentSymbolSchema.optional(),
  /** Link to the official document, from corpus.yml. */
  sourceUrl: z.url().optional(),
  /** Where the metadata came from: corpus.yml, or guessed from the document's header. */
  metaSource: z.enum(['corpus.yml', 'inferred']),
});
export type Document = z.infer<typeof DocumentSchema>;

export const PassageKindSchema = z.enum(['recommendation', 'paragraph', 'item', 'subitem', 'note', 'table']);
export type PassageKind = z.infer<typeof PassageKindSchema>;

export const PassageSchema = z.object({
  /** `${docId}#${label}` (built by labels.ts): unique across the corpus, stable across rebuilds. */
  id: z.string().min(1),
  docId: z.string().min(1),
  /** The citation people read and type: `Recommandation 7 c)`, `paragraphe 39 a) ii)`, `note 7`, `tableau 1`. */
  label: z.string().min(1),
  kind: PassageKindSchema,
  /** Headings the passage sits under, outermost first. */
  headingPath: z.array(z.string()),
  /** Clean text for display and embedding (no Markdown, HTML, footnote markers; French typography kept). */
  text: z.string().min(1),
  /** For items and sub-items: the lead-in sentence of the parent ("Le Groupe de travail a recommandé …:"). */
  leadIn: z.string().optional(),
  /** Label of the enclosing passage for items and sub-items (`Recommandation 7` for `Recommandation 7 c)`). */
  parentLabel: z.string().optional(),
  /** Footnote numbers referenced by markers in the text. */
  noteRefs: z.array(z.number().int().nonnegative()),
  /** 1-based, inclusive line range in the source file (the first and last line the passage takes text from). */
  lines: z.object({ start: z.number().int().positive(), end: z.number().int().positive() }),
});
export type Passage = z.infer<typeof PassageSchema>;

export const ParseWarningSchema = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
  /** For PDF and Word sources: the page of the original file the line comes from. */
  page: z.number().int().positive().optional(),
  message: z.string(),
});
export type ParseWarning = z.infer<typeof ParseWarningSchema>;

export interface ParsedDocument {
  document: Document;
  passages: Passage[];
  warnings: ParseWarning[];
  /** False when no numbered paragraph or recommendation was found and text blocks were numbered instead. */
  structured?: boolean;
}

export interface Corpus {
  documents: Document[];
  passages: Passage[];
  warnings: ParseWarning[];
}
