// How a passage is cited and how the question is recalled, shared by every answer layout.
import type { Answer } from '../../answer/index.ts';
import { escapeLabel, escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { context } from './elements.ts';
import type { KnownBlock } from './types.ts';

/** "*Rapport du Groupe de travail (oct. 2021)*, Recommandation 7 c)" — escaped mrkdwn; `note *` cannot break it. */
export function citation(source: { docName: string; label: string }): string {
  return `*${escapeLabel(source.docName)}*, ${escapeLabel(source.label)}`;
}

export function questionContext(answer: Answer): KnownBlock {
  return context(`❓ ${escapeMrkdwn(truncate(answer.question, 2900))}`);
}
