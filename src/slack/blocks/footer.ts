// What ends every answer: the action buttons and Slack's feedback buttons.
import { officialLinks, type Answer } from '../../answer/index.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { ACTION, encodeValue, type ShareValue } from './action-ids.ts';
import { button, context } from './elements.ts';
import { ui } from './strings.ts';
import type { CitationLinks } from './citation.ts';
import type { Button, KnownBlock } from './types.ts';

export interface AnswerMessageOptions {
  /** Id under which the shown answer is remembered (feedback, share). */
  answerId: string;
  /** Conversation the answer belongs to ("Plus de résultats" continues it). */
  conversationKey: string;
  mode: 'ask' | 'lookup';
  /** Ephemeral answers (slash commands) get "Partager dans le canal". */
  ephemeral?: boolean;
  /** Show the question above the answer (ephemeral and shared answers, where it is not visible otherwise). */
  showQuestion?: boolean;
  /** "Plus de résultats" pages: the sources only, the quotes were shown already. */
  sourcesOnly?: boolean;
  /** User id of whoever shared it, shown under a shared answer. */
  sharedBy?: string;
  /** Reader links of the citations; without them citations are plain text. */
  links?: CitationLinks;
}

export function citedLabels(answer: Answer): string[] {
  return answer.sources.map((s) => `${s.docName}, ${s.label}`);
}

/** "🔗 Document officiel : <url|CTOC/COP/WG.4/2021/3>" for each cited document that has a link; undefined when none. */
export function officialDocumentsBlock(answer: Answer): KnownBlock | undefined {
  const links = officialLinks(answer).slice(0, 5);
  if (links.length === 0) return undefined;
  const t = ui(answer.language);
  // In a Slack link the address keeps its characters but &, < and > (escaped) and | (percent-encoded).
  const address = (url: string) => url.replace(/&/g, '&amp;').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/\|/g, '%7C');
  const link = (l: (typeof links)[number]) => `<${address(l.url)}|${escapeMrkdwn(l.symbol ?? l.docName)}>`;
  return context(`🔗 ${t.officialDocument} : ${links.map(link).join(' · ')}`);
}

export function answerFooter(answer: Answer, options: AnswerMessageOptions): KnownBlock[] {
  const t = ui(answer.language);
  const buttons: Button[] = [];
  if (answer.hasMore) buttons.push(button(t.moreResults, ACTION.moreResults, options.conversationKey));
  if (options.ephemeral) {
    const share: ShareValue = { a: options.answerId, q: answer.question, m: options.mode, k: options.conversationKey };
    buttons.push(button(t.share, ACTION.share, encodeValue(share), 'primary'));
  }
  const blocks: KnownBlock[] = [];
  const links = officialDocumentsBlock(answer);
  if (links) blocks.push(links);
  if (buttons.length) blocks.push({ type: 'actions', block_id: `answer_actions:${options.answerId}`, elements: buttons });
  const labels = citedLabels(answer).slice(0, 10);
  const feedbackValue = (r: 'positive' | 'negative') => encodeValue({ r, a: options.answerId, q: answer.question, l: labels });
  blocks.push({
    type: 'context_actions',
    block_id: `answer_feedback:${options.answerId}`,
    elements: [
      {
        type: 'feedback_buttons',
        action_id: ACTION.feedback,
        positive_button: { text: { type: 'plain_text', text: '👍' }, value: feedbackValue('positive'), accessibility_label: t.positive },
        negative_button: { text: { type: 'plain_text', text: '👎' }, value: feedbackValue('negative'), accessibility_label: t.negative },
      },
    ],
  });
  return blocks;
}
