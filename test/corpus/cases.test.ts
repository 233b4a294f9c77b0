// The parser's numbered cases (issue 3), each checked on the real reports.
import { beforeAll, describe, expect, it } from 'vitest';
import { fullPassageText, passageContext, type Corpus } from '../../src/corpus/index.ts';
import { DOCS, get, labels, passagesOf, realCorpus } from './helpers.ts';

let corpus: Corpus;
beforeAll(async () => {
  corpus = await realCorpus();
});

describe('1. headings in every form', () => {
  it('Markdown headings with and without bold give clean heading paths (2017)', () => {
    expect(get(corpus, DOCS.r2017, 'paragraphe 1').headingPath).toEqual(['I. Introduction']);
    expect(get(corpus, DOCS.r2017, 'paragraphe 7').headingPath).toEqual(['II. Recommandations', 'A. Recommandations générales']);
    const p8 = get(corpus, DOCS.r2017, 'paragraphe 8').headingPath;
    expect(p8[0]).toBe('II. Recommandations');
    expect(p8[1]).toMatch(/^B\. Recommandations relatives aux mesures de justice pénale .* flux migratoires mixtes$/);
    // "## **E. Documentation**" is one level deeper than "## **IV. …**" despite the same number of #.
    expect(get(corpus, DOCS.r2017, 'paragraphe 31').headingPath).toEqual(['IV. Organisation de la réunion', 'E. Documentation']);
    // "C. Adoption…" is a lettered heading, not roman 100.
    expect(get(corpus, DOCS.r2017, 'paragraphe 24').headingPath).toEqual([
      'IV. Organisation de la réunion',
      "C. Adoption de l'agenda et organisation des travaux",
    ]);
  });

  it('plain headings "II. …", "A. …" and unnumbered bold/italic titles (2021, document d’information)', () => {
    expect(get(corpus, DOCS.r2021, 'Recommandation 10').headingPath).toEqual([
      'II. Recommandations',
      'B. Recommandations concernant les mesures destinées à renforcer les politiques de passation des marchés publics aux niveaux national, régional et international',
    ]);
    expect(get(corpus, DOCS.info, 'paragraphe 11').headingPath).toEqual([
      "III. Vue d'ensemble des questions à examiner et des thèmes connexes",
      'Début de prise de conscience et cohérence des politiques',
    ]);
    expect(get(corpus, DOCS.info, 'paragraphe 38').headingPath).toEqual([
      'IV. Principaux outils et ressources recommandées',
      'The Role of Recruitment Fees and Abusive and Fraudulent Recruitment Practices of Recruitment Agencies in Trafficking in Persons',
    ]);
  });

  it('"1. Prévention" is a heading, not paragraph 1 (2023)', () => {
    expect(get(corpus, DOCS.sg2023, 'paragraphe 10').headingPath).toEqual([
      'IV. Synthèse des activités de lutte contre la traite des personnes',
      'A. Action menée par les États Membres',
      '1. Prévention',
    ]);
    expect(get(corpus, DOCS.sg2023, 'paragraphe 1').text).toMatch(/^Le 16 décembre 2021, l'Assemblée générale/);
    expect(get(corpus, DOCS.sg2023, 'paragraphe 61').headingPath.at(-1)).toMatch(/^4\. Équipe spéciale chargée/);
    expect(passagesOf(corpus, DOCS.sg2023).some((p) => /^Prévention$/.test(p.text))).toBe(false);
  });

  it('an agenda list "1. Questions d’organisation …" stays inside its paragraph (2017 paragraphe 24)', () => {
    const p24 = get(corpus, DOCS.r2017, 'paragraphe 24');
    expect(p24.text).toContain("ci-après: 1. Questions d'organisation: a) Ouverture de la réunion;");
    expect(p24.text).toMatch(/5\. Adoption du rapport\.$/);
    expect(labels(corpus, DOCS.r2017).filter((l) => l.startsWith('paragraphe 24 '))).toEqual([]);
  });
});

describe('2–3. numbered paragraphs and "Recommandation N" blocks', () => {
  it('Recommandation N takes its body as text; parents keep only their own lead-in', () => {
    const r1 = get(corpus, DOCS.r2021, 'Recommandation 1');
    expect(r1.kind).toBe('recommendation');
    expect(r1.text).toMatch(/^Les États parties devraient veiller à ce que les cadres juridiques nationaux/);
    const r7 = get(corpus, DOCS.r2021, 'Recommandation 7');
    expect(r7.text).toBe(
      'Les États parties devraient, conformément à leur droit interne, encourager les entreprises technologiques et d\'autres prestataires de services à :',
    );
    expect(r7.lines).toEqual({ start: 64, end: 66 });
  });

  it('paragraph text has no number and keeps its source lines', () => {
    const p4 = get(corpus, DOCS.r2021, 'paragraphe 4');
    expect(p4.text).toMatch(/^À sa onzième réunion, tenue à Vienne/);
    expect(p4.lines).toEqual({ start: 24, end: 24 });
  });
});

describe('4. lettered items and roman sub-items', () => {
  it('items carry their parent label and lead-in; "- a)" works like "a)"', () => {
    const c = get(corpus, DOCS.r2021, 'Recommandation 7 c)');
    expect(c.kind).toBe('item');
    expect(c.parentLabel).toBe('Recommandation 7');
    expect(c.leadIn).toBe(get(corpus, DOCS.r2021, 'Recommandation 7').text);
    expect(c.text).toMatch(/^Veiller à ce que le contenu utilisé pour le recrutement/);
    expect(fullPassageText(c)).toBe(`${c.leadIn} ${c.text}`);
    expect(get(corpus, DOCS.r2017, 'paragraphe 8 m)').text).toMatch(/^Envisager de mettre en place des réseaux d'interprètes/);
  });

  it('"i)" after "h)" is the letter i (2017 paragraphe 7 and 8)', () => {
    expect(get(corpus, DOCS.r2017, 'paragraphe 7 i)').kind).toBe('item');
    expect(get(corpus, DOCS.r2017, 'paragraphe 8 i)').text).toMatch(/^Développer l'aptitude des agents de première ligne/);
  });

  it('"i)"–"v)" under 2023 paragraphe 39 a) are roman sub-items; 39 still has a)–r)', () => {
    const subs = labels(corpus, DOCS.sg2023, 'subitem').filter((l) => l.startsWith('paragraphe 39 '));
    expect(subs).toEqual(['i', 'ii', 'iii', 'iv', 'v'].map((r) => `paragraphe 39 a) ${r})`));
    const ii = get(corpus, DOCS.sg2023, 'paragraphe 39 a) ii)');
    expect(ii.parentLabel).toBe('paragraphe 39 a)');
    expect(ii.leadIn).toBe("L'ONUUDC a aussi publié d'autres outils :");
    const items = labels(corpus, DOCS.sg2023, 'item').filter((l) => l.startsWith('paragraphe 39 '));
    expect(items).toHaveLength(18);
    expect(get(corpus, DOCS.sg2023, 'paragraphe 39 i)').text).toMatch(/^L'ONU a établi des documents/);
    expect(labels(corpus, DOCS.sg2023, 'subitem').filter((l) => l.startsWith('paragraphe 40 '))).toEqual([
      'paragraphe 40 b) i)', 'paragraphe 40 b) ii)', 'paragraphe 40 b) iii)',
    ]);
  });

  it('a very short lead-in ("Par exemple :") comes with the sentence before it', () => {
    expect(get(corpus, DOCS.info, 'paragraphe 29 a)').leadIn).toMatch(/^D'autres pays disposent, .* Par exemple :$/);
  });

  it('inline lists "a) passer …; i) coopérer …" in running text are not items', () => {
    expect(labels(corpus, DOCS.info).filter((l) => /^paragraphe 3[12] /.test(l))).toEqual([]);
    expect(get(corpus, DOCS.info, 'paragraphe 31').text).toMatch(/; i\) coopérer avec les syndicats ; j\) .* k\) mettre en place des coalitions nationales ou régionales d'entreprises\.$/);
  });
});

describe('5. footnotes', () => {
  it('superscript, <sup> and \\* footnotes become notes; markers leave the text and become references', () => {
    const note17 = get(corpus, DOCS.sg2023, 'note 17');
    expect(note17.kind).toBe('note');
    expect(note17.text).toMatch(/^De plus amples informations sur le Mécanisme d'examen/);
    const p66 = get(corpus, DOCS.sg2023, 'paragraphe 66');
    expect(p66.noteRefs).toEqual([17, 18]);
    expect(p66.text).toContain('criminalité organisée et de recueillir');
    expect(p66.text).toMatch(/Protocole relatif à la traite des personnes\.$/);

    const p20 = get(corpus, DOCS.info, 'paragraphe 20');
    expect(p20.noteRefs).toEqual([5]);
    expect(p20.text).toContain('traite des êtres humains, dans laquelle');
    expect(get(corpus, DOCS.info, 'note 5').text).toBe('OSCE, document MC.DOC/1/11/Corr.1.');
    expect(get(corpus, DOCS.info, 'note *').text).toBe('CTOC/COP/WG.4/2021/1.');
    expect(get(corpus, DOCS.r2021, 'note 1').text).toBe('www.unodc.org/unodc/en/treaties/CTOC/working-group-on-trafficking-2021.html.');
    expect(get(corpus, DOCS.r2021, 'paragraphe 41').noteRefs).toEqual([1]);
  });

  it('ordinal superscripts are text, not footnotes ("3<sup>e</sup>", "M^{me}", "1^{re}")', () => {
    expect(get(corpus, DOCS.r2017, 'paragraphe 9').text).toMatch(/^À ses 3e et 4e séances/);
    expect(get(corpus, DOCS.r2017, 'paragraphe 16').text).toContain('par Mme Virginia Prugh');
    expect(get(corpus, DOCS.r2021, 'paragraphe 6').text).toMatch(/^À ses 1re et 2e séances/);
    expect(get(corpus, DOCS.r2021, 'paragraphe 9').noteRefs).toEqual([]);
  });

  it('every note number referenced in the corpus has its note, numbered 1..N per document', () => {
    const notes = labels(corpus, DOCS.sg2023, 'note');
    expect(notes).toEqual(['note *', ...Array.from({ length: 18 }, (_, i) => `note ${i + 1}`)]);
    for (const p of corpus.passages) {
      for (const n of p.noteRefs) expect(labels(corpus, p.docId, 'note'), `${p.id} → note ${n}`).toContain(`note ${n}`);
    }
  });
});

describe('6. page-break joins', () => {
  it('2023 paragraphe 68 continues after footnotes 17–18', () => {
    const p = get(corpus, DOCS.sg2023, 'paragraphe 68');
    expect(p.text).toContain('plus de 3 500 victimes');
    expect(p.text).toContain("ainsi que la coordination et l'échange d'informations.");
    expect(p.text).not.toContain('De plus amples informations');
    expect(p.lines).toEqual({ start: 309, end: 315 });
  });

  it('2023 paragraphe 72 d) continues after its bold first half', () => {
    const d = get(corpus, DOCS.sg2023, 'paragraphe 72 d)');
    expect(d.text).toContain('réinstallation dans un pays tiers');
    expect(d.text).toContain('processus de justice pénale, notamment en recensant');
  });

  it("document d'information paragraphe 29 a) continues after notes 10–11", () => {
    const a = get(corpus, DOCS.info, 'paragraphe 29 a)');
    expect(a.text).toContain('500 000 dollars');
    expect(a.text).toContain('du pays dans lequel le recrutement a lieu.');
    expect(a.noteRefs).toEqual([]);
    expect(get(corpus, DOCS.info, 'paragraphe 29 b)').noteRefs).toEqual([12]);
  });

  it('2021 Recommandation 6 continues after a blank gap', () => {
    expect(get(corpus, DOCS.r2021, 'Recommandation 6').text).toContain("afin de tirer parti de l'innovation, de renforcer la coopération");
    expect(get(corpus, DOCS.r2021, 'Recommandation 10 b)').text).toMatch(/ou exiger que ce type de documents soient fournis/);
  });

  it('2017 paragraphe 5 and items interrupted by a footnote (document d’information 2 c) → d))', () => {
    expect(get(corpus, DOCS.r2017, 'paragraphe 5').text).toContain('à tous les États parties de communiquer leurs réponses');
    expect(get(corpus, DOCS.info, 'paragraphe 2 d)').parentLabel).toBe('paragraphe 2');
  });
});

describe('7. the PDF-extracted projet de rapport', () => {
  it('re-flows hard-wrapped lines into whole paragraphs', () => {
    const p1 = get(corpus, DOCS.draft, 'paragraphe 1');
    expect(p1.text).toBe(
      'Dans sa décision 4/4, la Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée a reconnu que le Protocole additionnel à la Convention des Nations Unies contre la criminalité transnationale organisée visant à prévenir, réprimer et punir la traite des personnes, en particulier des femmes et des enfants, était le principal instrument global juridiquement contraignant pour lutter contre la traite des personnes. Par cette décision, elle a également créé un groupe de travail provisoire à composition non limitée sur la traite des personnes.',
    );
    expect(p1.lines).toEqual({ start: 11, end: 25 });
  });

  it('fixes spacing artefacts ("l ’a", "ci -après", "t raite", "d ’entre", "(HCR) ,", "CTOC/COP/ WG")', () => {
    const p8 = get(corpus, DOCS.draft, 'paragraphe 8').text;
    expect(p8).toContain('tel que le Bureau élargi l’a approuvé');
    expect(p8).toContain('le résumé des délibérations ci-après.');
    expect(p8).toContain('établi comme suit :');
    expect(get(corpus, DOCS.draft, 'paragraphe 9').text).toContain('faciliter la traite des personnes');
    const p25 = get(corpus, DOCS.draft, 'paragraphe 25').text;
    expect(p25).toContain('certains d’entre eux');
    expect(p25).toContain('(HCR), Institut européen pour la prévention du crime');
    expect(get(corpus, DOCS.draft, 'paragraphe 26').text).toBe(
      'La liste des participantes et participants est publiée sous la cote CTOC/COP/WG.4/2021/INF/1/Rev.1.',
    );
  });

  it('multi-line headings, the indented agenda and items come out right; link URLs are dropped', () => {
    expect(get(corpus, DOCS.draft, 'paragraphe 6').headingPath).toEqual([
      'II. Recommandations',
      'B. Recommandations concernant les stratégies efficaces pour lutter contre l’utilisation des technologies en vue de faciliter la traite des personnes et pour prévenir la traite et enquêter sur ce type d’infraction',
    ]);
    expect(get(corpus, DOCS.draft, 'paragraphe 13').text).toMatch(/^La réunion a été ouverte par S\. E\. Manizha Bakhtari/);
    expect(get(corpus, DOCS.draft, 'paragraphe 18').text).toMatch(/1\. Questions d’organisation : a\) Ouverture de la réunion ; .* 5\. Adoption du rapport\.$/);
    expect(labels(corpus, DOCS.draft, 'item')).toEqual(['a', 'b', 'c', 'd'].map((x) => `paragraphe 27 ${x})`));
    expect(get(corpus, DOCS.draft, 'paragraphe 27 b)').text).toBe(
      'Document d’information établi par le Secrétariat et intitulé « Stratégies efficaces pour lutter contre l’utilisation des technologies en vue de faciliter la traite des personnes et pour prévenir la traite et enquêter sur ce type d’infraction » (CTOC/COP/WG.4/2021/2) ;',
    );
    expect(passagesOf(corpus, DOCS.draft).some((p) => p.text.includes('https://undocs.org'))).toBe(false);
  });
});

describe('8. clean text', () => {
  it('no Markdown emphasis, links become their text, no HTML, no escapes, single spaces, French typography kept', () => {
    const p72 = get(corpus, DOCS.sg2023, 'paragraphe 72');
    expect(p72.text).toBe(
      "Il est recommandé aux États Membres et aux autres parties prenantes concernées, le cas échéant, d'envisager la mise en œuvre des mesures suivantes :",
    );
    const p1 = get(corpus, DOCS.sg2023, 'paragraphe 1');
    expect(p1.text).toContain('adopté la résolution 76/186, intitulée « Amélioration de la coordination');
    expect(get(corpus, DOCS.sg2023, 'paragraphe 7').text).toContain('le Rapport mondial sur la traite des personnes 2022, dans lequel');
    expect(get(corpus, DOCS.sg2023, 'note 1').text).toBe("Disponible à l'adresse https://treaties.un.org/.");
    expect(get(corpus, DOCS.sg2023, 'note *').text).toBe('A/78/50.');
    expect(get(corpus, DOCS.draft, 'paragraphe 2').text).toContain('« Renforcement de l’application de la Convention');
    expect(get(corpus, DOCS.r2017, 'paragraphe 2').text).toContain('“Renforcement de l’application');
  });

  it('passageContext embeds document, section, label, lead-in and text', () => {
    const c = get(corpus, DOCS.r2021, 'Recommandation 7 c)');
    const doc = corpus.documents.find((d) => d.id === DOCS.r2021);
    if (!doc) throw new Error('missing document');
    const context = passageContext(c, doc);
    expect(context.split('\n')).toEqual([
      'Rapport du Groupe de travail (oct. 2021)',
      c.headingPath[0],
      `Recommandation 7 c) : ${c.leadIn} ${c.text}`,
    ]);
  });

  it('passageContext keeps the section but not an inner heading (an English tool title)', () => {
    const p = get(corpus, DOCS.info, 'paragraphe 42');
    const doc = corpus.documents.find((d) => d.id === DOCS.info);
    if (!doc) throw new Error('missing document');
    expect(p.headingPath.length).toBeGreaterThan(1);
    const context = passageContext(p, doc);
    expect(context).toContain(p.headingPath[0]);
    expect(p.headingPath[1]).toMatch(/^Compendium of Relevant Reference Materials/);
    expect(context).not.toContain('Compendium');
  });
});

describe('10. the table', () => {
  it('"Les 10 principes du Pacte mondial" is one readable passage, and its caption is not a heading', () => {
    const t = get(corpus, DOCS.info, 'tableau 1');
    expect(t.kind).toBe('table');
    const rows = t.text.split('\n');
    expect(rows[0]).toBe('Les 10 principes du Pacte mondial des Nations Unies');
    expect(rows[1]).toBe('Domaine : Principes');
    expect(rows[2]).toMatch(/^Droits de l'homme : Principe 1 : Promouvoir et respecter/);
    expect(rows).toHaveLength(6);
    expect(t.text).toContain('Principe 10 : Agir contre la corruption sous toutes ses formes');
    expect(t.text).not.toMatch(/<i>|\t/);
    expect(t.lines).toEqual({ start: 154, end: 158 });
    expect(get(corpus, DOCS.info, 'paragraphe 26').headingPath).not.toContain('Les 10 principes du Pacte mondial des Nations Unies');
  });
});
