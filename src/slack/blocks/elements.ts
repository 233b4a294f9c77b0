// Small constructors shared by the builders. Every text passes through here, so Slack's limits are enforced
// in one place: callers give raw text, these escape (for mrkdwn) and truncate.
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { SLACK_LIMITS } from '../limits.ts';
import type { Button, ContextBlock, KnownBlock, SectionBlock } from './types.ts';

/** A section from already-escaped mrkdwn (truncated to Slack's 3 000 characters). */
export function mrkdwnSection(mrkdwn: string, accessory?: Button): SectionBlock {
  const block: SectionBlock = { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn, SLACK_LIMITS.text) } };
  if (accessory) block.accessory = accessory;
  return block;
}

/** A section showing untrusted text (question, passage) verbatim: escaped, then truncated. */
export function textSection(raw: string, accessory?: Button): SectionBlock {
  return mrkdwnSection(escapeMrkdwn(raw), accessory);
}

export function context(...mrkdwn: string[]): ContextBlock {
  return {
    type: 'context',
    elements: mrkdwn.slice(0, SLACK_LIMITS.contextElements).map((text) => ({ type: 'mrkdwn' as const, text: truncate(text, SLACK_LIMITS.text) })),
  };
}

export function button(
  label: string,
  actionId: string,
  value: string,
  style?: 'primary' | 'danger',
): Button {
  const element: Button = {
    type: 'button',
    text: { type: 'plain_text', text: truncate(label, SLACK_LIMITS.buttonText), emoji: true },
    action_id: actionId,
    value: value.slice(0, SLACK_LIMITS.buttonValue),
  };
  if (style) element.style = style;
  return element;
}

/** A modal's title, submit or close label (plain text, 24 characters). */
export function modalLabel(text: string): { type: 'plain_text'; text: string } {
  return { type: 'plain_text', text: truncate(text, SLACK_LIMITS.modalTitle) };
}

export const divider: KnownBlock = { type: 'divider' };

/** Quote every line of escaped mrkdwn (Slack's ">" applies to one line only). */
export function blockquote(escaped: string): string {
  return escaped
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
}

/**
 * Keep a message within Slack's block count: drop blocks from the middle (the least important sources) and
 * keep the head (the answer) and the tail (actions, feedback).
 */
export function fitBlocks(head: KnownBlock[], middle: KnownBlock[], tail: KnownBlock[], max: number = SLACK_LIMITS.messageBlocks): KnownBlock[] {
  const room = Math.max(0, max - tail.length);
  const top = head.slice(0, room);
  const rest = middle.slice(0, Math.max(0, room - top.length));
  return [...top, ...rest, ...tail];
}
