// How a passage is cited and how the question is recalled, shared by every answer layout.
import type { Answer } from '../../answer/index.ts';
import { escapeLabel, escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { SLACK_LIMITS } from '../limits.ts';
import { context } from './elements.ts';
import type { KnownBlock } from './types.ts';
import { passageId } from '../../corpus/index.ts';

/**
 * Reader links for the citations of one answer, computed outside the builders (they stay pure): one per quote,
 * in the answer's order (the quoted sentence highlighted), and one per cited passage by `passageKey`.
 * Absent when the reader has no public URL: citations are then plain text.
 */
export interface CitationLinks {
  quotes?: ReadonlyArray<string | undefined>;
  passages?: Readonly<Record<string, string>>;
}

/** Key of a cited passage in `CitationLinks.passages` (the passage id: `docId#label`). */
export function passageKey(source: { docId: string; label: string }): string {
  return passageId(source.docId, source.label);
}

/** The link of a cited passage in `links`, when there is one. */
export function linkOf(links: CitationLinks | undefined, source: { docId: string; label: string }): string | undefined {
  return links?.passages?.[passageKey(source)];
}

/**
 * "*Rapport du Groupe de travail (oct. 2021)*, Recommandation 7 c)" — escaped mrkdwn; `note *` cannot break it.
 * With a reader link the label is the link: "*…*, <https://…/r/2021-wg4-rapport?…#recommandation-7-c|Recommandation 7 c)>".
 */
export function citation(source: { docName: string; label: string }, url?: string): string {
  // A link's text ends at "|" or ">" (">" is escaped already); reader URLs hold neither.
  const label = escapeLabel(source.label);
  return `*${escapeLabel(source.docName)}*, ${url ? `<${url}|${label.replace(/\|/g, '¦')}>` : label}`;
}

export function questionContext(answer: Answer): KnownBlock {
  return context(`❓ ${escapeMrkdwn(truncate(answer.question, SLACK_LIMITS.text - 100))}`);
}
