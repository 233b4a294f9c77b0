// Short help shown when a command arrives empty. The placeholders are escaped: Slack reads `<…>` as a control
// sequence (a link, a mention) even inside backticks and in the notification text.
import { escapeMrkdwn } from '../mrkdwn.ts';
import { context, mrkdwnSection } from './elements.ts';
import type { SlackMessage } from './types.ts';

export type CommandName = 'recommandation' | 'rapporteur';

export function usageHelp(command: CommandName): SlackMessage {
  if (command === 'recommandation') {
    return {
      text: escapeMrkdwn('Usage : /recommandation <référence> [document]'),
      blocks: [
        mrkdwnSection(`*Usage :* \`${escapeMrkdwn('/recommandation <référence> [document]')}\``),
        mrkdwnSection(
          '• `/recommandation 7 c` — la recommandation 7 c)\n' +
            '• `/recommandation 72 d) 2023` — le paragraphe 72 d) du rapport de 2023\n' +
            '• `/recommandation note 7 2017-wg4-rapport` — une note d’un document précis',
        ),
        context('Le document peut être une année ou l’identifiant affiché dans l’onglet Accueil de l’app.'),
      ],
    };
  }
  return {
    text: escapeMrkdwn('Usage : /rapporteur <question>'),
    blocks: [
      mrkdwnSection(`*Usage :* \`${escapeMrkdwn('/rapporteur <question>')}\``),
      mrkdwnSection(
        '• `/rapporteur Que recommande le rapport 2021 sur les plateformes en ligne ?`\n' +
          '• `/rapporteur Quelles mesures pour les marchés publics ?`',
      ),
      context('La réponse n’est visible que de vous ; le bouton « Partager dans le canal » la publie.'),
    ],
  };
}
