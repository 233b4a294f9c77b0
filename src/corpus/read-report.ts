// A report file's bytes → the source text the parser reads: Markdown and text as they are, PDF and Word
// through their readers. Files that cannot be read at all (too large, encrypted, scanned, damaged) are refused
// with a ReportFileError whose message is one sentence.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { projectRoot } from '../config.ts';
import { ReportFileError, type ReadReport } from './readers/types.ts';
import { decodeBytes } from './source-text.ts';
import { sha256 } from './hash.ts';

export { ReportFileError, type ReadReport };

/** The report formats the corpus accepts; the document id is the file name without this extension. */
export const REPORT_FILE = /\.(md|txt|pdf|docx)$/i;
/** Largest report file read (the largest of the five is 140 kB as PDF). */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

/** Whether a file in corpus/ is a report (any accepted format, but not a README). */
export function isReportFile(name: string): boolean {
  return REPORT_FILE.test(name) && !/^readme\./i.test(name);
}

export function reportId(name: string): string {
  return path.basename(name).replace(REPORT_FILE, '');
}

export interface ReportFile {
  bytes: Buffer;
  read: ReadReport;
}

/** Reads one report file; `shown` is the name used in messages. */
export async function readReportFile(file: string, shown: string = file): Promise<ReportFile> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new ReportFileError(`${shown} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof ReportFileError) throw error;
    throw new ReportFileError(`${shown} does not exist`);
  }
  if (size > MAX_REPORT_BYTES) {
    throw new ReportFileError(`${shown} is ${Math.round(size / 1024 / 1024)} MB, more than the ${MAX_REPORT_BYTES / 1024 / 1024} MB a report may have`);
  }
  const bytes = await readFile(file);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.md' || ext === '.txt') return { bytes, read: { text: decodeBytes(bytes), pageOfLine: [] } };
  if (ext !== '.pdf' && ext !== '.docx') throw new ReportFileError(`${shown}: only .md, .txt, .pdf and .docx reports are read`);
  const cached = await readCache(bytes);
  if (cached) return { bytes, read: cached };
  // The readers load pdfjs-dist or mammoth only when a PDF or Word file is read: imported eagerly they cost a
  // process that never reads one (the bot, ask) about 180 MB of its 400 MB (`rapporteur bench`, memory).
  const read =
    ext === '.pdf'
      ? await (await import('./readers/pdf.ts')).readPdf(bytes, shown)
      : await (await import('./readers/docx.ts')).readDocx(bytes, shown);
  await writeCache(bytes, read);
  return { bytes, read };
}

// What the readers extracted, kept per file content: reading a PDF costs ~60 ms a page, and the corpus is loaded
// by every command (the index's freshness check parses it). The key covers the file's bytes and the readers'
// own source and library versions, so a changed reader never serves an older extraction.
const CACHE_DIR = path.join(projectRoot, 'node_modules', '.cache', 'rapporteur-reports');
const ReadReportSchema = z.object({
  text: z.string(),
  pageOfLine: z.array(z.number().int().positive()),
  symbol: z.string().optional(),
  pages: z.number().int().positive().optional(),
});

let readersVersion: string | undefined;
function readerVersion(): string {
  if (!readersVersion) {
    const hash = createHash('sha256');
    const here = path.dirname(fileURLToPath(import.meta.url));
    for (const file of ['read-report.ts', 'markers.ts', 'readers/pdf.ts', 'readers/docx.ts', 'readers/layout.ts', 'readers/types.ts']) {
      hash.update(readFileSync(path.join(here, file)));
    }
    for (const pkg of ['pdfjs-dist', 'mammoth']) {
      try {
        hash.update(readFileSync(path.join(projectRoot, 'node_modules', pkg, 'package.json')));
      } catch {
        hash.update(pkg);
      }
    }
    readersVersion = hash.digest('hex').slice(0, 16);
  }
  return readersVersion;
}

function cacheFile(bytes: Uint8Array): string {
  return path.join(CACHE_DIR, `${sha256(bytes)}-${readerVersion()}.json`);
}

async function readCache(bytes: Uint8Array): Promise<ReadReport | undefined> {
  try {
    const parsed = ReadReportSchema.safeParse(JSON.parse(await readFile(cacheFile(bytes), 'utf8')));
    return parsed.success ? (parsed.data as ReadReport) : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort: a read-only or full disk only costs the next read its time. */
async function writeCache(bytes: Uint8Array, read: ReadReport): Promise<void> {
  try {
    await mkdir(CACHE_DIR, { recursive: true });
    const file = cacheFile(bytes);
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(read));
    await rename(temp, file);
  } catch {
    // ignored: the cache is only a shortcut
  }
}
