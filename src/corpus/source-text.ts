// Turning a file's bytes or text into lines the parser can trust: BOM and CRLF removed, binary content refused.

export interface SourceText {
  /** Lines without their line terminators; index 0 is line 1 of the file. */
  lines: string[];
  /** Why the text cannot be parsed at all (binary content), or undefined when it can. */
  unreadable?: string;
}

/** Share of U+FFFD replacement characters above which a file is taken for binary rather than text. */
const MAX_REPLACEMENT_RATIO = 0.01;

export function decodeBytes(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

export function toSourceText(text: string): SourceText {
  let body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.includes('\u0000')) return { lines: [], unreadable: 'binary content (NUL bytes); file skipped' };
  const replacements = body.match(/\uFFFD/g)?.length ?? 0;
  if (body.length > 0 && replacements / body.length > MAX_REPLACEMENT_RATIO) {
    return { lines: [], unreadable: 'not UTF-8 text (undecodable bytes); file skipped' };
  }
  body = body.replace(/\r\n?/g, '\n');
  return { lines: body.split('\n') };
}
