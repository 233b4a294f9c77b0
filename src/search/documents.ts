// Which document(s) a few words name: an id ("2021-wg4-rapport"), a year ("2017"), or a word of the display
// name or title ("secrétaire", "marchés", "projet"). Used by lookup ("7 g) 2017") and `--doc`.
import type { Document, DocumentKind } from '../corpus/index.ts';
import { foldText } from './french.ts';

// English words people use for the French names.
const SYNONYMS: Record<string, string> = {
  draft: 'projet',
  secretary: 'secretaire',
  general: 'general',
  procurement: 'marches',
  background: 'information',
  working: 'travail',
  group: 'groupe',
  sg: 'secretaire',
};

export interface DocumentMatcher {
  /** Documents one word names (empty when it names none). */
  match(word: string): Document[];
  /** Documents all words name together; `unknown` lists the words that named nothing. */
  resolve(words: readonly string[]): { documents: Document[] | undefined; unknown: string[] };
}

export function createDocumentMatcher(documents: readonly Document[]): DocumentMatcher {
  const vocabulary = new Map<string, Set<string>>();
  for (const d of documents) {
    const words = new Set<string>();
    for (const source of [d.id, d.displayName, d.title]) {
      for (const w of foldText(source).split(/[^\p{L}\p{N}]+/u)) if (w) words.add(w);
    }
    vocabulary.set(d.id, words);
  }

  function match(rawWord: string): Document[] {
    const word = foldText(rawWord).trim().replace(/['’]s$/u, ''); // "secretary-general's"
    if (!word) return [];
    const exact = documents.filter((d) => d.id.toLowerCase() === word);
    if (exact.length > 0) return exact;
    if (word.includes('-')) {
      // "secretary-general", "marchés-publics": every part must name the document.
      const parts = word.split('-').filter(Boolean).map(match);
      return parts.length > 0 ? documents.filter((d) => parts.every((found) => found.includes(d))) : [];
    }
    if (/^\d{4}$/.test(word)) return documents.filter((d) => d.year === Number(word));
    const wanted = SYNONYMS[word] ?? word;
    if (wanted.length < 3) return [];
    return documents.filter((d) => {
      const words = vocabulary.get(d.id) ?? new Set<string>();
      if (words.has(wanted)) return true;
      // A prefix of a long enough word: "secret" → "secretaire", "march" → "marches".
      if (wanted.length >= 4) for (const w of words) if (w.startsWith(wanted)) return true;
      return false;
    });
  }

  function resolve(words: readonly string[]) {
    let scope: Document[] | undefined;
    const unknown: string[] = [];
    for (const word of words) {
      const found = match(word);
      if (found.length === 0) {
        unknown.push(word);
        continue;
      }
      scope = scope ? scope.filter((d) => found.includes(d)) : found;
    }
    return { documents: scope, unknown };
  }

  return { match, resolve };
}

const KIND_ORDER: Record<DocumentKind, number> = {
  report: 0,
  'secretary-general-report': 1,
  'background-paper': 2,
  other: 3,
  'draft-report': 4,
};

/** Order of preference between documents: final reports first, drafts last, then the most recent. */
export function compareDocuments(a: Document, b: Document): number {
  const draftA = a.draftOf || a.kind === 'draft-report' ? 1 : 0;
  const draftB = b.draftOf || b.kind === 'draft-report' ? 1 : 0;
  return draftA - draftB || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
}
