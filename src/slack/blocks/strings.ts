// Every word the bot shows in Slack. The first two tables follow the answer's language (the reports are
// French; questions may come in English); the third is French whatever the language.
import type { InvalidQuestionReason, Language } from '../../answer/index.ts';

const fr = {
  sources: 'Sources',
  maybeUseful: 'Peut-être utile',
  fullText: 'Texte intégral',
  moreResults: 'Plus de résultats',
  share: 'Partager dans le canal',
  alsoIn: 'Aussi dans',
  didYouMean: 'Vouliez-vous dire :',
  whichOne: 'Plusieurs passages correspondent. Lequel voulez-vous ?',
  positive: 'Réponse utile',
  negative: 'Réponse pas utile',
  sharedBy: 'Partagé par',
  noMore: 'Pas d’autres sources pour cette question.',
  officialDocument: 'Document officiel',
  // Streamed answers (stream.ts) and the status shown while working.
  searching: (documents: number) => `Recherche dans ${documents} rapport${documents > 1 ? 's' : ''}`,
  found: (passages: number) => `${passages} passage${passages > 1 ? 's' : ''} retenu${passages > 1 ? 's' : ''}`,
  reading: (label: string, doc: string) => `Lecture de ${label} (${doc})`,
  status: 'cherche dans les rapports…',
  loadingMessages: ['Je cherche dans les rapports…', 'Je lis les passages les plus proches…', 'Je vérifie chaque citation…'],
  thanks: 'Merci pour votre retour 🙏',
  fullTextUnavailable: 'Je n’ai pas pu ouvrir le texte intégral (la fenêtre a expiré ou Slack l’a refusée). Cliquez à nouveau sur « Texte intégral ».',
};
const en: typeof fr = {
  sources: 'Sources',
  maybeUseful: 'Maybe useful',
  fullText: 'Full text',
  moreResults: 'More results',
  share: 'Share in channel',
  alsoIn: 'Also in',
  didYouMean: 'Did you mean:',
  whichOne: 'Several passages match. Which one do you mean?',
  positive: 'Helpful answer',
  negative: 'Unhelpful answer',
  sharedBy: 'Shared by',
  noMore: 'No more sources for this question.',
  officialDocument: 'Official document',
  searching: (documents: number) => `Searching ${documents} report${documents > 1 ? 's' : ''}`,
  found: (passages: number) => `${passages} passage${passages > 1 ? 's' : ''} kept`,
  reading: (label: string, doc: string) => `Reading ${label} (${doc})`,
  status: 'searching the reports…',
  loadingMessages: ['Searching the reports…', 'Reading the closest passages…', 'Checking every quote…'],
  thanks: 'Thank you for your feedback 🙏',
  fullTextUnavailable: 'I could not open the full text (the window expired or Slack refused it). Click “Full text” again.',
};

const ASK_EXAMPLE = 'Que recommande le rapport 2021 sur les plateformes en ligne ?';

/** How the commands are written; shown escaped (Slack reads `<…>` as a control sequence). */
const syntax = {
  rapporteur: '/rapporteur <question>',
  recommandation: '/recommandation <référence> [document]',
};

