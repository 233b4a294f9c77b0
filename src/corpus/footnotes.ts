// Footnote lines ("¹⁰ Texte", "<sup>7</sup> Texte", "\* Texte") leave the text flow and become `note N` passages.
import { superscriptToNumber } from './clean.ts';
import { noteLabel } from './labels.ts';
import { FOOTNOTE } from './markers.ts';

export interface FootnoteLine {
  /** `note 7`, or `note *` for the asterisk note of a document's front page. */
  label: string;
  /** The note's text, still raw (Markdown and all). */
  body: string;
}

export function parseFootnoteLine(raw: string): FootnoteLine | undefined {
  const m = FOOTNOTE.exec(raw);
  if (!m) return undefined;
  const number = m[1] ? superscriptToNumber(m[1]) : m[2] ? Number(m[2]) : undefined;
  return { label: noteLabel(number), body: m[4] ?? '' };
}
