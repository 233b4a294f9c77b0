// Project-wide locations. Every stage takes directories as arguments; these are only the defaults the CLI
// and the bot start from, so tests can point any stage at a temporary folder.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder holding package.json), wherever the process was started from. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const defaultCorpusDir = path.join(projectRoot, 'corpus');
export const defaultIndexDir = path.join(projectRoot, 'index');
