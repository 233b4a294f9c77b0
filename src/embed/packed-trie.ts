// A trie of strings in four typed arrays: each node's children sit side by side, sorted by UTF-16 code unit,
// and are found by binary search. For the 250 002 pieces of multilingual-e5-small: 505 000 nodes in 5.6 MB,
// where transformers.js's CharTrie (an object and a Map per node) takes ≈ 117 MB; and prefix search runs
// at the same speed, which a Set of the pieces (7 MB, but a slice and a hash per prefix length) does not:
// that made tokenising 2.5× slower.

/** A UTF-16 surrogate: half of a character outside the Basic Multilingual Plane (an emoji, say). */
export function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** A built trie's four arrays, as `arrays()` gives them and the constructor takes them back (tokenizer-cache.ts). */
export interface PackedTrieArrays {
  unit: Uint16Array;
  firstChild: Int32Array;
  childCount: Int32Array;
  isPiece: Uint8Array;
}

function isTrieArrays(source: Iterable<string> | PackedTrieArrays): source is PackedTrieArrays {
  return (source as PackedTrieArrays).unit instanceof Uint16Array;
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
  constructor(pieces: Iterable<string>);
  /** The trie whose `arrays()` these were; throws a RangeError when they cannot be one. */
  constructor(arrays: PackedTrieArrays);
  constructor(source: Iterable<string> | PackedTrieArrays) {
    if (isTrieArrays(source)) {
      checkArrays(source);
      ({ unit: this.#unit, firstChild: this.#firstChild, childCount: this.#childCount, isPiece: this.#isPiece } = source);
      return;
    }
    const { units, starts, lengths } = flatten(source);
    const count = starts.length;
    if (count >= PIECE_SPAN) throw new RangeError(`a packed trie holds fewer than ${PIECE_SPAN} pieces`);
    // Built breadth first, as an MSD radix sort: node n stands for the prefix of length depth[n] shared by the
    // pieces order[from[n]] … order[to[n] - 1]. Its range is split by the code unit at that depth (the pieces
    // that end there come first and make it a piece), and each group becomes a child, numbered as discovered,
    // so each node's children are contiguous and sorted by unit. No string comparison: the vocabulary's sort
    // was half of the build (≈ 0.4 s of the model load for 250 002 pieces).
    const order = new Int32Array(count);
    for (let i = 0; i < count; i++) order[i] = i;
    // About two nodes per piece for a real vocabulary (504 731 for 250 002); the arrays grow when not enough.
    let nodes = new NodeArrays(Math.ceil(2.1 * count) + 16);
    const keys = new Float64Array(count);
    nodes.to[0] = count;
    let next = 1;
    for (let n = 0; n < next; n++) {
      const { from, to, depth, isPiece, firstChild } = nodes;
      let i = from[n]!;
      const end = to[n]!;
      const d = depth[n]!;
      // The pieces that end here first (duplicates too), then the rest by their unit at depth d.
      let ended = i;
      for (let k = i; k < end; k++) {
        const piece = order[k]!;
        if (lengths[piece] === d) {
          order[k] = order[ended]!;
          order[ended] = piece;
          ended++;
        }
      }
      if (ended > i) isPiece[n] = 1;
      i = ended;
      sortByUnit(order, i, end, d, units, starts, keys);
      firstChild[n] = next;
      while (i < end) {
        const u = units[starts[order[i]!]! + d]!;
        let j = i + 1;
        while (j < end && units[starts[order[j]!]! + d] === u) j++;
        if (next === nodes.capacity) nodes = nodes.grown();
        nodes.unit[next] = u;
        nodes.from[next] = i;
        nodes.to[next] = j;
        nodes.depth[next] = d + 1;
        next++;
        i = j;
      }
      nodes.childCount[n] = next - nodes.firstChild[n]!;
    }
    this.#unit = nodes.unit.slice(0, next);
    this.#firstChild = nodes.firstChild.slice(0, next);
    this.#childCount = nodes.childCount.slice(0, next);
    this.#isPiece = nodes.isPiece.slice(0, next);
  }

  /** The trie's arrays (its own, not copies: read them, do not change them). */
  arrays(): PackedTrieArrays {
    return { unit: this.#unit, firstChild: this.#firstChild, childCount: this.#childCount, isPiece: this.#isPiece };
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

/** Throws unless the arrays have one length and every node's children lie after it, inside the trie. */
function checkArrays({ unit, firstChild, childCount, isPiece }: PackedTrieArrays): void {
  const size = unit.length;
  if (size === 0 || firstChild.length !== size || childCount.length !== size || isPiece.length !== size) {
    throw new RangeError('a packed trie needs four arrays of one length, at least the root');
  }
  for (let n = 0; n < size; n++) {
    const first = firstChild[n]!;
    const count = childCount[n]!;
    if (count < 0 || (count > 0 && (first <= n || first + count > size))) throw new RangeError(`node ${n} of a packed trie has children outside it`);
  }
}

/** The trie's arrays while it is built, with each node's range of pieces and depth. */
class NodeArrays {
  readonly unit: Uint16Array;
  readonly firstChild: Int32Array;
  readonly childCount: Int32Array;
  readonly isPiece: Uint8Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly depth: Uint16Array;

  constructor(readonly capacity: number) {
    this.unit = new Uint16Array(capacity);
    this.firstChild = new Int32Array(capacity);
    this.childCount = new Int32Array(capacity);
    this.isPiece = new Uint8Array(capacity);
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.depth = new Uint16Array(capacity);
  }

  /** A copy with half as much room again. */
  grown(): NodeArrays {
    const bigger = new NodeArrays(Math.ceil(this.capacity * 1.5));
    for (const key of ['unit', 'firstChild', 'childCount', 'isPiece', 'from', 'to', 'depth'] as const) bigger[key].set(this[key]);
    return bigger;
  }
}

/**
 * The pieces' code units end to end, with where each piece starts and its length: the build reads typed
 * arrays instead of strings. Pieces with a surrogate are left out (see the constructor).
 */
function flatten(pieces: Iterable<string>): { units: Uint16Array; starts: Int32Array; lengths: Int32Array } {
  const kept: string[] = [];
  let total = 0;
  for (const piece of pieces) {
    if (/[\ud800-\udfff]/.test(piece)) continue;
    kept.push(piece);
    total += piece.length;
  }
  const units = new Uint16Array(total);
  const starts = new Int32Array(kept.length);
  const lengths = new Int32Array(kept.length);
  let at = 0;
  kept.forEach((piece, index) => {
    starts[index] = at;
    lengths[index] = piece.length;
    for (let c = 0; c < piece.length; c++) units[at++] = piece.charCodeAt(c);
  });
  return { units, starts, lengths };
}

/** Below this many pieces a range is sorted by insertion; above, through a native sort of numeric keys. */
const INSERTION_SORT_MAX = 24;

/**
 * Sorts order[from … to - 1] by each piece's code unit at depth `d` (every piece there is longer than d);
 * pieces with the same unit keep no particular order, which the build does not need.
 */
function sortByUnit(order: Int32Array, from: number, to: number, d: number, units: Uint16Array, starts: Int32Array, keys: Float64Array): void {
  const size = to - from;
  if (size < 2) return;
  if (size <= INSERTION_SORT_MAX) {
    for (let k = from + 1; k < to; k++) {
      const piece = order[k]!;
      const u = units[starts[piece]! + d]!;
      let j = k - 1;
      while (j >= from && units[starts[order[j]!]! + d]! > u) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = piece;
    }
    return;
  }
  // unit × 2²⁴ + piece: exact in a double, ordered by unit first (2²⁴ > any vocabulary's size here).
  const slice = keys.subarray(0, size);
  for (let k = 0; k < size; k++) {
    const piece = order[from + k]!;
    slice[k] = units[starts[piece]! + d]! * PIECE_SPAN + piece;
  }
  slice.sort();
  for (let k = 0; k < size; k++) order[from + k] = slice[k]! % PIECE_SPAN;
}

const PIECE_SPAN = 2 ** 24;
