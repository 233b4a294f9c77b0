// The Block Kit builders are pure: answers in, blocks out. Checked as data against Slack's limits.
import { describe, expect, it } from 'vitest';
import type { Answer, CitedPassage } from '../../src/answer/schema.ts';
import {
  ACTION,
  answerMessage,
  decodeValue,
  encodeValue,
  FeedbackValueSchema,
  fullTextModal,
  homeView,
  invalidQuestionNotice,
  rateLimitNotice,
  ShareValueSchema,
  splitText,
  startingNotice,
  ui,
  usageHelp,
  type KnownBlock,
} from '../../src/slack/blocks/index.ts';
import { SLACK_LIMITS } from '../../src/slack/limits.ts';

type Json = Record<string, any>;

function passage(label: string, text: string, docId = '2021-wg4-rapport', docName = 'Rapport du Groupe de travail (oct. 2021)'): CitedPassage {
  return { passageId: `${docId}#${label}`, docId, docName, label, section: 'II. Recommandations', snippet: text.slice(0, 300), text, score: 0.9, alsoIn: [] };
}

function answer(overrides: Partial<Answer> = {}): Answer {
  const sources = [passage('Recommandation 7 c)', 'Veiller à ce que le contenu soit retiré des plateformes en ligne.'), passage('Recommandation 4', 'Améliorer les normes de sécurité.')];
  return {
    question: 'Que recommande le rapport 2021 sur les plateformes en ligne ?',
    language: 'fr',
    kind: 'answer',
    text: '« Veiller à ce que le contenu soit retiré des plateformes en ligne. » — Rapport du Groupe de travail (oct. 2021), Recommandation 7 c)',
    quotes: [{ text: 'Veiller à ce que le contenu soit retiré des plateformes en ligne.', passageId: sources[0]!.passageId, docId: sources[0]!.docId, docName: sources[0]!.docName, label: sources[0]!.label }],
    sources,
    suggestions: [],
    offset: 0,
    hasMore: true,
    resolvedQuery: 'plateformes en ligne',
    ...overrides,
  };
}

const options = { answerId: 'abc123', conversationKey: 'C1:1.1', mode: 'ask' as const };

/** Every text object anywhere in the blocks, with where it sits. */
function texts(blocks: unknown): Array<{ text: string; type: string }> {
  const found: Array<{ text: string; type: string }> = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Json;
      if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') found.push({ text: o.text, type: o.type });
      Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  return found;
}
const allButtons = (blocks: KnownBlock[]): Json[] =>
  (blocks as Json[]).flatMap((b) => [...(b.type === 'actions' ? b.elements : []), ...(b.accessory ? [b.accessory] : [])]);

