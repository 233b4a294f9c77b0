// A reference looked up ("/recommandation 7 c"): the passage itself, in full where Slack allows, with
// "Texte intégral" when it had to be cut.
import type { Answer } from '../../answer/index.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { SLACK_LIMITS } from '../limits.ts';
import { ACTION } from './action-ids.ts';
import { button, context, fitBlocks, mrkdwnSection } from './elements.ts';
import { answerFooter, type AnswerMessageOptions } from './footer.ts';
import { citation, linkOf, questionContext } from './citation.ts';
import { ui } from './strings.ts';
import type { KnownBlock } from './types.ts';

export function lookupBlocks(answer: Answer, options: AnswerMessageOptions): KnownBlock[] {
  const t = ui(answer.language);
  const head: KnownBlock[] = [];
  if (options.showQuestion) head.push(questionContext(answer));
  const middle: KnownBlock[] = [];
  for (const source of answer.sources) {
    const escaped = escapeMrkdwn(source.text);
    const cut = escaped.length > SLACK_LIMITS.text - 10;
    middle.push(mrkdwnSection(`📄 ${citation(source, linkOf(options.links, source))}${source.symbol ? ` · ${escapeMrkdwn(source.symbol)}` : ''}`));
    middle.push(mrkdwnSection(escaped, cut ? button(t.fullText, ACTION.fullText, source.passageId) : undefined));
    const where = [source.section && escapeMrkdwn(source.section)].filter(Boolean) as string[];
    if (source.alsoIn.length) where.push(`${t.alsoIn} : ${source.alsoIn.map((a) => citation(a, linkOf(options.links, a))).join(' · ')}`);
    if (where.length) middle.push(context(...where));
  }
  return fitBlocks(head, middle, answerFooter(answer, options));
}
