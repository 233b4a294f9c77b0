// The one home of passage ids: `<document id>#<label>` (`2021-wg4-rapport#Recommandation 7 c)`), unique
// across the corpus and stable across rebuilds (labels are unique within a document, see schema.ts). Every
// stage that needs an id builds or splits it here; nothing else concatenates or cuts at the `#`.

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
