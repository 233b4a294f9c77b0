// Raw Float32 matrices on disk: the smallest, fastest format for a few thousand 384-dim vectors.
import fs from 'node:fs/promises';

export { sha256 } from '../corpus/index.ts';

/** Concatenates `vectors` (each `dimensions` long) into one little-endian Float32 buffer. */
export function packVectors(vectors: Float32Array[], dimensions: number): Buffer {
  const matrix = new Float32Array(vectors.length * dimensions);
  vectors.forEach((vector, i) => {
    if (vector.length !== dimensions) throw new Error(`vector ${i} has ${vector.length} dimensions, expected ${dimensions}`);
    matrix.set(vector, i * dimensions);
  });
  return littleEndian(Buffer.from(matrix.buffer, matrix.byteOffset, matrix.byteLength));
}

/** Reads a matrix written by packVectors; null when its size is not `rows × dimensions` floats. */
export function unpackVectors(bytes: Buffer, rows: number, dimensions: number): Float32Array | null {
  if (bytes.byteLength !== rows * dimensions * 4) return null;
  // Copy into an aligned buffer: Buffer slices from fs may start at any offset.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  littleEndian(Buffer.from(copy.buffer));
  return new Float32Array(copy.buffer);
}

/** Row `i` of a packed matrix, as a view (no copy). */
export function row(matrix: Float32Array, i: number, dimensions: number): Float32Array {
  return matrix.subarray(i * dimensions, (i + 1) * dimensions);
}

export async function readFileOrNull(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch {
    return null;
  }
}

// The format is little-endian; swap in place on the (rare) big-endian machine.
const bigEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;
function littleEndian(buffer: Buffer): Buffer {
  return bigEndian ? buffer.swap32() : buffer;
}
