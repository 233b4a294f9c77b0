import type { Language } from './schema.ts';

const FRENCH_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Everything the tool writes in its own words, in both languages; quotes stay in the reports' language. */
export const MESSAGES = {
  fr: {
    abstain: 'Les rapports ne traitent pas de cette question.',
    maybeUseful: 'Peut-être utile',
    sources: 'Sources',
    notFound: (ref: string) => `Aucun passage ne correspond à « ${ref} ».`,
    didYouMean: 'Vouliez-vous dire',
    severalMatches: (ref: string, n: number) => `« ${ref} » correspond à ${n} passages :`,
    noMore: 'Il n’y a pas d’autres résultats.',
    alsoIn: 'aussi dans',
    officialDocument: 'Document officiel',
    offTopic: 'Je ne réponds qu’aux questions sur le contenu des rapports.',
    notWords: 'Cela ne ressemble pas à une question : posez-la avec des mots, en français ou en anglais.',
    otherScript: 'Je comprends les questions en français et en anglais. — I understand questions in French and in English.',
    noDocumentMatches: 'Aucun document ne correspond à ces filtres (document, année ou recommandations) : élargissez-les.',
    partialFigure: 'Les rapports évoquent le sujet mais ne donnent pas ce chiffre.',
    partialMoney: 'Les rapports évoquent le sujet mais ne donnent pas ce montant.',
    partialDate: 'Les rapports évoquent le sujet mais ne donnent pas cette date.',
    partialDuration: 'Les rapports évoquent le sujet mais ne donnent pas cette durée.',
    partialPercentage: 'Les rapports évoquent le sujet mais ne donnent pas ce pourcentage.',
    partialAdoption: 'Les rapports évoquent le sujet mais ne disent pas si cela a été adopté ou est entré en vigueur.',
    partialResult: 'Les rapports évoquent le sujet mais n’en donnent pas le résultat.',
    partialRanking: 'Les rapports évoquent le sujet mais ne donnent pas ce classement.',
    partialPenalty: 'Les rapports évoquent le sujet mais ne donnent pas cette peine ou sanction.',
    partialPlace: 'Les rapports évoquent le sujet mais ne donnent pas ce lieu.',
    partialStatement: 'Les rapports évoquent le sujet mais ne rapportent pas ces propos.',
    partialYear: (year: number) => `Les rapports évoquent le sujet mais ne disent rien de l’année ${year}.`,
    partialOrdinal: (ordinal: string) => `Les rapports évoquent le sujet mais ne disent rien de « ${ordinal} ».`,
    partialAfter: (year: number, month?: number) =>
      `Les rapports évoquent le sujet mais ne disent rien de ce qui a suivi ${month ? `${FRENCH_MONTHS[month - 1]} ` : ''}${year}.`,
    partialName: (name: string) => `Les rapports évoquent le sujet mais ne mentionnent pas ${name} à ce propos.`,
    partialUnmentioned: (name: string) => `Les rapports évoquent le sujet mais ne mentionnent nulle part « ${name} ».`,
    closest: 'Les passages les plus proches :',
  },
  en: {
    abstain: 'The reports do not address this question.',
    maybeUseful: 'Possibly useful',
    sources: 'Sources',
    notFound: (ref: string) => `No passage matches “${ref}”.`,
    didYouMean: 'Did you mean',
    severalMatches: (ref: string, n: number) => `“${ref}” matches ${n} passages:`,
    noMore: 'There are no more results.',
    alsoIn: 'also in',
    officialDocument: 'Official document',
    offTopic: 'I only answer questions about what the reports say.',
    notWords: 'That does not look like a question: please ask it in words, in French or English.',
    otherScript: 'Je comprends les questions en français et en anglais. — I understand questions in French and in English.',
    noDocumentMatches: 'No document matches these filters (document, year or recommendations): widen them.',
    partialFigure: 'The reports touch on this but do not give that figure.',
    partialMoney: 'The reports touch on this but do not give that amount.',
    partialDate: 'The reports touch on this but do not give that date.',
    partialDuration: 'The reports touch on this but do not give that duration.',
    partialPercentage: 'The reports touch on this but do not give that percentage.',
    partialAdoption: 'The reports touch on this but do not say whether it was adopted or came into force.',
    partialResult: 'The reports touch on this but do not give its outcome.',
    partialRanking: 'The reports touch on this but do not give that ranking.',
    partialPenalty: 'The reports touch on this but do not give that penalty or sanction.',
    partialPlace: 'The reports touch on this but do not give that place.',
    partialStatement: 'The reports touch on this but do not report what was said.',
    partialYear: (year: number) => `The reports touch on this but say nothing about ${year}.`,
    partialOrdinal: (ordinal: string) => `The reports touch on this but say nothing about the ${ordinal}.`,
    partialAfter: (year: number, month?: number) =>
      `The reports touch on this but say nothing about what came after ${month ? `${ENGLISH_MONTHS[month - 1]} ` : ''}${year}.`,
    partialName: (name: string) => `The reports touch on this but do not mention ${name} in this connection.`,
    partialUnmentioned: (name: string) => `The reports touch on this but never mention “${name}”.`,
    closest: 'The closest passages:',
  },
} as const satisfies Record<Language, unknown>;

export function messages(language: Language) {
  return MESSAGES[language];
}
