import type { Language } from './schema.ts';

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
  },
} as const satisfies Record<Language, unknown>;

export function messages(language: Language) {
  return MESSAGES[language];
}