describe('answer blocks', () => {
  it('puts each quote in a section and its citation in the context block after it', () => {
    const { blocks, text } = answerMessage(answer(), options);
    const quote = blocks[0] as Json;
    expect(quote).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '>Veiller à ce que le contenu soit retiré des plateformes en ligne.' } });
    expect(blocks[1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '📄 *Rapport du Groupe de travail (oct. 2021)*, Recommandation 7 c)' }] });
    expect(text).toContain('Recommandation 7 c)');
  });

  it('shows a partial answer’s sentence above the quotes, then the quotes with their citations', () => {
    const notice = 'Les rapports évoquent le sujet mais ne donnent pas ce chiffre.';
    const { blocks } = answerMessage(answer({ kind: 'partial', notice, text: `${notice}\n« … »` }), options);
    expect((blocks[0] as Json).type).toBe('section');
    expect((blocks[0] as Json).text.text).toBe(notice);
    expect(blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '>Veiller à ce que le contenu soit retiré des plateformes en ligne.' } });
    expect((blocks[2] as Json).type).toBe('context');
    expect(texts(blocks).some((t) => t.text === '*Sources*')).toBe(true);
  });

  it('lists the sources with a "Texte intégral" button carrying the passage id', () => {
    const { blocks } = answerMessage(answer(), options);
    const sources = (blocks as Json[]).filter((b) => b.type === 'section' && /^\d+\. /.test(b.text.text));
    expect(sources.map((s) => s.text.text.split('\n')[0])).toEqual([
      '1. *Rapport du Groupe de travail (oct. 2021)*, Recommandation 7 c)',
      '2. *Rapport du Groupe de travail (oct. 2021)*, Recommandation 4',
    ]);
    expect(sources[0]!.accessory).toMatchObject({ type: 'button', action_id: ACTION.fullText, value: '2021-wg4-rapport#Recommandation 7 c)' });
  });

  it('ends with "Plus de résultats" when there are more, and Slack feedback buttons in a context_actions block', () => {
    const { blocks } = answerMessage(answer(), options);
    const last = blocks.at(-1) as Json;
    expect(last.type).toBe('context_actions');
    expect(last.elements[0]).toMatchObject({ type: 'feedback_buttons', action_id: ACTION.feedback });
    const positive = decodeValue(FeedbackValueSchema, last.elements[0].positive_button.value);
    expect(positive).toEqual({ r: 'positive', a: 'abc123', q: answer().question, l: ['Rapport du Groupe de travail (oct. 2021), Recommandation 7 c)', 'Rapport du Groupe de travail (oct. 2021), Recommandation 4'] });
    expect(allButtons(blocks).find((b) => b.action_id === ACTION.moreResults)?.value).toBe('C1:1.1');
    expect(allButtons(answerMessage(answer({ hasMore: false }), options).blocks).some((b) => b.action_id === ACTION.moreResults)).toBe(false);
  });

  it('adds "Partager dans le canal" and the question to ephemeral answers only', () => {
    const shared = answerMessage(answer(), { ...options, ephemeral: true, showQuestion: true }).blocks;
    const share = allButtons(shared).find((b) => b.action_id === ACTION.share)!;
    expect(decodeValue(ShareValueSchema, share.value)).toEqual({ a: 'abc123', q: answer().question, m: 'ask', k: 'C1:1.1' });
    expect((shared[0] as Json).elements[0].text).toBe(`❓ ${answer().question}`);
    expect(allButtons(answerMessage(answer(), options).blocks).some((b) => b.action_id === ACTION.share)).toBe(false);
  });

  it('escapes & < > in questions and passages so nothing pings or links', () => {
    const nasty = 'Qui paie <!channel> & <@U123> ? <https://evil.example|clic>';
    const a = answer({
      question: nasty,
      text: nasty,
      quotes: [{ ...answer().quotes[0]!, text: nasty }],
      sources: [passage('Recommandation 1', nasty)],
    });
    const { blocks, text } = answerMessage(a, { ...options, ephemeral: true, showQuestion: true });
    for (const t of [...texts(blocks).map((x) => x.text), text]) {
      expect(t).not.toMatch(/<!channel>|<@U123>|<https:/);
    }
    expect(JSON.stringify(blocks)).toContain('&lt;!channel&gt; &amp; &lt;@U123&gt;');
  });

  it('keeps every text within 3 000 characters, cutting with "…"', () => {
    const long = 'Les États parties devraient coopérer. '.repeat(200);
    const a = answer({ quotes: [{ ...answer().quotes[0]!, text: long }], sources: [passage('paragraphe 1', long)], text: long });
    const { blocks, text } = answerMessage(a, options);
    for (const t of texts(blocks)) expect(t.text.length).toBeLessThanOrEqual(SLACK_LIMITS.text);
    expect((blocks[0] as Json).text.text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.messageText);
  });

  it('keeps at most 50 blocks and still ends with the actions and feedback', () => {
    const many = Array.from({ length: 60 }, (_, i) => passage(`paragraphe ${i + 1}`, `Texte ${i + 1}.`));
    const a = answer({ sources: many, quotes: Array.from({ length: 5 }, () => answer().quotes[0]!) });
    const { blocks } = answerMessage(a, { ...options, ephemeral: true });
    expect(blocks.length).toBe(SLACK_LIMITS.messageBlocks);
    expect(blocks.at(-1)!.type).toBe('context_actions');
    expect(blocks.at(-2)!.type).toBe('actions');
  });

  it('keeps button values within 2 000 characters, shortening the question', () => {
    const question = 'Pourquoi '.repeat(600);
    const { blocks } = answerMessage(answer({ question }), { ...options, ephemeral: true });
    const feedback = (blocks.at(-1) as Json).elements[0];
    for (const value of [feedback.positive_button.value, feedback.negative_button.value, ...allButtons(blocks).map((b) => b.value)]) {
      expect(value.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
    }
    const share = decodeValue(ShareValueSchema, allButtons(blocks).find((b) => b.action_id === ACTION.share)!.value)!;
    expect(share.q.endsWith('…')).toBe(true);
    expect(encodeValue({ q: 'x'.repeat(5000), l: ['a'] }).length).toBeLessThanOrEqual(2000);
  });

  it('shows "Peut-être utile" sources when the reports do not answer', () => {
    const a = answer({ kind: 'abstain', quotes: [], text: 'Les rapports ne traitent pas de cette question.' });
    const { blocks } = answerMessage(a, options);
    expect((blocks[0] as Json).text.text).toBe('Les rapports ne traitent pas de cette question.');
    expect(texts(blocks).some((t) => t.text === '*Peut-être utile*')).toBe(true);
  });
});

