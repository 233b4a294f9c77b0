// `rapporteur chat` with its input piped in, as a script or a person typing line by line would drive it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';

function chat(lines: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'bin', 'rapporteur.js'), 'chat', '--index', inject('sharedIndexDir')], {
      cwd: projectRoot,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

describe('rapporteur chat', () => {
  it('keeps the conversation: a follow-up uses the earlier turn, /new starts afresh, /quit ends', async () => {
    const { code, stdout, stderr } = await chat([
      'Qui a ouvert la réunion du Groupe de travail de 2021 ?',
      'and in 2017?',
      '/new',
      'and in 2017?',
      '?!',
      '/quit',
      'never read',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const turns = stdout.split('Nouvelle conversation.');
    expect(turns).toHaveLength(2);
    // Within the first conversation the follow-up is answered from the 2017 report (its paragraph 16).
    expect(turns[0]).toContain('Rapport du Groupe de travail (sept. 2017)');
    expect(turns[0]).toMatch(/paragraphe 16/);
    // In a new conversation "and in 2017?" has nothing to lean on; bad input is a message, not a crash.
    expect(turns[1]).toContain('the question has no words in it, only punctuation');
    expect(stdout).not.toContain('never read');
  });
});
