// A trie of strings in four typed arrays: each node's children sit side by side, sorted by UTF-16 code unit,
// and are found by binary search. For the 250 002 pieces of multilingual-e5-small: 505 000 nodes in 5.6 MB,
// where transformers.js's CharTrie (an object and a Map per node) takes ≈ 117 MB; and prefix search runs
// at the same speed, which a Set of the pieces (7 MB, but a slice and a hash per prefix length) does not:
// that made tokenising 2.5× slower.

/** A UTF-16 surrogate: half of a character outside the Basic Multilingual Plane (an emoji, say). */
export function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

export class PackedTrie {
  /** Code unit on the edge into each node (the root's is unused). */
  readonly #unit: Uint16Array;
  /** Index of each node's first child; its children are `firstChild … firstChild + childCount - 1`. */
  readonly #firstChild: Int32Array;
  readonly #childCount: Int32Array;
  /** 1 where a piece ends. */
  readonly #isPiece: Uint8Array;

  /**
   * Holds `pieces`, except those with a surrogate: `commonPrefixSearch` stops at the first surrogate of a
   * text (as transformers.js's CharTrie does, see there), so they could never be found.
   */
  constructor(pieces: Iterable<string>) {
    const sorted: string[] = [];
    for (const piece of pieces) if (!/[\ud800-\udfff]/.test(piece)) sorted.push(piece);
    sorted.sort(); // by UTF-16 code unit
    // One node per distinct prefix: what a piece adds beyond the prefix it shares with the one before it.
    let nodes = 1;
    for (let i = 0; i < sorted.length; i++) nodes += sorted[i]!.length - (i === 0 ? 0 : sharedPrefix(sorted[i - 1]!, sorted[i]!));
    this.#unit = new Uint16Array(nodes);
    this.#firstChild = new Int32Array(nodes);
    this.#childCount = new Int32Array(nodes);
    this.#isPiece = new Uint8Array(nodes);
    // Breadth first: node n stands for the prefix shared by sorted[from[n]] … sorted[to[n] - 1], of length
    // depth[n]; its children are numbered as they are discovered, so each node's children are contiguous.
    const from = new Int32Array(nodes);
    const to = new Int32Array(nodes);
    const depth = new Uint16Array(nodes);
    to[0] = sorted.length;
    let next = 1;
    for (let n = 0; n < next; n++) {
      let i = from[n]!;
      const end = to[n]!;
      const d = depth[n]!;
      // The prefix itself, if it is a piece, sorts first (duplicates too).
      while (i < end && sorted[i]!.length === d) {
        this.#isPiece[n] = 1;
        i++;
      }
      this.#firstChild[n] = next;
      while (i < end) {
        const unit = sorted[i]!.charCodeAt(d);
        let j = i + 1;
        while (j < end && sorted[j]!.charCodeAt(d) === unit) j++;
        this.#unit[next] = unit;
        from[next] = i;
        to[next] = j;
        depth[next] = d + 1;
        next++;
        i = j;
      }
      this.#childCount[n] = next - this.#firstChild[n]!;
    }
  }

  get size(): number {
    return this.#unit.length;
  }

  /** The child of `node` along `unit`, or -1. */
  #child(node: number, unit: number): number {
    let low = this.#firstChild[node]!;
    let high = low + this.#childCount[node]! - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const found = this.#unit[middle]!;
      if (found < unit) low = middle + 1;
      else if (found > unit) high = middle - 1;
      else return middle;
    }
    return -1;
  }

  /**
   * The pieces that are prefixes of `text`, shortest first, up to its first surrogate: exactly what
   * transformers.js's CharTrie.commonPrefixSearch yields for the same pieces when none of them holds a lone
   * surrogate. (CharTrie is built by code point, a surrogate pair being one key, but searched by code unit,
   * so its search ends at the first surrogate of a text.)
   */
  *commonPrefixSearch(text: string): Generator<string> {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (isSurrogate(unit)) return;
      node = this.#child(node, unit);
      if (node < 0) return;
      if (this.#isPiece[node] === 1) yield text.slice(0, i + 1);
    }
  }
}

function sharedPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
