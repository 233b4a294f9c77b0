// Issue 13, D3: an over-long passage is windowed, never a crash. transformers.js's tokenizer overflowed the
// call stack on a text over ~1 MB (and held ~800 MB for 400 000 characters); long texts are now tokenized a
// bounded piece at a time, to the same tokens. The real model and tokenizer.
import { AutoTokenizer } from '@xenova/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { MODEL_ID, loadEmbedder, type Embedder } from '../../src/embed/index.ts';
import { MODEL_MAX_TOKENS } from '../../src/embed/windows.ts';
import { TOKENIZER_CHUNK_CHARS, tokenizerPieces } from '../../src/embed/windows.ts';
import { cosine, norm } from '../index/fixtures.ts';

const SENTENCE =
  'Les États parties devraient renforcer la coopération internationale contre la traite, l’exploitation  et « les abus » des enfants ; voir A/78/123.\n1. Paragraphe suivant. ';

let embedder: Embedder;
beforeAll(async () => {
  embedder = await loadEmbedder();
});

describe('tokenizing long texts piece by piece', () => {
  it('cuts before a space, within the bound, and loses no character', () => {
    const text = SENTENCE.repeat(200);
    const pieces = tokenizerPieces(text, 2_000);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(2_000);
    for (const piece of pieces.slice(1)) expect(piece.startsWith(' ')).toBe(true);
    const noSpace = '😀'.repeat(3_000); // 6 000 UTF-16 units, no space: cut between surrogate pairs only
    expect(tokenizerPieces(noSpace, 1_001).every((p) => !/^[\uDC00-\uDFFF]/.test(p))).toBe(true);
  });

  it('gives exactly the tokens of the whole text, as the real tokenizer reads it', async () => {
    // loadEmbedder has pointed transformers.js at the local model folder.
    const tokenizer = (await AutoTokenizer.from_pretrained(MODEL_ID)) as unknown as {
      encode(text: string, pair: null, options: { add_special_tokens: boolean }): number[];
    };
    const text = SENTENCE.repeat(400); // 68 000 characters: 7 pieces
    expect(text.length).toBeGreaterThan(5 * TOKENIZER_CHUNK_CHARS);
    expect(embedder.countTokens(text)).toBe(tokenizer.encode(text, null, { add_special_tokens: false }).length);
  });

  it('counts the tokens of a 1.2 MB text without overflowing the stack', () => {
    const repeats = 7_100; // × 170 characters = 1.2 MB
    const tokens = embedder.countTokens(SENTENCE.repeat(repeats));
    expect(tokens).toBeGreaterThan(200_000);
    expect(tokens / repeats).toBeCloseTo(embedder.countTokens(SENTENCE.repeat(80)) / 80, 1);
  });

  it('embeds a text of several pieces in windows: one unit vector, close to its parts', async () => {
    const text = SENTENCE.repeat(100); // 17 000 characters, ~3 800 tokens: 2 pieces, 10 windows
    expect(embedder.countTokens(text)).toBeGreaterThan(5 * MODEL_MAX_TOKENS);
    const [long, part] = await embedder.embedPassages([text, SENTENCE.repeat(20)]);
    expect(long).toHaveLength(384);
    expect(norm(long!)).toBeCloseTo(1, 5);
    expect(cosine(long!, part!)).toBeGreaterThan(0.95);
  });
});
