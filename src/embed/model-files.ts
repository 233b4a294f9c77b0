// Checks of the model's files, so that a damaged copy is reported as one sentence naming the file instead of
// onnxruntime's stack trace (and transformers.js's false "Using `wasm` as a fallback"), or a bare JSON
// error. The cheap checks run before every load; the thorough one only after a load failed, to say why.
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ModelLoadError, ONNX_FILE } from './model-location.ts';

/** The model's JSON files with the least shape we rely on; tokenizer.json (17 MB) is parsed only to diagnose. */
const JSON_FILES: Array<{ name: string; schema: z.ZodType; cheap: boolean }> = [
  { name: 'config.json', schema: z.looseObject({ model_type: z.string() }), cheap: true },
  { name: 'tokenizer_config.json', schema: z.looseObject({}), cheap: true },
  { name: 'tokenizer.json', schema: z.looseObject({ model: z.looseObject({ type: z.string() }) }), cheap: false },
];

/** Before loading: the small JSON files parse and have their shape; the ONNX file is whole. Throws ModelLoadError. */
export async function checkModelFiles(modelDir: string): Promise<void> {
  for (const file of JSON_FILES.filter((f) => f.cheap)) await checkJson(path.join(modelDir, file.name), file.schema);
  await checkOnnxStructure(path.join(modelDir, ONNX_FILE));
}

/** After a load failed: the file to blame, as a ModelLoadError, or null when every file looks intact. */
export async function diagnoseModelFiles(modelDir: string): Promise<ModelLoadError | null> {
  try {
    for (const file of JSON_FILES) await checkJson(path.join(modelDir, file.name), file.schema);
    await checkOnnxStructure(path.join(modelDir, ONNX_FILE));
  } catch (error) {
    if (error instanceof ModelLoadError) return error;
    throw error;
  }
  return null;
}

async function checkJson(file: string, schema: z.ZodType): Promise<void> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new ModelLoadError(file, 'cannot be read');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ModelLoadError(file, `is not valid JSON (${(error as Error).message.split('\n')[0]}; truncated or damaged?)`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModelLoadError(file, `does not have the expected content (${issue?.path.join('.') || 'the top level'}: ${issue?.message ?? 'invalid'})`);
  }
}

/**
 * Walks the top-level fields of the ONNX protobuf (a ModelProto: ir_version, …, graph, opset_import) by
 * reading only their headers, a few bytes each: a truncated file has a field that runs past its end, and a
 * file that is not ONNX at all breaks the wire format or has no graph (field 7).
 */
export async function checkOnnxStructure(file: string): Promise<void> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch {
    throw new ModelLoadError(file, 'cannot be read');
  }
  try {
    const size = (await handle.stat()).size;
    if (size === 0) throw new ModelLoadError(file, 'is empty');
    const header = Buffer.alloc(24);
    let position = 0;
    let sawGraph = false;
    for (let fields = 0; position < size && fields < 1000; fields++) {
      const { bytesRead } = await handle.read(header, 0, header.length, position);
      const reader = { bytes: header.subarray(0, bytesRead), at: 0 };
      const tag = readVarint(reader);
      if (tag === null || tag < 8) throw new ModelLoadError(file, 'is not an ONNX model (its bytes are not a protobuf message)');
      const field = Math.floor(tag / 8);
      const wire = tag % 8;
      let length = 0;
      if (wire === 0) {
        if (readVarint(reader) === null) throw new ModelLoadError(file, 'is truncated or damaged');
      } else if (wire === 1) length = 8;
      else if (wire === 5) length = 4;
      else if (wire === 2) {
        const value = readVarint(reader);
        if (value === null) throw new ModelLoadError(file, 'is truncated or damaged');
        length = value;
      } else throw new ModelLoadError(file, 'is not an ONNX model (its bytes are not a protobuf message)');
      if (field === 7) sawGraph = true;
      position += reader.at + length;
      if (position > size) {
        throw new ModelLoadError(file, `is truncated: ${size} bytes, but its contents run to at least ${position} (an interrupted copy or download?)`);
      }
    }
    if (!sawGraph) throw new ModelLoadError(file, 'is not an ONNX model (it holds no graph)');
  } finally {
    await handle.close();
  }
}

/** A protobuf varint at `reader.at` (advancing it), or null when the bytes end first. */
function readVarint(reader: { bytes: Buffer; at: number }): number | null {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    const byte = reader.bytes[reader.at++];
    if (byte === undefined) return null;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 128;
  }
  return null;
}
