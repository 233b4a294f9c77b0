// A streamed answer (chat.startStream → appendStream → stopStream) as data. First a timeline of tasks that
// shows the search: "Recherche dans 5 rapports" (sent at once, before the engine answers), then one
// "Lecture de Recommandation 7 c) (Rapport 2021)" per passage quoted, with the passages as sources when they
// have a link. Then the quotes and their citations as a blocks chunk, then, at chat.stopStream, the sources
// and the actions/feedback blocks. The blocks are the posted answer's own (answerMessage), split in two, so
// a streamed and a posted answer carry the same quotes and citations by construction.
import type { types } from '@slack/bolt';
import type { Answer, CitedPassage, Language } from '../../answer/index.ts';
import { truncate } from '../mrkdwn.ts';
import { SLACK_LIMITS } from '../limits.ts';
import { answerMessage, answerSections, type AnswerMessageOptions } from './answer.ts';
import { ui } from './strings.ts';
import type { KnownBlock } from './types.ts';

export type TaskChunk = types.TaskUpdateChunk;
export type StreamChunk = types.AnyChunk;

/** A public address for a passage (the report reader), when there is one; Slack's sources need a URL. */
export type PassageLink = (passage: Pick<CitedPassage, 'passageId' | 'docId' | 'label'>) => string | undefined;

export interface StreamedAnswer {
  /** Appended once the answer is ready: the tasks completed, then the quotes with their citations. */
  chunks: StreamChunk[];
  /** Given to chat.stopStream: the sources, the actions and the feedback buttons. */
  finalBlocks: KnownBlock[];
}

const SEARCH_TASK = 'search';
const TASK_TITLE_MAX = 150;
/** Reading tasks shown at most (one per passage quoted, else the best sources). */
const MAX_READING_TASKS = 5;

/** The task sent as the stream's first chunk, and completed when the answer is ready. */
export function searchTask(documents: number, language: Language, done?: { passages: number }): TaskChunk {
  const t = ui(language);
  return {
    type: 'task_update',
    id: SEARCH_TASK,
    title: t.searching(documents),
    status: done ? 'complete' : 'in_progress',
    ...(done ? { output: t.found(done.passages) } : {}),
  };
}

/** "Rapport du Groupe de travail (oct. 2021)" → "Rapport 2021"; "Document d'information sur … (juil. 2021)" → "Document d'information 2021". */
export function shortDocName(docName: string): string {
  const match = /^(.*?)\s*\(([^)]*?)(\d{4})\)\s*$/u.exec(docName);
  if (!match) return docName;
  const name = match[1]!.replace(/\s+(?:du|de la|des|sur)\s.*$/u, '');
  return `${name} ${match[3]}`;
}

/** The passages the answer read: those it quotes (in order, once each), else its best sources. */
function passagesRead(answer: Answer): Array<Pick<CitedPassage, 'passageId' | 'docId' | 'docName' | 'label'>> {
  const quoted = answer.quotes.filter((q, i, all) => all.findIndex((o) => o.passageId === q.passageId) === i);
  return (quoted.length ? quoted : answer.sources).slice(0, MAX_READING_TASKS);
}

export function readingTasks(answer: Answer, link?: PassageLink): TaskChunk[] {
  const t = ui(answer.language);
  return passagesRead(answer).map((passage, i) => {
    const url = link?.(passage);
    return {
      type: 'task_update',
      id: `read-${i + 1}`,
      title: truncate(t.reading(passage.label, shortDocName(passage.docName)), TASK_TITLE_MAX),
      status: 'complete',
      ...(url ? { sources: [{ type: 'url', url, text: truncate(`${passage.docName}, ${passage.label}`, TASK_TITLE_MAX) }] } : {}),
    };
  });
}

/** How many of the answer's blocks are its quotes and citations (what is streamed before chat.stopStream). */
function quoteBlockCount(answer: Answer, options: AnswerMessageOptions): number {
  if (answer.kind !== 'answer' && answer.kind !== 'partial' && answer.kind !== 'abstain') return 0;
  return answerSections(answer, options).head.length;
}

export function streamedAnswer(answer: Answer, options: AnswerMessageOptions, context: { documents: number; link?: PassageLink }): StreamedAnswer {
  const blocks = answerMessage(answer, options).blocks;
  const split = Math.min(quoteBlockCount(answer, options), blocks.length);
  const quotes = blocks.slice(0, split);
  const chunks: StreamChunk[] = [searchTask(context.documents, answer.language, { passages: answer.sources.length }), ...readingTasks(answer, context.link)];
  if (quotes.length) chunks.push({ type: 'blocks', blocks: quotes });
  return { chunks, finalBlocks: blocks.slice(split, split + SLACK_LIMITS.messageBlocks) };
}

/** When answering failed after the stream started: the search task marked failed, and the notice. */
export function failedStream(documents: number, language: Language, notice: KnownBlock[]): StreamedAnswer {
  return { chunks: [{ ...searchTask(documents, language), status: 'error' }], finalBlocks: notice };
}
