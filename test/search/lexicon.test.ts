// The English→French lexicon bridges an English question to the French words of the reports: plurals, UK/US
// spellings, verb forms and phrases must all reach the same French, and common English words must add nothing.
import { describe, expect, it } from 'vitest';
import { counterpartsOf, frenchCounterparts, lexiconKeys } from '../../src/search/lexicon.ts';

describe('lexicon', () => {
  it('bridges singular and plural, and falls back to the singular for a plural it does not list', () => {
    expect(counterpartsOf('victim')).toEqual(counterpartsOf('victims'));
    expect(counterpartsOf('victims')).toContain('victimes');
    expect(counterpartsOf('recommendations')).toContain('recommandations');
    // "frauds" and "blacklists" are not keys: they come through the singular fallback ("fraud", "blacklist").
    expect(counterpartsOf('frauds')).toEqual(counterpartsOf('fraud'));
    expect(counterpartsOf('blacklists')).toContain('exclure');
    expect(counterpartsOf('agencies')).toContain('organismes');
    expect(counterpartsOf('unodc’s')).toEqual(['onudc']);
  });

  it('bridges UK and US spellings and verb forms to the same French', () => {
    expect(counterpartsOf('labour')).toEqual(counterpartsOf('labor'));
    expect(counterpartsOf('organisation')).toEqual(counterpartsOf('organization'));
    expect(counterpartsOf('criminalise')).toEqual(counterpartsOf('criminalize'));
    expect(counterpartsOf('recommended')).toContain('recommandé');
    expect(counterpartsOf('chaired')).toContain('présidente');
  });

  it('matches phrases before words, longest first', () => {
    expect(frenchCounterparts('What did the Working Group recommend?')).toContain('groupe de travail');
    expect(frenchCounterparts('Forced labor in supply chains')).toContain('travail forcé');
    expect(frenchCounterparts('the adoption of the agenda')).toContain('ordre du jour');
    expect(frenchCounterparts('contracting authorities and economic operators')).toContain('pouvoirs adjudicateurs');
    // The phrase takes its words: "working group" is not also looked up as "working" and "group".
    expect(frenchCounterparts('working group')).toBe('groupe de travail');
  });

  it('leaves common English words out', () => {
    for (const word of ['the', 'have', 'has', 'make', 'made', 'new', 'use', 'be', 'is', 'may', 'work', 'first', 'who', 'what', 'do']) {
      expect(counterpartsOf(word), word).toEqual([]);
    }
    expect(frenchCounterparts('Can you make what they have?')).toBe('');
  });

  it('keys are folded (lower case, no accents) and phrases hold a space', () => {
    const { phrases, words } = lexiconKeys();
    expect(phrases.length + words.length).toBeGreaterThan(600);
    for (const key of [...phrases, ...words]) expect(key).toBe(key.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, ''));
    for (const phrase of phrases) expect(phrase).toContain(' ');
    for (const word of words) expect(word).not.toContain(' ');
  });
});
