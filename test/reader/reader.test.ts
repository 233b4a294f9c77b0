// The reader over real HTTP (a server on a free loopback port) and the real corpus: anchors, headings,
// footnotes, neighbours, draft/final twins, the quoted sentence highlighted, and what an altered, expired or
// unknown link gets instead of the text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, parseDocument, PassageSchema, DocumentSchema, type Corpus } from '../../src/corpus/index.ts';
import { defaultCorpusDir } from '../../src/config.ts';
import { loadReaderEnv } from '../../src/reader/index.ts';
import { anchorOf } from '../../src/reader/anchors.ts';
import { quoteSpan } from '../../src/reader/citations.ts';
import { libraryOf } from '../../src/reader/library.ts';
import { readerLink, signedPath } from '../../src/reader/links.ts';
import { sentencesOfPassage } from '../../src/index/index.ts';
import { articleOf, SECRET, startReader, type RunningReader } from './helpers.ts';

let corpus: Corpus;
let reader: RunningReader;

beforeAll(async () => {
  corpus = await loadCorpus(defaultCorpusDir);
  reader = await startReader(corpus);
});
afterAll(async () => {
  await reader?.close();
});

const passage = (docId: string, label: string) => {
  const found = corpus.passages.find((p) => p.docId === docId && p.label === label);
  if (!found) throw new Error(`no ${label} in ${docId}`);
  return found;
};

async function get(url: string, init?: RequestInit): Promise<{ status: number; html: string; headers: Headers }> {
  const response = await fetch(url, init);
  return { status: response.status, html: await response.text(), headers: response.headers };
}

