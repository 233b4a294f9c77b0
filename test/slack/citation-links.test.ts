// Citations as reader links, as data: the builders take the links in their options and stay pure; with no
// links (no RAPPORTEUR_PUBLIC_URL) citations are the plain text they always were.
import { describe, expect, it } from 'vitest';
import type { Answer, CitedPassage } from '../../src/answer/schema.ts';
import { answerMessage, citation, fullTextModal, passageKey, type CitationLinks } from '../../src/slack/blocks/index.ts';
import { citationLinks } from '../../src/slack/citation-links.ts';
import type { CitationLinker } from '../../src/reader/index.ts';

type Json = Record<string, any>;

const FINAL = 'Rapport du Groupe de travail (oct. 2021)';
const DRAFT = 'Projet de rapport du Groupe de travail (oct. 2021)';

function cited(label: string, text: string, alsoIn: CitedPassage['alsoIn'] = []): CitedPassage {
  return { passageId: `2021-wg4-rapport#${label}`, docId: '2021-wg4-rapport', docName: FINAL, label, section: 'I. Introduction', snippet: text, text, score: 0.9, alsoIn };
}

const sources = [
  cited('paragraphe 1', 'Dans sa décision 4/4, la Conférence des Parties a créé le Groupe de travail.', [
    { docId: '2021-wg4-projet-de-rapport', docName: DRAFT, label: 'paragraphe 1' },
  ]),
  cited('Recommandation 7 c)', 'Veiller à ce que le contenu soit retiré des plateformes en ligne.'),
];
const answer: Answer = {
  question: 'Qui a créé le Groupe de travail ?',
  language: 'fr',
  kind: 'answer',
  text: '…',
  quotes: [{ text: 'Dans sa décision 4/4, la Conférence des Parties a créé le Groupe de travail.', passageId: sources[0]!.passageId, docId: sources[0]!.docId, docName: FINAL, label: 'paragraphe 1' }],
  sources,
  suggestions: [],
  offset: 0,
  hasMore: false,
  resolvedQuery: 'Qui a créé le Groupe de travail ?',
};
const options = { answerId: 'a1', conversationKey: 'C1:1.1', mode: 'ask' as const };

/** A linker as the reader makes them, minus the signature: the URL names what it links to. */
const linker: CitationLinker = {
  passage: (t) => `https://r.example.org/r/${t.docId}?p=${encodeURIComponent(t.label)}`,
  quote: (q) => `https://r.example.org/r/${q.docId}?p=${encodeURIComponent(q.label)}&q=${q.text.length}`,
};

const contextTexts = (blocks: Json[]) => blocks.filter((b) => b.type === 'context').flatMap((b) => b.elements.map((e: Json) => e.text as string));
const sectionTexts = (blocks: Json[]) => blocks.filter((b) => b.type === 'section').map((b) => b.text.text as string);

describe('citations with reader links', () => {
  it('makes the label the link, escaped, and leaves the plain citation unchanged without one', () => {
    expect(citation({ docName: FINAL, label: 'Recommandation 7 c)' })).toBe(`*${FINAL}*, Recommandation 7 c)`);
    expect(citation({ docName: FINAL, label: 'Recommandation 7 c)' }, 'https://r.example.org/r/x?p=a&sig=b#a')).toBe(
      `*${FINAL}*, <https://r.example.org/r/x?p=a&sig=b#a|Recommandation 7 c)>`,
    );
    expect(citation({ docName: 'A <b>', label: 'note <1>' }, 'https://r.example.org/r/x')).toBe('*A &lt;b&gt;*, <https://r.example.org/r/x|note &lt;1&gt;>');
  });

  it('links each quote to its sentence, each source and each "also in" to its passage', () => {
    const links = citationLinks(answer, linker)!;
    expect(links.quotes).toEqual([`https://r.example.org/r/2021-wg4-rapport?p=paragraphe%201&q=${answer.quotes[0]!.text.length}`]);
    expect(Object.keys(links.passages!).sort()).toEqual(
      ['2021-wg4-projet-de-rapport#paragraphe 1', '2021-wg4-rapport#Recommandation 7 c)', '2021-wg4-rapport#paragraphe 1'].sort(),
    );

    const blocks = answerMessage(answer, { ...options, links }).blocks as Json[];
    const quoteCitation = contextTexts(blocks).find((t) => t.startsWith('📄'))!;
    expect(quoteCitation).toBe(`📄 *${FINAL}*, <${links.quotes![0]}|paragraphe 1>`);
    const sourceLines = sectionTexts(blocks).filter((t) => /^\d\. /.test(t));
    expect(sourceLines[0]).toContain(`<${links.passages![passageKey(sources[0]!)]}|paragraphe 1>`);
    expect(sourceLines[1]).toContain(`<${links.passages![passageKey(sources[1]!)]}|Recommandation 7 c)>`);
    expect(contextTexts(blocks).find((t) => t.startsWith('Aussi dans'))).toContain(
      `*${DRAFT}*, <https://r.example.org/r/2021-wg4-projet-de-rapport?p=paragraphe%201|paragraphe 1>`,
    );
  });

  it('links a lookup and the full-text modal too', () => {
    const lookup: Answer = { ...answer, kind: 'lookup', quotes: [], sources: [sources[1]!] };
    const links = citationLinks(lookup, linker);
    const blocks = answerMessage(lookup, { ...options, mode: 'lookup', ...(links ? { links } : {}) }).blocks as Json[];
    expect(sectionTexts(blocks)[0]).toBe(`📄 *${FINAL}*, <https://r.example.org/r/2021-wg4-rapport?p=Recommandation%207%20c)|Recommandation 7 c)>`);
    const modal = fullTextModal(sources[0]!, { passages: { [passageKey(sources[0]!)]: 'https://r.example.org/r/p1' } });
    expect(JSON.stringify(modal.blocks)).toContain('<https://r.example.org/r/p1|paragraphe 1>');
  });

  it('keeps citations plain when the reader makes no links', () => {
    const none: CitationLinker = { passage: () => undefined, quote: () => undefined };
    const links: CitationLinks | undefined = citationLinks(answer, none);
    expect(links).toBeUndefined();
    expect(citationLinks(answer, undefined)).toBeUndefined();
    const blocks = answerMessage(answer, options).blocks as Json[];
    expect(JSON.stringify(blocks)).not.toContain('<https://');
    expect(contextTexts(blocks).find((t) => t.startsWith('📄'))).toBe(`📄 *${FINAL}*, paragraphe 1`);
  });
});
