// The grammar of a typed reference: "Recommandation 7 c)", "reco 7c", "rec. 7(c)", "§72d", "para 72 d",
// "39 a) ii)", "note 3", "tableau 1", optionally followed (or preceded) by words naming the document
// ("2017", "secrétaire", "2021-wg4-rapport"). Pure functions: no corpus needed.
import { itemLabel, noteLabel, paragraphLabel, recommendationLabel, romanValue, tableLabel } from '../corpus/index.ts';
import { foldText } from './french.ts';

export type ReferenceKind = 'recommendation' | 'paragraph' | 'note' | 'table';

export interface ParsedReference {
  /** Explicit kind when a keyword said it; undefined for a bare "7 g)" (recommendation or paragraph). */
  kind?: ReferenceKind;
  /** The number; 0 for the unnumbered "note *". */
  number: number;
  /** Item path below the number: ["c"], ["a", "ii"]. Letters lower case, roman numerals lower case. */
  path: string[];
  /** Remaining words that may name the document ("2017", "marches"), folded, filler words removed. */
  docWords: string[];
  /** The part of the input that was read as the reference, as typed. */
  matched: string;
  /** True when a kind keyword (reco, §, note…) was present. */
  explicit: boolean;
  /** A document symbol typed with the reference ("recommandation 7 c CTOC/COP/WG.4/2021/3"), upper-cased. */
  symbol?: string;
}

/** Longest typed reference read; anything longer is a question, not a reference. */
export const MAX_REFERENCE_LENGTH = 300;

/** A document symbol inside typed text, in any case: letters first, at least one slash and one digit. */
const TYPED_SYMBOL = /(?<![\p{L}\p{N}/])[A-Za-z][A-Za-z0-9.]*(?:\/[A-Za-z0-9][A-Za-z0-9.()-]*)+/u;

/** The symbol in a typed reference, and the text with it blanked out (same length, so offsets hold). */
function takeSymbol(input: string): { text: string; symbol?: string } {
  const match = TYPED_SYMBOL.exec(input);
  if (!match || !/\d/.test(match[0])) return { text: input };
  const symbol = match[0].replace(/[.)]+$/, '');
  return { text: input.slice(0, match.index) + ' '.repeat(match[0].length) + input.slice(match.index + match[0].length), symbol: symbol.toUpperCase() };
}

// Keywords in folded form; the order inside each alternation puts longer forms first.
const KEYWORDS: Array<[ReferenceKind, string]> = [
  ['recommendation', String.raw`recommandations?|recommendations?|recos?|recs?`],
  // "par." only with its dot: bare "par" is the French preposition ("adopté par 12 États").
  ['paragraph', String.raw`paragraphes?|paragraphs?|paras?|par(?=\.)|§+`],
  ['note', String.raw`notes?|footnotes?|nbp`],
  ['table', String.raw`tableaux?|tables?|tab`],
];

// A keyword, an optional "n°"/"no", then the number (up to 6 digits: "paragraphe 1013"; but 1900–2099 right
// after a keyword is a year, as in "recommandations 2021") — or a bare number of at most 3 digits (a bare
// four-digit number is a year naming the document). Whatever follows is parsed by hand below.
const KEYWORD_SOURCE = KEYWORDS.map(([, source]) => `(${source})`).join('|');
const KEYWORD_NUMBER = String.raw`\d{1,3}|(?!(?:19|20)\d\d(?!\p{N}))\d{4,6}`;
const CORE = new RegExp(
  String.raw`(?:^|[^\p{L}\p{N}§])(?:(?:${KEYWORD_SOURCE})\.?\s*(?:n\s*[°o]\.?\s*)?(${KEYWORD_NUMBER})|(\d{1,3}))(?![\p{N}])`,
  'giu',
);

/** Words that sit between a reference and its document without naming it. */
const FILLER = new Set(
  `du de des la le les l d dans en of the in from au a rapport report document doc voir see show me montre montrez
  moi please stp svp quoi que qu dit dire say says what does do is est et and`.split(/\s+/),
);

/** A sub-item numeral as typed in a reference: lower case, i to xxxix. */
export function isRomanNumeral(text: string): boolean {
  return /^[ivx]+$/.test(text) && romanValue(text) !== undefined;
}

/** Value of a path element for ordering neighbours: a → 1, b → 2; ii → 2. */
export function pathElementValue(element: string, level: number): number {
  if (level === 0) return element.charCodeAt(0) - 96;
  return romanValue(element) ?? 0;
}

/**
 * Reads the item path after the number: "c)", "(c)", " c", "a) ii)", "aii", "a ii". Level 1 is one letter, level 2
 * a roman numeral. Stops at the first run that does not fit (a document word such as "du" or "marches").
 */
