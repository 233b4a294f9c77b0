// The report reader served by the real bot: on the HTTP receiver's port (a Bolt custom route beside
// /slack/events) in HTTP mode, on READER_PORT in Socket Mode; and the citations of a real answer, streamed or
// posted to the local stand-in for Slack, are links that open the cited passage with the quoted sentence
// highlighted.
import { createServer } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReaderEnv } from '../../src/reader/index.ts';
import { createEngineSlot, createSlackBot, loadSlackEnv, startServer } from '../../src/slack/index.ts';
import { BOT_USER_ID, LocalSlack, type RecordedCall } from './helpers/local-slack.ts';
import { createSliceEngine, type SliceEngine } from './helpers/real-engine.ts';
import { eventEnvelope, nextTs, sendEvent, SIGNING_SECRET } from './helpers/signed-requests.ts';

type Json = Record<string, any>;

const QUESTION = 'Que recommande le rapport 2021 sur les plateformes en ligne ?';
const READER_SECRET = 'reader-secret-for-tests-0123456789abcdef';
const FAST_RETRIES = { retries: 3, factor: 1, minTimeout: 5, maxTimeout: 20 };
const silent = pino({ level: 'silent' });

let local: LocalSlack;
let slice: SliceEngine;

beforeAll(async () => {
  local = new LocalSlack();
  await local.start();
  slice = await createSliceEngine();
});
afterAll(async () => {
  await local?.stop();
  await slice?.cleanup();
});

/** A port nothing listens on right now (the public URL must name it before the server starts). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function slackEnv(port: number, extra: Record<string, string> = {}) {
  return loadSlackEnv({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: local.apiUrl, PORT: String(port), RAPPORTEUR_STATE: 'memory', ...extra });
}

function mention(channel: string): { ts: string; envelope: Json } {
  const ts = nextTs();
  return { ts, envelope: eventEnvelope({ type: 'app_mention', user: 'U1', text: `<@${BOT_USER_ID}> ${QUESTION}`, ts, channel, event_ts: ts }) };
}

const answerIn = (channel: string, ts: string) => (calls: RecordedCall[]) =>
  calls.find((c) => c.method === 'chat.postMessage' && c.status === 200 && c.params.channel === channel && c.params.thread_ts === ts);

const unescapeMrkdwn = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const unescapeHtml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The first quote of an answer's blocks and the link of its citation. */
function firstQuote(blocks: Json[]): { quote: string; url: string; label: string } {
  const at = blocks.findIndex((b) => b.type === 'section' && String(b.text.text).startsWith('>'));
  expect(at).toBeGreaterThanOrEqual(0);
  const quote = unescapeMrkdwn(String(blocks[at]!.text.text).replace(/^>\s?/gm, '').replace(/\n/g, ' '));
  const citation = String(blocks[at + 1]!.elements[0].text);
  const link = /<(http[^|>]+)\|([^>]+)>/.exec(citation);
  expect(link, citation).not.toBeNull();
  return { quote, url: link![1]!, label: link![2]! };
}

async function expectCitedPage(url: string, quote: string): Promise<void> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const html = await response.text();
  const anchor = new URL(url).hash.slice(1);
  expect(html).toMatch(new RegExp(`<article class="passage [^"]*cited" id="${anchor}"`));
  const mark = /<mark>([^<]*)<\/mark>/.exec(html)?.[1];
  expect(mark).toBeDefined();
  expect(quote.replace(/\s+/g, ' ')).toContain(unescapeHtml(mark!).replace(/\s+/g, ' ').replace(/…$/, ''));
}

/** A stream opened in a thread, once stopped: its chunks and the blocks given to chat.stopStream. */
async function streamIn(channel: string, threadTs: string): Promise<{ chunks: Json[]; finalBlocks: Json[] }> {
  const streamTs = await local.waitFor(() => [...local.streams].find(([, s]) => s.channel === channel && s.thread_ts === threadTs && s.stopped)?.[0]);
  const stop = local.calls.find((c) => c.method === 'chat.stopStream' && c.params.ts === streamTs)!;
  return { chunks: local.streams.get(streamTs)!.chunks as Json[], finalBlocks: stop.params.blocks as Json[] };
}

