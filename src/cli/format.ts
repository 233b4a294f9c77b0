// How an Answer reads in a terminal: quotes with their citations, then sources; labels highlighted on a TTY.
// Also the terminal basics every command shares: colour, width, plurals.
import { messages, officialLinks, type Answer, type CitedPassage } from '../answer/index.ts';

export interface FormatOptions {
  color: boolean;
  width: number;
  explain?: boolean;
}

/** Colours on a terminal, unless NO_COLOR is set. */
export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR;
}

export function terminalWidth(): number {
  return Math.min(process.stdout.columns || 100, 110);
}

/** "1 passage", "3 passages". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

const ansi = (code: string) => (text: string) => `\u001b[${code}m${text}\u001b[0m`;
const plain = (text: string) => text;

/** Wrap text to `width` columns at spaces, keeping existing line breaks and an indent for continuation lines. */
export function wrap(text: string, width: number, indent = ''): string {
  const limit = Math.max(20, width - indent.length);
  return text
    .split('\n')
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        if (line && line.length + 1 + word.length > limit) {
          lines.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      lines.push(line);
      return lines.join(`\n${indent}`);
    })
    .join(`\n${indent}`);
}

export function formatAnswer(answer: Answer, options: FormatOptions): string {
  const bold = options.color ? ansi('1') : plain;
  const label = options.color ? ansi('1;36') : plain;
  const dim = options.color ? ansi('2') : plain;
  const m = messages(answer.language);
  const out: string[] = [];
  const width = options.width;

  const source = (s: CitedPassage, i: number, full: boolean) => {
    // A passage shown in full (a lookup) names its document's symbol too: that is how it is cited officially.
    const head = `${i + 1}. ${label(s.label)} — ${s.docName}${full && s.symbol ? ` (${s.symbol})` : ''}`;
    const also = s.alsoIn.length ? dim(` (${m.alsoIn} ${s.alsoIn.map((a) => `${a.docName}, ${a.label}`).join('; ')})`) : '';
    const lines = [head + also];
    if (s.section) lines.push(`   ${dim(wrap(s.section, width, '   '))}`);
    lines.push(`   ${wrap(full ? s.text : s.snippet, width, '   ')}`);
    if (options.explain && s.retrieval) {
      const d = s.retrieval.dense ? `dense #${s.retrieval.dense.rank} (${s.retrieval.dense.similarity.toFixed(3)})` : 'dense —';
      const l = s.retrieval.lexical ? `bm25 #${s.retrieval.lexical.rank} (${s.retrieval.lexical.score.toFixed(2)})` : 'bm25 —';
      lines.push(`   ${dim(`score ${s.score.toFixed(4)} · ${d} · ${l}`)}`);
    }
    return lines.join('\n');
  };

  switch (answer.kind) {
    case 'partial':
    case 'answer':
      // A partial answer says first, in one sentence, what the passages lack; then the closest quotes.
      if (answer.notice) out.push(bold(wrap(answer.notice, width)));
      if (answer.quotes.length) {
        for (const quote of answer.quotes) {
          const quoted = answer.language === 'fr' ? `« ${quote.text} »` : `“${quote.text}”`;
          out.push(`${wrap(quoted, width)}\n  — ${quote.docName}, ${label(quote.label)}`);
        }
      } else out.push(answer.text);
      if (answer.sources.length) out.push(`${bold(m.sources)}\n${answer.sources.map((s, i) => source(s, i + answer.offset, false)).join('\n')}`);
      break;
    case 'abstain':
      out.push(bold(answer.text));
      if (answer.sources.length) out.push(`${bold(m.maybeUseful)}\n${answer.sources.map((s, i) => source(s, i, false)).join('\n')}`);
      break;
    case 'lookup':
      if (answer.sources.length === 1) out.push(source(answer.sources[0] as CitedPassage, 0, true).replace(/^1\. /, ''));
      else out.push(`${answer.text.split('\n')[0]}\n${answer.sources.map((s, i) => source(s, i, false)).join('\n')}`);
      break;
    case 'not-found':
      out.push(wrap(answer.text, width));
      break;
  }
  const links = officialLinks(answer);
  if (links.length) out.push(links.map((l) => dim(`${m.officialDocument} : ${l.symbol ? `${l.symbol} ` : ''}${l.url}`)).join('\n'));
  if (options.explain) {
    const t = answer.timings ? Object.entries(answer.timings).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(' · ') : '';
    out.push(dim(`query: ${answer.resolvedQuery}${answer.confidence !== undefined ? ` · confidence ${answer.confidence.toFixed(3)}` : ''}${t ? ` · ${t}` : ''}`));
  }
  return out.join('\n\n');
}

/** The machine-readable shape of `rapporteur ask --json`. */
export function answerJson(answer: Answer, top: number) {
  return {
    question: answer.question,
    abstained: answer.kind === 'abstain',
    kind: answer.kind,
    answer: answer.text,
    quotes: answer.quotes.map((q) => ({ text: q.text, docId: q.docId, label: q.label })),
    results: answer.sources.slice(0, top).map((s) => ({
      docId: s.docId, label: s.label, score: s.score, text: s.text, section: s.section,
      ...(s.symbol ? { symbol: s.symbol } : {}), ...(s.sourceUrl ? { sourceUrl: s.sourceUrl } : {}),
    })),
    officialDocuments: officialLinks(answer),
  };
}
