// Every word the bot shows in Slack, in French and in English. The first two tables follow the answer's language
// (the reports are French; questions may come in English); the other two, the words around the answers, follow
// the question's language where the code knows it and are French where it does not (see each group).
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
const ASK_EXAMPLE_EN = 'What does the 2021 report on online platforms recommend?';

/** How the commands are written; shown escaped (Slack reads `<…>` as a control sequence). */
const syntax = {
  rapporteur: '/rapporteur <question>',
  recommandation: '/recommandation <référence> [document]',
};

/**
 * Words around the answers, in both forms. Shown in the question's language where it is known; French where it
 * is not — each group says which case it is (callers then pass no language: `ui()`).
 */
const frGeneral = {
  // French: the command help is shown for an empty command, which has no words to tell the language by.
  syntax,
  // French: the greeting and its prompts come before any question.
  greeting: {
    text:
      'Bonjour ! Je réponds aux questions sur les rapports du Groupe de travail sur la traite des personnes et du ' +
      'Secrétaire général, avec des citations exactes et leurs références. Que voulez-vous savoir ?',
    promptsTitle: 'Par exemple :',
    /** Used only while the index is still loading (or if the corpus offers none). */
    fallbackPrompts: [ASK_EXAMPLE, 'Quelles mesures pour les marchés publics ?'],
  },
  // French: the home tab is opened, not asked; there is no question to take the language from.
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
  // French: shown for an empty command (no words to tell the language by).
  usage: {
    /** With its colon (French typography puts a space before it). */
    label: 'Usage :',
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
    // In the question's language (answering.ts answerAt) for a question asked; French for /recommandation and a
    // chosen passage (lookups answer in French, engine.lookup) and for "Plus de résultats" (a click has no language).
    rateLimit: (seconds: number) =>
      `Doucement 🙂 : vous avez posé beaucoup de questions en une minute. Réessayez dans ${seconds} seconde${seconds > 1 ? 's' : ''}.`,
    starting: 'Je démarre… l’index des rapports est en cours de chargement. Reposez votre question dans un instant.',
    failure: 'Désolé, je n’ai pas pu répondre cette fois-ci (erreur interne, consignée). Réessayez dans un instant.',
    // In the question's language after a refused question; French alone, for an empty mention (no words).
    askMe: `Posez-moi une question sur les rapports, par exemple : « ${ASK_EXAMPLE} »`,
    invalidQuestion: (reason: InvalidQuestionReason, maxLength: number): string =>
      ({
        empty: 'Votre message est vide.',
        'control-characters': 'Votre message contient des caractères de contrôle que je ne peux pas lire.',
        'no-words': 'Votre message ne contient que de la ponctuation.',
        'too-long': `Votre question est trop longue (${maxLength} caractères au plus) : pouvez-vous la résumer ?`,
      })[reason],
    // French: answers to a click ("Plus de résultats", "Partager", "Texte intégral"), whose payload carries no language.
    foreignConversation:
      'Ce bouton appartient à une autre conversation : ses sources ne sont montrées qu’à la personne qui a posé la question, ' +
      'ou dans le fil de la réponse. Posez la question vous-même pour voir les sources.',
    shareExpired:
      'Cette réponse n’est plus en mémoire (le bot a redémarré ou l’a oubliée depuis) : je ne peux pas la partager telle quelle. ' +
      'Reposez la question avec /rapporteur, puis partagez la nouvelle réponse.',
    passageGone: 'Ce passage n’existe plus dans l’index (il a été reconstruit). Reposez la question.',
  },
  // French: modals open from a click (a button, 👎), whose payload carries no language.
  modals: {
    close: 'Fermer',
    feedbackTitle: 'Votre avis',
    feedbackSubmit: 'Envoyer',
    feedbackSkip: 'Passer',
    feedbackQuestion: 'Qu’est-ce qui manquait ou était faux ?',
  },
};
const enGeneral: typeof frGeneral = {
  syntax: {
    rapporteur: '/rapporteur <question>',
    recommandation: '/recommandation <reference> [document]',
  },
  greeting: {
    text:
      'Hello! I answer questions about the reports of the Working Group on trafficking in persons and of the ' +
      'Secretary-General, with exact quotes and their references. What would you like to know?',
    promptsTitle: 'For example:',
    fallbackPrompts: [ASK_EXAMPLE_EN, 'What measures for public procurement?'],
  },
  home: {
    title: 'Rapporteur',
    intro:
      'I answer questions about the reports below with *exact quotes*, with the reference of the paragraph ' +
      'or recommendation. I quote only these documents, and I say so when they do not answer.',
    whatIKnow: 'What I know',
    passages: (count: number) => `${count} passage${count > 1 ? 's' : ''}`,
    summary: (documents: number, passages: number, builtAt: string, model: string) =>
      `${documents} documents, ${passages} passages · index built on ${builtAt} UTC · model ${model}`,
    loading: 'Starting up: the index is loading. Come back in a moment.',
    howToAsk: 'How to ask me a question',
    ways: (escaped: typeof syntax) => [
      `• Mention me in a channel: \`@Rapporteur ${ASK_EXAMPLE_EN}\` — I answer in the thread; ` +
        'mention me again in the thread for a follow-up question.',
      '• Write to me in the app’s Messages tab (or in a direct message, or in the assistant panel): each question gets its own thread.',
      `• \`${escaped.rapporteur}\` — the answer visible only to you, with a button to share it.`,
      `• \`${escaped.recommandation}\` — the text of a recommendation or a paragraph: \`/recommandation 7 c\`, \`/recommandation 72 d) 2023\`.`,
    ],
  },
  usage: {
    label: 'Usage:',
    rapporteur: {
      examples: [`• \`/rapporteur ${ASK_EXAMPLE_EN}\``, '• `/rapporteur What measures for public procurement?`'],
      note: 'Only you can see the answer; the “Share in channel” button posts it.',
    },
    recommandation: {
      examples: [
        '• `/recommandation 7 c` — recommendation 7 c)',
        '• `/recommandation 72 d) 2023` — paragraph 72 d) of the 2023 report',
        '• `/recommandation note 7 2017-wg4-rapport` — a note of a given document',
      ],
      note: 'The document can be a year or the identifier shown in the app’s Home tab.',
    },
  },
  notices: {
    rateLimit: (seconds: number) =>
      `Slow down 🙂: you have asked many questions in one minute. Please try again in ${seconds} second${seconds > 1 ? 's' : ''}.`,
    starting: 'Starting up… the reports’ index is loading. Please ask your question again in a moment.',
    failure: 'Sorry, I could not answer this time (internal error, logged). Please try again in a moment.',
    askMe: `Ask me a question about the reports, for example: “${ASK_EXAMPLE_EN}”`,
    invalidQuestion: (reason: InvalidQuestionReason, maxLength: number): string =>
      ({
        empty: 'Your message is empty.',
        'control-characters': 'Your message contains control characters I cannot read.',
        'no-words': 'Your message contains only punctuation.',
        'too-long': `Your question is too long (${maxLength} characters at most): could you shorten it?`,
      })[reason],
    foreignConversation:
      'This button belongs to another conversation: its sources are shown only to the person who asked the question, ' +
      'or in the answer’s thread. Ask the question yourself to see the sources.',
    shareExpired:
      'This answer is no longer in memory (the bot has restarted or forgotten it since): I cannot share it as it is. ' +
      'Ask the question again with /rapporteur, then share the new answer.',
    passageGone: 'This passage no longer exists in the index (it has been rebuilt). Please ask the question again.',
  },
  modals: {
    close: 'Close',
    feedbackTitle: 'Your feedback',
    feedbackSubmit: 'Send',
    feedbackSkip: 'Skip',
    feedbackQuestion: 'What was missing or wrong?',
  },
};

export type UiStrings = typeof fr & typeof frGeneral;

const FR: UiStrings = { ...fr, ...frGeneral };
const EN: UiStrings = { ...en, ...enGeneral };

/** The words in `language`; French where the language is not known (a click, the home tab, the greeting). */
export function ui(language: Language = 'fr'): UiStrings {
  return language === 'en' ? EN : FR;
}
