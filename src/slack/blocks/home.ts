// The App Home tab: what the bot knows and how to ask it.
import type { CorpusInfo } from '../../answer/index.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { SLACK_LIMITS } from '../limits.ts';
import { context, divider, mrkdwnSection } from './elements.ts';
import type { HomeView, KnownBlock } from './types.ts';

function frenchDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function homeView(info: CorpusInfo | undefined): HomeView {
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Rapporteur', emoji: true } },
    mrkdwnSection(
      'Je réponds aux questions sur les rapports ci-dessous par des *citations exactes*, avec la référence du paragraphe ' +
        'ou de la recommandation. Je ne cite que ces documents, et je le dis quand ils ne répondent pas.',
    ),
    divider,
    mrkdwnSection('*Ce que je connais*'),
  ];
  if (info) {
    for (const doc of info.documents) {
      blocks.push(
        mrkdwnSection(`*${escapeMrkdwn(doc.displayName)}*\n${escapeMrkdwn(doc.title)}`),
        context(`${frenchDate(doc.date)} · ${doc.passageCount} passages · \`${escapeMrkdwn(doc.id)}\``),
      );
    }
    blocks.push(
      context(
        `${info.documents.length} documents, ${info.passageCount} passages · index construit le ${escapeMrkdwn(
          new Date(info.builtAt).toISOString().replace('T', ' ').slice(0, 16),
        )} UTC · modèle ${escapeMrkdwn(info.modelId)}`,
      ),
    );
  } else {
    blocks.push(mrkdwnSection('_Je démarre : l’index est en cours de chargement. Revenez dans un instant._'));
  }
  blocks.push(
    divider,
    mrkdwnSection('*Comment me poser une question*'),
    mrkdwnSection(
      '• Mentionnez-moi dans un canal : `@Rapporteur Que recommande le rapport 2021 sur les plateformes en ligne ?` — je réponds dans le fil ; ' +
        'mentionnez-moi à nouveau dans le fil pour une question de suivi.\n' +
        '• Écrivez-moi dans l’onglet Messages de l’app (ou en message direct, ou dans le panneau assistant) : chaque question a son fil.\n' +
        // Escaped: Slack reads `<question>` as a control sequence, even inside backticks.
        `• \`${escapeMrkdwn('/rapporteur <question>')}\` — la réponse visible de vous seul, avec un bouton pour la partager.\n` +
        `• \`${escapeMrkdwn('/recommandation <référence> [document]')}\` — le texte d’une recommandation ou d’un paragraphe : \`/recommandation 7 c\`, \`/recommandation 72 d) 2023\`.`,
    ),
  );
  return { type: 'home', blocks: blocks.slice(0, SLACK_LIMITS.viewBlocks) };
}
