// Official document links and symbols, as data: the pure functions of the answer stage and the surfaces that
// render them (terminal text, Slack blocks). No model needed.
import { describe, expect, it } from 'vitest';
import { officialLinks } from '../../src/answer/index.ts';
import { officialUrl, sourceUrlTemplateFromEnv } from '../../src/answer/official.ts';
import type { Answer, CitedPassage } from '../../src/answer/schema.ts';
import { formatAnswer } from '../../src/cli/format.ts';
import { answerMessage } from '../../src/slack/blocks/index.ts';
import { loadCorpus, type Corpus } from '../../src/corpus/index.ts';
import { createLookup, isReferenceQuestion, parseReference } from '../../src/search/index.ts';
import type { LookupOptions } from '../../src/search/lookup.ts';
import { realCorpusDir } from '../corpus/helpers.ts';

// One lookup over `corpus` per call.
const lookup = (reference: string, corpus: Corpus, options?: LookupOptions) => createLookup(corpus)(reference, options);

function source(docId: string, label: string, extra: Partial<CitedPassage> = {}): CitedPassage {
  return {
    passageId: `${docId}#${label}`, docId, docName: `Doc ${docId}`, label, section: '', snippet: 'Texte.', text: 'Texte.', score: 0.9, alsoIn: [], ...extra,
  };
}

function answerWith(sources: CitedPassage[]): Answer {
  return {
    question: 'q', language: 'fr', kind: 'answer', text: 'Texte.', quotes: [], sources, suggestions: [], offset: 0, hasMore: false, resolvedQuery: 'q',
  };
}

describe('official links', () => {
  it('take corpus.yml’s sourceUrl first, else fill the template with the symbol (slashes kept)', () => {
    const template = 'https://docs.un.org/fr/{symbol}';
    expect(officialUrl({ symbol: 'CTOC/COP/WG.4/2021/3' }, template)).toBe('https://docs.un.org/fr/CTOC/COP/WG.4/2021/3');
    expect(officialUrl({ symbol: 'A/78/50', sourceUrl: 'https://example.org/a78.pdf' }, template)).toBe('https://example.org/a78.pdf');
    expect(officialUrl({}, template)).toBeUndefined();
    expect(officialUrl({ symbol: 'A/78/50' }, undefined)).toBeUndefined();
  });

  it('validate RAPPORTEUR_SOURCE_URL_TEMPLATE with one sentence', () => {
    expect(sourceUrlTemplateFromEnv({})).toBeUndefined();
    expect(sourceUrlTemplateFromEnv({ RAPPORTEUR_SOURCE_URL_TEMPLATE: 'https://undocs.org/{symbol}' })).toBe('https://undocs.org/{symbol}');
    expect(() => sourceUrlTemplateFromEnv({ RAPPORTEUR_SOURCE_URL_TEMPLATE: 'https://undocs.org/' })).toThrow(/must contain \{symbol\}/);
    expect(() => sourceUrlTemplateFromEnv({ RAPPORTEUR_SOURCE_URL_TEMPLATE: 'ftp://x/{symbol}' })).toThrow(/http\(s\)/);
  });

  it('are listed once per document, in the order of the sources', () => {
    const answer = answerWith([
      source('b', 'paragraphe 2', { symbol: 'A/78/50', sourceUrl: 'https://docs.un.org/A/78/50' }),
      source('a', 'Recommandation 1'),
      source('b', 'paragraphe 3', { symbol: 'A/78/50', sourceUrl: 'https://docs.un.org/A/78/50' }),
      source('c', 'note 1', { sourceUrl: 'https://example.org/c.pdf?x=1&y=2' }),
    ]);
    expect(officialLinks(answer)).toEqual([
      { docId: 'b', docName: 'Doc b', symbol: 'A/78/50', url: 'https://docs.un.org/A/78/50' },
      { docId: 'c', docName: 'Doc c', url: 'https://example.org/c.pdf?x=1&y=2' },
    ]);
  });

  it('show in the terminal and as a Slack context block with escaped links', () => {
    const answer = answerWith([
      source('b', 'paragraphe 2', { symbol: 'A/78/50', sourceUrl: 'https://docs.un.org/A/78/50' }),
      source('c', 'note 1', { sourceUrl: 'https://example.org/c.pdf?x=1&y=2' }),
    ]);
    const text = formatAnswer(answer, { color: false, width: 100 });
    expect(text).toContain('Document officiel : A/78/50 https://docs.un.org/A/78/50');
    const blocks = answerMessage(answer, { answerId: 'a1', conversationKey: 'C1:1', mode: 'ask' }).blocks as Array<Record<string, any>>;
    const contexts = blocks.filter((b) => b.type === 'context').flatMap((b) => b.elements.map((e: { text: string }) => e.text));
    expect(contexts).toContain('🔗 Document officiel : <https://docs.un.org/A/78/50|A/78/50> · <https://example.org/c.pdf?x=1&amp;y=2|Doc c>');
    const looked = { ...answer, kind: 'lookup' as const, sources: answer.sources.slice(0, 1) };
    expect(formatAnswer(looked, { color: false, width: 100 }).split('\n')[0]).toBe('paragraphe 2 — Doc b (A/78/50)');
    expect(JSON.stringify(answerMessage(looked, { answerId: 'a3', conversationKey: 'C1:3', mode: 'lookup' }).blocks)).toContain('📄 *Doc b*, paragraphe 2 · A/78/50');
    const none = answerMessage(answerWith([source('a', 'Recommandation 1')]), { answerId: 'a2', conversationKey: 'C1:2', mode: 'ask' });
    expect(JSON.stringify(none.blocks)).not.toContain('Document officiel');
  });
});

describe('symbols in typed references', () => {
  it('are read out of the reference, in any case, and name the document', () => {
    const parsed = parseReference('/recommandation 7 c CTOC/COP/WG.4/2021/3');
    expect(parsed).toMatchObject({ kind: 'recommendation', number: 7, path: ['c'], symbol: 'CTOC/COP/WG.4/2021/3' });
    expect(parseReference('§ 72 d) a/78/50')).toMatchObject({ kind: 'paragraph', number: 72, path: ['d'], symbol: 'A/78/50' });
    expect(parseReference('recommandation 7 c')?.symbol).toBeUndefined();
  });

  it('scope a lookup to the document with that symbol (corpus.yml), or find none for an unknown one', async () => {
    const corpus = await loadCorpus(realCorpusDir);
    const hits = lookup('paragraphe 2 CTOC/COP/WG.4/2021/3', corpus);
    expect(hits.matches.map((m) => `${m.document.id} ${m.passage.label}`)).toEqual(['2021-wg4-document-information-marches-publics paragraphe 2']);
    expect(lookup('§ 2', corpus, { doc: 'ctoc/cop/wg.4/2021/3' }).matches.map((m) => m.document.id)).toEqual(['2021-wg4-document-information-marches-publics']);
    expect(lookup('§ 2 A/99/1', corpus).error).toBe('unknown-document');
  });

  it('make a reference question whose document is the symbol', () => {
    expect(isReferenceQuestion('que dit la recommandation 7 c CTOC/COP/WG.4/2021/4 ?')).toEqual({ ref: 'recommandation 7 c', doc: 'CTOC/COP/WG.4/2021/4' });
  });
});
