// Turns passages, quotes and lookup matches into the typed Answer every surface renders.
import { fullPassageText, type Document, type Passage } from '../corpus/index.ts';
import { perPassage, squash } from './memo.ts';
import { messages } from './messages.ts';
import type { Answer, CitedPassage, Language, Quote } from './schema.ts';
import type { ScoredSentence } from './quotes.ts';

/** Length of a cited passage's snippet, on every surface (Slack's source list cuts it shorter still). */
const SNIPPET_LENGTH = 280;

/** The first ~280 characters of a text, cut at a word boundary. */
export function snippetOf(text: string, length = SNIPPET_LENGTH): string {
  const flat = squash(text);
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > length * 0.6 ? lastSpace : length).replace(/[\s,;:]+$/u, '')} …`;
}

// A passage's snippet and full text, computed once per passage rather than for every answer that cites it.
const passageTexts = perPassage((passage) => ({ snippet: snippetOf(passage.text), text: fullPassageText(passage) }));

export function citePassage(
  passage: Passage,
  document: Document,
  score: number,
  alsoIn: Array<{ passage: Passage; document: Document }> = [],
): CitedPassage {
  return {
    passageId: passage.id,
    docId: passage.docId,
    docName: document.displayName,
    ...(document.symbol ? { symbol: document.symbol } : {}),
    ...(document.sourceUrl ? { sourceUrl: document.sourceUrl } : {}),
    label: passage.label,
    section: passage.headingPath.join(' › '),
    ...passageTexts(passage),
    score,
    alsoIn: alsoIn.map((other) => ({ docId: other.passage.docId, docName: other.document.displayName, label: other.passage.label })),
  };
}

export function toQuote(sentence: ScoredSentence, document: Document): Quote {
  return {
    text: squash(sentence.text),
    passageId: sentence.passage.id,
    docId: sentence.passage.docId,
    docName: document.displayName,
    label: sentence.passage.label,
  };
}

/** A quote in the asker's quotation marks: « … » in French, “…” in English. */
export function quoted(text: string, language: Language): string {
  return language === 'fr' ? `« ${text} »` : `“${text}”`;
}

/** « quote » — Document, label: the citation format of every answer. */
export function formatQuote(quote: Pick<Quote, 'text' | 'docName' | 'label'>, language: Language): string {
  return `${quoted(quote.text, language)} — ${quote.docName}, ${quote.label}`;
}

export function answerText(quotes: Quote[], language: Language): string {
  return quotes.map((quote) => formatQuote(quote, language)).join('\n');
}

export function lookupText(sources: CitedPassage[], reference: string, language: Language): string {
  const m = messages(language);
  if (sources.length === 1) {
    const [only] = sources as [CitedPassage];
    return `${only.docName}${only.symbol ? ` — ${only.symbol}` : ''}, ${only.label}\n${only.text}`;
  }
  return [m.severalMatches(reference, sources.length), ...sources.map((s) => `• ${s.docName}, ${s.label} — ${s.snippet}`)].join('\n');
}

/** One Answer constructor: the fields every answer has, with their defaults. */
export function makeAnswer(
  fields: Pick<Answer, 'question' | 'language' | 'kind' | 'text' | 'resolvedQuery'> & Partial<Answer>,
): Answer {
  return { quotes: [], sources: [], suggestions: [], offset: 0, hasMore: false, ...fields };
}
