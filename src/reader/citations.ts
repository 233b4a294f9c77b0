// Links for the citations of an answer: a passage cited by label, or a quote, whose sentence is found in the
// passage's text so the link can carry its span (the page highlights it).
import type { SentenceSpan } from '../corpus/index.ts';
import type { ReaderConfig } from './env.ts';
import { anchorOf } from './anchors.ts';
import { libraryOf, type ReaderCorpus } from './library.ts';
import { readerLink } from './links.ts';

export interface CitationLinker {
  /** Link to a cited passage; undefined when citations are not links (no RAPPORTEUR_PUBLIC_URL). */
  passage(target: { docId: string; label: string }): string | undefined;
  /** Link to a passage with the quoted sentence highlighted (when it can be found in the passage). */
  quote(quote: { docId: string; label: string; text: string }): string | undefined;
}

/** Where `quote` sits in `text`: verbatim, or modulo whitespace (the rule quotes obey). */
export function quoteSpan(text: string, quote: string): SentenceSpan | undefined {
  const exact = text.indexOf(quote);
  if (exact >= 0 && quote.length > 0) return { start: exact, end: exact + quote.length };
  const words = quote.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return undefined;
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'u');
  const match = pattern.exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}

export function createCitationLinker(config: ReaderConfig, source: () => ReaderCorpus | undefined, now: () => number = Date.now): CitationLinker {
  return {
    passage: (target) => readerLink(target, config, now()),
    quote(quote) {
      const corpus = source();
      const passage = corpus ? libraryOf(corpus).document(quote.docId)?.byAnchor.get(anchorOf(quote.label))?.passage : undefined;
      const span = passage ? quoteSpan(passage.text, quote.text) : undefined;
      const quoted = passage && span ? { ...span, text: passage.text.slice(span.start, span.end) } : undefined;
      return readerLink({ docId: quote.docId, label: quote.label, ...(quoted ? { quote: quoted } : {}) }, config, now());
    },
  };
}
