// The answer engine on the real model and the real index of the whole corpus (built once for the suite).
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAnswerEngine, isVerbatim, type RapporteurEngine } from '../../src/answer/index.ts';
import { analyzeQuestion, isProceedings } from '../../src/answer/analysis.ts';
import { loadEvalSet } from '../../src/eval/index.ts';
import { defaultCorpusDir, projectRoot } from '../../src/config.ts';

let engine: RapporteurEngine;

beforeAll(async () => {
  engine = await createAnswerEngine({ corpusDir: defaultCorpusDir, indexDir: inject('sharedIndexDir') });
});

describe('answers over the whole development set', () => {
  it('quote every sentence verbatim from the passage it cites, cite only labels that exist, and quote no proceedings after the first (both parts)', async () => {
    const devset = await loadEvalSet(
      { tune: path.join(projectRoot, 'eval', 'devset.yml'), heldout: path.join(projectRoot, 'eval', 'heldout.yml') },
      'all',
    );
    let quotes = 0;
    for (const question of devset.questions) {
      const answer = await engine.ask(question.question, { conversationKey: `dev:${question.part}:${question.followUpOf ?? question.id}` });
      for (const quote of answer.quotes) {
        const passage = engine.current().passageById.get(quote.passageId);
        expect(passage, `${question.id}: ${quote.passageId}`).toBeDefined();
        expect(passage?.label).toBe(quote.label);
        expect(passage?.docId).toBe(quote.docId);
        expect(isVerbatim(quote.text, passage!), `${question.id}: « ${quote.text} »`).toBe(true);
        quotes += 1;
      }
      for (const source of answer.sources) {
        expect(engine.current().passageById.get(source.passageId)?.label).toBe(source.label);
      }
      // A quote after the first never merely records the meeting's proceedings, unless the question asks about them.
      if (!analyzeQuestion(question.question, question.lang).asksProceedings) {
        for (const quote of answer.quotes.slice(1)) {
          const passage = engine.current().passageById.get(quote.passageId)!;
          expect(isProceedings(quote.text, passage.headingPath), `${question.id}: « ${quote.text} »`).toBe(false);
        }
      }
      if (answer.kind === 'answer' || answer.kind === 'partial') expect(answer.quotes.length).toBeGreaterThan(0);
      expect(answer.quotes.length).toBeLessThanOrEqual(3);
    }
    expect(quotes).toBeGreaterThan(devset.questions.length);
  });
});

describe('a question that is a reference', () => {
  it.each([
    ['que dit la recommandation 7 c ?', '2021-wg4-rapport', 'Recommandation 7 c)', 'plateformes en ligne'],
    ['§ 72 d) du rapport 2023', '2023-a78-rapport-secretaire-general', 'paragraphe 72 d)', 'réinstallation dans un pays tiers'],
    ['show me recommendation 12', '2021-wg4-rapport', 'Recommandation 12', 'syndicats'],
  ])('%s → lookup of %s %s, with its full text', async (question, docId, label, phrase) => {
    const answer = await engine.ask(question);
    expect(answer.kind).toBe('lookup');
    expect(answer.sources).toHaveLength(1);
    expect(answer.sources[0]).toMatchObject({ docId, label });
    expect(answer.sources[0]?.text).toContain(phrase);
    expect(answer.text).toContain(phrase);
  });

  it('a reference that matches nothing says so and suggests the nearest labels', async () => {
    const answer = await engine.ask('que dit la recommandation 17 ?');
    expect(answer.kind).toBe('not-found');
    expect(answer.text).toMatch(/Aucun passage/);
    expect(answer.suggestions.map((s) => s.label)).toContain('Recommandation 16');
  });
});

describe('abstention', () => {
  it('declines a question the reports do not cover, in French, offering the closest passages as maybe useful', async () => {
    const answer = await engine.ask("Quel est le résultat du match de football d'hier ?");
    expect(answer.kind).toBe('abstain');
    expect(answer.text).toBe('Les rapports ne traitent pas de cette question.');
    expect(answer.quotes).toEqual([]);
    expect(answer.sources.length).toBeLessThanOrEqual(3);
  });

  it('declines in English when asked in English', async () => {
    const answer = await engine.ask('What was the score of the football match yesterday?');
    expect(answer.kind).toBe('abstain');
    expect(answer.text).toBe('The reports do not address this question.');
  });
});