/** Shown in French whatever the question's language: the home tab, help, modals, greeting and notices. */
const french = {
  syntax,
  greeting: {
    text:
      'Bonjour ! Je réponds aux questions sur les rapports du Groupe de travail sur la traite des personnes et du ' +
      'Secrétaire général, avec des citations exactes et leurs références. Que voulez-vous savoir ?',
    promptsTitle: 'Par exemple :',
    /** Used only while the index is still loading (or if the corpus offers none). */
    fallbackPrompts: [ASK_EXAMPLE, 'Quelles mesures pour les marchés publics ?'],
  },
  home: {
    title: 'Rapporteur',
    intro:
      'Je réponds aux questions sur les rapports ci-dessous par des *citations exactes*, avec la référence du paragraphe ' +
      'ou de la recommandation. Je ne cite que ces documents, et je le dis quand ils ne répondent pas.',
    whatIKnow: 'Ce que je connais',
    passages: (count: number) => `${count} passages`,
    /** `builtAt` and `model` come escaped. */
    summary: (documents: number, passages: number, builtAt: string, model: string) =>
      `${documents} documents, ${passages} passages · index construit le ${builtAt} UTC · modèle ${model}`,
    loading: 'Je démarre : l’index est en cours de chargement. Revenez dans un instant.',
    howToAsk: 'Comment me poser une question',
    /** One line per way to ask; `escaped` is `syntax` escaped for mrkdwn. */
    ways: (escaped: typeof syntax) => [
      `• Mentionnez-moi dans un canal : \`@Rapporteur ${ASK_EXAMPLE}\` — je réponds dans le fil ; ` +
        'mentionnez-moi à nouveau dans le fil pour une question de suivi.',
      '• Écrivez-moi dans l’onglet Messages de l’app (ou en message direct, ou dans le panneau assistant) : chaque question a son fil.',
      `• \`${escaped.rapporteur}\` — la réponse visible de vous seul, avec un bouton pour la partager.`,
      `• \`${escaped.recommandation}\` — le texte d’une recommandation ou d’un paragraphe : \`/recommandation 7 c\`, \`/recommandation 72 d) 2023\`.`,
    ],
  },
  usage: {
    label: 'Usage',
    rapporteur: {
      examples: [`• \`/rapporteur ${ASK_EXAMPLE}\``, '• `/rapporteur Quelles mesures pour les marchés publics ?`'],
      note: 'La réponse n’est visible que de vous ; le bouton « Partager dans le canal » la publie.',
    },
    recommandation: {
      examples: [
        '• `/recommandation 7 c` — la recommandation 7 c)',
        '• `/recommandation 72 d) 2023` — le paragraphe 72 d) du rapport de 2023',
        '• `/recommandation note 7 2017-wg4-rapport` — une note d’un document précis',
      ],
      note: 'Le document peut être une année ou l’identifiant affiché dans l’onglet Accueil de l’app.',
    },
  },
  notices: {
    rateLimit: (seconds: number) =>
      `Doucement 🙂 : vous avez posé beaucoup de questions en une minute. Réessayez dans ${seconds} seconde${seconds > 1 ? 's' : ''}.`,
    starting: 'Je démarre… l’index des rapports est en cours de chargement. Reposez votre question dans un instant.',
    failure: 'Désolé, je n’ai pas pu répondre cette fois-ci (erreur interne, consignée). Réessayez dans un instant.',
    askMe: `Posez-moi une question sur les rapports, par exemple : « ${ASK_EXAMPLE} »`,
    invalidQuestion: (reason: InvalidQuestionReason, maxLength: number): string =>
      ({
        empty: 'Votre message est vide.',
        'control-characters': 'Votre message contient des caractères de contrôle que je ne peux pas lire.',
        'no-words': 'Votre message ne contient que de la ponctuation.',
        'too-long': `Votre question est trop longue (${maxLength} caractères au plus) : pouvez-vous la résumer ?`,
      })[reason],
    foreignConversation:
      'Ce bouton appartient à une autre conversation : ses sources ne sont montrées qu’à la personne qui a posé la question, ' +
      'ou dans le fil de la réponse. Posez la question vous-même pour voir les sources.',
    shareExpired:
      'Cette réponse n’est plus en mémoire (le bot a redémarré ou l’a oubliée depuis) : je ne peux pas la partager telle quelle. ' +
      'Reposez la question avec /rapporteur, puis partagez la nouvelle réponse.',
    passageGone: 'Ce passage n’existe plus dans l’index (il a été reconstruit). Reposez la question.',
  },
  modals: {
    close: 'Fermer',
    feedbackTitle: 'Votre avis',
    feedbackSubmit: 'Envoyer',
    feedbackSkip: 'Passer',
    feedbackQuestion: 'Qu’est-ce qui manquait ou était faux ?',
  },
};

export type UiStrings = typeof fr & typeof french;

const FR: UiStrings = { ...fr, ...french };
const EN: UiStrings = { ...en, ...french };

/** The words in `language`; French where the language is not known (a click, the home tab). */
export function ui(language: Language = 'fr'): UiStrings {
  return language === 'en' ? EN : FR;
}
