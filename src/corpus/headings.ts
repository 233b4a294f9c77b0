// Which lines are section headings, and how deep. Markdown levels are unreliable in these files
// ("## E. Documentation" sits under "### D. …"), so depth comes from the numbering style instead.
import { LETTER_HEADING, NUMBERED, ROMAN_HEADING } from './markers.ts';
import { romanValue } from './roman.ts';

export interface Heading {
  /** 1: "II. …", 2: "A. …", 3: "1. …", 4: unnumbered ("Début de prise de conscience…"). */
  level: 1 | 2 | 3 | 4;
  text: string;
}

/** Longest plain (non-Markdown) line still taken for a heading. */
const MAX_PLAIN_HEADING = 300;

/**
 * A heading's shape: short, and not ending like a sentence or a lead-in. Used for plain lines, where the
 * same "1. " can open a paragraph, a heading or an agenda entry.
 */
export function hasHeadingShape(cleanText: string): boolean {
  return (
    cleanText.length > 0 &&
    cleanText.length <= MAX_PLAIN_HEADING &&
    !/[.;:,]$/.test(cleanText) &&
    /^[\p{Lu}«"“(\d]/u.test(cleanText.replace(/^(?:[IVXLC]+|[A-Z]|\d{1,6})\.\s+/, ''))
  );
}

/** Depth of a heading from its numbering: roman, capital letter, arabic number, or none. */
export function headingLevel(cleanText: string, previousLetter?: string): Heading['level'] {
  const roman = ROMAN_HEADING.exec(cleanText);
  // "I." after "H." is the ninth lettered heading, not section one.
  if (roman && romanValue(roman[1] ?? '') !== undefined && !(roman[1] === 'I' && previousLetter === 'H')) return 1;
  if (LETTER_HEADING.test(cleanText) || roman) return 2;
  if (NUMBERED.test(cleanText)) return 3;
  return 4;
}

/** A line entirely in bold or italics ("**Interactive Map…**", "*The Role of…*"): a title in these reports. */
export function isEmphasisedLine(raw: string): boolean {
  const t = raw.trim();
  return /^[*_]{1,3}\S/.test(t) && /\S[*_]{1,3}$/.test(t);
}
