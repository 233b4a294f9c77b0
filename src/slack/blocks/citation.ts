// How a passage is cited and how the question is recalled, shared by every answer layout.
import type { Answer } from '../../answer/index.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { context } from './elements.ts';
import type { KnownBlock } from './types.ts';

/** "*Rapport du Groupe de travail (oct. 2021)*, Recommandation 7 c)" — escaped mrkdwn. */
export function citation(source: { docName: string; label: string }): string {
  return `*${escapeMrkdwn(source.docName)}*, ${escapeMrkdwn(source.label)}`;
}

export function questionContext(answer: Answer): KnownBlock {
  return context(`❓ ${escapeMrkdwn(truncate(answer.question, 2900))}`);
}