describe('anchors', () => {
  it('derives one stable anchor from each label', () => {
    expect(anchorOf('Recommandation 7 c)')).toBe('recommandation-7-c');
    expect(anchorOf('paragraphe 39 a) ii)')).toBe('paragraphe-39-a-ii');
    expect(anchorOf('note 7')).toBe('note-7');
    expect(anchorOf('note *')).toBe('note-asterisque');
    expect(anchorOf('tableau 1')).toBe('tableau-1');
    expect(anchorOf('paragraphe 12 bis')).toBe('paragraphe-12-bis');
  });

  it('gives every passage of every document its anchor on its page, exactly once', async () => {
    for (const document of corpus.documents) {
      const { status, html } = await get(reader.linker.passage({ docId: document.id, label: 'paragraphe 1' })!);
      expect(status).toBe(200);
      const ids = [...html.matchAll(/<article class="passage[^"]*" id="([^"]+)"/g)].map((m) => m[1]);
      const expected = corpus.passages.filter((p) => p.docId === document.id).map((p) => anchorOf(p.label));
      expect(new Set(ids).size).toBe(ids.length);
      expect(new Set(ids)).toEqual(new Set(expected));
    }
  });
});

describe('a cited passage', () => {
  it('opens the document at the passage, with its heading path as headings and the quoted sentence in <mark>', async () => {
    const cited = passage('2021-wg4-rapport', 'Recommandation 7 c)');
    const sentence = sentencesOfPassage(cited)[0]!;
    const url = reader.linker.quote({ docId: cited.docId, label: cited.label, text: sentence.text })!;
    expect(url).toMatch(new RegExp(`^${reader.base}/r/2021-wg4-rapport\\?p=recommandation-7-c&q=${sentence.start}-${sentence.end}&h=[\\w-]{11}&exp=\\d+&sig=[\\w-]{43}#recommandation-7-c$`));
    const { status, html, headers } = await get(url);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    for (const landmark of ['<header>', '<nav aria-label="Dans ce document">', '<main id="texte"']) expect(html).toContain(landmark);

    const article = articleOf(html, 'recommandation-7-c')!;
    expect(article).toMatch(/^<article class="passage kind-item cited" id="recommandation-7-c"/);
    const marks = [...html.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]);
    expect(marks).toHaveLength(1);
    expect(article).toContain(`<mark>${sentence.text.replace(/'/g, '&#39;')}</mark>`);

    // The heading path, outermost first, as h2 then h3, before the passage.
    const [h2, h3] = cited.headingPath;
    const at = html.indexOf('id="recommandation-7-c"');
    const h2At = html.lastIndexOf(`<h2>${h2!.replace(/'/g, '&#39;')}</h2>`, at);
    const h3At = html.lastIndexOf(`<h3>${h3!.replace(/'/g, '&#39;')}</h3>`, at);
    expect(h2At).toBeGreaterThan(0);
    expect(h3At).toBeGreaterThan(h2At);
    // Previous and next passages.
    expect(article).toContain('<a rel="prev" href="#recommandation-7-b">');
    expect(article).toContain('<a rel="next" href="#recommandation-8">');
    expect(html).toContain('<title>Recommandation 7 c) — Rapport du Groupe de travail (oct. 2021)</title>');
  });

  it('highlights the second sentence of a passage when that is the quote', async () => {
    const cited = passage('2023-a78-rapport-secretaire-general', 'paragraphe 26');
    const sentences = sentencesOfPassage(cited);
    expect(sentences.length).toBeGreaterThan(2);
    const second = sentences[1]!;
    const { html } = await get(reader.linker.quote({ docId: cited.docId, label: cited.label, text: second.text })!);
    const article = articleOf(html, 'paragraphe-26')!;
    const mark = /<mark>([^<]*)<\/mark>/.exec(article)?.[1];
    expect(mark?.replace(/&#39;/g, "'")).toBe(second.text);
    expect(article.indexOf('<mark>')).toBeGreaterThan(article.indexOf('<p class="text">') + 20);
  });

  it('opens a link made before a rebuild that changed the passage without highlighting other words', async () => {
    const cited = passage('2021-wg4-rapport', 'Recommandation 7 c)');
    const url = reader.linker.quote({ docId: cited.docId, label: cited.label, text: sentencesOfPassage(cited)[0]!.text })!;
    const edited = { ...cited, text: `Texte remanié. ${cited.text}` };
    reader.source.current = { documents: corpus.documents, passages: corpus.passages.map((p) => (p === cited ? edited : p)) };
    try {
      const { status, html } = await get(url);
      expect(status).toBe(200);
      expect(articleOf(html, 'recommandation-7-c')).toMatch(/class="passage kind-item cited"/);
      expect(html).not.toContain('<mark>');
    } finally {
      reader.source.current = corpus;
    }
  });

  it('links the footnotes a passage refers to, and each note back to its passage', async () => {
    const cited = passage('2023-a78-rapport-secretaire-general', 'paragraphe 5');
    expect(cited.noteRefs.length).toBeGreaterThan(0);
    const { html } = await get(reader.linker.passage(cited)!);
    const article = articleOf(html, 'paragraphe-5')!;
    for (const n of cited.noteRefs) {
      expect(article).toContain(`<a href="#note-${n}">note ${n}</a>`);
      expect(articleOf(html, `note-${n}`)).toContain('<a href="#paragraphe-5">paragraphe 5</a>');
    }
    expect(html).toContain('<h2 id="notes">Notes</h2>');
  });

  it('links a draft passage to its final twin and back, with signed links that open', async () => {
    const twins = libraryOf(corpus).document('2021-wg4-projet-de-rapport')!.body.filter((i) => i.twins.length > 0);
    expect(twins.length).toBeGreaterThan(5);
    const draft = twins[0]!;
    const { html } = await get(reader.linker.passage(draft.passage)!);
    const href = new RegExp(`<p class="twin">Texte final : <a href="([^"]+)">`).exec(articleOf(html, draft.anchor)!)?.[1];
    expect(href).toBeDefined();
    const twin = draft.twins[0]!;
    const final = await get(new URL(href!.replace(/&amp;/g, '&'), reader.base).toString());
    expect(final.status).toBe(200);
    expect(articleOf(final.html, twin.anchor)).toMatch(/class="passage [^"]*cited"/);
    expect(articleOf(final.html, twin.anchor)).toContain('Aussi dans le projet');
  });
});

describe('links that do not open the text', () => {
  const cited = () => passage('2021-wg4-rapport', 'Recommandation 7 c)');
  const secretText = () => cited().text.slice(0, 60).replace(/'/g, '&#39;');

  it('refuses a tampered link with a 403 page, whatever was changed', async () => {
    const url = new URL(reader.linker.quote({ docId: cited().docId, label: cited().label, text: sentencesOfPassage(cited())[0]!.text })!);
    const variants: Array<(u: URL) => void> = [
      (u) => u.searchParams.set('q', '0-10'),
      (u) => u.searchParams.delete('h'),
      (u) => u.searchParams.set('p', 'recommandation-7-b'),
      (u) => u.searchParams.set('exp', String(Number(u.searchParams.get('exp')) + 86_400)),
      (u) => u.searchParams.set('sig', `${u.searchParams.get('sig')!.slice(0, -1)}${u.searchParams.get('sig')!.endsWith('A') ? 'B' : 'A'}`),
      (u) => u.searchParams.delete('sig'),
      (u) => u.searchParams.append('p', 'recommandation-1'),
      (u) => u.searchParams.set('extra', '1'),
      (u) => {
        u.pathname = '/r/2017-wg4-rapport';
      },
    ];
    for (const change of variants) {
      const altered = new URL(url);
      change(altered);
      const { status, html } = await get(altered.toString());
      expect(status, altered.toString()).toBe(403);
      expect(html).toContain('Lien non valide');
      expect(html).not.toContain(secretText());
      expect(html).not.toContain('<article');
    }
    // The same link signed with another secret.
    const forged = readerLink({ docId: cited().docId, label: cited().label }, { ...reader.config, secret: `${SECRET}-other` })!;
    expect((await get(forged)).status).toBe(403);
  });

  it('refuses an expired link with a 403 page', async () => {
    const url = reader.linker.passage(cited())!;
    expect((await get(url)).status).toBe(200);
    reader.setSkew(31 * 86_400_000);
    try {
      const { status, html } = await get(url);
      expect(status).toBe(403);
      expect(html).toContain('Lien expiré');
      expect(html).not.toContain(secretText());
    } finally {
      reader.setSkew(0);
    }
    // A link made 31 days ago with the default validity (30 days) is expired now.
    const old = readerLink({ docId: cited().docId, label: cited().label }, reader.config, Date.now() - 31 * 86_400_000)!;
    expect((await get(old)).status).toBe(403);
  });

  it('answers 404 for a validly signed link to a document that is not in the corpus', async () => {
    const { status, html } = await get(readerLink({ docId: 'rapport-inexistant', label: 'paragraphe 1' }, reader.config)!);
    expect(status).toBe(404);
    expect(html).toContain('Document introuvable');
    expect((await get(`${reader.base}/r/`)).status).toBe(404);
  });

  it('answers 503 while the corpus is loading, 405 to a POST, and leaves other paths alone', async () => {
    const url = reader.linker.passage(cited())!;
    reader.source.current = undefined;
    try {
      const starting = await get(url);
      expect(starting.status).toBe(503);
      expect(starting.headers.get('retry-after')).toBe('5');
    } finally {
      reader.source.current = corpus;
    }
    expect((await get(url, { method: 'POST' })).status).toBe(405);
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const other = await get(`${reader.base}/slack/events`);
    expect(other.status).toBe(404);
    expect(other.html).toContain('Page introuvable');
  });
});

describe('corpus text is escaped', () => {
  it('shows markup in a passage, a heading and a document name as text, never as markup', async () => {
    const hostile = '<script>alert("x")</script> <img src=x onerror=alert(1)> & « fin »';
    const document = DocumentSchema.parse({
      id: 'hostile', displayName: `Rapport ${hostile}`, title: hostile, date: '2024-01-02', year: 2024, kind: 'report',
      sourcePath: 'corpus/hostile.md', contentHash: 'a'.repeat(64), metaSource: 'inferred',
    });
    const passages = [
      PassageSchema.parse({ id: 'hostile#paragraphe 1', docId: 'hostile', label: 'paragraphe 1', kind: 'paragraph', headingPath: [`I. ${hostile}`], text: `Début. ${hostile} Suite.`, noteRefs: [1], lines: { start: 1, end: 1 } }),
      PassageSchema.parse({ id: 'hostile#note 1', docId: 'hostile', label: 'note 1', kind: 'note', headingPath: [], text: hostile, noteRefs: [], lines: { start: 2, end: 2 } }),
    ];
    // And a real parse of a scratch report: the parser keeps "<" and "&" that are not tags.
    const parsed = parseDocument({ id: 'scratch', sourcePath: 'corpus/scratch.md', text: 'I. Titre\n\n1. Si a < b && b > c, alors "a" < c.\n' });
    const scratch = await startReader({ documents: [document, parsed.document], passages: [...passages, ...parsed.passages] });
    try {
      const { status, html } = await get(scratch.linker.quote({ docId: 'hostile', label: 'paragraphe 1', text: hostile })!);
      expect(status).toBe(200);
      expect(html).not.toContain('<script');
      expect(html).not.toContain('<img');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &amp; « fin »');
      expect(html).toContain('<mark>&lt;script&gt;');
      expect(html).toContain('<h2>I. &lt;script&gt;');
      expect(html).toContain('<h1>Rapport &lt;script&gt;');
      const real = await get(scratch.linker.passage({ docId: 'scratch', label: 'paragraphe 1' })!);
      expect(parsed.passages[0]?.text).toContain('a < b && b > c');
      expect(real.html).toContain('Si a &lt; b &amp;&amp; b &gt; c, alors &quot;a&quot; &lt; c.');
    } finally {
      await scratch.close();
    }
  });
});

describe('links and settings', () => {
  it('makes no link without RAPPORTEUR_PUBLIC_URL', () => {
    expect(readerLink({ docId: 'd', label: 'paragraphe 1' }, { secret: SECRET, linkDays: 30, port: 0 })).toBeUndefined();
  });

  it('finds a quote in its passage verbatim or modulo whitespace', () => {
    expect(quoteSpan('Un. Deux  trois. Quatre.', 'Deux trois.')).toEqual({ start: 4, end: 16 });
    expect(quoteSpan('Un. Deux.', 'Trois.')).toBeUndefined();
  });

  it('signs path, passage, span and expiry together', () => {
    const a = signedPath({ docId: 'd', label: 'paragraphe 1', quote: { start: 0, end: 5, text: 'Début' } }, SECRET, 2_000_000_000);
    const b = signedPath({ docId: 'd', label: 'paragraphe 1', quote: { start: 0, end: 6, text: 'Début.' } }, SECRET, 2_000_000_000);
    expect(a).toMatch(/^\/r\/d\?p=paragraphe-1&q=0-5&h=[\w-]{11}&exp=2000000000&sig=[\w-]{43}#paragraphe-1$/);
    expect(new URL(a, 'http://x').searchParams.get('sig')).not.toBe(new URL(b, 'http://x').searchParams.get('sig'));
  });

  it('validates the variables with one sentence naming the bad one', () => {
    expect(loadReaderEnv({})).toEqual({ linkDays: 30, port: 3000 });
    expect(loadReaderEnv({ RAPPORTEUR_PUBLIC_URL: 'https://r.example.org/', RAPPORTEUR_READER_SECRET: SECRET, RAPPORTEUR_READER_LINK_DAYS: '7', READER_PORT: '8080' })).toEqual({
      publicUrl: 'https://r.example.org', secret: SECRET, linkDays: 7, port: 8080,
    });
    expect(() => loadReaderEnv({ RAPPORTEUR_PUBLIC_URL: 'https://r.example.org' })).toThrow(/^RAPPORTEUR_READER_SECRET is missing: .*\.$/);
    expect(() => loadReaderEnv({ RAPPORTEUR_PUBLIC_URL: 'https://r.example.org', RAPPORTEUR_READER_SECRET: 'short' })).toThrow(/^RAPPORTEUR_READER_SECRET must be at least 32 characters/);
    expect(() => loadReaderEnv({ RAPPORTEUR_PUBLIC_URL: 'https://r.example.org/rapporteur', RAPPORTEUR_READER_SECRET: SECRET })).toThrow(/^RAPPORTEUR_PUBLIC_URL must be the bare origin/);
    expect(() => loadReaderEnv({ RAPPORTEUR_PUBLIC_URL: 'ftp://r.example.org', RAPPORTEUR_READER_SECRET: SECRET })).toThrow(/^RAPPORTEUR_PUBLIC_URL must be an http\(s\) URL/);
    expect(() => loadReaderEnv({ RAPPORTEUR_READER_LINK_DAYS: 'zero' })).toThrow(/^RAPPORTEUR_READER_LINK_DAYS must be a number of days\.$/);
    expect(() => loadReaderEnv({ READER_PORT: '70000' })).toThrow(/^READER_PORT /);
  });
});