describe('language', () => {
  it('an English question finds the French passage and quotes it in French', async () => {
    const answer = await engine.ask('What should online platforms do with content used to recruit trafficking victims?');
    expect(answer.kind).toBe('answer');
    expect(answer.language).toBe('en');
    expect(answer.quotes[0]).toMatchObject({ docId: '2021-wg4-rapport', label: 'Recommandation 7 c)' });
    expect(answer.quotes[0]?.text).toContain('plateformes en ligne');
  });

  it('a French question gets French wording around the quotes', async () => {
    const answer = await engine.ask('Combien de victimes le fonds de contributions volontaires aide-t-il chaque année ?');
    expect(answer.language).toBe('fr');
    expect(answer.kind).toBe('answer');
    expect(answer.text).toMatch(/^« /);
    expect(answer.quotes.map((q) => q.label)).toContain('paragraphe 68');
    expect(answer.quotes.map((q) => q.text).join(' ')).toContain('3 500 victimes');
  });
});

describe('conversation', () => {
  it('an elliptic follow-up reuses the previous question and carries a year as a filter', async () => {
    const key = 'test:follow-up-year';
    const first = await engine.ask('Qui a ouvert la réunion du Groupe de travail de 2021 ?', { conversationKey: key });
    expect(first.sources.some((s) => s.docId.startsWith('2021'))).toBe(true);
    const second = await engine.ask('and in 2017?', { conversationKey: key });
    expect(second.resolvedQuery).toContain('ouvert la réunion');
    expect(second.sources.length).toBeGreaterThan(0);
    expect(second.sources.every((s) => s.docId === '2017-wg4-rapport')).toBe(true);
    expect(second.sources.slice(0, 5).map((s) => s.label)).toContain('paragraphe 16');
  });

  it('"et pour les enfants ?" adds to the previous question', async () => {
    const key = 'test:follow-up-words';
    await engine.ask('Quelles mesures de protection les victimes doivent-elles recevoir ?', { conversationKey: key });
    const answer = await engine.ask('et pour les enfants ?', { conversationKey: key });
    expect(answer.resolvedQuery).toMatch(/protection.*enfants/);
    expect(answer.kind).toBe('answer');
  });

  it('"plus de résultats" pages through the same ranking without repeating a source', async () => {
    const key = 'test:more';
    const first = await engine.ask('Que recommande le Groupe de travail sur les marchés publics ?', { conversationKey: key });
    expect(first.hasMore).toBe(true);
    const more = await engine.ask('plus de résultats', { conversationKey: key });
    expect(more.offset).toBe(first.sources.length);
    expect(more.sources.length).toBeGreaterThan(0);
    const seen = new Set(first.sources.map((s) => s.passageId));
    for (const source of more.sources) expect(seen.has(source.passageId)).toBe(false);
    const again = await engine.more(key);
    expect(again?.offset).toBe(first.sources.length + more.sources.length);
  });

  it('conversations do not leak into each other', async () => {
    await engine.ask('Que recommande le Groupe de travail sur les marchés publics ?', { conversationKey: 'test:a' });
    const other = await engine.ask('and in 2017?', { conversationKey: 'test:b' });
    expect(other.resolvedQuery).toBe('and in 2017?');
  });
});

describe('the engine surface', () => {
  it('describes the corpus it serves', () => {
    const info = engine.corpusInfo();
    expect(info.documents.map((d) => d.id).sort()).toEqual([
      '2017-wg4-rapport',
      '2021-wg4-document-information-marches-publics',
      '2021-wg4-projet-de-rapport',
      '2021-wg4-rapport',
      '2023-a78-rapport-secretaire-general',
    ]);
    expect(info.passageCount).toBe(info.documents.reduce((sum, d) => sum + d.passageCount, 0));
    expect(Date.parse(info.builtAt)).not.toBeNaN();
  });

  it('suggests prompts that the corpus can answer', async () => {
    const prompts = engine.suggestedPrompts('fr');
    expect(prompts.length).toBeGreaterThanOrEqual(2);
    expect(prompts.length).toBeLessThanOrEqual(4);
    for (const prompt of prompts) {
      const answer = await engine.ask(prompt);
      expect(['answer', 'lookup']).toContain(answer.kind);
    }
  });

  it('returns one passage with its full text for "Texte intégral"', () => {
    const passage = engine.passage('2021-wg4-rapport#Recommandation 7 c)');
    expect(passage?.text).toMatch(/^Les États parties devraient.*plateformes en ligne/s);
    expect(engine.passage('nope#nothing')).toBeUndefined();
  });
});
