// Names the reports never write (unmentioned.ts), as data: which words of a question count as a name, what
// the name is, and which names the reports write in other words.
import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/answer/analysis.ts';
import { corpusWords, unmentionedName } from '../../src/answer/unmentioned.ts';
import type { Passage } from '../../src/corpus/index.ts';

const known = new Set(['traite', 'cours', 'groupe', 'travail', 'onudc', 'vienne', 'role', 'joue', 'lutte', 'contre']);
const name = (question: string) => unmentionedName(question, known, analyzeQuestion(question, 'fr').names);

describe('unmentionedName', () => {
  it('finds a capitalised name none of whose words the reports write, with the adjectives after it', () => {
    expect(name('Quel rôle joue la Cour pénale internationale dans la lutte contre la traite ?')).toBe('Cour pénale internationale');
    expect(name("Qu'a dit l'Organisation mondiale du commerce ?")).toBe('Organisation mondiale');
    expect(name('Le Groupe de travail a-t-il parlé de Zanzibar ?')).toBe('Zanzibar');
    expect(name("Que dit la Cour européenne des droits de l'homme ?")).toBe('Cour européenne');
  });

  it('looks words up as written, folded but not stemmed: «Cour» is not «cours»', () => {
    expect(name('Que dit la Cour ?')).toBe('Cour');
    expect(name('Que dit le Cours ?')).toBeNull();
  });

  it('takes no word that opens a sentence or a quotation, no month, no roman numeral, no figure', () => {
    expect(name('Zanzibar est-il cité ?')).toBeNull();
    expect(name('Et alors ? Zanzibar est-il cité ?')).toBeNull();
    expect(name('Le rapport cite-t-il « Zanzibar » ?')).toBeNull();
    expect(name('Que s’est-il passé en Juillet à Vienne ?')).toBeNull();
    expect(name('Que dit le point IV ?')).toBeNull();
    expect(name("Qu'a permis l'opération Weka II ?")).toBe('Weka II');
    expect(name('Que dit le document A78 ?')).toBeNull();
  });

  it('passes a name the reports write in other words: an acronym they spell out, a body of the closed list', () => {
    expect(name("Combien de projets d'ONG le fonds a-t-il financés ?")).toBeNull();
    expect(name("Quel rôle joue l'ICAT ?")).toBeNull();
    expect(name("Quel rôle joue l'ONUDC ?")).toBeNull();
  });

  it('knows every word of the passages and of their headings, once per index', () => {
    const passages = [
      { text: 'La Cour a statué.', headingPath: ['I. Introduction'] },
      { text: 'Rien.', headingPath: ['II. Zanzibar'] },
    ] as unknown as Passage[];
    const words = corpusWords(passages);
    expect(words.has('cour')).toBe(true);
    expect(words.has('zanzibar')).toBe(true);
    expect(corpusWords(passages)).toBe(words);
  });
});
