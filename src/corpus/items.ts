// Lettered items and roman sub-items are told apart by sequence, not by the character: "i)" after "h)" is the
// letter i, "i)" right under "a)" is roman one (2023 paragraphe 39 a) i)–v)), "v)" after "iv)" is roman five.
import { nextLetter } from './markers.ts';
import { romanValue, toRoman } from './roman.ts';

export interface ItemSequence {
  /** Last letter used under the current paragraph/recommendation (undefined before "a)"). */
  lastLetter?: string;
  /** Letters already used under it (for duplicates). */
  seenLetters: ReadonlySet<string>;
  /** Whether an item is open (sub-items need one), its last roman numeral, and numerals already used. */
  hasItem: boolean;
  lastRoman?: string;
  seenRomans: ReadonlySet<string>;
  /** The next item marker further down, before the next paragraph or heading (lookahead for "i)"). */
  nextMarker?: string;
}

export type ItemDecision =
  | 'letter' // the next lettered item
  | 'roman' // the next roman sub-item of the open item
  | 'duplicate-letter' // a letter already used under this parent
  | 'duplicate-roman' // a numeral already used under this item
  | 'letter-gap' // a later letter: letters were skipped
  | 'roman-out-of-sequence' // a numeral, but not the next one
  | 'stray'; // none of the above

export function decideItem(marker: string, seq: ItemSequence): ItemDecision {
  const letterNext = nextLetter(seq.lastLetter);
  const romanNext = seq.hasItem ? (seq.lastRoman ? toRoman((romanValue(seq.lastRoman) ?? 0) + 1) : 'i') : undefined;
  const letterOk = marker === letterNext;
  const romanOk = marker === romanNext;
  if (letterOk && romanOk) {
    // Both readings fit ("i)" after "h)" with "h)" open): the marker that follows decides ("ii)" → roman).
    return seq.nextMarker === toRoman((romanValue(marker) ?? 0) + 1) ? 'roman' : 'letter';
  }
  if (letterOk) return 'letter';
  if (romanOk) return 'roman';
  const isRoman = romanValue(marker) !== undefined;
  if (marker.length === 1 && seq.seenLetters.has(marker)) return 'duplicate-letter';
  if (seq.hasItem && isRoman && seq.seenRomans.has(marker)) return 'duplicate-roman';
  if (marker.length === 1 && marker > letterNext) return 'letter-gap';
  if (seq.hasItem && isRoman) return 'roman-out-of-sequence';
  return 'stray';
}
