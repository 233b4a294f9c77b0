// Ordinals name one of a series — «le septième appel à propositions», "the twelfth session", «sa 11e réunion» —
// as a year names one of the years: a passage about the sixth call does not answer a question about the
// seventh. This module reads them, in French and English words or in figures, from the question and from the
// reports' text.
import type { Passage } from '../corpus/index.ts';
import { foldText, frenchCounterparts, lightStem, tokenize } from '../search/index.ts';
import { perPassage } from './memo.ts';
import type { Language } from './schema.ts';

/** An ordinal a question names: its words as the question writes them, its number, and what it counts. */
export interface NamedOrdinal {
  /** "septième appel", "twelfth session": the ordinal and the word after it, as written. */
  text: string;
  n: number;
  /** The stems of the counted word in French (an English word through the lexicon); empty when unknown. */
  noun: string[];
}

const FRENCH_NUMBERS: Record<string, number> = {
  un: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
};
/** The stem an ordinal's last number takes before «-ième»: «cinqu-ième», «neuv-ième», «onz-ième», «un-ième». */
const FRENCH_ORDINAL_STEMS: Record<string, number> = {
  ...Object.fromEntries(Object.entries(FRENCH_NUMBERS).map(([word, n]) => [word.replace(/e$/u, ''), n])),
  cinqu: 5, neuv: 9, vingt: 20, trent: 30, quarant: 40, cinquant: 50, soixant: 60,
};

const ENGLISH_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const ENGLISH_ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  seventieth: 70, eightieth: 80, ninetieth: 90,
};

/**
 * An ordinal in folded text, in words («dix-septieme», «trente et unieme», "sixty-seventh") or in figures
 * («11e», «12eme», "12th"), then the word after it.
 */
const ORDINAL = /\b((?:[a-z]+(?:-| et | and )){0,3}[a-z]+(?:ieme|st|nd|rd|th)|\d{1,3}(?:e|eme|er|re|st|nd|rd|th))\b(?=(?:\s+([a-z]+))?((?:\s+[a-z]+){0,3}))/gu;

/**
 * Words that end an English noun phrase: after "the second OAS work plan against …" the counted word is
 * "plan", the last word before "against"; a French ordinal's noun comes right after it («deuxième plan»).
 */
const ENDS_PHRASE = /^(?:of|for|in|on|at|to|by|from|with|against|about|under|and|or|that|which|who|was|were|is|are|has|have|had|did|does|do|be|been|held|cover|covers|covered|take|took|adopt|adopted|decide|decided)$/u;

/** The number of an ordinal's words, or undefined when they are not one («systeme», "month"). */
function ordinalNumber(words: string): number | undefined {
  const figures = /^(\d{1,3})(?:e|eme|er|re|st|nd|rd|th)$/u.exec(words);
  if (figures) return Number(figures[1]);
  const parts = words.split(/-| et | and /u);
  const last = parts.pop()!;
  const french = /^([a-z]+)ieme$/u.exec(last);
  const lastValue = french ? FRENCH_ORDINAL_STEMS[french[1]!] : ENGLISH_ORDINALS[last];
  if (lastValue === undefined) return undefined;
  let n = lastValue;
  for (const part of parts) {
    const value = french ? FRENCH_NUMBERS[part] : ENGLISH_NUMBERS[part];
    if (value === undefined) return undefined;
    n += value;
  }
  return n;
}

/** An ordinal read from a text: its number, its folded words, the word after it and the English noun phrase after it. */
interface ReadOrdinal {
  n: number;
  words: string;
  next: string | undefined;
  /** The words up to the phrase's end ("oas work plan"); its last is the head an English ordinal counts. */
  phrase: string[];
}

/** Every ordinal of a text, with the folded word after it (undefined at the end) and its noun phrase. */
export function ordinalsIn(text: string): ReadOrdinal[] {
  const out: ReadOrdinal[] = [];
  for (const match of foldText(text).matchAll(ORDINAL)) {
    // The words before the ordinal may have been taken along ("first and second"): then only the last counts.
    const whole = match[1]!;
    const wholeNumber = ordinalNumber(whole);
    const last = whole.split(/\s+/u).at(-1)!;
    const n = wholeNumber ?? ordinalNumber(last);
    if (n === undefined) continue;
    const following = [match[2], ...(match[3] ?? '').trim().split(/\s+/u)].filter((w): w is string => Boolean(w));
    const end = following.findIndex((word) => ENDS_PHRASE.test(word));
    const phrase = end < 0 ? following : following.slice(0, end);
    out.push({ n, words: wholeNumber !== undefined ? whole : last, next: match[2], phrase });
  }
  return out;
}

/**
 * The ordinals of a question that name one of a series: the second and after («premier» and "first" are too
 * often "for the first time", «en première ligne»), with the word they count.
 */
export function questionOrdinals(question: string, language: Language): NamedOrdinal[] {
  return ordinalsIn(question)
    .filter((ordinal) => ordinal.n >= 2)
    .map((ordinal) => {
      // The counted word: the one after a French ordinal, the head of an English noun phrase.
      const counted = language === 'en' ? ordinal.phrase.at(-1) : ordinal.next;
      const noun = counted ? nounStems(counted, language) : [];
      const shown = language === 'en' ? ordinal.phrase : ordinal.next ? [ordinal.next] : [];
      const folded = [ordinal.words, ...shown].join(' ');
      return { text: asWritten(question, folded), n: ordinal.n, noun };
    });
}

/** The words of `text` that fold to `folded` ("septieme appel" → «septième appel»), or `folded` itself. */
function asWritten(text: string, folded: string): string {
  const words = text.split(/\s+/u).map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  const wanted = folded.split(/[\s-]+/u).length;
  for (let i = 0; i < words.length; i++) {
    for (let k = 1; k <= wanted && i + k <= words.length; k++) {
      const window = words.slice(i, i + k).join(' ');
      if (foldText(window) === folded) return window;
    }
  }
  return folded;
}

function nounStems(word: string, language: Language): string[] {
  const french = language === 'en' ? tokenize(frenchCounterparts(word)) : [word];
  return [...new Set(french.map(lightStem))];
}

/**
 * Whether a text names the ordinal: its number in words or figures, and — with `withNoun`, when the counted
 * word is known — that word after it («septième appel») or before the plain number («Principe 10»).
 */
export function holdsOrdinal(text: string, ordinal: NamedOrdinal, withNoun: boolean): boolean {
  return readsOrdinal(readText(text), ordinal, withNoun);
}

/** A passage's ordinals and words, read once per passage object. */
const readPassage = perPassage((passage) => readText(passage.text));

/** Whether some passage names the ordinal with what it counts. */
export function someoneNames(passages: readonly Passage[], ordinal: NamedOrdinal): boolean {
  return passages.some((passage) => readsOrdinal(readPassage(passage), ordinal, true));
}

interface ReadText {
  ordinals: ReadOrdinal[];
  words: string[];
}

function readText(text: string): ReadText {
  return { ordinals: ordinalsIn(text), words: tokenize(text) };
}

function readsOrdinal(read: ReadText, ordinal: NamedOrdinal, withNoun: boolean): boolean {
  const countsIt = (word: string | undefined) => !withNoun || ordinal.noun.length === 0 || (word !== undefined && ordinal.noun.includes(lightStem(word)));
  if (read.ordinals.some((o) => o.n === ordinal.n && countsIt(o.next))) return true;
  const { words } = read;
  return words.some((word, i) => word === String(ordinal.n) && i > 0 && ordinal.noun.length > 0 && ordinal.noun.includes(lightStem(words[i - 1]!)));
}
