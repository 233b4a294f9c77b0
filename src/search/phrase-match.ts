// The one matching rule of the lexical bridges (lexicon.ts: English → French, synonyms.ts: everyday French →
// the reports' French): phrases first, longest first, each matched phrase taken out of the text so its words
// are not looked up again on their own; then every remaining word.

export interface PhraseTable {
  /** The phrase keys, longest first. */
  phrases: readonly string[];
  /** What a matched phrase brings ('' or undefined: nothing, the phrase is only consumed). */
  phrase(key: string): string | undefined;
  /** What a remaining word brings, if anything. */
  word(key: string): string | undefined;
  /**
   * What a matched phrase leaves in its place: ' ' lets the words on either side meet, ' | ' keeps them apart
   * so they do not form a phrase the text does not have.
   */
  barrier: string;
}

/** The values of the phrases and words of `padded` (normalised words between single spaces, padded with one). */
export function matchPhrasesThenWords(padded: string, table: PhraseTable): string[] {
  const found: string[] = [];
  let rest = padded;
  for (const phrase of table.phrases) {
    const needle = ` ${phrase} `;
    if (!rest.includes(needle)) continue;
    const value = table.phrase(phrase);
    if (value) found.push(value);
    rest = rest.split(needle).join(table.barrier);
  }
  for (const word of rest.split(' ')) {
    const value = word ? table.word(word) : undefined;
    if (value) found.push(value);
  }
  return found;
}
