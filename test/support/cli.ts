// `rapporteur <args>` as a person runs it: a real child process of bin/rapporteur.js from the project folder,
// its exit code and both streams (a non-zero exit is a result, not an exception).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/config.ts';

const run = promisify(execFile);
/** The CLI's entry point, for tests that spawn it themselves (pipes, several at once). */
export const rapporteurBin = path.join(projectRoot, 'bin', 'rapporteur.js');
const bin = rapporteurBin;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runRapporteur(args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: projectRoot, maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
