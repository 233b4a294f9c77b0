// References that do not name one passage: several candidates (buttons to pick one) or none (suggestions).
import type { Answer } from '../../answer/index.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { SLACK_LIMITS } from '../limits.ts';
import { ACTION } from './action-ids.ts';
import { button, fitBlocks, textSection, mrkdwnSection } from './elements.ts';
import { ui } from './strings.ts';
import type { Button, KnownBlock } from './types.ts';
import { passageId } from '../../corpus/index.ts';

/** A lookup is ambiguous when the reference matched several passages ("7 c" in two reports). */
export function isAmbiguousLookup(answer: Answer): boolean {
  return answer.kind === 'lookup' && answer.sources.length > 1;
}

/** Candidate buttons, five to an actions block (Slack's actions hold 25, but five read well). */
function choiceRows(candidates: Array<{ passageId: string; docName: string; label: string }>): KnownBlock[] {
  const buttons: Button[] = candidates.map((c, i) =>
    button(`${c.label} — ${c.docName}`, `${ACTION.choosePassage}:${i}`, c.passageId),
  );
  const rows: KnownBlock[] = [];
  for (let i = 0; i < buttons.length; i += 5) rows.push({ type: 'actions', elements: buttons.slice(i, i + 5) });
  return rows;
}

export function ambiguousChoiceBlocks(answer: Answer): KnownBlock[] {
  const t = ui(answer.language);
  const head: KnownBlock[] = [mrkdwnSection(`*${escapeMrkdwn(truncate(answer.question, 200))}* — ${t.whichOne}`)];
  const candidates = answer.sources.slice(0, 20).map((s) => ({ passageId: s.passageId, docName: s.docName, label: s.label }));
  // No feedback yet: the answer is the passage the user picks next.
  return fitBlocks(head, choiceRows(candidates), [], SLACK_LIMITS.messageBlocks);
}

export function notFoundBlocks(answer: Answer): KnownBlock[] {
  const t = ui(answer.language);
  const head: KnownBlock[] = [textSection(answer.text)];
  const candidates = answer.suggestions
    .slice(0, 10)
    .map((s) => ({ passageId: passageId(s.docId, s.label), docName: s.docName, label: s.label }));
  const middle: KnownBlock[] = candidates.length ? [mrkdwnSection(`*${t.didYouMean}*`), ...choiceRows(candidates)] : [];
  // No feedback on "not found": there is no answer to rate; share is pointless too.
  return fitBlocks(head, middle, []);
}
