import type { Language } from './schema.ts';

// Function words that tell French from English in a short question. Accented letters count for French too:
// the reports are French, so French is the default when the evidence is even.
const FRENCH = new Set(
  'le la les un une des du de au aux et ou que qui quoi quel quelle quels quelles est sont pour sur dans avec par pas ne il elle ils elles nous vous ce cette ces comment pourquoi combien quand où dit disent recommande recommandent rapport rapports groupe travail traite victimes enfants plus montre-moi donne-moi'.split(
    ' ',
  ),
);
const ENGLISH = new Set(
  'the a an and or of to in on for with by what which who whom how why when where is are was were does do did say says recommend recommends report reports group working trafficking victims children more show me give about any there'.split(
    ' ',
  ),
);

/** The language the tool should answer in: the question's own, French unless English clearly dominates. */
export function detectLanguage(text: string): Language {
  const words = text.toLowerCase().match(/[\p{L}'-]+/gu) ?? [];
  let fr = /[àâçéèêëîïôûùüÿœ«»]/i.test(text) ? 1 : 0;
  let en = 0;
  for (const word of words) {
    const bare = word.replace(/^(l|d|qu|n|s|j|c)'/, '');
    if (FRENCH.has(word) || FRENCH.has(bare) || word !== bare) fr += 1;
    if (ENGLISH.has(word)) en += 1;
  }
  return en > fr ? 'en' : 'fr';
}
