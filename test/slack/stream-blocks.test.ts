// The streamed answer as data (blocks/stream.ts): the tasks, the quotes, the final blocks, and that a
// streamed and a posted answer carry the same quotes and citations. Plus the escaping defects of issue 14.
import { describe, expect, it } from 'vitest';
import type { Answer, CitedPassage } from '../../src/answer/schema.ts';
import { answerMessage, citation, failedStream, homeView, searchTask, shortDocName, streamedAnswer, usageHelp } from '../../src/slack/blocks/index.ts';

type Json = Record<string, any>;

function passage(label: string, text: string, docId = '2021-wg4-rapport', docName = 'Rapport du Groupe de travail (oct. 2021)'): CitedPassage {
  return { passageId: `${docId}#${label}`, docId, docName, label, section: 'II. Recommandations', snippet: text.slice(0, 300), text, score: 0.9, alsoIn: [] };
}

const quoteOf = (p: CitedPassage, text: string) => ({ text, passageId: p.passageId, docId: p.docId, docName: p.docName, label: p.label });

function answer(overrides: Partial<Answer> = {}): Answer {
  const a = passage('Recommandation 7 c)', 'Veiller à ce que le contenu soit retiré des plateformes en ligne. Coopérer avec le secteur privé.');
  const b = passage('paragraphe 12', 'Les plateformes en ligne servent au recrutement.', '2017-wg4-rapport', 'Rapport du Groupe de travail (sept. 2017)');
  return {
    question: 'Que recommande le rapport 2021 sur les plateformes en ligne ?',
    language: 'fr',
    kind: 'answer',
    text: '…',
    quotes: [quoteOf(a, 'Veiller à ce que le contenu soit retiré des plateformes en ligne.'), quoteOf(a, 'Coopérer avec le secteur privé.'), quoteOf(b, 'Les plateformes en ligne servent au recrutement.')],
    sources: [a, b],
    suggestions: [],
    offset: 0,
    hasMore: true,
    resolvedQuery: 'plateformes en ligne',
    ...overrides,
  };
}

const options = { answerId: 'abc123', conversationKey: 'C1:1.1', mode: 'ask' as const };
const link = (p: { docId: string; label: string }) => `https://reader.test/r/${p.docId}#${encodeURIComponent(p.label)}`;

describe('streamedAnswer', () => {
  it('reads each quoted passage once, with its source, then streams the quotes; the rest goes to stopStream', () => {
    const streamed = streamedAnswer(answer(), options, { documents: 5, link });
    const [search, ...rest] = streamed.chunks as Json[];
    expect(search).toEqual({ type: 'task_update', id: 'search', title: 'Recherche dans 5 rapports', status: 'complete', output: '2 passages retenus' });
    const reading = rest.filter((c) => c.type === 'task_update');
    expect(reading.map((t) => t.title)).toEqual(['Lecture de Recommandation 7 c) (Rapport 2021)', 'Lecture de paragraphe 12 (Rapport 2017)']);
    expect(reading[0]!.sources).toEqual([
      { type: 'url', url: 'https://reader.test/r/2021-wg4-rapport#Recommandation%207%20c)', text: 'Rapport du Groupe de travail (oct. 2021), Recommandation 7 c)' },
    ]);
    const quotes = rest.find((c) => c.type === 'blocks')!.blocks as Json[];
    expect(quotes).toHaveLength(6); // three quotes, each with its citation
    expect(streamed.finalBlocks.some((b) => b.type === 'context_actions')).toBe(true);
  });

  it('carries exactly the posted answer’s blocks: the quotes streamed, the rest at stopStream', () => {
    for (const shown of [answer(), answer({ kind: 'abstain', quotes: [], text: 'Les rapports ne le disent pas.' }), answer({ kind: 'lookup', quotes: [] })]) {
      const posted = answerMessage(shown, options).blocks;
      const streamed = streamedAnswer(shown, options, { documents: 5 });
      const streamedQuotes = (streamed.chunks.find((c) => c.type === 'blocks') as { blocks?: unknown[] } | undefined)?.blocks ?? [];
      expect([...streamedQuotes, ...streamed.finalBlocks]).toEqual(posted);
    }
  });

  it('has no sources without a link (Slack requires a URL), and marks the search failed on an error', () => {
    const reading = streamedAnswer(answer(), options, { documents: 5 }).chunks.filter((c) => c.type === 'task_update' && c.id !== 'search');
    expect(reading.every((t) => !('sources' in t))).toBe(true);
    expect(failedStream(5, 'fr', []).chunks).toEqual([{ ...searchTask(5, 'fr'), status: 'error' }]);
    expect(searchTask(1, 'en').title).toBe('Searching 1 report');
  });

  it('shortens document names for task titles', () => {
    expect(shortDocName('Rapport du Groupe de travail (oct. 2021)')).toBe('Rapport 2021');
    expect(shortDocName('Projet de rapport du Groupe de travail (oct. 2021)')).toBe('Projet de rapport 2021');
    expect(shortDocName("Document d'information sur les marchés publics (juil. 2021)")).toBe("Document d'information 2021");
    expect(shortDocName('A/78 rapport du Secrétaire général (juil. 2023)')).toBe('A/78 rapport 2023');
    expect(shortDocName('Sans date')).toBe('Sans date');
  });
});

describe('escaping', () => {
  it('escapes <question> and <référence> in the Home tab and the usage help', () => {
    const all = JSON.stringify([homeView(undefined), usageHelp('rapporteur'), usageHelp('recommandation')]);
    expect(all).not.toMatch(/<question>|<référence>/);
    expect(all).toContain('&lt;question&gt;');
    expect(all).toContain('&lt;référence&gt;');
    expect(usageHelp('rapporteur').text).toBe('Usage : /rapporteur &lt;question&gt;');
  });

  it('keeps a label such as "note *" from breaking mrkdwn', () => {
    const cited = citation({ docName: 'Rapport du Groupe de travail (sept. 2017)', label: 'note *' });
    expect(cited).toBe('*Rapport du Groupe de travail (sept. 2017)*, note ∗');
    // Exactly the two bold marks around the document name remain.
    expect(cited.match(/\*/g)).toHaveLength(2);
    expect(citation({ docName: 'A_B <x>', label: '7 ~c~' })).toBe('*AˍB &lt;x&gt;*, 7 ∼c∼');
  });
});
