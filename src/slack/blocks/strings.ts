// Interface wording, in the answer's language (the reports are French; questions may come in English).
import type { Language } from '../../answer/index.ts';

const fr = {
  sources: 'Sources',
  maybeUseful: 'Peut-être utile',
  fullText: 'Texte intégral',
  moreResults: 'Plus de résultats',
  share: 'Partager dans le canal',
  question: 'Question',
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
  question: 'Question',
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

export type UiStrings = typeof fr;

export function ui(language: Language = 'fr'): UiStrings {
  return language === 'en' ? en : fr;
}
