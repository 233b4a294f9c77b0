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
};

export type UiStrings = typeof fr;

export function ui(language: Language = 'fr'): UiStrings {
  return language === 'en' ? en : fr;
}
