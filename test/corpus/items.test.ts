// Letter or roman numeral: decided by the sequence around the marker.
import { describe, expect, it } from 'vitest';
import { decideItem, type ItemSequence } from '../../src/corpus/items.ts';

const seq = (over: Partial<ItemSequence>): ItemSequence => ({ seenLetters: new Set(), hasItem: false, seenRomans: new Set(), ...over });

describe('decideItem', () => {
  it('"a)" opens the items; the next letter follows', () => {
    expect(decideItem('a', seq({}))).toBe('letter');
    expect(decideItem('c', seq({ lastLetter: 'b', seenLetters: new Set(['a', 'b']), hasItem: true }))).toBe('letter');
  });

  it('"i)" after "h)" is the letter unless "ii)" comes next', () => {
    const afterH = seq({ lastLetter: 'h', seenLetters: new Set('abcdefgh'), hasItem: true });
    expect(decideItem('i', { ...afterH, nextMarker: 'j' })).toBe('letter');
    expect(decideItem('i', afterH)).toBe('letter');
    expect(decideItem('i', { ...afterH, nextMarker: 'ii' })).toBe('roman');
  });

  it('"i)" under "a)" is roman one, and "v)" after "iv)" is roman five', () => {
    expect(decideItem('i', seq({ lastLetter: 'a', seenLetters: new Set(['a']), hasItem: true }))).toBe('roman');
    expect(decideItem('v', seq({ lastLetter: 'a', seenLetters: new Set(['a']), hasItem: true, lastRoman: 'iv', seenRomans: new Set(['i', 'ii', 'iii', 'iv']) }))).toBe('roman');
    expect(decideItem('b', seq({ lastLetter: 'a', seenLetters: new Set(['a']), hasItem: true, lastRoman: 'v' }))).toBe('letter');
  });

  it('repeats, gaps and strays are told apart', () => {
    const afterL = seq({ lastLetter: 'l', seenLetters: new Set('abcdefghijkl'), hasItem: true });
    expect(decideItem('j', afterL)).toBe('duplicate-letter');
    expect(decideItem('p', afterL)).toBe('letter-gap');
    expect(decideItem('ii', seq({ lastLetter: 'a', seenLetters: new Set(['a']), hasItem: true, lastRoman: 'iii', seenRomans: new Set(['i', 'ii', 'iii']) }))).toBe('duplicate-roman');
    expect(decideItem('iv', seq({ lastLetter: 'a', seenLetters: new Set(['a']), hasItem: true, lastRoman: 'i', seenRomans: new Set(['i']) }))).toBe('roman-out-of-sequence');
    expect(decideItem('ii', seq({}))).toBe('stray');
  });
});
