// Near misses on the real model and index: on the subject, but the reports do not give what is asked — a
// penalty, a duration, a percentage, an adoption, a result, a ranking, what came after them. Each rule makes a
// few such questions partial with its sentence, and leaves answerable questions on the same subject answered.
// The questions are from test/fixtures/near-miss/probes.yml (measured by scripts/near-miss-probes.ts).
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createAnswerEngine, messages, type RapporteurEngine } from '../../src/answer/index.ts';
import { analyzeQuestion, boundingYears, holdsCountOf, holdsDuration, holdsEvidence, sentenceFits } from '../../src/answer/analysis.ts';
import { defaultCorpusDir } from '../../src/config.ts';

let engine: RapporteurEngine;

beforeAll(async () => {
  engine = await createAnswerEngine({ corpusDir: defaultCorpusDir, indexDir: inject('sharedIndexDir') });
});

const fr = messages('fr');
const en = messages('en');

describe('near misses are partial, with the sentence that names what is missing', () => {
  it.each([
    ['Quelle peine de prison la loi française prévoit-elle pour la traite des personnes ?', fr.partialPenalty],
    ['What fine can a US federal contractor receive for trafficking violations?', en.partialPenalty],
    ['How long is the recovery and reflection period recommended for trafficking victims?', en.partialDuration],
    ['Quelle est la durée du mandat de la Présidente du Groupe de travail ?', fr.partialDuration],
    // Not «Quel pourcentage des victimes se libèrent elles-mêmes … ?»: it has no topic word the reports hold
    // («libèrent» is stemmed apart from «libéraient»), so whether «27 %» of convictions ranks among the best five
    // sentences decides it, and the int8 vectors differ between processors (README, "Evaluation").
    ['Quel pourcentage des victimes recensées sont des enfants ?', fr.partialPercentage],
    ['What percentage of trafficking victims are women according to the Global Report 2022?', en.partialPercentage],
    ['La directive européenne sur le devoir de vigilance a-t-elle finalement été adoptée ?', fr.partialAdoption],
    ['Has the revised EU anti-trafficking directive amending Directive 2011/36/EU been adopted?', en.partialAdoption],
    // «quand il aura été approuvé, en 2023»: planned, not done.
    ["Le bulletin de l'Organisation de police du Conseil de coopération du Golfe a-t-il été approuvé ?", fr.partialAdoption],
    ['Quels ont été les résultats de la Campagne Cœur bleu ?', fr.partialResult],
    // «What was the result of the trust fund's seventh call for proposals?» was caught before coverage
    // (coverage.ts) brought «a décidé de reporter …» of another passage into the best five; now answered.
    ["Quels résultats le cadre stratégique de l'ONU contre la traite dans les chaînes logistiques a-t-il produits ?", fr.partialResult],
    ["Quel est le pays d'Amérique latine le plus touché par la traite des personnes ?", fr.partialRanking],
    ['Which country made the largest contribution to the UN voluntary trust fund?', en.partialRanking],
    ['Which countries ratified the Trafficking Protocol after May 2023?', en.partialAfter(2023, 5)],
    // «prévue en juin 2022», «au second semestre de 2023»: when, not where.
    ['Où se tiendra la douzième réunion du Groupe de travail ?', fr.partialPlace],
    // Not "Where will the next meeting of the ICAT principals take place?": with the question's vector moved as
    // little as another processor moves it, a sentence naming a place enters its best five on some runs.
    ['Where will the twelfth meeting of the Working Group be held?', en.partialPlace],
    // A name no passage writes (unmentioned.ts): «Cour» is not the «cours» of «au cours de».
    ['Quel rôle joue la Cour pénale internationale dans la lutte contre la traite ?', fr.partialUnmentioned('Cour pénale internationale')],
    // The reports say who made statements («Les représentants de la Norvège et du Mexique sont intervenus …»),
    // never what one State said.
    ['What did the representative of Mexico say at the 2017 meeting?', en.partialStatement],
    ["Qu'a déclaré le représentant du Japon à l'ouverture de la réunion de 2017 ?", fr.partialStatement],
  ])('%s', async (question, notice) => {
    const answer = await engine.ask(question);
    expect(answer.kind).toBe('partial');
    expect(answer.notice).toBe(notice);
    expect(answer.text.split('\n')[0]).toBe(notice);
    expect(answer.quotes.length).toBeGreaterThan(0);
  });
});

