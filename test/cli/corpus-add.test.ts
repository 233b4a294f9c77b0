// A report arriving as a PDF, end to end, in a scratch copy of the project: `corpus remove` takes the 2021 report
// (text) out, `corpus add` puts its PDF rendering in, `index` embeds only that document (the build summary says
// so), `ask` finds one of its paragraphs with the official link, and `lookup` resolves one of its labels by
// symbol. Every step is a real child process of bin/rapporteur.js with the real model.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { resolveModelsDir } from '../../src/embed/model-location.ts';

const execute = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const pdf = path.join(repoRoot, 'test', 'fixtures', 'reports', '2021-wg4-rapport.pdf');
const SKIPPED = new Set(['node_modules', '.git', 'index', 'coverage']);

let scratch: string;
let env: NodeJS.ProcessEnv;

async function rapporteur(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return execute(process.execPath, [path.join(scratch, 'bin', 'rapporteur.js'), ...args], { cwd: scratch, env, maxBuffer: 16 * 1024 * 1024 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' }),
  );
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-scratch-'));
  await cp(repoRoot, scratch, { recursive: true, filter: (src) => !SKIPPED.has(path.relative(repoRoot, src).split(path.sep)[0] ?? '') });
  await symlink(path.join(repoRoot, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
  // The shared test index is the previous build: what is already embedded is reused from it.
  await cp(inject('sharedIndexDir'), path.join(scratch, 'index'), { recursive: true });
  const models = resolveModelsDir().dir;
  if (!models) throw new Error('the embedding model is needed for this test (see README, The model)');
  env = { ...process.env, RAPPORTEUR_MODELS_DIR: models, RAPPORTEUR_OFFLINE: '1', RAPPORTEUR_SOURCE_URL_TEMPLATE: 'https://docs.un.org/fr/{symbol}' };
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const SummarySchema = z.object({
  documents: z.number(),
  passages: z.number(),
  embedded: z.object({ passages: z.number(), sentences: z.number() }),
  reused: z.object({ passages: z.number(), sentences: z.number() }),
});

describe('a new report as a PDF: corpus add → index → ask → lookup', () => {
  it('replaces the text report by its PDF, embeds only it, and answers from it', async () => {
    const removed = await rapporteur('corpus', 'remove', '2021-wg4-rapport');
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain('Removed 2021-wg4-rapport: corpus/2021-wg4-rapport.txt and its corpus.yml entry.');

    const added = await rapporteur('corpus', 'add', pdf, '--id', '2021-wg4-rapport');
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('Added 2021-wg4-rapport — corpus/2021-wg4-rapport.pdf (10 pages)');
    expect(added.stdout).toContain('  symbol: CTOC/COP/WG.4/2021/4  [found in the file]');
    expect(added.stdout).toContain('  date:   2021-10-28  [inferred]');
    expect(added.stdout).toContain('  80 passages: 16 recommendation, 49 paragraph, 14 item, 1 note');
    expect((await readdir(path.join(scratch, 'corpus'))).filter((f) => f.startsWith('2021-wg4-rapport'))).toEqual(['2021-wg4-rapport.pdf']);

    const built = await rapporteur('index', '--json');
    expect(built.code).toBe(0);
    const summary = SummarySchema.parse(JSON.parse(built.stdout));
    expect(summary.documents).toBe(5);
    expect(summary.passages).toBe(402);
    // Only the new document's passages went through the model (its name differs from the text version's, so
    // its passage contexts are new); every other passage came from the previous index.
    expect(summary.embedded.passages).toBe(80);
    expect(summary.reused.passages).toBe(402 - 80);

    const asked = await rapporteur('ask', '--json', 'Que doivent faire les États parties pour les preuves électroniques dans les affaires de traite facilitée par les technologies ?');
    expect(asked.code).toBe(0);
    const answer = z
      .object({
        kind: z.string(),
        results: z.array(z.object({ docId: z.string(), label: z.string(), symbol: z.string().optional(), sourceUrl: z.string().optional() })),
        officialDocuments: z.array(z.object({ docId: z.string(), url: z.string() })),
      })
      .parse(JSON.parse(asked.stdout));
    expect(answer.kind).toBe('answer');
    const fromPdf = answer.results[0];
    expect(fromPdf).toMatchObject({ docId: '2021-wg4-rapport', symbol: 'CTOC/COP/WG.4/2021/4', sourceUrl: 'https://docs.un.org/fr/CTOC/COP/WG.4/2021/4' });
    expect(answer.officialDocuments).toContainEqual(expect.objectContaining({ docId: '2021-wg4-rapport', url: 'https://docs.un.org/fr/CTOC/COP/WG.4/2021/4' }));

    const looked = await rapporteur('lookup', '--json', 'Recommandation 7 c) CTOC/COP/WG.4/2021/4');
    expect(looked.code).toBe(0);
    const matches = z.object({ matches: z.array(z.object({ docId: z.string(), label: z.string(), symbol: z.string().optional() })) }).parse(JSON.parse(looked.stdout)).matches;
    expect(matches).toEqual([expect.objectContaining({ docId: '2021-wg4-rapport', label: 'Recommandation 7 c)', symbol: 'CTOC/COP/WG.4/2021/4' })]);
  }, 400_000);

  it('refuses a parse that looks wrong unless --force, and writes nothing when it refuses', async () => {
    const notes = path.join(scratch, 'notes.txt');
    await writeFile(notes, 'Quelques notes prises pendant la réunion.\n\nRien de numéroté ici, pas de recommandation.\n');
    const before = (await readdir(path.join(scratch, 'corpus'))).sort();
    const refused = await rapporteur('corpus', 'add', notes);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(
      'rapporteur: not added, the parse looks wrong: no numbered paragraph or recommendation found (check the file, or add it anyway with --force)',
    );
    expect((await readdir(path.join(scratch, 'corpus'))).sort()).toEqual(before);

    const forced = await rapporteur('corpus', 'add', notes, '--force', '--kind', 'other', '--name', 'Notes de réunion');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('Added despite: no numbered paragraph or recommendation found (--force).');
    expect(await readdir(path.join(scratch, 'corpus'))).toContain('notes.txt');
    const again = await rapporteur('corpus', 'add', notes, '--force');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('the corpus already has a document "notes"');
    expect((await rapporteur('corpus', 'remove', 'notes')).code).toBe(0);
    expect((await readdir(path.join(scratch, 'corpus'))).sort()).toEqual(before);
    const unknown = await rapporteur('corpus', 'remove', 'notes');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('rapporteur: no document "notes" in corpus');
  }, 200_000);
});
