// The lean load reaches into transformers.js and onnxruntime-node internals (src/embed/lean-load.ts lists
// them): it is taken only on the versions it was checked on, and the versions package.json pins are those.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { LEAN_LOAD_VERSIONS, leanLoadRefusal } from '../../src/embed/lean-load.ts';

describe('the lean model load', () => {
  it('is allowed with the installed libraries, which are the versions package.json pins exactly', async () => {
    expect(leanLoadRefusal()).toBeNull();
    const pkg = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const [name, version] of Object.entries(LEAN_LOAD_VERSIONS)) expect(pkg.dependencies[name], name).toBe(version);
  });

  it('is refused, naming the package and both versions, when an installed version differs or is missing', () => {
    const refusal = leanLoadRefusal((name) => (name === 'onnxruntime-node' ? '1.20.0' : LEAN_LOAD_VERSIONS[name] ?? null));
    expect(refusal).toBe('the installed onnxruntime-node 1.20.0 (checked on 1.14.0) may not have the internals the lean load relies on');
    expect(leanLoadRefusal(() => null)).toContain('@xenova/transformers not found (checked on 2.17.2) and onnxruntime-node not found');
  });
});
