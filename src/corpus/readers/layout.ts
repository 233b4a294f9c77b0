// What PDF and Word pages carry besides the text: running headers and footers (document symbol, job number,
// "2/9" page counter, "Distr. générale"), words hyphenated at line ends, and footnote labels. Shared by the
// PDF and DOCX readers so both produce the same source text.

/** A document symbol anywhere in a line: `CTOC/COP/WG.4/2021/3`, `A/78/50`, `A/HRC/51/26`. */
export const SYMBOL_IN_TEXT = /\b[A-Z][A-Z0-9.]*(?:\/[A-Z0-9][A-Za-z0-9.()-]*)+/g;
/** United Nations job number, with its language letter and barcode: `V.21-07788 (F)`, `*2107788*`. */
const JOB_NUMBER = /\b[A-Z]{1,2}\.\d{2}-\d{5}(?:\s*\([A-Z]\))?|\*\d{7}\*|\b\d{6}\b/g;
/** Page counter `2/9`, `2 / 9`. */
const PAGE_COUNTER = /\b\d{1,4}\s*\/\s*\d{1,4}\b/g;
const MASTHEAD = /\b(?:Nations Unies|United Nations)\b/g;
const DISTRIBUTION = /\bDistr\.\s*:?\s*(?:générale|limitée|restreinte|general|limited)\b/gi;

/**
 * Whether a line at the top or bottom of a page is page furniture: made only of a symbol, a job number, a page
 * counter, the masthead words and (after the first page) the distribution line.
 */
export function isFurnitureLine(text: string, page: number): boolean {
  let rest = text.replace(SYMBOL_IN_TEXT, '').replace(JOB_NUMBER, '').replace(PAGE_COUNTER, '').replace(MASTHEAD, '');
  if (page > 1) rest = rest.replace(DISTRIBUTION, '');
  return rest.trim() === '' && rest.length < text.length;
}

/** The first document symbol of a piece of text (the first page's masthead or a running header). */
export function findSymbol(text: string): string | undefined {
  return [...text.matchAll(SYMBOL_IN_TEXT)].map((m) => m[0].replace(/[.)]+$/, ''))[0];
}

/** Lines that repeat (digits aside) at the same end of at least half the pages are running headers or footers. */
export function repeatedLines(candidates: string[][], pageCount: number): Set<string> {
  const counts = new Map<string, number>();
  for (const page of candidates) for (const key of new Set(page.map(normalise))) counts.set(key, (counts.get(key) ?? 0) + 1);
  const threshold = Math.max(3, Math.ceil(pageCount / 2));
  return new Set([...counts].filter(([key, n]) => n >= threshold && key.length > 0).map(([key]) => key));
}

export function normalise(line: string): string {
  return line.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

const WORD = /[\p{L}][\p{L}'’-]*[\p{L}]|\p{L}/gu;

/** The words of a document, with and without their hyphens, to decide how a hyphenated line end rejoins. */
export class Vocabulary {
  private readonly words = new Set<string>();

  /** Adds the words of consecutive lines, leaving out the halves of words hyphenated across a line end. */
  addLines(lines: string[]): void {
    let cut = false;
    for (const line of lines) {
      let text = cut ? line.replace(/^\p{L}+/u, '') : line;
      cut = /\p{L}-$/u.test(text);
      if (cut) text = text.replace(/\p{L}+-$/u, '');
      this.add(text);
    }
  }

  add(text: string): void {
    for (const m of text.matchAll(WORD)) {
      const word = m[0].toLowerCase();
      this.words.add(word);
      for (const part of word.split('-')) if (part) this.words.add(part);
    }
  }

  has(word: string): boolean {
    return this.words.has(word.toLowerCase());
  }
}

/** Forms of a word the document may use elsewhere: as is, without an elided article, singular or plural. */
function variants(word: string): string[] {
  const bare = word.replace(/^\p{L}['’]/u, '');
  return [...new Set([word, bare].flatMap((w) => [w, w.replace(/s$/, ''), `${w}s`]))];
}

/**
 * Joins a line ending in a hyphen with the next: «recom-» + «mandation» → «recommandation». The hyphen stays when
 * the document writes the hyphenated word elsewhere («celle-ci»). Otherwise `soft` decides when the reader knows
 * (a PDF sets a hyphenation hyphen apart from the word, a hard one inside it); when it does not, the hyphen stays
 * if the joined word is unknown to the document while both halves are words of three letters or more.
 */
export function joinLines(previous: string, next: string, vocabulary: Vocabulary, soft?: boolean): string {
  const hyphen = /([\p{L}'’-]*\p{L})-$/u.exec(previous);
  const head = /^([\p{L}'’-]*\p{L})/u.exec(next);
  if (!hyphen || !head) return `${previous} ${next}`;
  const left = hyphen[1] ?? '';
  const right = head[1] ?? '';
  const known = (w: string): boolean => variants(w).some((v) => vocabulary.has(v));
  const lastLeft = left.split(/[-'’]/).pop() ?? '';
  const firstRight = right.split('-')[0] ?? '';
  let keep: boolean;
  if (known(`${left}-${right}`)) keep = true;
  else if (known(`${left}${right}`)) keep = false;
  else if (soft !== undefined) keep = !soft;
  else keep = (/^\p{Lu}/u.test(right) && /\p{Ll}$/u.test(left)) || (lastLeft.length >= 3 && firstRight.length >= 3 && known(lastLeft) && known(firstRight));
  return keep ? `${previous}${next}` : `${previous.slice(0, -1)}${next}`;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A footnote label as the parser reads it at the start of a note or after a word: `¹²`, `*`. */
export function superscript(label: string): string {
  return /^\d+$/.test(label) ? [...label].map((d) => SUPERSCRIPT_DIGITS[Number(d)] ?? d).join('') : label;
}

/** A footnote as a source-text line: `¹² Texte`, `\* Texte`. */
export function footnoteLine(label: string, text: string): string {
  return `${label === '*' ? '\\*' : superscript(label)} ${text}`;
}
