// Issue 11 and issue 13's D17–D19 on the real model and the real index of the whole corpus: partial answers,
// declined requests, the English→French bridge of the lexical side, questions across the reports.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAnswerEngine, messages, type RapporteurEngine } from '../../src/answer/index.ts';
import { defaultCorpusDir } from '../../src/config.ts';
import { createSearcher } from '../../src/search/index.ts';
import { analyzeQuestion, holdsCountOf } from '../../src/answer/analysis.ts';
import { declineReason } from '../../src/answer/declines.ts';

let engine: RapporteurEngine;

beforeAll(async () => {
  engine = await createAnswerEngine({ corpusDir: defaultCorpusDir, indexDir: inject('sharedIndexDir') });
});

describe('partial answers: on the subject, without what was asked', () => {
  it('a "combien" question whose passages give no figure is partial, says so first, then quotes the closest', async () => {
    const answer = await engine.ask("Combien coûte l'organisation d'une réunion du Groupe de travail à Vienne ?");
    expect(answer.kind).toBe('partial');
    expect(answer.notice).toBe(messages('fr').partialMoney);
    expect(answer.text.split('\n')[0]).toBe(answer.notice);
    expect(answer.quotes.length).toBeGreaterThan(0);
  });

  it('a country the closest passages never name is named as missing, in the asker’s language', async () => {
    const answer = await engine.ask("What does Canada's supply chain law on forced labour require from companies?");
    expect(answer.kind).toBe('partial');
    expect(answer.notice).toBe('The reports touch on this but do not mention Canada in this connection.');
  });

  it('names the missing country with the article and accents a French sentence needs', async () => {
    // Sweden is named once in the reports, in a list of the 2021 meeting's participants.
    const answer = await engine.ask('Quelles mesures la Suède a-t-elle prises contre la traite ?');
    expect(answer.kind).toBe('partial');
    expect(answer.notice).toBe('Les rapports évoquent le sujet mais ne mentionnent pas la Suède à ce propos.');
    expect(analyzeQuestion('Que font les Etats-Unis contre la traite ?').names.map((name) => name.inSentence.fr)).toEqual(['les États-Unis']);
    expect(analyzeQuestion('What does the United States do against trafficking?', 'en').names.map((name) => name.inSentence.en)).toEqual(['the United States']);
  });

  it('a year after the newest report is one the reports cannot cover', async () => {
    const answer = await engine.ask('What recommendations did the Working Group adopt at its 2024 meeting?');
    expect(answer.kind).toBe('partial');
    expect(answer.notice).toBe('The reports touch on this but say nothing about 2024.');
  });

  it('a "combien de …" question is partial when the figures near it count something else', async () => {
    // The closest passages hold figures (a 500 000 dollar threshold, a year of a law), none of companies excluded.
    const answer = await engine.ask("Combien d'entreprises ont été exclues des marchés publics américains pour des faits de traite ?");
    expect(answer.kind).toBe('partial');
    expect(answer.notice).toBe(messages('fr').partialFigure);
  });

  it('the figure of a "combien de …" question must stand near the word it counts', () => {
    const etats = analyzeQuestion("Combien d'États sont parties au Protocole ?").counted;
    expect(etats?.text).toBe('etats');
    expect(holdsCountOf('ce qui porte à 181 le nombre total des États parties au Protocole.', etats!)).toBe(true);
    expect(holdsCountOf('Les données de 141 pays ont été recueillies puis analysées en détail par l’Office, et les États parties en débattent.', etats!)).toBe(false);
    // An English question counts through the lexicon's French words; a word it does not know counts nothing.
    expect(analyzeQuestion('How many companies were excluded?', 'en').counted?.stems).toEqual(['entrepris']);
    expect(analyzeQuestion('How many zorglubs were excluded?', 'en').counted).toBeUndefined();
    expect(analyzeQuestion('Combien de fois le Groupe s’est-il réuni ?').counted).toBeUndefined();
  });

  it('a figure is an answer only in a sentence on the question’s topic: organ removal, not the trust fund’s projects', async () => {
    const answer = await engine.ask('How many victims of trafficking for organ removal were identified in 2022?');
    expect(answer.kind).toBe('partial');
    expect(answer.notice).toBe(messages('en').partialFigure);
    expect(answer.quotes.length).toBeGreaterThan(0);
  });

  it('a follow-up naming a year no report has keeps the year in its question instead of filtering every document out', async () => {
    const key = 'follow-up-year';
    await engine.ask('Combien de victimes le fonds de contributions volontaires aide-t-il chaque année ?', { conversationKey: key });
    const answer = await engine.ask("et combien d'argent a-t-il reçu en 2022 ?", { conversationKey: key });
    expect(answer.kind).toBe('answer');
    expect(answer.resolvedQuery).toContain('2022');
    expect(answer.quotes[0]?.text).toContain('2022');
  });

  it('the hints of a question: recommendations asked for, the document named (not the Vice-Secretary-General)', () => {
    expect(analyzeQuestion('Que recommande le Secrétaire général sur la technologie ?')).toMatchObject({ asksRecommendation: true, documentKind: 'secretary-general-report' });
    expect(analyzeQuestion('Which laws does the background paper list?', 'en')).toMatchObject({ asksRecommendation: false, documentKind: 'background-paper' });
    expect(analyzeQuestion('Depuis quand la Vice-Secrétaire générale mène-t-elle une cartographie ?').documentKind).toBeUndefined();
  });

  it('a "combien" question the reports answer is answered with the sentence that holds the figure', async () => {
    const answer = await engine.ask('Combien de victimes le fonds de contributions volontaires aide-t-il chaque année ?');
    expect(answer.kind).toBe('answer');
    expect(answer.notice).toBeUndefined();
    expect(answer.quotes[0]?.text).toMatch(/\d/);
  });
});

