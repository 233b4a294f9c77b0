// "Texte intégral": one passage in full in a modal (100 blocks, so long passages are split, not cut), or why
// it cannot be shown.
import type { CitedPassage } from '../../answer/index.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { SLACK_LIMITS } from '../limits.ts';
import { VIEW } from './action-ids.ts';
import { citation, linkOf, type CitationLinks } from './citation.ts';
import { context, modalLabel, mrkdwnSection } from './elements.ts';
import { ui } from './strings.ts';
import type { KnownBlock, ModalView } from './types.ts';

/** Split escaped text into chunks under `max`, preferring paragraph then sentence then word boundaries. */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n'));
    if (cut < max / 2) cut = window.lastIndexOf('. ') + 1;
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = max;
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

// A click does not carry the answer's language: the modal is in French, the passages' language.
export function fullTextModal(passage: CitedPassage, links?: CitationLinks): ModalView {
  const t = ui('fr');
  const blocks: KnownBlock[] = [mrkdwnSection(`📄 ${citation(passage, linkOf(links, passage))}`)];
  if (passage.section) blocks.push(context(escapeMrkdwn(passage.section)));
  for (const chunk of splitText(escapeMrkdwn(passage.text), SLACK_LIMITS.text - 100)) blocks.push(mrkdwnSection(chunk));
  if (passage.alsoIn.length) blocks.push(context(`${t.alsoIn} : ${passage.alsoIn.map((a) => citation(a, linkOf(links, a))).join(' · ')}`));
  return {
    type: 'modal',
    callback_id: VIEW.fullText,
    title: modalLabel(t.fullText),
    close: modalLabel(t.modals.close),
    private_metadata: passage.passageId.slice(0, SLACK_LIMITS.privateMetadata),
    blocks: blocks.slice(0, SLACK_LIMITS.viewBlocks),
  };
}

/** "Texte intégral" of a passage the engine cannot give: gone from a rebuilt index, or the index still loading. */
export function missingPassageModal(why: 'rebuilt' | 'starting'): ModalView {
  const t = ui('fr');
  return {
    type: 'modal',
    title: modalLabel(t.fullText),
    close: modalLabel(t.modals.close),
    blocks: [mrkdwnSection(why === 'rebuilt' ? t.notices.passageGone : t.notices.starting)],
  };
}
