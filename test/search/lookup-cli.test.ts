// `rapporteur lookup` as a person runs it: a real child process, its output and its exit code.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';

const run = promisify(execFile);
const bin = path.join(projectRoot, 'bin', 'rapporteur.js');

async function lookup(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, 'lookup', ...args], { cwd: projectRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('rapporteur lookup', () => {
  it('prints the passage with its lead-in and exits 0', async () => {
    const { code, stdout } = await lookup('reco 7 c');
    expect(code).toBe(0);
    expect(stdout).toContain('Rapport du Groupe de travail (oct. 2021), Recommandation 7 c)');
    expect(stdout).toContain('plateformes en ligne');
    expect(stdout).toContain('encourager les entreprises technologiques');
  });

  it('prints one JSON object with --json', async () => {
    const { code, stdout } = await lookup('--json', '§ 72 d)');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      query: '§ 72 d)',
      matches: [{ docId: '2023-a78-rapport-secretaire-general', label: 'paragraphe 72 d)' }],
      suggestions: [],
    });
    const [match] = json.matches as Array<{ text: string; section: string }>;
    expect(match?.text.length).toBeGreaterThan(20);
    expect(typeof match?.section).toBe('string');
  });

  it('honours --doc', async () => {
    const { code, stdout } = await lookup('--json', '--doc', '2017', 'paragraphe 1');
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { matches: Array<{ docId: string }> }).matches.map((m) => m.docId)).toEqual([
      '2017-wg4-rapport',
    ]);
  });

  it('exits 1 with suggestions when nothing matches', async () => {
    const text = await lookup('Recommandation 17');
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Not found');
    expect(text.stdout).toContain('Recommandation 16');
    const json = await lookup('--json', 'Recommandation 17');
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { matches: unknown[]; suggestions: Array<{ docId: string; label: string }> };
    expect(parsed.matches).toEqual([]);
    expect(parsed.suggestions[0]).toEqual({ docId: '2021-wg4-rapport', label: 'Recommandation 16' });
  });

  it.each([
    ['7 zz)', 'zz', 'Recommandation 7'],
    ['72 d 2099', '2099', 'paragraphe 72 d)'],
  ])('"%s" says what it could not read and exits 1 with suggestions (issue 13, D7)', async (ref, word, suggestion) => {
    const text = await lookup(ref);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(new RegExp(`Not found: .*could not place "${word}"`));
    expect(text.stdout).toContain(suggestion);
    expect(text.stdout).not.toMatch(/^\S.*\(2021-wg4-rapport\)$/m); // no passage printed as a match
    const json = await lookup('--json', ref);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { matches: unknown[]; unplaced: string[]; suggestions: Array<{ label: string }> };
    expect(parsed.matches).toEqual([]);
    expect(parsed.unplaced).toEqual([word]);
    expect(parsed.suggestions.map((s) => s.label)).toContain(suggestion);
  });

  it.each([
    ['an empty reference', ['']],
    ['a reference that is too long', ['7'.repeat(201)]],
    ['control characters', ['7 c\u0007']],
    ['an unknown --doc', ['--doc', 'nowhere', '7 c']],
    ['text without a reference', ['bonjour']],
  ])('exits 2 with one line on %s', async (_what, args) => {
    const { code, stderr, stdout } = await lookup(...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^rapporteur: /);
  });
});
