// After a 👎: an optional "what was missing?" modal; its submission is stored with the rating.
import { encodeValue, VIEW } from './action-ids.ts';
import type { ModalView } from './types.ts';

export function feedbackCommentModal(value: { a: string; q: string; l: string[]; channel: string }): ModalView {
  return {
    type: 'modal',
    callback_id: VIEW.feedbackComment,
    title: { type: 'plain_text', text: 'Votre avis' },
    submit: { type: 'plain_text', text: 'Envoyer' },
    close: { type: 'plain_text', text: 'Passer' },
    private_metadata: encodeValue(value, 3000),
    blocks: [
      {
        type: 'input',
        block_id: 'comment',
        optional: true,
        label: { type: 'plain_text', text: 'Qu’est-ce qui manquait ou était faux ?' },
        element: { type: 'plain_text_input', action_id: 'text', multiline: true, max_length: 2000 },
      },
    ],
  };
}
