// The App Home tab: what the bot knows and how to ask it.
import type { CorpusInfo } from '../../answer/index.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { SLACK_LIMITS } from '../limits.ts';
import { context, divider, mrkdwnSection } from './elements.ts';
import { ui } from './strings.ts';
import type { HomeView, KnownBlock } from './types.ts';

function frenchDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function homeView(info: CorpusInfo | undefined): HomeView {
  const t = ui();
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: t.home.title, emoji: true } },
    mrkdwnSection(t.home.intro),
    divider,
    mrkdwnSection(`*${t.home.whatIKnow}*`),
  ];
  if (info) {
    for (const doc of info.documents) {
      blocks.push(
        mrkdwnSection(`*${escapeMrkdwn(doc.displayName)}*\n${escapeMrkdwn(doc.title)}`),
        context(`${frenchDate(doc.date)} · ${t.home.passages(doc.passageCount)} · \`${escapeMrkdwn(doc.id)}\``),
      );
    }
    const builtAt = escapeMrkdwn(new Date(info.builtAt).toISOString().replace('T', ' ').slice(0, 16));
    blocks.push(context(t.home.summary(info.documents.length, info.passageCount, builtAt, escapeMrkdwn(info.modelId))));
  } else {
    blocks.push(mrkdwnSection(`_${t.home.loading}_`));
  }
  // Escaped: Slack reads `<question>` as a control sequence, even inside backticks.
  const escaped = { rapporteur: escapeMrkdwn(t.syntax.rapporteur), recommandation: escapeMrkdwn(t.syntax.recommandation) };
  blocks.push(divider, mrkdwnSection(`*${t.home.howToAsk}*`), mrkdwnSection(t.home.ways(escaped).join('\n')));
  return { type: 'home', blocks: blocks.slice(0, SLACK_LIMITS.viewBlocks) };
}
