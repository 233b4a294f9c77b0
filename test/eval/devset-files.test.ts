// The two evaluation files of issue 11 — eval/devset.yml (tuning) and eval/heldout.yml (held out) — checked
// against the real parsed corpus: every cited label exists, ids are unique across both, follow-ups stay in
// their file, every question is tagged, and the held-out part is at least 40 % of all questions.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDevSet, type DevQuestion, type DevSet } from '../../src/eval/index.ts';
import { loadCorpus, type Corpus } from '../../src/corpus/index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FILES = { tuning: path.join(repoRoot, 'eval/devset.yml'), heldout: path.join(repoRoot, 'eval/heldout.yml') };

let corpus: Corpus;
let sets: { tuning: DevSet; heldout: DevSet };
const parts = () => Object.entries(sets) as Array<[keyof typeof FILES, DevSet]>;
const all = (): DevQuestion[] => parts().flatMap(([, set]) => set.questions);

beforeAll(async () => {
  corpus = await loadCorpus(path.join(repoRoot, 'corpus'));
  sets = { tuning: await loadDevSet(FILES.tuning), heldout: await loadDevSet(FILES.heldout) };
});

describe('eval/devset.yml and eval/heldout.yml', () => {
  it('cite only passages that the parser produces', () => {
    const known = new Set(corpus.passages.map((p) => `${p.docId}\u0000${p.label}`));
    const missing = all().flatMap((q) =>
      [...q.expected, ...(q.related ?? [])]
        .filter((r) => !known.has(`${r.doc}\u0000${r.label}`))
        .map((r) => `${q.id}: ${r.doc} "${r.label}"`),
    );
    expect(missing).toEqual([]);
  });

  it('use ids that are unique across both files, q… for tuning and h… for held-out', () => {
    const ids = all().map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sets.tuning.questions.every((q) => /^q\d{3}$/.test(q.id))).toBe(true);
    expect(sets.heldout.questions.every((q) => /^h\d{3}$/.test(q.id))).toBe(true);
  });

  it('keep every follow-up in the file of the question it follows, and tag it follow-up', () => {
    for (const [, set] of parts()) {
      const ids = new Set(set.questions.map((q) => q.id));
      for (const q of set.questions) {
        if (q.followUpOf) expect(ids.has(q.followUpOf), `${q.id} follows ${q.followUpOf}`).toBe(true);
        expect(q.tags?.includes('follow-up') ?? false, `${q.id}: follow-up tag iff followUpOf`).toBe(q.followUpOf !== undefined);
      }
    }
  });

  it('tag every question, consistently with its other fields', () => {
    for (const q of all()) {
      expect(q.tags?.length ?? 0, `${q.id} has tags`).toBeGreaterThan(0);
      const tags = q.tags ?? [];
      expect(tags.includes('english'), `${q.id}: english tag iff lang en`).toBe(q.lang === 'en');
      expect(tags.includes('reference'), `${q.id}: reference tag iff kind reference`).toBe(q.kind === 'reference');
      if (tags.includes('paraphrase') || tags.includes('direct')) expect(q.lang, `${q.id}: paraphrase/direct are French`).toBe('fr');
    }
  });

  it('list the answering passages of every answerable question, and none for the others', () => {
    for (const q of all()) {
      if (q.answerable) expect(q.expected.length, `${q.id} has expected passages`).toBeGreaterThan(0);
      else expect(q.expected, `${q.id} is unanswerable`).toEqual([]);
      const unanswerableKind = q.tags?.includes('near-miss') || q.tags?.includes('off-topic');
      if (unanswerableKind) expect(q.answerable, `${q.id}: near misses and off-topic requests are unanswerable`).toBe(false);
    }
  });

  it('say for every near miss what is missing and which passages a reader would be shown', () => {
    const nearMisses = all().filter((q) => q.tags?.includes('near-miss'));
    expect(nearMisses.length).toBeGreaterThan(0);
    for (const q of nearMisses) {
      expect(q.missing, `${q.id} names what is missing`).toMatch(/\S/);
      expect(q.related?.length ?? 0, `${q.id} lists related passages`).toBeGreaterThan(0);
    }
    // related and missing belong to near misses only
    for (const q of all().filter((x) => !x.tags?.includes('near-miss'))) {
      expect(q.related ?? q.missing, `${q.id} has related/missing but is not a near miss`).toBeUndefined();
    }
  });

  it('hold at least 40 % of all questions in the held-out part', () => {
    const held = sets.heldout.questions.length;
    expect(held / (held + sets.tuning.questions.length)).toBeGreaterThanOrEqual(0.4);
  });

  it('cover every kind of question in the held-out part', () => {
    const seen = new Set(sets.heldout.questions.flatMap((q) => q.tags ?? []));
    for (const tag of ['paraphrase', 'english', 'fact', 'multi', 'typo', 'follow-up', 'near-miss', 'off-topic', 'reference'] as const) {
      expect(seen.has(tag), `held-out has ${tag} questions`).toBe(true);
    }
    const docs = new Set(sets.heldout.questions.flatMap((q) => [...q.expected, ...(q.related ?? [])].map((r) => r.doc)));
    expect([...docs].sort()).toEqual([...new Set(corpus.passages.map((p) => p.docId))].sort());
  });
});
