// Shapes of the lines that open a new structural unit. Only shapes here; deciding what a line *is*
// (paragraph 1 or heading "1. Prévention", letter i or roman i) needs context and happens in assemble.ts.

/**
 * "12. Texte", "  1013. Texte" — a numbered paragraph, a numbered heading or an agenda entry. Any number of
 * digits up to 6 (a 3-digit limit merged paragraphs 1000+ into "paragraphe 999"); whether "2023. Texte" is a
 * paragraph is decided by the numbering in assemble.ts.
 */
export const NUMBERED = /^\s*(\d{1,6})\.\s+(\S.*)$/;
/** "a) Texte", "- a) Texte", "  - ii) Texte" — a lettered item or a roman sub-item. */
export const ITEM = /^\s*(?:[-*•]\s+)?([a-z]{1,5})\)\s+(\S.*)$/;
/** Markdown heading "### **II. Recommandations**". */
export const MD_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
/** Plain roman-numbered heading "II. Recommandations" (I–XXXIX: a lone "C." or "L." is a lettered heading). */
export const ROMAN_HEADING = /^\s*([IVX]+)\.\s+(\S.*)$/;
/** Plain lettered heading "A. Stratégies…" (A–L only: "M. Dupont" starts sentences, not sections). */
export const LETTER_HEADING = /^\s*([A-L])\.\s+(\S.*)$/;
/** "Recommandation 7", possibly bold or as a Markdown heading. */
export const RECOMMENDATION = /^\s*(?:#{1,6}\s+)?[*_]{0,2}\s*Recommandation\s+(\d{1,6})\s*[*_]{0,2}\s*$/i;
/** Footnote line: "¹⁰ Texte", "<sup>7</sup> Texte", "\* Texte", "* Texte". */
export const FOOTNOTE = /^\s*(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|<sup>\s*(\d+)\s*<\/sup>|(\\?\*))\s+(\S.*)$/;
/** Page furniture with no text of its own: horizontal rules, bare URLs (PDF link annotations). */
export const FURNITURE = /^\s*(?:[-*_]{3,}|(?:https?:\/\/|www\.)\S+)\s*$/;
/** A table row: tab-separated cells, or a Markdown pipe row. */
export const TABLE_ROW = /\t|^\s*\|.*\|\s*$/;

export function nextLetter(letter: string | undefined): string {
  return letter === undefined ? 'a' : String.fromCharCode(letter.charCodeAt(0) + 1);
}

/** Whether a line opens a new unit (as opposed to continuing the text of the previous line). */
export function opensUnit(line: string): boolean {
  return (
    NUMBERED.test(line) ||
    ITEM.test(line) ||
    MD_HEADING.test(line) ||
    RECOMMENDATION.test(line) ||
    FOOTNOTE.test(line) ||
    FURNITURE.test(line) ||
    ROMAN_HEADING.test(line) ||
    LETTER_HEADING.test(line)
  );
}
