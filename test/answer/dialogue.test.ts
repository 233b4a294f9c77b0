// The conversation pieces that need no model: language, question validation, follow-up resolution, the store.
import { describe, expect, it } from 'vitest';
import { MemoryConversationStore, type ConversationTurn } from '../../src/answer/conversation.ts';
import { resolveFollowUp } from '../../src/answer/follow-up.ts';
import { detectLanguage, validateQuestion, InvalidQuestionError, MAX_QUESTION_LENGTH } from '../../src/answer/index.ts';

const turn = (over: Partial<ConversationTurn> = {}): ConversationTurn => ({
  question: 'Que recommande le Groupe de travail sur les marchés publics ?',
  resolvedQuery: 'Que recommande le Groupe de travail sur les marchés publics ?',
  filters: {},
  language: 'fr',
  kind: 'answer',
  ranking: [{ passageId: 'a#x', score: 1 }],
  shown: 1,
  at: Date.now(),
  ...over,
});

describe('detectLanguage', () => {
  it.each([
    ['Que recommande le Groupe de travail sur les marchés publics ?', 'fr'],
    ["Qu'est-ce que le fonds de contributions volontaires ?", 'fr'],
    ['et pour les enfants ?', 'fr'],
    ['What does the working group recommend about online platforms?', 'en'],
    ['and in 2017?', 'en'],
    ['show me recommendation 12', 'en'],
    ['§ 72 d)', 'fr'],
  ] as const)('%s → %s', (question, language) => {
    expect(detectLanguage(question)).toBe(language);
  });
});

describe('validateQuestion', () => {
  it('trims and accepts a normal question', () => {
    expect(validateQuestion('  Que dit la recommandation 7 c ?  ')).toBe('Que dit la recommandation 7 c ?');
  });
  it.each([
    ['', 'empty'],
    ['   \n ', 'empty'],
    ['?!… ...', 'punctuation'],
    ['bonjour\u0007', 'control'],
    ['a'.repeat(MAX_QUESTION_LENGTH + 1), 'too long'],
    ['x'.repeat(20_000), 'too long'],
  ])('rejects %j (%s) with one sentence', (input, reason) => {
    expect(() => validateQuestion(input)).toThrow(InvalidQuestionError);
    expect(() => validateQuestion(input)).toThrow(new RegExp(reason));
  });
  it.each([
    ['', 'empty'],
    ['?!…', 'no-words'],
    ['bonjour\u0007', 'control-characters'],
    ['x'.repeat(MAX_QUESTION_LENGTH + 1), 'too-long'],
  ])('tells surfaces why %j was refused (%s)', (input, reason) => {
    try {
      validateQuestion(input);
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidQuestionError).reason).toBe(reason);
    }
  });
});

describe('resolveFollowUp', () => {
  it('starts afresh without history', () => {
    expect(resolveFollowUp('et pour les enfants ?', [])).toEqual({ kind: 'new' });
  });
  it('combines an elliptic French follow-up with the previous question', () => {
    const result = resolveFollowUp('et pour les enfants ?', [turn()]);
    expect(result.kind).toBe('refine');
    if (result.kind === 'refine') {
      expect(result.query).toContain('marchés publics');
      expect(result.query).toContain('enfants');
    }
  });
  it('turns "and in 2017?" into a year filter on the previous question', () => {
    const result = resolveFollowUp('and in 2017?', [turn({ filters: { recommendationsOnly: true } })]);
    expect(result).toEqual({
      kind: 'refine',
      query: turn().resolvedQuery,
      filters: { recommendationsOnly: true, years: [2017] },
    });
  });
  it('keeps a year no document has in the question’s words instead of making it a filter', () => {
    const isDocumentYear = (year: number) => year === 2017 || year === 2021;
    const result = resolveFollowUp('et en 2022 ?', [turn({ filters: { years: [2021] } })], isDocumentYear);
    expect(result).toEqual({ kind: 'refine', query: `${turn().resolvedQuery} en 2022`, filters: { years: [2021] } });
    expect(resolveFollowUp('et en 2017 ?', [turn()], isDocumentYear)).toEqual({ kind: 'refine', query: turn().resolvedQuery, filters: { years: [2017] } });
  });
  it('asks the previous question of the new year when it named another one', () => {
    const isDocumentYear = (year: number) => year === 2017 || year === 2021;
    const where = turn({ resolvedQuery: 'Où et quand le Groupe de travail s’est-il réuni en 2017 ?' });
    expect(resolveFollowUp('et en 2021 ?', [where], isDocumentYear)).toEqual({
      kind: 'refine',
      query: 'Où et quand le Groupe de travail s’est-il réuni en 2021 ?',
      filters: { years: [2021] },
    });
    // A year no document has is what the question is about: it stays, and so does the document year.
    const received = turn({ resolvedQuery: 'Combien le fonds a-t-il reçu en 2022 ?' });
    expect(resolveFollowUp('et en 2021 ?', [received], isDocumentYear)).toEqual({
      kind: 'refine',
      query: 'Combien le fonds a-t-il reçu en 2022 ?',
      filters: { years: [2021] },
    });
  });
  it.each(['more results', 'plus de résultats', 'encore', "d'autres résultats", 'More'])('%s asks for the next page', (text) => {
    expect(resolveFollowUp(text, [turn()])).toEqual({ kind: 'more' });
  });
  it.each(['plus de détails', 'more details', 'Donne-moi plus de détails !'])('%s asks for details', (text) => {
    expect(resolveFollowUp(text, [turn()])).toEqual({ kind: 'details' });
  });
  it('treats a full new question in the thread as new', () => {
    expect(resolveFollowUp('Combien de victimes le fonds aide-t-il chaque année ?', [turn()])).toEqual({ kind: 'new' });
  });
});

describe('MemoryConversationStore', () => {
  it('bounds turns per conversation and forgets old turns', async () => {
    let now = 1_000_000;
    const store = new MemoryConversationStore({ maxTurns: 2, maxAgeMs: 1000, now: () => now });
    for (const q of ['a', 'b', 'c']) await store.append('k', turn({ question: q, at: now }));
    expect((await store.turns('k')).map((t) => t.question)).toEqual(['b', 'c']);
    now += 1001;
    expect(await store.turns('k')).toEqual([]);
  });
  it('keeps conversations apart and evicts the least recently used', async () => {
    const store = new MemoryConversationStore({ maxConversations: 2 });
    await store.append('a', turn({ question: 'qa' }));
    await store.append('b', turn({ question: 'qb' }));
    await store.append('a', turn({ question: 'qa2' }));
    await store.append('c', turn({ question: 'qc' }));
    expect(await store.turns('b')).toEqual([]);
    expect((await store.turns('a')).map((t) => t.question)).toEqual(['qa', 'qa2']);
    expect((await store.turns('c')).map((t) => t.question)).toEqual(['qc']);
  });
  it('replaceLast updates the latest turn only', async () => {
    const store = new MemoryConversationStore();
    await store.append('k', turn({ shown: 1 }));
    await store.append('k', turn({ shown: 2 }));
    await store.replaceLast('k', turn({ shown: 7 }));
    expect((await store.turns('k')).map((t) => t.shown)).toEqual([1, 7]);
  });
});
