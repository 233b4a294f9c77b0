// Search filters (document, year, kind) as one predicate over passages, shared by dense and lexical search.
import { passageId, type Document, type Passage, type PassageKind } from '../corpus/index.ts';

export interface SearchFilters {
  docIds?: string[];
  years?: number[];
  /** Passage kinds; an item counts as the kind of its top-level parent too, so ['recommendation'] keeps
   *  recommendations and their items ("Recommandation 7 c)"). */
  kinds?: PassageKind[];
}

export function isEmptyFilter(filters: SearchFilters | undefined): boolean {
  return !filters || (!filters.docIds?.length && !filters.years?.length && !filters.kinds?.length);
}

/** Kind of the outermost passage a passage belongs to (itself when it has no parent). */
export function rootKinds(passages: readonly Passage[]): Map<string, PassageKind> {
  const byId = new Map(passages.map((p) => [p.id, p]));
  const result = new Map<string, PassageKind>();
  for (const passage of passages) {
    let current = passage;
    // Bounded walk: a malformed parent chain cannot loop forever.
    for (let depth = 0; depth < 8 && current.parentLabel; depth += 1) {
      const parent = byId.get(passageId(current.docId, current.parentLabel));
      if (!parent) break;
      current = parent;
    }
    result.set(passage.id, current.kind);
  }
  return result;
}

export function makePassageFilter(
  filters: SearchFilters | undefined,
  documentById: ReadonlyMap<string, Document>,
  rootKindById: ReadonlyMap<string, PassageKind>,
): ((passage: Passage) => boolean) | undefined {
  if (!filters || isEmptyFilter(filters)) return undefined;
  const docIds = filters.docIds?.length ? new Set(filters.docIds) : undefined;
  const years = filters.years?.length ? new Set(filters.years) : undefined;
  const kinds = filters.kinds?.length ? new Set(filters.kinds) : undefined;
  return (passage) => {
    if (docIds && !docIds.has(passage.docId)) return false;
    if (years) {
      const year = documentById.get(passage.docId)?.year;
      if (year === undefined || !years.has(year)) return false;
    }
    if (kinds && !kinds.has(passage.kind)) {
      const root = rootKindById.get(passage.id);
      if (!root || !kinds.has(root)) return false;
    }
    return true;
  };
}
