// `rapporteur ask` as a person runs it: a real child process on the shared index of the whole corpus.
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultCorpusDir } from '../../src/config.ts';
import { runRapporteur } from '../support/cli.ts';

const rapporteur = runRapporteur;

let indexArgs: string[];
let scratch: string;
beforeAll(async () => {
  indexArgs = ['--index', inject('sharedIndexDir')];
  scratch = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-ask-'));
});

describe('rapporteur ask --json', () => {
  it('D17: says that no document matches filters that exclude every document, with "kind"', async () => {
    const { code, stdout } = await rapporteur(['ask', ...indexArgs, '--json', '--year', '2099', 'Que recommande le Groupe de travail sur les marchés publics ?']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout.trim());
    expect(answer.kind).toBe('abstain');
    expect(answer.answer).toMatch(/^Aucun document ne correspond à ces filtres/);
    expect(answer.results).toEqual([]);
  });

  it('a partial answer has "kind": "partial" and is not "abstained"', async () => {
    const { stdout } = await rapporteur(['ask', ...indexArgs, '--json', "Combien coûte l'organisation d'une réunion du Groupe de travail à Vienne ?"]);
    const answer = JSON.parse(stdout.trim());
    expect(answer.kind).toBe('partial');
    expect(answer.abstained).toBe(false);
    expect(answer.answer.split('\n')[0]).toBe('Les rapports évoquent le sujet mais ne donnent pas ce montant.');
    expect(answer.quotes.length).toBeGreaterThan(0);
  });

  it('prints one object with the documented fields, results best first and at most --top', async () => {
    const { code, stdout } = await rapporteur(['ask', ...indexArgs, '--json', '--top', '3', 'What should online platforms do with content used to recruit trafficking victims?']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0] as string);
    expect(Object.keys(answer)).toEqual(expect.arrayContaining(['question', 'abstained', 'answer', 'quotes', 'results']));
    expect(answer.abstained).toBe(false);
    expect(answer.quotes[0]).toEqual({ text: expect.stringContaining('plateformes en ligne'), docId: '2021-wg4-rapport', label: 'Recommandation 7 c)' });
    expect(answer.results.length).toBeLessThanOrEqual(3);
    // The 2021 report's symbol is not in corpus.yml (its text never names it), so its results carry none.
    expect(Object.keys(answer.results[0]).sort()).toEqual(['docId', 'label', 'score', 'section', 'text']);
    expect(answer.officialDocuments).toEqual([]);
    const scores = answer.results.map((r: { score: number }) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(answer.answer).toContain('— Rapport du Groupe de travail (oct. 2021), Recommandation 7 c)');
  });

  it('answers a batch file line by line with the model loaded once', async () => {
    const file = path.join(scratch, 'questions.txt');
    await writeFile(file, 'que dit la recommandation 7 c ?\n\nQuel est le résultat du match de football d’hier ?\n');
    const { code, stdout } = await rapporteur(['ask', ...indexArgs, '--json', '--top', '2', '--batch', file]);
    expect(code).toBe(2); // the blank line is answered in place with an error object (issue 13, D20)
    const answers = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(answers.map((a) => a.question)).toEqual(['que dit la recommandation 7 c ?', '', 'Quel est le résultat du match de football d’hier ?']);
    expect(answers[0].results[0].label).toBe('Recommandation 7 c)');
    expect(answers[1].error).toMatch(/empty/);
    expect(answers[2].abstained).toBe(true);
  });

  it('prints the answer for a person, with citations', async () => {
    const { code, stdout } = await rapporteur(['ask', ...indexArgs, 'Combien de victimes le fonds aide-t-il chaque année ?']);
    expect(code).toBe(0);
    expect(stdout).toContain('3 500 victimes');
    expect(stdout).toMatch(/— A\/78 rapport du Secrétaire général \(juil\. 2023\), paragraphe 68/);
    expect(stdout).toContain('Sources');
    expect(stdout).not.toContain('\u001b['); // no colour codes when stdout is not a terminal
  });
});

describe('a first run without an index', () => {
  it('builds the index first, says so on stderr, and keeps stdout for the answer', async () => {
    const corpus = path.join(scratch, 'small-corpus');
    await mkdir(corpus);
    await copyFile(path.join(defaultCorpusDir, '2021-wg4-projet-de-rapport.txt'), path.join(corpus, '2021-wg4-projet-de-rapport.txt'));
    const index = path.join(scratch, 'fresh-index');
    const { code, stdout, stderr } = await rapporteur(['ask', '--corpus', corpus, '--index', index, '--json', 'Qui présidait la réunion ?']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/no index in .*fresh-index yet, building it first/);
    expect(stderr).toMatch(/index built in/);
    const answer = JSON.parse(stdout);
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.results.every((r: { docId: string }) => r.docId === '2021-wg4-projet-de-rapport')).toBe(true);
  });
});

describe('bad input: one line on stderr, exit code 2, no stack trace', () => {
  const cases: Array<[string, () => string[], RegExp]> = [
    ['an empty question', () => ['ask', ''], /empty/],
    ['only punctuation', () => ['ask', '?!…'], /punctuation/],
    ['20 000 characters', () => ['ask', 'a'.repeat(20_000)], /too long/],
    ['control characters', () => ['ask', 'bonjour\u0001'], /control characters/],
    ['--top out of range', () => ['ask', '--top', '0', 'question'], /--top/],
    ['a batch file that does not exist', () => ['ask', '--batch', path.join(scratch, 'missing.txt')], /does not exist/],
    ['a batch file that is not UTF-8', () => ['ask', '--batch', path.join(scratch, 'latin1.txt')], /not UTF-8/],
  ];
  beforeAll(async () => {
    await writeFile(path.join(scratch, 'latin1.txt'), Buffer.from([0x51, 0x75, 0x65, 0x20, 0xe9, 0x74, 0xe9, 0x0a]));
  });
  it.each(cases)('%s', async (_name, args, message) => {
    const { code, stdout, stderr } = await rapporteur([...args(), ...indexArgs]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^rapporteur: /);
    expect(lines[0]).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
