// The one rule from a passage label to its anchor in the reader: `Recommandation 7 c)` → `recommandation-7-c`,
// `paragraphe 39 a) ii)` → `paragraphe-39-a-ii`, `note *` → `note-asterisque`. Lower case, accents folded, every
// run of other characters one hyphen. Labels are unique within a document and differ in their letters and
// numbers, so their anchors are unique too (the library numbers a clash rather than repeat an id, see library.ts).
export function anchorOf(label: string): string {
  const slug = label
    .replace(/\*/g, ' asterisque ')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'passage';
}
