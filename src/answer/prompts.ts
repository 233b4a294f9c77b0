// Example questions for the assistant panel, drawn from what is indexed: one per final document that makes
// recommendations or has a subject of its own, and one reference lookup, so every prompt has an answer.
import type { Document, Passage } from '../corpus/index.ts';
import type { Language } from './schema.ts';

const MAX_PROMPTS = 4; // Slack's assistant panel shows at most four

/** "Document d'information sur les marchés publics (juil. 2021)" → "document d'information sur les marchés publics". */
function nameWithoutDate(document: Document): string {
  const name = document.displayName.replace(/\s*\([^)]*\)\s*$/u, '');
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function promptFor(document: Document, language: Language): string | undefined {
  const fr = language === 'fr';
  switch (document.kind) {
    case 'report':
      return fr
        ? `Que recommande le Groupe de travail dans son rapport de ${document.year} ?`
        : `What did the Working Group recommend in ${document.year}?`;
    case 'secretary-general-report':
      return fr
        ? `Que recommande le Secrétaire général dans son rapport de ${document.year} ?`
        : `What does the Secretary-General recommend in the ${document.year} report?`;
    case 'background-paper':
      return fr ? `Que dit le ${nameWithoutDate(document)} ?` : `What does the ${document.year} background paper say?`;
    default:
      return undefined;
  }
}

export function suggestPrompts(corpus: { documents: Document[]; passages: Passage[] }, language: Language): string[] {
  const newestFirst = [...corpus.documents].sort((a, b) => b.date.localeCompare(a.date));
  const prompts = newestFirst.flatMap((document) => promptFor(document, language) ?? []);
  const item = corpus.passages.find((p) => p.kind === 'item' && p.label.startsWith('Recommandation'));
  const lookup = item && (language === 'fr' ? `Que dit la ${item.label.charAt(0).toLowerCase()}${item.label.slice(1)} ?` : `Show me ${item.label}`);
  // Keep room for the lookup example: it shows the other way of asking.
  return [...prompts.slice(0, lookup ? MAX_PROMPTS - 1 : MAX_PROMPTS), ...(lookup ? [lookup] : [])];
}