describe('declined before any search', () => {
  it.each([
    ['Aide-moi à écrire un e-mail à mon collègue sur la traite des personnes'],
    ['Help me write an email to my manager about human trafficking'],
    ['Can you translate "good morning" into Spanish?'],
    ['Bonjour, comment ça va ?'],
  ])('a request for writing help or chit-chat is declined, whatever its similarity: %s', async (question) => {
    const answer = await engine.ask(question);
    expect(answer.kind).toBe('abstain');
    expect(answer.text).toBe(messages(answer.language).offTopic);
    expect(answer.quotes).toEqual([]);
    expect(answer.sources).toEqual([]);
  });

  it.each([
    ['What is the unemployment rate in France?'],
    ['Qui est le président de la France ?'],
    ['Quel est le cours du bitcoin ?'],
  ])('general knowledge is declined, however close its words come to the reports: %s', async (question) => {
    const answer = await engine.ask(question);
    expect(answer.kind).toBe('abstain');
    expect(answer.text).toBe(messages(answer.language).abstain);
    expect(answer.sources).toEqual([]);
  });

  it('D18: shell or SQL text is declined as not a question in words', async () => {
    const answer = await engine.ask("'; DROP TABLE passages; -- $(rm -rf /) | cat /etc/passwd");
    expect(answer.kind).toBe('abstain');
    expect(answer.text).toBe(messages(answer.language).notWords);
    expect(answer.sources).toEqual([]);
    expect(answer.quotes).toEqual([]);
  });

  it.each([
    ['ما هي توصيات الفريق العامل بشأن المشتريات العامة؟'],
    ['工作组对公共采购有什么建议？'],
  ])('D19: a question in another script is told that French and English are understood: %s', async (question) => {
    const answer = await engine.ask(question);
    expect(answer.kind).toBe('abstain');
    expect(answer.text).toMatch(/français et en anglais.*French and in English/);
    expect(answer.text).not.toBe(messages('fr').abstain);
  });
});

