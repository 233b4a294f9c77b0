// Ordinals name one of a series, as a year does (`ordinals`): the sixth call's 24 projects do not answer a
// question about the seventh call, and no report says anything of the Conference's twelfth session.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAnswerEngine, messages, type RapporteurEngine } from '../../src/answer/index.ts';
import { holdsOrdinal, ordinalsIn, questionOrdinals } from '../../src/answer/ordinals.ts';
import { defaultCorpusDir } from '../../src/config.ts';

describe('reading ordinals', () => {
  it.each([
    ['le septième appel à propositions', 7, 'appel'],
    ['à sa soixante-septième session', 67, 'session'],
    ['À sa trente et unième session, tenue en mai 2022', 31, 'session'],
    ['la dix-septième session', 17, 'session'],
    ['à sa 11e réunion', 11, 'reunion'],
    ['the twenty-first meeting', 21, 'meeting'],
    ['its 67th session', 67, 'session'],
  ])('%s → %d, then «%s»', (text, n, next) => {
    expect(ordinalsIn(text)).toContainEqual(expect.objectContaining({ n, next }));
  });

  it('words that only end like ordinals are not ones', () => {
    expect(ordinalsIn('le système est presque au même niveau de croissance ce mois-ci')).toEqual([]);
    expect(ordinalsIn('the growth of the north this month, against most of the rest')).toEqual([]);
  });

  it('a question names the second and after, with the word it counts, as it writes them', () => {
    expect(questionOrdinals('Combien de projets ont été financés dans le cadre du septième appel à propositions ?', 'fr')).toEqual([
      { text: 'septième appel', n: 7, noun: ['apel'] },
    ]);
    // An English ordinal counts the head of its noun phrase, in French through the lexicon.
    expect(questionOrdinals('What period does the second OAS work plan against trafficking cover?', 'en')).toEqual([
      { text: 'second OAS work plan', n: 2, noun: ['plan'] },
    ]);
    expect(questionOrdinals('Which States ratified it first, and which for the first time?', 'en')).toEqual([]);
  });

  it('a text names the ordinal in words or in figures, with what it counts', () => {
    const [seventh] = questionOrdinals('Quelles priorités a retenues le septième appel à propositions ?', 'fr');
    expect(holdsOrdinal('Pour le septième appel à propositions, lancé le 27 janvier 2023', seventh!, true)).toBe(true);
    expect(holdsOrdinal('Dans le cadre de son sixième appel à propositions, le fonds a financé 24 projets', seventh!, false)).toBe(false);
    expect(holdsOrdinal('La septième édition du rapport phare', seventh!, true)).toBe(false);
    expect(holdsOrdinal('La septième édition du rapport phare', seventh!, false)).toBe(true);
    const [tenth] = questionOrdinals('Quel est le dixième principe du Pacte mondial ?', 'fr');
    expect(holdsOrdinal('Principe 10 : Les entreprises sont invitées à agir contre la corruption', tenth!, true)).toBe(true);
    expect(holdsOrdinal('Principe 1 : Promouvoir et respecter la protection du droit international', tenth!, true)).toBe(false);
  });
});

describe('answers', () => {
  let engine: RapporteurEngine;
  beforeAll(async () => {
    engine = await createAnswerEngine({ corpusDir: defaultCorpusDir, indexDir: inject('sharedIndexDir') });
  });

  it('the count of the seventh call is not the sixth call’s: partial, no figure', async () => {
    const answer = await engine.ask('Combien de projets ont été financés dans le cadre du septième appel à propositions du fonds ?');
    expect(answer.kind).toBe('partial');
    expect(answer.notice).toBe(messages('fr').partialFigure);
  });

  it('the sixth call’s count is answered', async () => {
    const answer = await engine.ask('How many projects did the trust fund finance in its sixth call for proposals?');
    expect(answer.kind).toBe('answer');
    expect(answer.quotes[0]?.text).toContain('24 projets');
  });

  it('a session no report names is named as what the reports do not cover', async () => {
    const answer = await engine.ask('What did the Conference of the Parties decide at its twelfth session?');
    expect(answer.kind).toBe('partial');
    expect(answer.notice).toBe(messages('en').partialOrdinal('twelfth session'));
  });

  it('a session the reports name is answered', async () => {
    const answer = await engine.ask('What did the Conference of the Parties adopt on trafficking at its eleventh session?');
    expect(answer.kind).toBe('answer');
  });

  it('without the rule, the seventh call was answered with the sixth call’s figure', async () => {
    const without = await createAnswerEngine({ corpusDir: defaultCorpusDir, indexDir: inject('sharedIndexDir'), techniques: { without: ['ordinals'] } });
    const answer = await without.ask('Combien de projets ont été financés dans le cadre du septième appel à propositions du fonds ?');
    expect(answer.kind).toBe('answer');
  });
});
