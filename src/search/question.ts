// Tells a question that asks for a passage by its reference ("que dit la recommandation 7 c ?", "§ 72 d) du
// rapport 2023", "show me recommendation 12") from a question about content, so the answer stage can use lookup.
import { foldText } from './french.ts';
import { formatReference, MAX_REFERENCE_LENGTH, parseReference } from './reference.ts';

/** Longest question accepted: a long paragraph pasted from an email, not a whole document. */
export const MAX_QUESTION_LENGTH = 2000;

/** Words that may surround a reference without making it a content question. */
const ASKING = new Set(
  `que quoi dit disent dire contient montre montrez moi affiche afficher cite citer donne donner voir lire texte
  integral la le les l du de des d dans en sur a au quel quelle est c ce qu il y texte contenu
  what does do say says said show me display give tell read see text of the in from is about full
  please stp svp rapport report document doc`.split(/\s+/),
);

/**
 * A reference inside a sentence, or null. Requires either a keyword (recommandation, §, note…), or a bare
 * "7 g)" with its parenthesis, or a message that is nothing but a reference ("7c 2017"); and the rest of the
 * sentence must be asking words or document words, so "combien de recommandations en 2021 ?" stays a question.
 */
export function isReferenceQuestion(question: string): { ref: string; doc?: string } | null {
  const text = question.trim();
  if (!text || text.length > MAX_REFERENCE_LENGTH) return null;
  const parsed = parseReference(text);
  if (!parsed) return null;
  const withParenthesis = /\d\s*\(?\s*[a-z]{1,4}\s*\)/i.test(parsed.matched);
  const remainingWords = parsed.docWords.filter((w) => !ASKING.has(w));
  // Document words a person would add: years, ids, and a few name words; anything else means a real question.
  const documentish = remainingWords.filter((w) => /^\d{4}$/.test(w) || /-/.test(w) || DOCUMENT_WORDS.has(w));
  // With a keyword ("recommandation 7 c") the reference is what is asked about, whatever else the sentence says.
  if (!parsed.explicit && documentish.length !== remainingWords.length) return null;
  if (!parsed.explicit && !withParenthesis && parsed.docWords.some((w) => ASKING.has(w) && !FILLER_ONLY.has(w))) {
    return null;
  }
  const ref = parsed.matched || formatReference(parsed);
  const result: { ref: string; doc?: string } = { ref };
  if (parsed.symbol) result.doc = parsed.symbol;
  else if (documentish.length > 0) result.doc = documentish.join(' ');
  return result;
}

const FILLER_ONLY = new Set(['du', 'de', 'des', 'la', 'le', 'les', 'rapport', 'report', 'of', 'the', 'in']);

const DOCUMENT_WORDS = new Set(
  `secretaire general generale marches publics projet draft final groupe travail procurement secretary sg information
  wg4 a78`.split(/\s+/).map((w) => foldText(w)),
);
