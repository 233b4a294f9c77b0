// The one home of label forms ("paragraphe 7", "Recommandation 7 c)", "note 3", "tableau 1", "… bis") and of
// passage ids. Labels are the citations people read; every stage that writes one builds it here.

/** "paragraphe 7". */
export function paragraphLabel(n: number): string {
  return `paragraphe ${n}`;
}

/** "Recommandation 7". */
export function recommendationLabel(n: number): string {
  return `Recommandation ${n}`;
}

/** An item's marker as the reports write it: "c)", "ii)". */
export function itemMarker(marker: string): string {
  return `${marker})`;
}

/** An item or sub-item under its parent: ("Recommandation 7", "c") → "Recommandation 7 c)"; several markers nest. */
export function itemLabel(parent: string, ...markers: string[]): string {
  return markers.reduce((label, marker) => `${label} ${itemMarker(marker)}`, parent);
}

/** "note 3", or "note *" for the unnumbered (asterisk) note of a front page. */
export function noteLabel(n?: number): string {
  return n === undefined ? 'note *' : `note ${n}`;
}

/** "tableau 1": tables are numbered in reading order. */
export function tableLabel(n: number): string {
  return `tableau ${n}`;
}

/** A repeated label kept with a different text: "paragraphe 7 bis" (repeat 1), "paragraphe 7 bis 2". */
export function repeatLabel(label: string, repeat: number): string {
  return repeat === 1 ? `${label} bis` : `${label} bis ${repeat}`;
}

// Passage ids: `<document id>#<label>` (`2021-wg4-rapport#Recommandation 7 c)`), unique across the corpus and
// stable across rebuilds (labels are unique within a document, see schema.ts). Nothing else concatenates or
// cuts at the `#`.

/** The id of the passage `label` of document `docId`. */
export function passageId(docId: string, label: string): string {
  return `${docId}#${label}`;
}

/**
 * The document id and label of a passage id, or null when `id` is not one. Document ids never hold a `#`
 * (DOCUMENT_ID in edit.ts), so the first `#` is the separator and a label may hold more.
 */
export function splitPassageId(id: string): { docId: string; label: string } | null {
  const hash = id.indexOf('#');
  if (hash <= 0 || hash === id.length - 1) return null;
  return { docId: id.slice(0, hash), label: id.slice(hash + 1) };
}
