// The tokenizer's vocabulary as the lean load ends up holding it — its 250 002 pieces, their scores, the packed
// trie over them and the rest of tokenizer.json — kept in one binary file, so that the next start reads typed
// arrays instead of parsing 17 MB of JSON and sorting the pieces into a trie again (on a 2-core machine, about
// half of the model load; see the README's Performance section). The file is named after the sha256 of the
// tokenizer.json it was made from and holds that digest: any other tokenizer.json, or a file that is not
// exactly what `writeTokenizerCache` writes, is not read (null), and the tokenizer is parsed from its JSON.
//
// Layout (little-endian): the magic `RPTOKC01`, a u32 byte length, a JSON header (`CacheHeader`), then each
// section at an 8-byte boundary: scores f64[pieces], piece offsets u32[pieces + 1] into the pieces' UTF-16
// code units u16[units], the trie's unit u16[nodes], firstChild i32[nodes], childCount i32[nodes], isPiece
// u8[nodes] (no trie: nodes 0), and the rest of tokenizer.json (its vocabulary an empty array) as UTF-8.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { PackedTrieArrays } from './packed-trie.ts';

/** What the cache holds for one tokenizer.json. */
export interface CachedVocabulary {
  /** tokenizer.json without its vocabulary (`model.vocab` is `[]`), as JSON text. */
  restJson: string;
  pieces: string[];
  scores: ArrayLike<number>;
  /** The packed trie over `pieces`, when the lean load could build one. */
  trie: PackedTrieArrays | null;
}

const MAGIC = Buffer.from('RPTOKC01', 'latin1');
/** Bump when the layout or what a section means changes (the trie's build included). */
const FORMAT = 1;

const CacheHeaderSchema = z.object({
  format: z.literal(FORMAT),
  /** sha256 (hex) of the tokenizer.json the file was made from. */
  source: z.string().regex(/^[0-9a-f]{64}$/),
  pieces: z.number().int().positive(),
  units: z.number().int().nonnegative(),
  nodes: z.number().int().nonnegative(),
  restBytes: z.number().int().positive(),
});
type CacheHeader = z.infer<typeof CacheHeaderSchema>;

/** Where the cache of the tokenizer.json whose sha256 is `digest` lives in `cacheDir`. */
export function tokenizerCacheFile(cacheDir: string, digest: string): string {
  return path.join(cacheDir, `tokenizer-${digest.slice(0, 16)}.bin`);
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** Byte offset and length of each section after a header of `headerBytes`. */
function sectionsOf(header: CacheHeader, headerBytes: number) {
  const lengths = {
    scores: header.pieces * 8,
    offsets: (header.pieces + 1) * 4,
    units: header.units * 2,
    unit: header.nodes * 2,
    firstChild: header.nodes * 4,
    childCount: header.nodes * 4,
    isPiece: header.nodes,
    rest: header.restBytes,
  };
  let at = align8(MAGIC.length + 4 + headerBytes);
  const sections = {} as Record<keyof typeof lengths, { at: number; bytes: number }>;
  for (const name of Object.keys(lengths) as Array<keyof typeof lengths>) {
    sections[name] = { at, bytes: lengths[name] };
    at = align8(at + lengths[name]);
  }
  return { sections, total: at };
}

/**
 * The vocabulary cached in `file` for the tokenizer.json whose sha256 is `digest`, or null when there is no
 * such file or it is not a complete, consistent cache of that tokenizer.json (then nothing is thrown: the
 * caller parses the JSON and writes the cache again).
 */
export async function readTokenizerCache(file: string, digest: string): Promise<CachedVocabulary | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    return null;
  }
  try {
    if (bytes.length < MAGIC.length + 4 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    const headerBytes = bytes.readUInt32LE(MAGIC.length);
    const headerStart = MAGIC.length + 4;
    const parsed = CacheHeaderSchema.safeParse(JSON.parse(bytes.toString('utf8', headerStart, headerStart + headerBytes)));
    if (!parsed.success || parsed.data.source !== digest) return null;
    const header = parsed.data;
    const { sections, total } = sectionsOf(header, headerBytes);
    if (bytes.length !== total) return null;
    // Typed views need their offsets aligned within the ArrayBuffer: a Buffer of its own starts at 0.
    const buffer = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(bytes);
    const view = <T>(Kind: { new (b: ArrayBufferLike, offset: number, length: number): T; BYTES_PER_ELEMENT: number }, name: keyof typeof sections) =>
      new Kind(buffer.buffer, buffer.byteOffset + sections[name].at, sections[name].bytes / Kind.BYTES_PER_ELEMENT);

    const offsets = view(Uint32Array, 'offsets');
    if (offsets[0] !== 0 || offsets[header.pieces] !== header.units) return null;
    const units = buffer.toString('utf16le', sections.units.at, sections.units.at + sections.units.bytes);
    const pieces = new Array<string>(header.pieces);
    for (let i = 0; i < header.pieces; i++) {
      if (offsets[i + 1]! < offsets[i]!) return null;
      pieces[i] = units.slice(offsets[i], offsets[i + 1]);
    }
    // The trie's arrays are copied so that they do not keep the whole file alive; the rest is read once.
    const trie = header.nodes === 0 ? null : {
      unit: view(Uint16Array, 'unit').slice(),
      firstChild: view(Int32Array, 'firstChild').slice(),
      childCount: view(Int32Array, 'childCount').slice(),
      isPiece: view(Uint8Array, 'isPiece').slice(),
    };
    const restJson = buffer.toString('utf8', sections.rest.at, sections.rest.at + sections.rest.bytes);
    return { restJson, pieces, scores: view(Float64Array, 'scores'), trie };
  } catch {
    return null;
  }
}

/**
 * Writes `vocabulary` as the cache of the tokenizer.json whose sha256 is `digest`, to a temporary file then
 * renamed into place (a reader never sees half a cache; two processes writing it at once both write the same
 * bytes). Throws when the folder cannot be made or written.
 */
export async function writeTokenizerCache(file: string, digest: string, vocabulary: CachedVocabulary): Promise<void> {
  const { pieces, scores, trie, restJson } = vocabulary;
  const offsets = new Uint32Array(pieces.length + 1);
  for (let i = 0; i < pieces.length; i++) offsets[i + 1] = offsets[i]! + pieces[i]!.length;
  const rest = Buffer.from(restJson, 'utf8');
  const header: CacheHeader = {
    format: FORMAT, source: digest, pieces: pieces.length, units: offsets[pieces.length]!, nodes: trie?.unit.length ?? 0, restBytes: rest.length,
  };
  const headerJson = Buffer.from(JSON.stringify(CacheHeaderSchema.parse(header)), 'utf8');
  const { sections, total } = sectionsOf(header, headerJson.length);
  const out = Buffer.alloc(total);
  MAGIC.copy(out, 0);
  out.writeUInt32LE(headerJson.length, MAGIC.length);
  headerJson.copy(out, MAGIC.length + 4);
  const put = (name: keyof typeof sections, data: ArrayBufferView) => {
    Buffer.from(data.buffer, data.byteOffset, data.byteLength).copy(out, sections[name].at);
  };
  put('scores', Float64Array.from(scores));
  put('offsets', offsets);
  out.write(pieces.join(''), sections.units.at, sections.units.bytes, 'utf16le');
  if (trie) {
    put('unit', trie.unit);
    put('firstChild', trie.firstChild);
    put('childCount', trie.childCount);
    put('isPiece', trie.isPiece);
  }
  rest.copy(out, sections.rest.at);

  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await fs.writeFile(temporary, out);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
