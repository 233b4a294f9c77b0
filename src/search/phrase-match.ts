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

/** Each table's phrases as they are looked for, a space on either side: made once per table, not per question. */
const paddedPhrases = new WeakMap<PhraseTable, readonly string[]>();

function needlesOf(table: PhraseTable): readonly string[] {
  let needles = paddedPhrases.get(table);
  if (!needles) {
    needles = table.phrases.map((phrase) => ` ${phrase} `);
    paddedPhrases.set(table, needles);
  }
  return needles;
}

/** The values of the phrases and words of `padded` (normalised words between single spaces, padded with one). */
export function matchPhrasesThenWords(padded: string, table: PhraseTable): string[] {
  const found: string[] = [];
  const needles = needlesOf(table);
  let rest = padded;
  for (let i = 0; i < needles.length; i++) {
    const needle = needles[i]!;
    if (!rest.includes(needle)) continue;
    const value = table.phrase(table.phrases[i]!);
    if (value) found.push(value);
    rest = rest.split(needle).join(table.barrier);
  }
  for (const word of rest.split(' ')) {
    const value = word ? table.word(word) : undefined;
    if (value) found.push(value);
  }
  return found;
}
