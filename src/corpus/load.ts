// The corpus folder: corpus.yml (validated) plus every .md/.txt/.pdf/.docx report in it, sorted by file name.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { projectRoot } from '../config.ts';
import { parseDocument } from './document.ts';
import { isReportFile, readReportFile, ReportFileError, reportId } from './read-report.ts';
import { CorpusMetaSchema, type Corpus, type CorpusMeta, type ParseWarning } from './schema.ts';
import { sha256 } from './hash.ts';

/** A corpus folder or corpus.yml that cannot be used at all; the message is meant for the user. */
export class CorpusError extends Error {
  override name = 'CorpusError';
}

export const CORPUS_META_FILE = 'corpus.yml';

/** Path relative to the project root when inside it (stable across machines), absolute otherwise. */
export function displayPath(file: string): string {
  const rel = path.relative(projectRoot, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.resolve(file);
}

export async function readCorpusMeta(corpusDir: string): Promise<CorpusMeta | undefined> {
  const file = path.join(corpusDir, CORPUS_META_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new CorpusError(`${displayPath(file)}: not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  const parsed = CorpusMetaSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CorpusError(`${displayPath(file)}: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`);
  }
  return parsed.data;
}

const folderNotFound = (corpusDir: string) => new CorpusError(`corpus folder not found: ${corpusDir}`);

/** The corpus folder must exist: for commands that write into it or copy it before they read it. */
export async function requireCorpusFolder(corpusDir: string): Promise<void> {
  if (!(await stat(corpusDir).then((s) => s.isDirectory(), () => false))) throw folderNotFound(corpusDir);
}

export async function loadCorpus(corpusDir: string): Promise<Corpus> {
  await requireCorpusFolder(corpusDir);
  const entries = await readdir(corpusDir).catch(() => {
    throw folderNotFound(corpusDir);
  });
  const meta = await readCorpusMeta(corpusDir);
  const files = entries.filter(isReportFile).sort();
  const corpus: Corpus = { documents: [], passages: [], warnings: [] };
  const seen = new Set<string>();
  for (const name of files) {
    const full = path.join(corpusDir, name);
    const id = reportId(name);
    if (seen.has(id)) {
      corpus.warnings.push({ file: displayPath(full), line: 0, message: `another file already has id "${id}"; skipped` });
      continue;
    }
    seen.add(id);
    let report;
    try {
      report = await readReportFile(full, displayPath(full));
    } catch (error) {
      // A report that cannot be read at all is skipped with its reason; the rest of the corpus still loads.
      if (!(error instanceof ReportFileError)) throw error;
      corpus.warnings.push({ file: displayPath(full), line: 0, message: `${error.message}; file skipped` });
      continue;
    }
    const parsed = parseDocument({
      id,
      text: report.read.text,
      sourcePath: displayPath(full),
      contentHash: sha256(report.bytes),
      ...(report.read.symbol ? { symbol: report.read.symbol } : {}),
      ...(meta?.documents[id] ? { meta: meta.documents[id] } : {}),
    });
    const pageOf = report.read.pageOfLine;
    corpus.documents.push(parsed.document);
    // One at a time: spreading a report of 100 000+ passages into push() overflows the call stack.
    for (const passage of parsed.passages) corpus.passages.push(passage);
    for (const w of parsed.warnings) corpus.warnings.push(pageOf[w.line - 1] ? { ...w, page: pageOf[w.line - 1] } : w);
  }
  corpus.warnings.push(...metaWarnings(meta, seen, corpusDir));
  return corpus;
}

/** corpus.yml entries without a file, and drafts pointing at unknown documents. */
function metaWarnings(meta: CorpusMeta | undefined, ids: Set<string>, corpusDir: string): ParseWarning[] {
  if (!meta) return [];
  const file = displayPath(path.join(corpusDir, CORPUS_META_FILE));
  const warnings: ParseWarning[] = [];
  for (const [id, entry] of Object.entries(meta.documents)) {
    if (!ids.has(id)) warnings.push({ file, line: 0, message: `"${id}" is described but has no report file` });
    if (entry.draftOf && !ids.has(entry.draftOf)) warnings.push({ file, line: 0, message: `"${id}" is a draft of unknown document "${entry.draftOf}"` });
  }
  return warnings;
}
