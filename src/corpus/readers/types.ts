// What a PDF or Word reader hands to the parser: the same kind of source text a Markdown report is.

export interface ReadReport {
  /** Paragraphs one per line, blank lines between; headings as `## …`, footnotes as `¹² …` lines. */
  text: string;
  /** Page of the original file each line of `text` comes from (index 0 is line 1); empty for Word files. */
  pageOfLine: number[];
  /** Document symbol found on the first page or in the running headers. */
  symbol?: string;
  /** Number of pages (PDF), or undefined when the format has none (Word). */
  pages?: number;
}

/** A report file that cannot be read at all; the message is one sentence meant for the user. */
export class ReportFileError extends Error {
  override name = 'ReportFileError';
}
