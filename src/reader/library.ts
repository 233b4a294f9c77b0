// What the reader shows of the corpus, computed once per loaded corpus (and again after a rebuild): per
// document, its passages in reading order with their anchors, neighbours, footnotes and draft/final twins.
import { noteLabel, type Document, type Passage } from '../corpus/index.ts';
import { findDraftTwins } from '../search/index.ts';
import { anchorOf } from './anchors.ts';

/** The documents and passages the reader serves: a loaded index or a parsed corpus both have this shape. */
export interface ReaderCorpus {
  readonly documents: readonly Document[];
  readonly passages: readonly Passage[];
}

export interface PassageRef {
  docId: string;
  label: string;
  anchor: string;
}

export interface ReaderPassage {
  passage: Passage;
  anchor: string;
  previous?: PassageRef;
  next?: PassageRef;
  /** The footnotes the passage refers to, in its order; `anchor` is absent for a note the file lacks. */
  notes: Array<{ number: number; label: string; anchor?: string }>;
  /** For a note: the passages that refer to it. */
  referredBy: PassageRef[];
  /** The same passage in the draft (for a final text) or in the final text (for a draft). */
  twins: Array<PassageRef & { relation: 'draft' | 'final'; docName: string }>;
}

export interface DocumentView {
  document: Document;
  /** Paragraphs, recommendations, items, tables: the text, in reading order. */
  body: ReaderPassage[];
  /** Footnotes, in order, shown after the text. */
  notes: ReaderPassage[];
  byAnchor: Map<string, ReaderPassage>;
  /** The draft(s) of this document, or the final text of this draft. */
  relatedDocuments: Array<{ document: Document; relation: 'draft' | 'final' }>;
}

export interface Library {
  document(docId: string): DocumentView | undefined;
}

const libraries = new WeakMap<ReaderCorpus, Library>();

/** The library of a corpus, built on first use and kept for as long as the corpus object lives. */
export function libraryOf(corpus: ReaderCorpus): Library {
  let library = libraries.get(corpus);
  if (!library) {
    library = buildLibrary(corpus);
    libraries.set(corpus, library);
  }
  return library;
}

function refOf(passage: Passage): PassageRef {
  return { docId: passage.docId, label: passage.label, anchor: anchorOf(passage.label) };
}

function linkNeighbours(list: ReaderPassage[]): void {
  list.forEach((item, i) => {
    const previous = list[i - 1];
    const next = list[i + 1];
    if (previous) item.previous = { ...refOf(previous.passage), anchor: previous.anchor };
    if (next) item.next = { ...refOf(next.passage), anchor: next.anchor };
  });
}

function buildLibrary(corpus: ReaderCorpus): Library {
  const documentById = new Map(corpus.documents.map((d) => [d.id, d]));
  const views = new Map<string, DocumentView>();
  for (const document of corpus.documents) {
    views.set(document.id, { document, body: [], notes: [], byAnchor: new Map(), relatedDocuments: [] });
  }
  for (const passage of corpus.passages) {
    const view = views.get(passage.docId);
    if (!view) continue;
    // Labels are unique and differ in letters or digits, so anchors are too; should two ever meet, the later
    // passage gets a numbered anchor rather than a page with two equal ids (links name the first).
    let anchor = anchorOf(passage.label);
    for (let n = 2; view.byAnchor.has(anchor); n += 1) anchor = `${anchorOf(passage.label)}-${n}`;
    const item: ReaderPassage = { passage, anchor, notes: [], referredBy: [], twins: [] };
    view.byAnchor.set(item.anchor, item);
    (passage.kind === 'note' ? view.notes : view.body).push(item);
  }
  for (const view of views.values()) {
    linkNeighbours(view.body);
    linkNeighbours(view.notes);
    for (const item of view.body.concat(view.notes)) {
      for (const number of item.passage.noteRefs) {
        const label = noteLabel(number);
        const note = view.byAnchor.get(anchorOf(label));
        item.notes.push(note ? { number, label, anchor: note.anchor } : { number, label });
        note?.referredBy.push({ ...refOf(item.passage), anchor: item.anchor });
      }
    }
  }
  // Draft/final pairs: the search stage's pairing (word-bigram Dice, same numbers), read in both directions.
  const passageById = new Map(corpus.passages.map((p) => [p.id, p]));
  for (const twin of findDraftTwins(corpus.passages, corpus.documents).values()) {
    const draft = passageById.get(twin.draftPassageId);
    const final = passageById.get(twin.finalPassageId);
    if (!draft || !final) continue;
    const draftItem = views.get(draft.docId)?.byAnchor.get(anchorOf(draft.label));
    const finalItem = views.get(final.docId)?.byAnchor.get(anchorOf(final.label));
    const nameOf = (p: Passage) => documentById.get(p.docId)?.displayName ?? p.docId;
    draftItem?.twins.push({ ...refOf(final), relation: 'final', docName: nameOf(final) });
    finalItem?.twins.push({ ...refOf(draft), relation: 'draft', docName: nameOf(draft) });
  }
  for (const document of corpus.documents) {
    const final = document.draftOf ? documentById.get(document.draftOf) : undefined;
    if (!final) continue;
    views.get(document.id)?.relatedDocuments.push({ document: final, relation: 'final' });
    views.get(final.id)?.relatedDocuments.push({ document, relation: 'draft' });
  }
  return { document: (docId) => views.get(docId) };
}
