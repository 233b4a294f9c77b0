// A report file's bytes → the source text the parser reads: Markdown and text as they are, PDF and Word
// through their readers. Files that cannot be read at all (too large, encrypted, scanned, damaged) are refused
// with a ReportFileError whose message is one sentence.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readDocx } from './readers/docx.ts';
import { readPdf } from './readers/pdf.ts';
import { ReportFileError, type ReadReport } from './readers/types.ts';
import { decodeBytes } from './source-text.ts';

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
  if (ext === '.pdf') return { bytes, read: await readPdf(bytes, shown) };
  if (ext === '.docx') return { bytes, read: await readDocx(bytes, shown) };
  if (ext === '.md' || ext === '.txt') return { bytes, read: { text: decodeBytes(bytes), pageOfLine: [] } };
  throw new ReportFileError(`${shown}: only .md, .txt, .pdf and .docx reports are read`);
}
