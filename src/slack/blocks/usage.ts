// Short help shown when a command arrives empty. The placeholders are escaped: Slack reads `<…>` as a control
// sequence (a link, a mention) even inside backticks and in the notification text.
import { escapeMrkdwn } from '../mrkdwn.ts';
import { context, mrkdwnSection } from './elements.ts';
import { ui } from './strings.ts';
import type { SlackMessage } from './types.ts';

export type CommandName = 'recommandation' | 'rapporteur';

/** French: an empty command has no words to tell the language by. */
export function usageHelp(command: CommandName): SlackMessage {
  const t = ui();
  const syntax = t.syntax[command];
  const help = t.usage[command];
  return {
    text: escapeMrkdwn(`${t.usage.label} ${syntax}`),
    blocks: [mrkdwnSection(`*${t.usage.label}* \`${escapeMrkdwn(syntax)}\``), mrkdwnSection(help.examples.join('\n')), context(help.note)],
  };
}