describe('answerable questions on the same subjects stay answered', () => {
  it.each([
    ['Que recommande le Groupe de travail sur la publication des sanctions prises contre les entités ayant enfreint les règles relatives à la traite ?', /sanction/],
    ['What is the non-punishment principle?', /sanction/],
    ['Combien de temps a duré la réunion du Groupe de travail de 2017 ?', /du 6 au 8 septembre/],
    ['Sur quelle période porte le rapport du Secrétaire général ?', /31 mai 2023/],
    ['De quel pourcentage le nombre de condamnations pour traite a-t-il diminué en 2020 ?', /27 %/],
    ['By what percentage did trafficking convictions fall in South Asia?', /56 %/],
    // «Ce cadre stratégique a été approuvé …» is the next sentence of the passage quoted first.
    ['Le cadre stratégique de prévention de la traite dans les chaînes logistiques des Nations Unies a-t-il été approuvé ?', /cadre stratégique/],
    ['Le Parlement européen a-t-il adopté une résolution sur le devoir de vigilance ?', /Parlement européen a adopté une résolution/],
    ["Quels résultats l'opération Weka II a-t-elle permis d'obtenir ?", /Weka II/],
    ["Quels résultats l'application LibertApp a-t-elle donnés en Colombie ?", /LibertApp/],
    // Not «Quelle région a enregistré la plus forte baisse des condamnations … ?»: «La réduction la plus forte
    // (56 %) a été enregistrée en Asie du Sud.» is among the best five sentences on some processors only.
    ['Qui est devenu le membre le plus récent du Groupe interinstitutions de coordination contre la traite des personnes ?', /membre le plus récent/],
    ['What is the largest corporate sustainability initiative in the world?', /plus grande initiative/],
    ['Which States acceded to the Protocol after 2021?', /adhéré au Protocole/],
    ["Où le Groupe de travail s'est-il réuni en octobre 2021 ?", /à Vienne/],
    ["Dans quel pays l'application LibertApp est-elle largement utilisée ?", /LibertApp/],
    ['Where can the written general statements of the 2021 meeting be read?', /site Web/],
    // «ONG» is spelled out in the reports (the French bridge knows it); «Saint-Siège» is written.
    ["Depuis 2011, combien de projets d'ONG le fonds a-t-il retenus ?", /projets/],
    ['Le Saint-Siège était-il représenté à la réunion du Groupe de travail de 2021 ?', /Saint-Siège/],
    // "court cases" counts cases («affaires»), not courts («tribunal»).
    ['How many court cases does the Global Report 2022 summarise?', /800 affaires jugées/],
    // What the speakers said as a group is reported: «La plupart des intervenants ont déclaré que …».
    ['Qu\'ont déclaré les délégations au sujet du projet de questionnaire en 2017 ?', /intervenants ont déclaré que le projet de questionnaire/],
    ['Qu\'ont souligné les délégations à propos des nouvelles technologies lors de la réunion de 2021 ?', /ont souligné/],
  ])('%s', async (question, quoted) => {
    const answer = await engine.ask(question);
    expect(answer.kind).toBe('answer');
    expect(answer.notice).toBeUndefined();
    expect(answer.quotes.map((q) => q.text).join(' ')).toMatch(quoted);
  });
});

