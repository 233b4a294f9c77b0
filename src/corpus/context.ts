// The one definition of "what text stands for a passage" so embedding, search and answers agree.
import type { Document, Passage } from './schema.ts';

/** Text shown as "Texte intégral": for items, the parent's lead-in followed by the item's own text. */
export function fullPassageText(passage: Passage): string {
  return passage.leadIn ? `${passage.leadIn} ${passage.text}` : passage.text;
}

/**
 * Text to embed for a passage: the document's display name, the heading path, the citation label,
 * then the full passage text (lead-in included for items), one part per line.
 */
export function passageContext(passage: Passage, document: Pick<Document, 'displayName'>): string {
  const parts = [document.displayName];
  if (passage.headingPath.length > 0) parts.push(passage.headingPath.join(' › '));
  parts.push(`${passage.label} : ${fullPassageText(passage)}`);
  return parts.join('\n');
}
