// French text analysis for the lexical (BM25) index: the same function runs on passages and on queries, so a
// question typed without accents, with "l'" or in the plural still meets the words of the reports.

import { STOP_WORDS } from './stopwords.ts';
import { memoByText } from './text-memo.ts';

/**
 * Lower-cases and strips diacritics ("Sécurité" → "securite"); œ/æ are spelled out so "œuvre" = "oeuvre".
 * Memoised: every check of every answer folds the same report sentences again, and folding (NFD, then the
 * marks removed) was the largest cost of composing a figure question's answer.
 */
export const foldText: (text: string) => string = memoByText((text) =>
  text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}+/gu, ''),
);

// Elided articles and pronouns glued to the next word by an apostrophe (straight or typographic).
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’‘ʼ]/;

/** Splits folded text into word tokens, dropping elided prefixes ("l'exploitation" → "exploitation"). */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  // Words are runs of letters/digits, kept together across apostrophes and inner hyphens/dots handled below.
  for (const raw of foldText(text).match(/[\p{L}\p{N}]+(?:['’‘ʼ][\p{L}\p{N}]+)*/gu) ?? []) {
    let word = raw;
    const elided = ELISION.exec(word);
    if (elided) word = word.slice(elided[0].length);
    // A remaining apostrophe ("aujourd'hui") joins its parts.
    for (const part of word.split(/['’‘ʼ]/)) if (part) tokens.push(part);
  }
  return tokens;
}

/** lightStem's suffix rules, tried in order: the first that fits (the word long enough) is applied. */
const STEM_RULES: ReadonlyArray<readonly [suffix: string, minLength: number, replacement: string]> = [
  ['issement', 10, 'ir'],
  ['issant', 9, 'ir'],
  ['ivement', 9, 'if'],
  // Not below 11 letters: "traitement" (treatment) must not meet "traite" (trafficking).
  ['ement', 11, ''],
  ['ficatrice', 12, 'fier'],
  ['ficateur', 11, 'fier'],
  ['atrice', 9, 'er'],
  ['ateur', 8, 'er'],
  ['trice', 7, 'teur'],
  ['ieme', 6, ''],
  ['teuse', 8, 'teur'],
  ['euse', 6, 'eu'],
  ['ere', 9, 'er'],
  ['ive', 8, 'if'],
  ['nnelle', 10, 'n'],
  ['nnel', 10, 'n'],
  ['ique', 9, ''],
  ['esse', 9, ''],
  ['isation', 10, ''],
  ['isateur', 10, ''],
  ['ation', 9, ''],
  ['ition', 9, ''],
  ['ite', 7, ''],
  // Verb endings (imperfect, third person plural) and -ent/-ente, so that «présidait», «présidaient»,
  // «présider», «président» and «Présidente» meet on "presid", «recommandent» on "recommand".
  ['aient', 9, ''],
  ['ait', 8, ''],
  ['ente', 9, ''],
  ['ent', 9, ''],
];

/**
 * A light French stemmer in the spirit of Savoy's "light" stemmer (as used by Lucene's FrenchLightStemmer):
 * it removes inflection (plural, feminine) and a few frequent derivational suffixes, but never tries to reach
 * a linguistic root — over-stemming hurts precision more than it helps recall on a small corpus.
 * Input must already be folded (lower case, no accents).
 */
export function lightStem(word: string): string {
  let w = word;
  if (w.length < 4 || /\d/.test(w)) return w;

  // Plurals: -aux → -al (when not -eaux), then final -x / -s.
  if (w.length > 5 && w.endsWith('aux') && !w.endsWith('eaux')) w = `${w.slice(0, -3)}al`;
  else if (w.length > 3 && (w.endsWith('x') || w.endsWith('s'))) w = w.slice(0, -1);

  // Indexed, not destructured: a destructuring loop allocated an iterator per rule and per word.
  for (let i = 0; i < STEM_RULES.length; i++) {
    const rule = STEM_RULES[i]!;
    if (w.length >= rule[1] && w.endsWith(rule[0])) {
      w = w.slice(0, -rule[0].length) + rule[2];
      break;
    }
  }
  return normalizeEnding(w);
}

// The common tail of every path: squeeze doubled letters and drop the final -ie, -r, -e, -e so that
// "protéger", "protège", "protégée" and "protection"'s stem meet on "proteg"/"protect".
function normalizeEnding(word: string): string {
  let w = word;
  if (w.length > 4) w = w.replace(/(\p{L})\1+/gu, '$1');
  if (w.length > 4 && w.endsWith('ie')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('r')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** One token of `tokenize` as the lexical index keeps it: a stop word is dropped, any other word stemmed. */
export function processTerm(token: string): string | null {
  return STOP_WORDS.has(token) ? null : lightStem(token);
}

/** The lexical index's analysis of a whole text (tokenize, then processTerm); the tests state it through this. */
export function analyzeFrench(text: string): string[] {
  return tokenize(text).map(processTerm).filter((term): term is string => term !== null);
}