describe('a partial answer never says the reports lack what its own quotes give', () => {
  // Before, the figure was looked for in the three sentences closest to the question by cosine only, which were
  // not always the ones quoted: «En mai 2023, le Groupe comptait ainsi 31 membres.» came under «ne donnent pas
  // ce chiffre».
  it.each([
    ['Combien de membres le Groupe interinstitutions de coordination contre la traite comptait-il en mai 2023 ?', /31 membres/],
    ['How many members did the Inter-Agency Coordination Group against Trafficking in Persons have in May 2023?', /31 membres/],
  ])('%s', async (question, quoted) => {
    const answer = await engine.ask(question);
    expect(answer.kind).toBe('answer');
    expect(answer.quotes.map((q) => q.text).join(' ')).toMatch(quoted);
  });

  it('a "combien" answer leads with the sentence that gives the count, short as it is', async () => {
    // «La réunion a comporté cinq séances.» is under the 40 characters quotes usually need; the best sentences by
    // cosine were the meeting's dates, and the answer said the reports lack the count.
    const answer = await engine.ask('Combien de séances la réunion de 2017 du Groupe de travail a-t-elle comportées ?');
    expect(answer.kind).toBe('answer');
    expect(answer.quotes[0]?.text).toBe('La réunion a comporté cinq séances.');
    expect(answer.quotes[0]?.label).toBe('paragraphe 15');
  });

  it('a sentence that opens on what the one before named is on its topic, and gives the date', async () => {
    // «Ce cadre stratégique a été approuvé … en octobre 2022» names none of the question's rare words itself.
    const answer = await engine.ask('When did the UN system approve its strategic framework against trafficking and forced labour in its supply chains?');
    expect(answer.kind).toBe('answer');
    expect(answer.quotes[0]?.text).toMatch(/^Ce cadre stratégique a été approuvé .* en octobre 2022/);
  });

  it('"which year" is what a date question asks, not its topic: «établi en 2007» answers it', async () => {
    // The lexicon gives "year" as «année», which made «année» the only rare word the date's sentence had to hold.
    // (Two footnotes on the Group come within 0.02 of paragraphe 48, so which quote comes first is not asserted.)
    const answer = await engine.ask('In which year was the Inter-Agency Coordination Group against Trafficking in Persons set up?');
    expect(answer.kind).toBe('answer');
    expect(answer.quotes.find((q) => /établi en 2007/.test(q.text))?.label).toBe('paragraphe 48');
  });

  it('a lead-in that gives the date asked leads the quotes, though it ends on ":"', async () => {
    // «Dans sa recommandation générale n° 38 (2020) …, le Comité … recommande de prendre les mesures suivantes :»
    // was never a candidate, and the answer said the reports do not give the date.
    const answer = await engine.ask('When did the CEDAW Committee issue its general recommendation No. 38 on trafficking in the context of migration?');
    expect(answer.kind).toBe('answer');
    expect(answer.quotes[0]).toMatchObject({ docId: '2021-wg4-document-information-marches-publics', label: 'paragraphe 40' });
    expect(answer.quotes[0]?.text).toMatch(/^Dans sa recommandation générale n° 38 \(2020\)/);
  });

  it('a date question that names an ordinal leads with the date of that one, not of the next', async () => {
    // «À sa trente et unième session, tenue en mai 2022» led for the thirtieth session.
    const answer = await engine.ask('When did the Commission on Crime Prevention and Criminal Justice hold its thirtieth session?');
    expect(answer.kind).toBe('answer');
    expect(answer.quotes[0]?.text).toMatch(/^À sa trentième session, tenue à Vienne du 17 au 21 mai 2021/);
  });

  it('a date question that mentions «un très grand nombre de cas» is answered by the years, not held to a count', async () => {
    const answer = await engine.ask('Entre quelles années la Colombie a-t-elle détecté un très grand nombre de cas de traite ?');
    expect(answer.kind).toBe('answer');
    expect(answer.quotes[0]?.text).toMatch(/détectés entre 2013 et 2020/);
  });

  it('a footnote does not lead a date answer when a quote of the body gives the date', async () => {
    // The footnote of a joint statement, «… Washington, 29 juillet 2022», led, above «(30 juillet)».
    const answer = await engine.ask('On what date is the World Day against Trafficking in Persons observed?');
    expect(answer.kind).toBe('answer');
    expect(answer.quotes[0]).toMatchObject({ label: 'paragraphe 12', text: expect.stringContaining('(30 juillet)') });
  });

  it('but a quoted figure from a passage that does not name the body asked about is not its figure', async () => {
    // The trust fund's «un million de dollars … financement annuel» is quoted, and its passage does not name the
    // ONUDC: the ONUDC's budget is still missing.
    const answer = await engine.ask("À combien s'élève le budget annuel de l'ONUDC ?");
    expect(answer.kind).toBe('partial');
    expect(answer.notice).toBe(fr.partialMoney);
    expect(answer.quotes.map((q) => q.text).join(' ')).toMatch(/un million de dollars/);
  });

  it('an ordinal or the day of a date counts nothing', () => {
    const sessions = analyzeQuestion('Combien de séances la réunion a-t-elle comportées ?').counted!;
    expect(holdsCountOf('La réunion a comporté cinq séances.', sessions)).toBe(true);
    expect(holdsCountOf('Le Groupe a tenu 5 séances du 6 au 8 septembre.', sessions)).toBe(true);
    expect(holdsCountOf('À sa 1re séance, le 6 septembre 2017, le Groupe de travail a adopté son ordre du jour.', sessions)).toBe(false);
    expect(holdsCountOf('À ses 3e et 4e séances, le 7 septembre 2017, le Groupe de travail a examiné le point 3.', sessions)).toBe(false);
    expect(sentenceFits('À sa 1re séance, le Groupe a adopté son ordre du jour.', 'number')).toBe(false);
    expect(sentenceFits('Le fonds a financé 24 projets.', 'number')).toBe(true);
  });

  it('"how many" counts the head of an English compound the lexicon knows, and stops at the verb', () => {
    expect(analyzeQuestion('How many court cases does the Global Report 2022 summarise?', 'en').counted?.text).toBe('cases');
    expect(analyzeQuestion('How many projects did the trust fund finance?', 'en').counted?.text).toBe('projects');
    expect(analyzeQuestion('How many member States attended the meeting?', 'en').counted?.text).toBe('states');
    const cases = analyzeQuestion('How many court cases does the Global Report 2022 summarise?', 'en').counted!;
    expect(holdsCountOf('Les constatations ont été établies sur la base des résumés de 800 affaires jugées.', cases)).toBe(true);
  });
});

