// Reference lookup: "reco 7c", "§ 72 d) 2023" → the passage(s) with that label, from tables built once, so a
// lookup costs microseconds and needs no model.
import type { Document, Passage } from '../corpus/index.ts';
import { compareDocuments, createDocumentMatcher } from './documents.ts';
import { parseReference, pathElementValue, referenceKey, type ParsedReference, type ReferenceKind } from './reference.ts';

export interface LookupCorpus {
  passages: readonly Passage[];
  documents: readonly Document[];
}

export interface LookupHit {
  passage: Passage;
  document: Document;
}

export interface LookupResult {
  /** The reference as given. */
  query: string;
  /** How it was read; null when it holds no reference. */
  parsed: ParsedReference | null;
  /** Documents the reference was restricted to (by `opts.doc` or words in the reference); undefined = all. */
  scope?: Document[];
  /** Passages with that label, most likely first. Empty when not found. */
  matches: LookupHit[];
  /** When nothing matched: the nearest existing labels, nearest first. */
  suggestions: LookupHit[];
  /** Why the input could not be used at all: no reference in it, or a document that does not exist. */
  error?: 'no-reference' | 'unknown-document';
  /**
   * Words of the reference it could not place: neither part of the reference nor naming a document ("zz" in
   * "7 zz)", "2099" in "72 d 2099"). When there are any, nothing is answered (`matches` is empty) and what
   * the rest of the reference names comes first among the suggestions: a guess is never answered as a find.
   */
  unplacedWords: string[];
}

export interface LookupOptions {
  /** Document id, year or word of its name; overrides words found in the reference. */
  doc?: string;
}

export type Lookup = (reference: string, options?: LookupOptions) => LookupResult;

interface LabelEntry {
  passage: Passage;
  document: Document;
  kind: ReferenceKind;
  number: number;
  path: string[];
}

const MAX_SUGGESTIONS = 6;

export function createLookup(corpus: LookupCorpus): Lookup {
  const documentById = new Map(corpus.documents.map((d) => [d.id, d]));
  const matcher = createDocumentMatcher(corpus.documents);
  const entries: LabelEntry[] = [];
  const byKey = new Map<string, LabelEntry[]>();
  const add = (key: string, entry: LabelEntry) => {
    const list = byKey.get(key);
    if (list) list.push(entry);
    else byKey.set(key, [entry]);
  };
  for (const passage of corpus.passages) {
    const document = documentById.get(passage.docId);
    const parsed = parseReference(passage.label);
    if (!document || !parsed?.kind) continue;
    const entry: LabelEntry = { passage, document, kind: parsed.kind, number: parsed.number, path: parsed.path };
    entries.push(entry);
    add(referenceKey(parsed), entry);
    // Without a keyword, "7 c" may be a recommendation or a paragraph (not a note or a table).
    if (parsed.kind === 'recommendation' || parsed.kind === 'paragraph') add(referenceKey({ ...parsed, kind: undefined }), entry);
  }

  return (reference, options = {}) => {
    const parsed = parseReference(reference);
    const result: LookupResult = { query: reference, parsed, matches: [], suggestions: [], unplacedWords: [] };
    let scope: Document[] | undefined;
    const bySymbol = options.doc !== undefined ? documentsWithSymbol(options.doc) : [];
    if (bySymbol.length > 0) scope = bySymbol;
    else if (options.doc !== undefined) {
      const found = matcher.resolve(options.doc.trim().split(/\s+/).filter(Boolean));
      if (found.unknown.length > 0 || !found.documents?.length) return { ...result, error: 'unknown-document' };
      scope = found.documents;
    }
    if (!parsed) return { ...result, error: 'no-reference' };
    if (!scope && parsed.symbol) {
      // "recommandation 7 c CTOC/COP/WG.4/2021/3": the symbol names the document.
      scope = documentsWithSymbol(parsed.symbol);
      if (scope.length === 0) return { ...result, error: 'unknown-document' };
    }
    if (parsed.docWords.length > 0) {
      const found = matcher.resolve(parsed.docWords);
      result.unplacedWords = found.unknown;
      // An explicit `doc` overrides the document the words name; words that name none are never dropped.
      scope ??= found.documents;
    }
    if (scope) result.scope = scope;
    const inScope = (e: LabelEntry) => !scope || scope.includes(e.document);

    const candidates = (byKey.get(referenceKey(parsed)) ?? []).filter(inScope).sort(compareEntries).map(toHit);
    if (result.unplacedWords.length > 0) {
      const seen = new Set(candidates.map((hit) => hit.passage.id));
      const nearest = suggest(parsed, scope).filter((hit) => !seen.has(hit.passage.id));
      result.suggestions = [...candidates, ...nearest].slice(0, MAX_SUGGESTIONS);
      return result;
    }
    result.matches = candidates;
    if (result.matches.length === 0) result.suggestions = suggest(parsed, scope);
    return result;
  };

  function documentsWithSymbol(symbol: string): Document[] {
    const wanted = symbol.replace(/\s+/g, '').toUpperCase();
    return corpus.documents.filter((d) => d.symbol?.toUpperCase() === wanted);
  }

  function suggest(ref: ParsedReference, scope: Document[] | undefined): LookupHit[] {
    const scored: Array<{ entry: LabelEntry; distance: number }> = [];
    for (const entry of entries) {
      const distance = labelDistance(ref, entry, scope);
      if (distance <= 3) scored.push({ entry, distance });
    }
    scored.sort((a, b) => a.distance - b.distance || compareEntries(a.entry, b.entry));
    return scored.slice(0, MAX_SUGGESTIONS).map((s) => toHit(s.entry));
  }
}

function toHit(entry: LabelEntry): LookupHit {
  return { passage: entry.passage, document: entry.document };
}

const KIND_RANK: Record<ReferenceKind, number> = { recommendation: 0, paragraph: 1, note: 2, table: 3 };

/** Most likely first: a recommendation before a paragraph, a final report before its draft, then recency. */
function compareEntries(a: LabelEntry, b: LabelEntry): number {
  return KIND_RANK[a.kind] - KIND_RANK[b.kind] || compareDocuments(a.document, b.document);
}

/**
 * How far an existing label is from the one asked for: the same label in another document is close, so are
 * the parent and the neighbouring items; another number costs more the further it is.
 */
function labelDistance(ref: ParsedReference, entry: LabelEntry, scope: Document[] | undefined): number {
  let distance = 0;
  if (scope && !scope.includes(entry.document)) distance += 1.5;
  if (ref.kind ? entry.kind !== ref.kind : entry.kind !== 'recommendation' && entry.kind !== 'paragraph') {
    distance += 1.5;
  }
  if (entry.number !== ref.number) distance += 1 + Math.min(Math.abs(entry.number - ref.number), 8) * 0.25;
  let level = 0;
  while (level < ref.path.length && level < entry.path.length && ref.path[level] === entry.path[level]) level += 1;
  const missing = ref.path.length - level;
  const extra = entry.path.length - level;
  if (missing > 0 && extra > 0) {
    // Siblings: "7 d" asked, "7 c" exists.
    const gap = Math.abs(pathElementValue(ref.path[level] ?? 'a', level) - pathElementValue(entry.path[level] ?? 'a', level));
    distance += 0.3 + 0.1 * Math.min(gap, 10) + 0.6 * (missing - 1 + extra - 1);
  } else {
    distance += 0.6 * (missing + extra);
  }
  return distance;
}
