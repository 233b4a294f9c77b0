import { describe, expect, it } from 'vitest';
import { foldText, memoByText } from '../../src/search/index.ts';

describe('memoByText', () => {
  it('computes a short text once, and gives back the same value', () => {
    const seen: string[] = [];
    const upper = memoByText((text) => {
      seen.push(text);
      return { upper: text.toUpperCase() };
    });
    const first = upper('traite');
    expect(upper('traite')).toBe(first);
    expect(first.upper).toBe('TRAITE');
    expect(seen).toEqual(['traite']);
  });

  it('never keeps a text longer than its limit', () => {
    const seen: string[] = [];
    const length = memoByText((text) => (seen.push(text), text.length), { size: 10, maxLength: 5 });
    expect(length('abcdef')).toBe(6);
    expect(length('abcdef')).toBe(6);
    expect(seen).toEqual(['abcdef', 'abcdef']);
  });

  it('is cleared when full, so it never holds more than its size', () => {
    const seen: string[] = [];
    const same = memoByText((text) => (seen.push(text), text), { size: 2, maxLength: 100 });
    same('a');
    same('b');
    same('a'); // still kept
    same('c'); // full: cleared, then c kept
    same('a'); // computed again
    expect(seen).toEqual(['a', 'b', 'c', 'a']);
  });

  it('keeps foldText exact for texts above and below the limit', () => {
    const sentence = 'Sécurité, œuvre et Bœuf à Genève';
    expect(foldText(sentence)).toBe('securite, oeuvre et boeuf a geneve');
    expect(foldText(sentence)).toBe('securite, oeuvre et boeuf a geneve');
    const passage = `${sentence} `.repeat(40);
    expect(foldText(passage)).toBe(`${'securite, oeuvre et boeuf a geneve '.repeat(40)}`);
  });
});