describe('declines on the real index: the vocabulary signal and follow-ups', () => {
  it.each([['How do I knit a woolly scarf?'], ['Comment tricoter une écharpe en laine ?']])(
    'a question none of whose words the reports use is declined as general knowledge, with no sources: %s',
    async (question) => {
      expect(declineReason(question)).toBeNull(); // no regex cue: the index's vocabulary decides
      const answer = await engine.ask(question);
      expect(answer.kind).toBe('abstain');
      expect(answer.text).toBe(messages(answer.language).abstain);
      expect(answer.sources).toEqual([]);
    },
  );

  it('a question whose words look off-topic but are about trafficking is searched', async () => {
    const answer = await engine.ask('Que disent les rapports sur les courriels de phishing utilisés par les trafiquants ?');
    expect(answer.text).not.toBe(messages('fr').offTopic);
    expect(answer.sources.length).toBeGreaterThan(0);
  });

  it('a follow-up keeps its subject: a topic word does not decline it, a request does', async () => {
    const key = 'declines:follow-up';
    await engine.ask('What does the report say about the hotel and transport industry?', { conversationKey: key });
    expect(declineReason('what about hotels?')).toBe('general'); // alone, as a first message
    const followUp = await engine.ask('what about hotels?', { conversationKey: key });
    expect(followUp.sources.length).toBeGreaterThan(0);
    const request = await engine.ask('ok, now write me an email about it', { conversationKey: key });
    expect(request.text).toBe(messages('en').offTopic);
  });
});

describe('D17: filters that exclude every document', () => {
  it('say that no document matches the filters, not that the reports do not cover the question', async () => {
    for (const filters of [{ years: [2099] }, { years: [2017], docIds: ['2023-a78-rapport-secretaire-general'] }]) {
      const answer = await engine.ask('Que recommande le Groupe de travail sur les marchés publics ?', { filters });
      expect(answer.kind).toBe('abstain');
      expect(answer.text).toBe(messages('fr').noDocumentMatches);
      expect(answer.sources).toEqual([]);
    }
  });

  it('a filter that matches something still answers', async () => {
    const answer = await engine.ask('Que recommande le Groupe de travail sur les marchés publics ?', { filters: { years: [2021] } });
    expect(answer.kind).toBe('answer');
  });
});

describe('the English→French bridge of the lexical side', () => {
  it('an English question finds its French passage through BM25 alone once its terms are bridged', async () => {
    const searcher = createSearcher({ index: engine.current(), embedder: engine.embedder });
    const question = 'Which trade unions role in public procurement against forced labour?';
    const rankOf = (results: Awaited<ReturnType<typeof searcher.search>>) =>
      results.findIndex((r) => r.passage.docId === '2021-wg4-rapport' && r.passage.label === 'Recommandation 12') + 1;
    const bridged = rankOf(await searcher.search(question, { mode: 'lexical', language: 'en', k: 10 }));
    const plain = rankOf(await searcher.search(question, { mode: 'lexical', k: 10 }));
    expect(bridged).toBeGreaterThan(0);
    expect(bridged).toBeLessThanOrEqual(5);
    expect(plain === 0 || plain > bridged).toBe(true);
  });
});

describe('questions across the reports', () => {
  it('"que disent les rapports sur …" quotes more than one document, newest first', async () => {
    const answer = await engine.ask('Que disent les rapports sur les frais de recrutement facturés aux travailleurs ?');
    expect(answer.kind).toBe('answer');
    const documents = answer.quotes.map((q) => q.docId);
    expect(new Set(documents).size).toBeGreaterThan(1);
    const dates = documents.map((id) => engine.corpusInfo().documents.find((d) => d.id === id)!.date);
    expect([...dates].sort().reverse()).toEqual(dates);
  });
});

describe('morphology', () => {
  it('«présidait» finds «Présidente»: q001 has paragraphe 16 of 2017 in the top 5', async () => {
    const answer = await engine.ask('Qui présidait le Groupe de travail lors de sa réunion de septembre 2017 ?');
    expect(answer.sources.slice(0, 5).map((s) => `${s.docId} ${s.label}`)).toContain('2017-wg4-rapport paragraphe 16');
  });
});