describe('HTTP mode', () => {
  it('serves /r/<document> on the receiver port and links every citation of a streamed answer to it', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const reader = loadReaderEnv({ RAPPORTEUR_PUBLIC_URL: base, RAPPORTEUR_READER_SECRET: READER_SECRET });
    const server = await startServer({
      env: slackEnv(port),
      logger: silent,
      indexDir: slice.indexDir,
      reader,
      openEngine: async () => slice.engine,
      retryConfig: FAST_RETRIES,
    });
    try {
      expect(server.port).toBe(port);
      await server.ready;
      const { ts, envelope } = mention('C1');
      expect((await sendEvent(`${base}/slack/events`, envelope)).status).toBe(200);
      const { chunks, finalBlocks } = await streamIn('C1', ts);

      // The quotes chunk: each citation links to its passage, the quote highlighted.
      const quoteChunk = chunks.find((c) => c.type === 'blocks')!;
      const { quote, url, label } = firstQuote(quoteChunk.blocks as Json[]);
      expect(url.startsWith(`${base}/r/`)).toBe(true);
      expect(url).toMatch(/\?p=[a-z0-9-]+&q=\d+-\d+&h=[\w-]{11}&exp=\d+&sig=[\w-]{43}#[a-z0-9-]+$/);
      expect(label).toMatch(/^(Recommandation|paragraphe) \d+/);
      await expectCitedPage(url, quote);

      // The reading tasks name their passages with reader links as sources.
      const reading = chunks.filter((c) => c.type === 'task_update' && String(c.id).startsWith('read-'));
      expect(reading.length).toBeGreaterThan(0);
      for (const task of reading) expect(task.sources[0].url).toMatch(new RegExp(`^${base}/r/[^?]+\\?p=[a-z0-9-]+&exp=\\d+&sig=[\\w-]{43}#`));
      expect((await fetch(reading[0]!.sources[0].url)).status).toBe(200);

      // Every source citation (sent with chat.stopStream) is a link too.
      const sources = finalBlocks.filter((b) => b.type === 'section' && /^\d+\. /.test(String(b.text.text)));
      expect(sources.length).toBeGreaterThan(0);
      for (const s of sources) expect(String(s.text.text)).toMatch(/^\d+\. \*[^*]+\*, <http:\/\/127\.0\.0\.1:\d+\/r\/[^|>]+\|[^>]+>/);

      // A tampered link on the same port gets the 403 page, not the text.
      const tampered = url.replace(/q=(\d+)-/, (_m, start: string) => `q=${Number(start) + 1}-`);
      expect(tampered).not.toBe(url);
      const refused = await fetch(tampered);
      expect(refused.status).toBe(403);
      expect(await refused.text()).not.toContain('<mark>');
    } finally {
      await server.stop();
    }
  });
});

describe('Socket Mode', () => {
  it('serves the reader on READER_PORT and links the citations of a posted answer to it', async () => {
    await local.startSocketMode();
    const readerPort = await freePort();
    const base = `http://127.0.0.1:${readerPort}`;
    const bot = createSlackBot({
      env: slackEnv(0, { SLACK_APP_TOKEN: 'xapp-1-A0001-test', RAPPORTEUR_STREAMING: 'off' }),
      engine: createEngineSlot(slice.engine),
      logger: silent,
      retryConfig: FAST_RETRIES,
      reader: {
        config: loadReaderEnv({ RAPPORTEUR_PUBLIC_URL: base, RAPPORTEUR_READER_SECRET: READER_SECRET, READER_PORT: String(readerPort) }),
        source: () => slice.engine.current(),
      },
    });
    const started = await bot.start();
    try {
      expect(started.readerPort).toBe(readerPort);
      const { ts, envelope } = mention('C2');
      local.sendEnvelope({ envelope_id: 'env-r1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: envelope });
      const answer = await local.waitFor(answerIn('C2', ts));
      const { quote, url } = firstQuote(answer.params.blocks as Json[]);
      expect(url.startsWith(`${base}/r/`)).toBe(true);
      await expectCitedPage(url, quote);
      expect((await fetch(`${base}/r/2021-wg4-rapport`)).status).toBe(403);
    } finally {
      await bot.stop();
    }
    await expect(fetch(`${base}/r/2021-wg4-rapport`)).rejects.toThrow();
  });
});
