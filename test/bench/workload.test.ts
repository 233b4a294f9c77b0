// The pieces of the real-pipeline benchmark that need no model: the workload drawn from the dev set, the
// corpus copy and its one-paragraph edit, the texts a build embeds, the per-stage split, and the CLI's
// handling of bad flags.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { askWorkload, loadDevSet, lookupWorkload, type DevQuestion } from '../../src/bench/devset.ts';
import { copyCorpus, editOneParagraph, textsToEmbed } from '../../src/bench/index-bench.ts';
import { stageSummaries } from '../../src/bench/serving.ts';
import { defaultCorpusDir, projectRoot } from '../../src/config.ts';

const devSetFile = path.join(projectRoot, 'eval', 'devset.yml');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-bench-test-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('workload from the development set', () => {
  let devSet: DevQuestion[];
  beforeAll(async () => {
    devSet = await loadDevSet(devSetFile);
  });

  it('asks as many distinct questions as wanted, beyond the size of the dev set', () => {
    const count = devSet.length * 2 + 7;
    const questions = askWorkload(devSet, count);
    expect(questions).toHaveLength(count);
    expect(new Set(questions).size).toBe(count);
    // The first round is the dev set as written; follow-ups (which need their conversation) are left out.
    const standalone = devSet.filter((q) => !q.followUpOf).map((q) => q.question);
    expect(questions.slice(0, standalone.length)).toEqual(standalone);
  });

  it('looks up every expected label of the dev set, cycling', () => {
    const lookups = lookupWorkload(devSet, 500);
    expect(lookups).toHaveLength(500);
    const labels = new Set(devSet.flatMap((q) => q.expected.map((e) => `${e.doc}|${e.label}`)));
    expect(new Set(lookups.map((l) => `${l.doc}|${l.reference}`))).toEqual(labels);
  });

  it('reports a malformed dev set in one sentence', async () => {
    const bad = path.join(work, 'bad.yml');
    fs.writeFileSync(bad, 'questions: [{ id: 1 }]\n');
    await expect(loadDevSet(bad)).rejects.toThrow(/malformed/);
  });
});

describe('corpus copy for the index benchmark', () => {
  it('copies the smallest documents with the metadata file, and edits exactly one paragraph', async () => {
    const dir = path.join(work, 'slice');
    const documents = copyCorpus(defaultCorpusDir, dir, 2);
    expect(documents).toHaveLength(2);
    expect(fs.existsSync(path.join(dir, 'corpus.yml'))).toBe(true);
    const before = await loadCorpus(dir);
    const edited = editOneParagraph(dir, documents);
    const after = await loadCorpus(dir);
    expect(after.passages).toHaveLength(before.passages.length);
    const changed = after.passages.filter((p, i) => p.text !== before.passages[i]!.text);
    expect(changed).toHaveLength(1);
    expect(changed[0]!.text).toContain("ajoutée par le banc d'essai");
    expect(documents).toContain(edited);
  });

  it('lists the distinct texts a build embeds: one per passage in context, then the sentences', async () => {
    const dir = path.join(work, 'one');
    copyCorpus(defaultCorpusDir, dir, 1);
    const corpus = await loadCorpus(dir);
    const { texts, slots } = textsToEmbed(corpus.documents, corpus.passages);
    expect(slots).toBeGreaterThan(corpus.passages.length);
    expect(texts.length).toBeLessThanOrEqual(slots);
    expect(new Set(texts).size).toBe(texts.length);
    const displayName = corpus.documents[0]!.displayName;
    expect(texts.filter((t) => t.startsWith(`${displayName}\n`)).length).toBe(corpus.passages.length);
  });
});

describe('per-stage split of an ask', () => {
  it('maps the engine timing names to stages and leaves out stages nobody reported', () => {
    const stages = stageSummaries([
      { embed: 10, 'search.denseMs': 0.2, 'search.lexicalMs': 1, 'search.fuseMs': 0.1, compose: 2 },
      { embed: 20, 'search.denseMs': 0.4, 'search.lexicalMs': 3, 'search.fuseMs': 0.3, compose: 4 },
      null,
    ]);
    expect(stages.embed).toMatchObject({ n: 2, p50: 15, max: 20 });
    expect(stages.hnsw?.p50).toBeCloseTo(0.3, 10);
    expect(stages.bm25?.p50).toBe(2);
    expect(stages.fusion?.n).toBe(2);
    expect(stages.compose?.p50).toBe(3);
    expect(stageSummaries([{ embed: 1 }, null])).toEqual({ embed: expect.objectContaining({ n: 1 }) });
  });
});

describe('rapporteur bench, bad input', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(projectRoot, 'bin', 'rapporteur.js'), 'bench', ...args], { encoding: 'utf8', cwd: projectRoot });

  it.each([
    [['--scale', 'lots'], /--scale takes a whole number/],
    [['--scale', '10'], /--scale must be between/],
    [['--only', 'index,typo'], /--only takes a comma-separated list/],
    [['--only', 'serving', '--devset', '/nonexistent/devset.yml'], /development set not found/],
    [['--corpus', '/nonexistent/corpus'], /corpus folder not found/],
  ])('%j → one line and exit code 2', (args, message) => {
    const result = run(...(args as string[]));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message as RegExp);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('lists its options in --help', () => {
    const help = execFileSync(process.execPath, [path.join(projectRoot, 'bin', 'rapporteur.js'), 'bench', '--help'], { encoding: 'utf8', cwd: projectRoot });
    for (const flag of ['--quick', '--json', '--scale <N>', '--only <parts>', '--sweep']) expect(help).toContain(flag);
  });
});