describe('lookup, ambiguous and not-found blocks', () => {
  it('shows a looked-up passage in full, with "Texte intégral" only when it had to be cut', () => {
    const short = answer({ kind: 'lookup', quotes: [], sources: [passage('Recommandation 7 c)', 'Veiller au retrait.')], hasMore: false });
    const { blocks } = answerMessage(short, options);
    expect(texts(blocks).map((t) => t.text)).toContain('Veiller au retrait.');
    expect(allButtons(blocks).some((b) => b.action_id === ACTION.fullText)).toBe(false);

    const long = answer({ kind: 'lookup', quotes: [], sources: [passage('paragraphe 9', 'Mot '.repeat(1000))], hasMore: false });
    const cut = answerMessage(long, options).blocks;
    expect(allButtons(cut).find((b) => b.action_id === ACTION.fullText)?.value).toBe('2021-wg4-rapport#paragraphe 9');
  });

  it('offers the candidates of an ambiguous reference as buttons', () => {
    const a = answer({
      question: '7 c',
      kind: 'lookup',
      quotes: [],
      sources: [passage('Recommandation 7 c)', 'A'), passage('paragraphe 7 c)', 'B', '2017-wg4-rapport', 'Rapport du Groupe de travail (sept. 2017)')],
    });
    const { blocks } = answerMessage(a, options);
    const choices = allButtons(blocks);
    expect(choices.map((b) => [b.action_id, b.value, b.text.text])).toEqual([
      ['choose_passage:0', '2021-wg4-rapport#Recommandation 7 c)', 'Recommandation 7 c) — Rapport du Groupe de travail (oct. 2021)'],
      ['choose_passage:1', '2017-wg4-rapport#paragraphe 7 c)', 'paragraphe 7 c) — Rapport du Groupe de travail (sept. 2017)'],
    ]);
    for (const b of choices) expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
  });

  it('offers suggestions for a reference that matches nothing', () => {
    const a = answer({
      question: '7 z',
      kind: 'not-found',
      text: 'Aucun passage ne correspond à « 7 z ».',
      quotes: [],
      sources: [],
      suggestions: [{ docId: '2021-wg4-rapport', docName: 'Rapport du Groupe de travail (oct. 2021)', label: 'Recommandation 7 c)' }],
    });
    const { blocks } = answerMessage(a, options);
    expect((blocks[0] as Json).text.text).toBe('Aucun passage ne correspond à « 7 z ».');
    expect(allButtons(blocks).map((b) => b.value)).toEqual(['2021-wg4-rapport#Recommandation 7 c)']);
  });
});

