// An answer as Slack shows it: each quote as a section with its citation in a context block, then the
// ranked sources (each with "Texte intégral"), then the actions and feedback. Lookups and unknown references
// have their own layouts (lookup.ts, choices.ts); `answerMessage` picks the right one.
import type { Answer, CitedPassage } from '../../answer/index.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { SLACK_LIMITS } from '../limits.ts';
import { ACTION } from './action-ids.ts';
import { ambiguousChoiceBlocks, isAmbiguousLookup, notFoundBlocks } from './choices.ts';
import { blockquote, button, context, divider, fitBlocks, mrkdwnSection, textSection } from './elements.ts';
import { answerFooter, type AnswerMessageOptions } from './footer.ts';
import { lookupBlocks } from './lookup.ts';
import { citation, linkOf, questionContext, type CitationLinks } from './citation.ts';
import { ui } from './strings.ts';
import type { KnownBlock, SlackMessage } from './types.ts';

export type { AnswerMessageOptions } from './footer.ts';
export { citation, type CitationLinks } from './citation.ts';

/**
 * Slack's source list cuts each snippet to this: shorter than the answer's own (compose.ts SNIPPET_LENGTH,
 * 280), which the CLI prints whole.
 */
const SOURCE_SNIPPET_LENGTH = 240;

/** One source in the list: citation, snippet, and the "Texte intégral" button. */
export function sourceBlocks(source: CitedPassage, rank: number, language: Answer['language'], links?: CitationLinks): KnownBlock[] {
  const t = ui(language);
  const blocks: KnownBlock[] = [
    mrkdwnSection(
      `${rank}. ${citation(source, linkOf(links, source))}\n${escapeMrkdwn(truncate(source.snippet, SOURCE_SNIPPET_LENGTH))}`,
      button(t.fullText, ACTION.fullText, source.passageId),
    ),
  ];
  if (source.alsoIn.length) {
    blocks.push(context(`${t.alsoIn} : ${source.alsoIn.map((a) => citation(a, linkOf(links, a))).join(' · ')}`));
  }
  return blocks;
}

/** A regular answer in three parts: the quotes with their citations (head), the sources (middle), the actions. */
export interface AnswerSections {
  head: KnownBlock[];
  middle: KnownBlock[];
  tail: KnownBlock[];
}

/**
 * The one builder of a regular answer's content (kind "answer", "partial" or "abstain"; a partial answer's
 * sentence first): the posted message joins the
 * three parts, the streamed one sends the head as a chunk and the rest at chat.stopStream (stream.ts).
 */
export function answerSections(answer: Answer, options: AnswerMessageOptions): AnswerSections {
  const t = ui(answer.language);
  const head: KnownBlock[] = [];
  if (options.showQuestion) head.push(questionContext(answer));
  if (options.sourcesOnly) {
    // nothing above the sources
  } else if ((answer.kind === 'answer' || answer.kind === 'partial') && answer.quotes.length > 0) {
    if (answer.kind === 'partial' && answer.notice) head.push(textSection(answer.notice));
    answer.quotes.forEach((quote, i) => {
      head.push(mrkdwnSection(blockquote(escapeMrkdwn(truncate(quote.text, SLACK_LIMITS.text - 200)))));
      head.push(context(`📄 ${citation(quote, options.links?.quotes?.[i] ?? linkOf(options.links, quote))}`));
    });
  } else {
    head.push(textSection(answer.text));
  }
  const middle: KnownBlock[] = [];
  if (answer.sources.length) {
    middle.push(divider);
    middle.push(mrkdwnSection(`*${answer.kind === 'abstain' ? t.maybeUseful : t.sources}*`));
    answer.sources.forEach((source, i) => middle.push(...sourceBlocks(source, answer.offset + i + 1, answer.language, options.links)));
  }
  const tail = answerFooter(answer, options);
  if (options.sharedBy) tail.unshift(context(`${t.sharedBy} <@${options.sharedBy}>`));
  return { head, middle, tail };
}

/** Blocks for a regular answer (kind "answer", "partial" or "abstain"); a partial answer's sentence comes first. */
export function answerBlocks(answer: Answer, options: AnswerMessageOptions): KnownBlock[] {
  const { head, middle, tail } = answerSections(answer, options);
  return fitBlocks(head, middle, tail);
}

/** Plain notification text (shown in notifications and where blocks cannot render); escaped too. */
export function answerFallbackText(answer: Answer): string {
  return escapeMrkdwn(truncate(answer.text || answer.question, SLACK_LIMITS.messageText));
}

/** The whole message for any kind of answer. */
export function answerMessage(answer: Answer, options: AnswerMessageOptions): SlackMessage {
  let blocks: KnownBlock[];
  if (answer.kind === 'not-found') blocks = notFoundBlocks(answer);
  else if (answer.kind === 'lookup' && isAmbiguousLookup(answer)) blocks = ambiguousChoiceBlocks(answer);
  else if (answer.kind === 'lookup') blocks = lookupBlocks(answer, options);
  else blocks = answerBlocks(answer, options);
  return { text: answerFallbackText(answer), blocks };
}
