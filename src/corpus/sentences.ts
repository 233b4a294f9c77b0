// French sentence segmentation over a passage's clean text. Returns offsets rather than strings so callers
// (quote highlighting, answer citations) can point back into the exact passage text.

export interface SentenceSpan {
  start: number;
  end: number;
}

/** Words that end with a period without ending the sentence (compared lower-case, without the period). */
const ABBREVIATIONS = new Set([
  'm', 'mm', 'mme', 'mmes', 'mlle', 'mlles', 'me', 'dr', 'pr', 'st', 'ste',
  'art', 'arts', 'par', 'al', 'p', 'pp', 'ex', 'cf', 'vol', 'chap', 'sect', 'réf', 'ref', 'annex',
  'no', 'nos', 'n°', 'op', 'cit', 'ibid', 'id', 'env', 'fig', 'suiv', 'éd', 'ed', 'resp',
]);

/** Characters that may close a sentence after its final punctuation (quotes, brackets). */
const CLOSERS = new Set(['»', '”', '"', '’', "'", ')', ']']);
/** What may open the next sentence: a capital letter (accented included) or an opening quote. */
const NEXT_START = /[\p{Lu}«"“‘(]/u;

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/u.test(ch);
}

/** The word just before position `dot` (exclusive), e.g. "art" for "… l'art." */
function wordBefore(text: string, dot: number): { word: string; start: number } {
  let i = dot;
  while (i > 0 && /[\p{L}\p{N}°]/u.test(text[i - 1] ?? '')) i--;
  return { word: text.slice(i, dot), start: i };
}

/** Whether the period at `dot` belongs to an abbreviation, an initial or a list number rather than a sentence end. */
function isNonFinalPeriod(text: string, dot: number): boolean {
  const { word, start } = wordBefore(text, dot);
  if (word === '') {
    // "..." handled by the caller; a lone period after punctuation ends nothing new.
    return false;
  }
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // An initial: "J. Dupont", or a dotted acronym "N.U." — a single letter.
  if (/^\p{L}$/u.test(word)) return true;
  // A list number ("1. Prévention 2. Protection"): 1–2 digits at the start of the text or after a
  // list separator, not a year or figure ending a sentence ("en 2017. Les …").
  if (/^\d{1,2}$/.test(word)) {
    let j = start - 1;
    while (j >= 0 && text[j] === ' ') j--;
    const prev = j >= 0 ? text[j] : undefined;
    if (prev === undefined || prev === '\n' || prev === ':' || prev === ';' || prev === '.') return true;
  }
  return false;
}

/**
 * Splits French text into sentences: a sentence ends at `.`, `!`, `?` or an ellipsis (`…`, `...`), optionally
 * followed by closing quotes or brackets, when whitespace and a capital letter or opening quote come next.
 * Abbreviations ("M.", "art.", "par.", "p. ex."), initials and list numbers do not end a sentence; `;` never
 * does (an item ending in ";" is one sentence). Each span is trimmed: `text.slice(start, end)` is the sentence.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let sentenceStart = 0;

  const push = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e });
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    // Swallow a run of final punctuation ("...", "?!", "…") and closing quotes/brackets.
    let end = i + 1;
    while (end < text.length && /[.!?…]/u.test(text[end] ?? '')) end++;
    const punctEnd = end;
    // Closing quotes/brackets belong to the sentence, including French spacing before "»" ("… fin. »").
    for (;;) {
      if (CLOSERS.has(text[end] ?? '')) end++;
      else if (text[end] === ' ' && text[end + 1] === '»') end += 2;
      else break;
    }
    if (!isSpace(text[end])) {
      i = end - 1;
      continue;
    }
    let next = end;
    while (next < text.length && isSpace(text[next])) next++;
    if (next >= text.length || !NEXT_START.test(text[next] ?? '')) {
      i = end - 1;
      continue;
    }
    const singlePeriod = ch === '.' && punctEnd === i + 1;
    if (singlePeriod && isNonFinalPeriod(text, i)) {
      i = end - 1;
      continue;
    }
    push(sentenceStart, end);
    sentenceStart = next;
    i = next - 1;
  }
  push(sentenceStart, text.length);
  return spans;
}