function readPath(rest: string): { path: string[]; consumed: number } {
  const path: string[] = [];
  let position = 0;
  const run = /^[\s.,]*\(?\s*([a-z]+)(\s*\))?/;
  while (path.length < 2) {
    const match = run.exec(rest.slice(position));
    if (!match) break;
    const letters = match[1] as string;
    const end = position + match[0].length;
    // A run must stand alone: not glued to more letters ("marchés" folded is ascii, but "é" of an unfolded
    // word or any other letter would be).
    const boundary = rest.slice(end, end + 1);
    if (!match[2] && boundary && /\p{L}/u.test(boundary)) break;
    let parts: string[] | undefined;
    if (path.length === 0) {
      const head = letters.slice(0, 1);
      const tail = letters.slice(1);
      if (letters.length === 1) parts = [head];
      else if (isRomanNumeral(tail)) parts = [head, tail];
    } else if (isRomanNumeral(letters)) {
      parts = [letters];
    }
    if (!parts) break;
    // "39aii" and "39 a ii" are items; a short word that happens to read as letter + numeral ("si", "ni") is not.
    if (parts.length === 2 && !match[2] && COMMON_WORDS.has(letters)) break;
    path.push(...parts);
    position = end;
  }
  return { path: path.slice(0, 2), consumed: position };
}

// Two-letter words that would otherwise read as "letter + roman numeral".
const COMMON_WORDS = new Set(['di', 'li', 'mi', 'ni', 'si', 'vi', 'xi']);

interface CoreMatch {
  kind?: ReferenceKind;
  number: number;
  path: string[];
  start: number;
  end: number;
}

/** The first reference with a keyword, else the first bare number ("7 g)"). */
function findCore(folded: string): CoreMatch | undefined {
  CORE.lastIndex = 0;
  let bare: CoreMatch | undefined;
  for (let match = CORE.exec(folded); match; match = CORE.exec(folded)) {
    const kindIndex = match.slice(1, 1 + KEYWORDS.length).findIndex((group) => group !== undefined);
    const kind = kindIndex >= 0 ? KEYWORDS[kindIndex]?.[0] : undefined;
    const numberText = (match[1 + KEYWORDS.length] ?? match[2 + KEYWORDS.length]) as string;
    const end = match.index + match[0].length;
    const { path, consumed } = readPath(folded.slice(end));
    const start = match.index + (match[0].match(/^[^\p{L}\p{N}§]/u) ? 1 : 0);
    const core: CoreMatch = { number: Number(numberText), path, start, end: end + consumed };
    if (kind) core.kind = kind;
    if (core.kind) return core;
    if (!bare) bare = core;
  }
  return bare;
}

/**
 * Parses a typed reference. Returns null when the input holds no reference at all (no number to read).
 * Document words are everything else left in the input, minus filler words; resolving them is the lookup's job.
 */
export function parseReference(typed: string): ParsedReference | null {
  const { text: input, symbol } = takeSymbol(typed);
  const parsed = parseWithoutSymbol(input);
  if (parsed && symbol) parsed.symbol = symbol;
  return parsed;
}

function parseWithoutSymbol(input: string): ParsedReference | null {
  const folded = foldText(input).replace(/[’‘ʼ]/g, "'");
  if (!folded.trim() || folded.length > MAX_REFERENCE_LENGTH) return null;
  // Four-digit numbers never match the core, so a leading year ("2017 7 g)") stays a document word.
  const core = findCore(folded);
  const starNote = core ? undefined : STAR_NOTE.exec(folded);
  if (starNote) {
    // The unnumbered footnote of a title ("note *") is stored as number 0.
    const start = starNote.index + (starNote[0].match(/^[^\p{L}]/u) ? 1 : 0);
    return finish(input, folded, { kind: 'note', number: 0, path: [], start, end: starNote.index + starNote[0].length });
  }
  if (!core) return null;
  return finish(input, folded, core);
}

// "note *", "footnote *", "note (*)": the asterisk note of a document's title.
const STAR_NOTE = /(?:^|[^\p{L}\p{N}])(?:notes?|footnotes?|nbp)\s*\(?\*\)?/u;

function finish(input: string, folded: string, core: CoreMatch): ParsedReference {
  const before = folded.slice(0, core.start);
  const after = folded.slice(core.end);
  const docWords = `${before} ${after}`
    .split(/[^\p{L}\p{N}-]+/u)
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter((w) => w && !FILLER.has(w));
  const parsed: ParsedReference = {
    number: core.number,
    path: core.path,
    docWords,
    // Offsets are in the folded text; they match the input unless folding changed its length ("œ" → "oe").
    matched: (folded.length === input.length ? input : folded).slice(core.start, core.end).trim(),
    explicit: core.kind !== undefined,
  };
  if (core.kind) parsed.kind = core.kind;
  return parsed;
}

/** Canonical key of a reference: "recommendation:7:c", "paragraph:39:a.ii", or "*:7:c" without a kind. */
export function referenceKey(ref: Pick<ParsedReference, 'kind' | 'number' | 'path'>): string {
  return `${ref.kind ?? '*'}:${ref.number}:${ref.path.join('.')}`;
}

/** Label as the reports write it (labels.ts), for suggestions and messages: "Recommandation 7 c)", "paragraphe 39 a) ii)". */
export function formatReference(ref: Pick<ParsedReference, 'kind' | 'number' | 'path'>): string {
  switch (ref.kind) {
    case 'recommendation':
      return itemLabel(recommendationLabel(ref.number), ...ref.path);
    case 'paragraph':
      return itemLabel(paragraphLabel(ref.number), ...ref.path);
    case 'note':
      return noteLabel(ref.number === 0 ? undefined : ref.number);
    case 'table':
      return tableLabel(ref.number);
    default:
      return itemLabel(String(ref.number), ...ref.path);
  }
}