describe('what evidence a question needs', () => {
  it('reads penalties, percentages, adoptions, results and rankings from the question', () => {
    expect(analyzeQuestion('Quelle peine de prison la loi française prévoit-elle ?').needs).toEqual(['penalty']);
    expect(analyzeQuestion('What penalties apply to companies?', 'en').needs).toEqual(['sanction']);
    expect(analyzeQuestion('Quel pourcentage des victimes sont des enfants ?').needs).toEqual(['percentage']);
    expect(analyzeQuestion('Le règlement européen est-il entré en vigueur ?').needs).toEqual(['adoption']);
    expect(analyzeQuestion('Quels ont été les résultats de la campagne ?').needs).toEqual(['result']);
    expect(analyzeQuestion('Quel pays compte le plus grand nombre de victimes ?').needs).toEqual(['ranking']);
    expect(analyzeQuestion('Which countries ratified the Protocol after May 2023?', 'en').after).toEqual({ year: 2023, month: 5 });
  });

  it('does not read them where the words mean something else', () => {
    // «à peine» is "barely"; «adopter» in a question about what should be done asks for a recommendation.
    expect(analyzeQuestion('Les États ont-ils à peine commencé ?').needs).toEqual([]);
    expect(analyzeQuestion('Les États devraient-ils adopter des lois sur le devoir de vigilance ?').needs).toEqual([]);
    expect(analyzeQuestion('Quand la directive 2014/24/UE a-t-elle été adoptée ?').needs).toEqual([]);
    // «les plus vulnérables» qualifies a group; it asks for no ranking.
    expect(analyzeQuestion('Quelles mesures protègent les personnes les plus vulnérables ?').needs).toEqual([]);
    expect(analyzeQuestion('Which States acceded to the Protocol since 2023?', 'en').after).toBeUndefined();
  });

  it('reads «quand» / "when" as a date question where it opens the question or a clause, not as a conjunction', () => {
    for (const question of ['Quand le Groupe de travail s’est-il réuni ?', 'Où et quand le Groupe de travail s’est-il réuni en 2017 ?', 'En 2017, quand le Groupe s’est-il réuni ?', 'Le Groupe s’est réuni quand ?']) {
      expect(analyzeQuestion(question).answerType).toBe('date');
    }
    expect(analyzeQuestion('When was the strategic framework approved?', 'en').answerType).toBe('date');
    // "In which month …" opens with a preposition, as «En quel mois …» does: a date is asked, not whether.
    expect(analyzeQuestion('In which month was the strategic framework approved?', 'en')).toMatchObject({ answerType: 'date', needs: [] });
    expect(analyzeQuestion('En quel mois le cadre stratégique a-t-il été approuvé ?')).toMatchObject({ answerType: 'date', needs: [] });
    expect(analyzeQuestion('Should survivors, children included, have a say when anti-trafficking measures are designed?', 'en').answerType).toBe('yes-no');
    expect(analyzeQuestion('Que faire quand une victime refuse de coopérer ?').answerType).toBe('description');
  });

  it('reads «qui» / "who" as a person question where it opens the question or an «et» clause, not as the relative pronoun', () => {
    for (const [question, language] of [
      ['Qui présidait le Groupe de travail lors de sa réunion de septembre 2017 ?', 'fr'],
      ['Par qui la réunion de 2021 a-t-elle été ouverte ?', 'fr'],
      ['Le Groupe de travail s’est-il réuni en 2019, et qui le présidait ?', 'fr'],
      ['Who opened the 2021 meeting of the Working Group?', 'en'],
      ['Quel organisme gère le fonds de contributions volontaires ?', 'fr'],
    ] as const) {
      expect(analyzeQuestion(question, language).answerType).toBe('person');
    }
    for (const [question, language] of [
      ['Que doivent faire les plateformes des annonces qui servent à recruter des victimes ?', 'fr'],
      ['Faut-il rendre publiques les sanctions contre les entreprises qui ont enfreint les règles anti-traite ?', 'fr'],
      ['Quelles sanctions ont été infligées aux entreprises australiennes qui n’ont pas publié leur déclaration ?', 'fr'],
      ['What support do the reports offer victims who cooperate with the police?', 'en'],
    ] as const) {
      expect(analyzeQuestion(question, language).answerType).not.toBe('person');
    }
  });

  it('reads «un (très) grand nombre de» / "a number of" as "many", not as a count, and «quelles années» as a date', () => {
    const colombia = analyzeQuestion('Entre quelles années la Colombie a-t-elle détecté un très grand nombre de cas de traite ?');
    expect(colombia.answerType).toBe('date');
    expect(colombia.counted).toBeUndefined();
    expect(analyzeQuestion('A number of States spoke under item 2: which ones?', 'en').answerType).not.toBe('number');
    expect(analyzeQuestion('Quel est le nombre de victimes recensées en 2020 ?')).toMatchObject({ answerType: 'number', counted: { text: 'victimes' } });
    expect(analyzeQuestion('What number of victims were identified in 2020?', 'en').answerType).toBe('number');
  });

  it('reads a place where the question opens on it, not in the conjunction «ou», and a place from a name after «à», «en», "in"', () => {
    for (const question of ['Où se tiendra la douzième réunion ?', 'Dans quel pays l’application est-elle utilisée ?', 'En 2021, où le Groupe s’est-il réuni ?']) {
      expect(analyzeQuestion(question).needs).toEqual(['place']);
    }
    expect(analyzeQuestion('Where will the next meeting take place?', 'en').needs).toEqual(['place']);
    expect(analyzeQuestion('Why were there no general statements, and where can they be read?', 'en').needs).toEqual(['place']);
    // «Où et quand …» asks both: the date by its answer type, the place as a need.
    expect(analyzeQuestion('Où et quand le Groupe de travail s’est-il réuni en 2017 ?')).toMatchObject({ answerType: 'date', needs: ['place'] });
    // «ou» is "or" here: neither a place nor a need.
    const or = analyzeQuestion('Les victimes ou leurs familles doivent-elles être aidées ?');
    expect(or.answerType).not.toBe('place');
    expect(or.needs).toEqual([]);
    expect(holdsEvidence('Le Groupe de travail s’est réuni à Vienne les 12 et 13 octobre 2021.', 'place')).toBe(true);
    expect(holdsEvidence('Les textes de ces déclarations sont disponibles sur le site Web de la réunion.', 'place')).toBe(true);
    expect(holdsEvidence('Largement utilisée en Colombie, cette application s’était avérée très efficace.', 'place')).toBe(true);
    // A date, a half-year, a body named after «de»: no place.
    expect(holdsEvidence('La prochaine réunion de l’équipe dirigeante doit se tenir au second semestre de 2023.', 'place')).toBe(false);
    expect(holdsEvidence('Il a décidé de reporter la discussion à sa douzième réunion, prévue en juin 2022, comme l’a proposé la Présidente.', 'place')).toBe(false);
  });

  it('knows a date question about an adoption, whose quotes lead with the adoption’s date', () => {
    expect(analyzeQuestion('When was the strategic framework approved?', 'en').datesAdoption).toBe(true);
    expect(analyzeQuestion('Quand la directive 2014/24/UE a-t-elle été adoptée ?').datesAdoption).toBe(true);
    expect(analyzeQuestion('Quand le Groupe de travail s’est-il réuni ?').datesAdoption).toBeUndefined();
    expect(analyzeQuestion('Quand faudrait-il adopter une loi ?').datesAdoption).toBeUndefined();
  });

  it('a question that opens with a fronted phrase and then an interrogative word asks what, not whether', () => {
    // «retenus» is "selected" here: a count and an amount are asked, not whether something was adopted.
    const analysis = analyzeQuestion("Depuis 2011, combien de projets d'ONG le fonds a-t-il retenus, et quelle somme a-t-il distribuée ?");
    expect(analysis.answerType).toBe('number');
    expect(analysis.needs).toEqual([]);
    expect(analyzeQuestion('En 2023, la directive a-t-elle été adoptée ?').needs).toEqual(['adoption']);
  });

  it('a year that bounds a period is not a document filter: the later reports tell what came after it', () => {
    expect(boundingYears('Which States acceded to the Protocol after 2021?')).toEqual([2021]);
    expect(boundingYears('Qu’a fait l’ONUDC depuis mai 2021 ?')).toEqual([2021]);
    expect(boundingYears('Que recommande le rapport 2017 ?')).toEqual([]);
  });

  it('knows what an adoption question asks to have been adopted: the subject when passive, the object when active', () => {
    expect(analyzeQuestion('La directive européenne sur le devoir de vigilance a-t-elle finalement été adoptée ?').adopted).toEqual(['directif']);
    expect(analyzeQuestion('Le Groupe de travail a-t-il adopté son rapport en 2017 ?').adopted).toEqual(['raport']);
    expect(analyzeQuestion('Has the revised EU anti-trafficking directive amending Directive 2011/36/EU been adopted?', 'en').adopted).toEqual(['directif']);
    expect(analyzeQuestion('Did the European Union adopt the proposed regulation banning products made with forced labour?', 'en').adopted).toContain('reglem');
  });

  it('asks "combien de temps", "quelle durée", "sur quelle période", "how long" for a duration, which spans and lengths give', () => {
    for (const question of ['Combien de temps a duré la réunion ?', 'Quelle est la durée de protection ?', 'Sur quelle période porte le rapport ?']) {
      expect(analyzeQuestion(question).answerType).toBe('duration');
    }
    expect(analyzeQuestion('How long is the reflection period?', 'en').answerType).toBe('duration');
    for (const text of ['du 6 au 8 septembre 2017', 'le projet (2018-2025)', 'de juillet 2010 a mai 2011', 'entre 2018 et 2021', 'pendant trois ans', 'pendant la duree de leurs contrats']) {
      expect(holdsDuration(text)).toBe(true);
    }
    for (const text of ['une periode suffisante', 'en 2017', 'le 12 octobre 2021', 'decision 4/4']) expect(holdsDuration(text)).toBe(false);
  });
});