describe('modal, home, notices', () => {
  it('shows the full text in a modal, split into sections, never cut', () => {
    const text = Array.from({ length: 40 }, (_, i) => `Phrase numéro ${i} & suite < fin >.`).join(' ').repeat(8);
    const view = fullTextModal(passage('paragraphe 39 a) ii)', text));
    expect(view.type).toBe('modal');
    expect(view.title.text.length).toBeLessThanOrEqual(SLACK_LIMITS.modalTitle);
    const sections = (view.blocks as Json[]).slice(2).filter((b) => b.type === 'section').map((b) => b.text.text as string);
    for (const s of sections) expect(s.length).toBeLessThanOrEqual(SLACK_LIMITS.text);
    expect(sections.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\s+/g, ' ').trim());
    expect(splitText('abc', 10)).toEqual(['abc']);
  });

  it('builds the Home tab from the corpus info, and a placeholder while loading', () => {
    const view = homeView({
      documents: [{ id: '2021-wg4-rapport', displayName: 'Rapport du Groupe de travail (oct. 2021)', title: 'Rapport de la réunion', date: '2021-10-28', kind: 'report', passageCount: 80 }],
      passageCount: 80,
      builtAt: '2026-11-24T11:38:47.863Z',
      modelId: 'Xenova/multilingual-e5-small',
    });
    const all = texts(view.blocks).map((t) => t.text).join('\n');
    expect(all).toContain('*Rapport du Groupe de travail (oct. 2021)*');
    expect(all).toContain('28 octobre 2021 · 80 passages');
    expect(all).toContain('index construit le 2026-11-24 11:38 UTC');
    expect(all).toContain('/recommandation');
    expect(texts(homeView(undefined).blocks).some((t) => t.text.includes('Je démarre'))).toBe(true);
  });

  it('has usage help for both commands and a polite rate-limit notice', () => {
    expect(usageHelp('rapporteur').text).toBe('Usage : /rapporteur &lt;question&gt;'); // escaped: Slack reads <…> as a control sequence
    expect(texts(usageHelp('recommandation').blocks).some((t) => t.text.includes('/recommandation 72 d) 2023'))).toBe(true);
    expect(rateLimitNotice(1).text).toMatch(/Réessayez dans 1 seconde\.$/);
    expect(rateLimitNotice(42).text).toMatch(/Réessayez dans 42 secondes\.$/);
  });
});

describe('strings', () => {
  // A sample call for every function in the tables; a new function without one fails the test below.
  const samples: Record<string, unknown[][]> = {
    searching: [[1], [3]],
    found: [[1], [4]],
    reading: [['Recommandation 7 c)', '2021-wg4-rapport']],
    passages: [[1], [80]],
    summary: [[4, 320, '2026-11-24 11:38', 'Xenova/multilingual-e5-small']],
    ways: [[{ rapporteur: '/rapporteur &lt;question&gt;', recommandation: '/recommandation &lt;reference&gt; [document]' }]],
    rateLimit: [[1], [42]],
    invalidQuestion: (['empty', 'control-characters', 'no-words', 'too-long'] as const).map((reason) => [reason, 2000]),
  };

  /** Every leaf of the table as [path, text], functions called with their samples. */
  function leaves(value: unknown, path: string): Array<[string, string]> {
    if (typeof value === 'string') return [[path, value]];
    if (typeof value === 'function') {
      const key = path.split('.').at(-1)!;
      expect(samples[key], `a sample call for ${path}`).toBeDefined();
      return samples[key]!.flatMap((args, i) => leaves((value as (...a: unknown[]) => unknown)(...args), `${path}(${i})`));
    }
    if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, `${path}[${i}]`));
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => leaves(item, path ? `${path}.${key}` : key));
  }

  it('has an English form for every French word, both non-empty', () => {
    const fr = leaves(ui('fr'), '');
    const en = leaves(ui('en'), '');
    expect(en.map(([path]) => path)).toEqual(fr.map(([path]) => path));
    for (const [path, text] of [...fr, ...en]) expect(text.trim(), path).not.toBe('');
    // Translated, not copied: no French letters or guillemets in English (the command name is French, unaccented).
    for (const [path, text] of en) expect(text, path).not.toMatch(/[àâçéèêëîïôûùüÿœ«»]|\s[:;?!]/);
    // The French table is still what the default gives (a click, the home tab, the greeting).
    expect(ui()).toBe(ui('fr'));
  });

  it('words a notice about an English question in English, and keeps French by default', () => {
    expect(invalidQuestionNotice('too-long', 'en').text).toBe(
      'Your question is too long (2000 characters at most): could you shorten it? ' +
        'Ask me a question about the reports, for example: “What does the 2021 report on online platforms recommend?”',
    );
    expect(startingNotice('en').text).toBe('Starting up… the reports’ index is loading. Please ask your question again in a moment.');
    expect(rateLimitNotice(1, 'en').text).toMatch(/Please try again in 1 second\.$/);
    expect(invalidQuestionNotice('too-long').text).toMatch(/^Votre question est trop longue \(2000 caractères au plus\)/);
  });
});
