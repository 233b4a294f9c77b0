// After a 👎: an optional "what was missing?" modal; its submission is stored with the rating.
import { SLACK_LIMITS } from '../limits.ts';
import { encodeValue, VIEW } from './action-ids.ts';
import { modalLabel } from './elements.ts';
import { ui } from './strings.ts';
import type { ModalView } from './types.ts';

/** Characters a comment may have (ours; Slack allows more). */
const MAX_COMMENT = 2000;

export function feedbackCommentModal(value: { a: string; q: string; l: string[]; channel: string }): ModalView {
  const t = ui().modals;
  return {
    type: 'modal',
    callback_id: VIEW.feedbackComment,
    title: modalLabel(t.feedbackTitle),
    submit: modalLabel(t.feedbackSubmit),
    close: modalLabel(t.feedbackSkip),
    private_metadata: encodeValue(value, SLACK_LIMITS.privateMetadata),
    blocks: [
      {
        type: 'input',
        block_id: 'comment',
        optional: true,
        label: { type: 'plain_text', text: t.feedbackQuestion },
        element: { type: 'plain_text_input', action_id: 'text', multiline: true, max_length: MAX_COMMENT },
      },
    ],
  };
}