describe('what a representative said is asked only of a representative, and given only by a sentence that reports it', () => {
  it('reads the question', () => {
    expect(analyzeQuestion("Qu'a déclaré le représentant du Japon à l'ouverture de la réunion ?").needs).toContain('statement');
    expect(analyzeQuestion('What did the delegation of Norway say at the 2017 meeting?', 'en').needs).toContain('statement');
    expect(analyzeQuestion('Les représentants de la Norvège ont-ils proposé un texte ?').needs).not.toContain('statement');
    expect(analyzeQuestion("Qu'a dit le Groupe de travail sur le questionnaire ?").needs).not.toContain('statement');
    expect(analyzeQuestion('What did the 2017 working group say about press coverage?', 'en').needs).not.toContain('statement');
  });

  it('reads the sentence', () => {
    expect(holdsEvidence('La plupart des intervenants ont déclaré que le projet de questionnaire devrait être court.', 'statement')).toBe(true);
    expect(holdsEvidence("Un orateur a souligné que les cadres juridiques devaient tenir compte des progrès technologiques.", 'statement')).toBe(true);
    expect(holdsEvidence("À l'ouverture de la réunion, des déclarations ont été faites par les représentants de l'Union européenne et du Japon.", 'statement')).toBe(false);
    expect(holdsEvidence('Les représentants de la Norvège et du Mexique sont intervenus au titre du point 1 b).', 'statement')).toBe(false);
  });
});
