// Changing the corpus folder: add a report (its file and its corpus.yml entry) or take one out. corpus.yml is
// edited as a YAML document, so its comments and order stay; the result is validated before it is written, and
// every file is written to a temporary name and renamed, so an interrupted add leaves the folder as it was.
import { copyFile, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument as parseYamlDocument } from 'yaml';
import { CORPUS_META_FILE, CorpusError } from './load.ts';
import { isReportFile, reportId } from './read-report.ts';
import { CorpusMetaSchema, type DocumentMeta } from './schema.ts';

/** A document id as a file name: lower-case letters, digits and dashes (`2024-wg4-rapport`). */
export const DOCUMENT_ID = /^[a-z0-9][a-z0-9-]*$/;

/** An id from a file name: accents dropped, anything else than letters and digits as dashes. */
export function idFromFileName(file: string): string {
  return reportId(file)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

async function readMetaDocument(corpusDir: string) {
  const file = path.join(corpusDir, CORPUS_META_FILE);
  const text = await readFile(file, 'utf8').catch(() => 'documents: {}\n');
  const doc = parseYamlDocument(text);
  if (doc.errors.length > 0) throw new CorpusError(`${file}: not valid YAML (${doc.errors[0]?.message.split('\n')[0]})`);
  if (!doc.has('documents')) doc.set('documents', doc.createNode({}));
  return { file, doc };
}

async function writeAtomically(file: string, data: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, data);
  await rename(temp, file);
}

/** Report files of the folder with this document id (normally one). */
export async function filesOfDocument(corpusDir: string, id: string): Promise<string[]> {
  const entries = await readdir(corpusDir).catch(() => [] as string[]);
  return entries.filter((name) => isReportFile(name) && reportId(name) === id).map((name) => path.join(corpusDir, name));
}

/** Copies `source` into the folder as `<id><ext>` and writes its corpus.yml entry (validated). */
export async function addToCorpus(corpusDir: string, source: string, id: string, meta: DocumentMeta): Promise<string> {
  const target = path.join(corpusDir, `${id}${path.extname(source).toLowerCase()}`);
  const { file, doc } = await readMetaDocument(corpusDir);
  const entry = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined));
  doc.setIn(['documents', id], doc.createNode(entry));
  const validated = CorpusMetaSchema.safeParse(doc.toJS());
  if (!validated.success) {
    const issue = validated.error.issues[0];
    throw new CorpusError(`the corpus.yml entry would be invalid (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'})`);
  }
  const temp = `${target}.${process.pid}.tmp`;
  await copyFile(source, temp);
  try {
    await writeAtomically(file, doc.toString({ lineWidth: 0 }));
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await rename(temp, target);
  return target;
}

/** Removes the document's files and its corpus.yml entry; returns what was removed. */
export async function removeFromCorpus(corpusDir: string, id: string): Promise<{ files: string[]; entry: boolean }> {
  const files = await filesOfDocument(corpusDir, id);
  const { file, doc } = await readMetaDocument(corpusDir);
  const entry = doc.hasIn(['documents', id]);
  if (entry) {
    doc.deleteIn(['documents', id]);
    await writeAtomically(file, doc.toString({ lineWidth: 0 }));
  }
  for (const f of files) await rm(f, { force: true });
  return { files, entry };
}
