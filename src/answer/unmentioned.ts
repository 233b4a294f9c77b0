// A name the reports never write: «Quel rôle joue la Cour pénale internationale … ?» The closed list of
// countries and bodies (analysis.ts, NAMES) covers the names a question about these reports is likely to use;
// this covers the others — any capitalised word of a French question that is not the first of a sentence —
// by looking it up, exactly as written (folded, not stemmed: «Cour» is not «cours»), among every word of the
// reports' passages and headings. Only French questions: an English name is often written otherwise in the
// reports ("Global Compact", «Pacte mondial»), and the capitals of "United Kingdom" or "World Day" are not
// names the reports lack.
import type { Passage } from '../corpus/index.ts';
import { foldText, reportWords, tokenize } from '../search/index.ts';
import type { QuestionAnalysis } from './analysis.ts';

/** A capitalised word that is not a name the reports could lack: months and days, roman numerals. */
const NOT_A_NAME = /^(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|[ivxlcdm]+)$/u;

/** What opens a sentence or a quotation: the word after it is capitalised by position, not as a name. */
const OPENS = /(?:^|[.?!:;«"“(])\s*$/u;

/** A French adjective after a name is part of it: «Cour pénale internationale», «Cour européenne». */
const ADJECTIVE = /^\p{Ll}[\p{L}-]*(?:ale|ales|aux|al|ique|iques|ien|ienne|iens|iennes|éen|éenne|éens|éennes|ais|aise|aises|el|elle|els|elles|if|ive|ifs|ives|aire|aires)$/u;

/** How many adjectives a name may take after its capitalised words. */
const NAME_ADJECTIVES = 3;

/** Every word of the passages' texts and headings, folded (not stemmed); computed once per loaded index. */
const wordsOfPassages = new WeakMap<readonly Passage[], ReadonlySet<string>>();

export function corpusWords(passages: readonly Passage[]): ReadonlySet<string> {
  let words = wordsOfPassages.get(passages);
  if (!words) {
    const found = new Set<string>();
    for (const passage of passages) {
      for (const word of tokenize(foldText(`${passage.text} ${passage.headingPath.join(' ')}`))) found.add(word);
    }
    words = found;
    wordsOfPassages.set(passages, words);
  }
  return words;
}

/**
 * The first name of a French question none of whose words the reports write, as the question writes it
 * with the adjectives that follow it («Cour pénale internationale»), or null. A name the reports write in
 * other words is not one: an acronym they spell out («ONG»: the French bridge, synonyms.ts, knows its report
 * words) or a body of the closed list, which has its own rule («ICAT», «Groupe interinstitutions …»).
 */
export function unmentionedName(question: string, known: ReadonlySet<string>, names: QuestionAnalysis['names'] = []): string | null {
  const words = [...question.matchAll(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu)].map((m) => ({ text: m[0], at: m.index }));
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    if (!/^\p{Lu}/u.test(word.text) || OPENS.test(question.slice(0, word.at))) continue;
    const folded = foldText(word.text);
    if (folded.length < 3 || NOT_A_NAME.test(folded) || /\d/u.test(folded)) continue;
    const tokens = tokenize(folded);
    if (tokens.length === 0 || tokens.some((token) => known.has(token))) continue;
    if (reportWords(folded) !== '' || names.some((name) => name.forms.includes(folded))) continue;
    return nameFrom(words, i, question);
  }
  return null;
}

/** The name that starts at word `i`: its capitalised words, then up to NAME_ADJECTIVES adjectives, unbroken. */
function nameFrom(words: Array<{ text: string; at: number }>, i: number, question: string): string {
  let end = i;
  let adjectives = 0;
  for (let j = i + 1; j < words.length; j += 1) {
    const gap = question.slice(words[j - 1]!.at + words[j - 1]!.text.length, words[j]!.at);
    if (gap !== ' ') break;
    const next = words[j]!.text;
    if (/^\p{Lu}/u.test(next) && adjectives === 0) end = j;
    else if (ADJECTIVE.test(next) && adjectives < NAME_ADJECTIVES) {
      adjectives += 1;
      end = j;
    } else break;
  }
  return question.slice(words[i]!.at, words[end]!.at + words[end]!.text.length);
}
