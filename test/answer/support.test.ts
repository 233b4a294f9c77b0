// Abstention and the words' support (`support`, ranking.ts): a question whose best passage is BM25's first and
// among the dense search's best three is not refused for a low cosine. The thresholds are raised to 0.99 here
// so that every question is under them, whatever the processor's int8 kernels make of its cosine.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAnswerEngine, type RapporteurEngine } from '../../src/answer/index.ts';
import { defaultCorpusDir } from '../../src/config.ts';
import { loadEmbedder } from '../../src/embed/index.ts';

const abstainBelow = { fr: 0.99, en: 0.99 };
let supported: RapporteurEngine;
let unsupported: RapporteurEngine;

beforeAll(async () => {
  const embedder = await loadEmbedder();
  const options = { corpusDir: defaultCorpusDir, indexDir: inject('sharedIndexDir'), embedder, abstainBelow };
  supported = await createAnswerEngine(options);
  unsupported = await createAnswerEngine({ ...options, techniques: { without: ['support'] } });
});

const FUND = 'How many projects did the trust fund finance in its sixth call for proposals?';

describe('a question the words find is answered, however low its cosine', () => {
  it('answers from the paragraph that BM25 and the dense search both put first', async () => {
    const answer = await supported.ask(FUND);
    expect(answer.kind).not.toBe('abstain');
    expect(answer.quotes[0]).toMatchObject({ docId: '2023-a78-rapport-secretaire-general', label: 'paragraphe 69' });
  });

  it('is refused without the words’ support, as the thresholds alone would', async () => {
    const answer = await unsupported.ask(FUND);
    expect(answer.kind).toBe('abstain');
  });

  it.each([
    ['Les victimes sont-elles heureuses ?'],
    ['Que pensent les gens de tout cela ?'],
    ['Quel temps fera-t-il à Vienne pendant la réunion ?'],
  ])('still refuses a question no passage is first for in both lists: %s', async (question) => {
    const answer = await supported.ask(question);
    expect(answer.kind).toBe('abstain');
    expect(answer.quotes).toEqual([]);
  });
});
