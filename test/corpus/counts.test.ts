// "Done when": the exact label sets on the real corpus, unique labels, and schema-valid passages.
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentSchema, PassageSchema, type Corpus } from '../../src/corpus/index.ts';
import { DOCS, labels, letters, range, realCorpus } from './helpers.ts';

let corpus: Corpus;
beforeAll(async () => {
  corpus = await realCorpus();
});

const paragraphs = (n: number): string[] => range(1, n).map((i) => `paragraphe ${i}`);

describe('real corpus counts', () => {
  it('reads the five reports, in file-name order, with metadata from corpus.yml', () => {
    expect(corpus.documents.map((d) => d.id)).toEqual([DOCS.r2017, DOCS.info, DOCS.draft, DOCS.r2021, DOCS.sg2023]);
    for (const doc of corpus.documents) {
      expect(DocumentSchema.parse(doc)).toEqual(doc);
      expect(doc.metaSource).toBe('corpus.yml');
    }
    const draft = corpus.documents.find((d) => d.id === DOCS.draft);
    expect(draft?.draftOf).toBe(DOCS.r2021);
    expect(draft?.kind).toBe('draft-report');
  });

  it('2021 rapport: Recommandation 1 to 16 and paragraphe 1 to 49', () => {
    expect(labels(corpus, DOCS.r2021, 'recommendation')).toEqual(range(1, 16).map((i) => `Recommandation ${i}`));
    expect(labels(corpus, DOCS.r2021, 'paragraph')).toEqual(paragraphs(49));
  });

  it('2017 rapport: paragraphe 1 to 32, with 7 a)–j) and 8 a)–o)', () => {
    expect(labels(corpus, DOCS.r2017, 'paragraph')).toEqual(paragraphs(32));
    const items = labels(corpus, DOCS.r2017, 'item');
    expect(items.filter((l) => l.startsWith('paragraphe 7 '))).toEqual(letters('a', 'j').map((x) => `paragraphe 7 ${x})`));
    expect(items.filter((l) => l.startsWith('paragraphe 8 '))).toEqual(letters('a', 'o').map((x) => `paragraphe 8 ${x})`));
  });

  it('2023 rapport: paragraphe 1 to 72, with 72 a)–l) each exactly once', () => {
    expect(labels(corpus, DOCS.sg2023, 'paragraph')).toEqual(paragraphs(72));
    const items72 = labels(corpus, DOCS.sg2023, 'item').filter((l) => l.startsWith('paragraphe 72 '));
    expect(items72).toEqual(letters('a', 'l').map((x) => `paragraphe 72 ${x})`));
  });

  it("document d'information: paragraphe 1 to 52", () => {
    expect(labels(corpus, DOCS.info, 'paragraph')).toEqual(paragraphs(52));
  });

  it('projet de rapport: paragraphe 1 to 28', () => {
    expect(labels(corpus, DOCS.draft, 'paragraph')).toEqual(paragraphs(28));
  });

  it('labels are unique within each document, and ids are docId#label', () => {
    for (const doc of corpus.documents) {
      const docLabels = labels(corpus, doc.id);
      expect(docLabels.length).toBeGreaterThan(0);
      expect(new Set(docLabels).size, `duplicate label in ${doc.id}`).toBe(docLabels.length);
    }
    for (const p of corpus.passages) expect(p.id).toBe(`${p.docId}#${p.label}`);
    expect(new Set(corpus.passages.map((p) => p.id)).size).toBe(corpus.passages.length);
  });

  it('every passage is schema-valid, has clean non-empty text and a line range inside its file', () => {
    for (const p of corpus.passages) {
      expect(PassageSchema.parse(p)).toEqual(p);
      expect(p.lines.start).toBeLessThanOrEqual(p.lines.end);
      expect(p.text.trim()).toBe(p.text);
      expect(p.text, p.id).not.toMatch(/\*\*|<\/?[a-z]+>|\]\(#\)|\\[*_]|\^\{|  |[¹²³⁴⁵⁶⁷⁸⁹⁰]/);
    }
  });

  it('the real corpus parses without warnings', () => {
    expect(corpus.warnings).toEqual([]);
  });
});
