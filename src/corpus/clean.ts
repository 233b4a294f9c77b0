// Clean text for display and embedding: Markdown, HTML, escapes and footnote markers out, French typography in.

export interface CleanText {
  text: string;
  /** Footnote numbers whose markers were removed from the text, in order of appearance. */
  noteRefs: number[];
}

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9',
};
export const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

export function superscriptToNumber(run: string): number {
  return Number([...run].map((ch) => SUPERSCRIPT_DIGITS[ch] ?? '').join(''));
}

/**
 * Spacing artefacts of PDF extraction ("l ’a", "ci -après", "t raite", "CTOC/COP/ WG.4", "(HCR) ,").
 * Only applied to hard-wrapped (PDF-extracted) documents: in clean Markdown these patterns do not occur.
 */
export function fixPdfArtefacts(text: string): string {
  return (
    text
      // "l ’a", "d ’entre": no space before an elided apostrophe.
      .replace(/(\p{L}) +([’'])(?=\p{L})/gu, '$1$2')
      // "ci -après": a hyphen glued to the following word belongs to the previous one too.
      .replace(/(\p{Ll}) +-(?=\p{Ll})/gu, '$1-')
      // "t raite": a lone consonant split off the start of a word (French has no one-letter consonant words).
      .replace(/(^|[\s(«“"])([bcdfghjklmnpqrstvwxz]) (?=\p{Ll}{2,})/gu, '$1$2')
      // "CTOC/COP/ WG.4": a symbol cut at the end of a line.
      .replace(/(\S\/) +(?=[A-Z0-9])/g, '$1')
  );
}

/** Removes Markdown/HTML/escapes and footnote markers from one piece of running text. */
export function cleanInline(raw: string, options: { pdf?: boolean } = {}): CleanText {
  const noteRefs: number[] = [];
  const addRef = (n: number): void => {
    if (Number.isFinite(n) && !noteRefs.includes(n)) noteRefs.push(n);
  };
  let text = raw;

  // Autolinks "<https://…>" keep their address; they are not HTML tags.
  text = text.replace(/<((?:https?|ftp):\/\/[^>\s]+)>/g, '$1');
  // Footnote markers: <sup>7</sup>, ¹⁷. Other superscripts (3<sup>e</sup>, M^{me}, 2^e) are ordinals: keep the letters.
  text = text.replace(/<sup>\s*(\d+)\s*<\/sup>/gi, (_m, n: string) => {
    addRef(Number(n));
    return '';
  });
  text = text.replace(/<sup>([^<]*)<\/sup>/gi, '$1');
  text = text.replace(/\^\{([^}]*)\}/g, '$1').replace(/(?<=[\p{L}\d])\^(\p{L}+)/gu, '$1');
  text = text.replace(SUPERSCRIPT_RUN, (run) => {
    addRef(superscriptToNumber(run));
    return '';
  });
  // Any other HTML tag (<i>, <br>, …).
  text = text.replace(/<\/?[a-zA-Z][^>]*>/g, '');
  // Links "[76/186](#)" → "76/186".
  text = text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  // An escaped asterisk glued to a word is a footnote call ("provisoire\*"); other escapes keep their character.
  text = text.replace(/(?<=\S)\\\*/g, '');
  text = text.replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, (_m, ch: string) => (ch === '*' ? '\u0000' : ch));
  // Emphasis: **bold**, *italic*, __bold__.
  text = text.replace(/\*\*([^*]+?)\*\*/g, '$1').replace(/__([^_]+?)__/g, '$1');
  text = text.replace(/\*([^*\s](?:[^*]*?[^*\s])?)\*/g, '$1');
  // A stray asterisk left over (an unclosed emphasis or a footnote call such as "préliminaire*").
  text = text.replace(/\*+/g, '');
  text = text.replace(/\u0000/g, '*');
  if (options.pdf) text = fixPdfArtefacts(text);
  // Whitespace: one plain space everywhere (NBSP included), none before a comma or closing bracket.
  text = text.replace(/\s+/gu, ' ').replace(/ +(?=[,)\]])/g, '').replace(/([([]) +/g, '$1').trim();
  return { text, noteRefs };
}
