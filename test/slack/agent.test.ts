// Slack's agent experience, for real: the Bolt app over signed HTTP, the real engine on a slice of the
// corpus, the Web API replaced by the local recorder (which answers chat.startStream / appendStream /
// stopStream and records their chunks). Streamed answers with their tasks and sources, the fallback when
// Slack refuses a stream, the Messages tab of the Agent messaging view, the legacy assistant panel, the
// per-thread assistant context, and the small defects of issue 14.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineSlot, createSlackBot, loadSlackEnv, type SlackBot } from '../../src/slack/index.ts';
import { BOT_USER_ID, LocalSlack, type RecordedCall } from './helpers/local-slack.ts';
import { createSliceEngine, type SliceEngine } from './helpers/real-engine.ts';
import { eventEnvelope, nextTs, sendCommand, sendEvent, sendInteraction, SIGNING_SECRET } from './helpers/signed-requests.ts';

type Json = Record<string, any>;

const QUESTION = 'Que recommande le rapport 2021 sur les plateformes en ligne ?';
const FAST_RETRIES = { retries: 3, factor: 1, minTimeout: 5, maxTimeout: 20 };
const READER = 'https://reader.test/r/';

let local: LocalSlack;
let slice: SliceEngine;
let bot: SlackBot;
let url: string;

const calls = (method: string, where: (c: RecordedCall) => boolean = () => true) => local.calls.filter((c) => c.method === method && where(c));
const inThread = (channel: string, threadTs: string) => (c: RecordedCall) => c.params.channel === channel && c.params.thread_ts === threadTs;
const contextTexts = (blocks: Json[]) => blocks.filter((b) => b.type === 'context').flatMap((b) => b.elements.map((e: Json) => e.text as string));

function mention(user: string, channel: string, text: string): { ts: string; envelope: Json } {
  const ts = nextTs();
  return { ts, envelope: eventEnvelope({ type: 'app_mention', user, text: `<@${BOT_USER_ID}> ${text}`, ts, channel, event_ts: ts }) };
}

function directMessage(user: string, channel: string, text: string, extra: Json = {}): { ts: string; envelope: Json } {
  const ts = nextTs();
  return { ts, envelope: eventEnvelope({ type: 'message', channel_type: 'im', channel, user, text, ts, event_ts: ts, ...extra }) };
}

/** The stream opened in a thread, once stopped: its startStream call and every chunk, in order. */
async function streamIn(channel: string, threadTs: string) {
  const start = await local.waitFor(() => calls('chat.startStream', inThread(channel, threadTs)).find((c) => !c.error));
  const streamTs = await local.waitFor(() => [...local.streams].find(([, s]) => s.channel === channel && s.thread_ts === threadTs && s.stopped)?.[0]);
  const stop = calls('chat.stopStream', (c) => c.params.ts === streamTs)[0]!;
  return { start, stop, chunks: local.streams.get(streamTs)!.chunks };
}

beforeAll(async () => {
  local = new LocalSlack();
  await local.start();
  slice = await createSliceEngine();
  const env = loadSlackEnv({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: local.apiUrl, PORT: '0', RAPPORTEUR_RATE_LIMIT: '100' });
  bot = createSlackBot({
    env,
    engine: createEngineSlot(slice.engine),
    logger: pino({ level: 'silent' }),
    retryConfig: FAST_RETRIES,
    passageLink: (p) => `${READER}${p.docId}#${encodeURIComponent(p.label)}`,
  });
  const { port } = await bot.start();
  url = `http://127.0.0.1:${port}/slack/events`;
});

afterAll(async () => {
  await bot?.stop();
  await local?.stop();
  await slice?.cleanup();
});

describe('streamed answers', () => {
  it('streams a mention’s answer in its thread: the search task first, reading tasks with sources, the quotes, then sources and feedback', async () => {
    const { ts, envelope } = mention('U1', 'C1', QUESTION);
    expect((await sendEvent(url, envelope)).status).toBe(200);
    const { start, stop, chunks } = await streamIn('C1', ts);

    // Opened in the channel thread for the asker, as a timeline, with the search task alone.
    expect(start.params).toMatchObject({ channel: 'C1', thread_ts: ts, recipient_user_id: 'U1', recipient_team_id: 'T0001', task_display_mode: 'timeline' });
    expect(start.params.chunks).toEqual([{ type: 'task_update', id: 'search', title: 'Recherche dans 2 rapports', status: 'in_progress' }]);

    const tasks = chunks.filter((c) => c.type === 'task_update');
    expect(tasks.find((t) => t.id === 'search' && t.status === 'complete')?.output).toMatch(/^\d+ passages? retenus?$/);
    const reading = tasks.filter((t) => String(t.id).startsWith('read-'));
    expect(reading.length).toBeGreaterThan(0);
    for (const task of reading) {
      expect(task.title).toMatch(/^Lecture de (Recommandation|paragraphe) .+ \(Rapport (2017|2021)\)$/);
      expect(task.sources).toEqual([{ type: 'url', url: expect.stringMatching(/^https:\/\/reader\.test\/r\/20(17|21)-wg4-rapport#/), text: expect.stringMatching(/^Rapport du Groupe de travail/) }]);
    }
    expect(reading.some((t) => String(t.title).endsWith('(Rapport 2021)'))).toBe(true);

    // Then the quotes, each followed by its citation; the sources and feedback come with chat.stopStream.
    const quoteChunk = chunks.find((c) => c.type === 'blocks')!;
    const quoteBlocks = quoteChunk.blocks as Json[];
    expect(quoteBlocks[0]!.text.text.startsWith('>')).toBe(true);
    expect(contextTexts(quoteBlocks).every((t) => t.startsWith('📄 *Rapport du Groupe de travail'))).toBe(true);
    expect(chunks.indexOf(quoteChunk)).toBeGreaterThan(chunks.indexOf(reading.at(-1)!));
    const final = stop.params.blocks as Json[];
    expect(final.some((b) => b.type === 'context_actions' && b.elements[0].type === 'feedback_buttons')).toBe(true);
    expect(final.some((b) => b.accessory?.action_id === 'full_text')).toBe(true);

    // The status with its loading messages in the channel thread, and 👀; nothing posted beside the stream.
    const status = calls('assistant.threads.setStatus', (c) => c.params.channel_id === 'C1' && c.params.thread_ts === ts)[0]!;
    expect(status.params.status).toBe('cherche dans les rapports…');
    expect((status.params.loading_messages as string[]).length).toBeGreaterThan(0);
    expect(local.calls.indexOf(status)).toBeLessThan(local.calls.indexOf(stop));
    expect(calls('reactions.add', (c) => c.params.timestamp === ts)).toHaveLength(1);
    expect(calls('chat.postMessage', inThread('C1', ts))).toHaveLength(0);

    // The same question answered whole (/rapporteur is ephemeral, never streamed): the same quotes and citations.
    await sendCommand(url, { command: '/rapporteur', text: QUESTION, user_id: 'U1', channel_id: 'C1', response_url: local.responseUrl('same'), trigger_id: 't' });
    const posted = await local.waitFor(() => calls('response_url', (c) => c.params.__id === 'same')[0]);
    const postedBlocks = posted.params.blocks as Json[];
    const quotesOf = (blocks: Json[]) => blocks.filter((b) => (b.type === 'section' && b.text.text.startsWith('>')) || (b.type === 'context' && b.elements[0].text.startsWith('📄')));
    expect(quotesOf(quoteBlocks)).toEqual(quotesOf(postedBlocks));
    expect(quotesOf(quoteBlocks).length).toBeGreaterThan(0);
  });

  it('posts the answer once when chat.startStream answers an error', async () => {
    local.failWith('chat.startStream', 'streaming_not_allowed');
    const { ts, envelope } = mention('U2', 'C2', QUESTION);
    await sendEvent(url, envelope);
    const answer = await local.waitFor(() => calls('chat.postMessage', inThread('C2', ts))[0]);
    expect(contextTexts(answer.params.blocks as Json[]).some((t) => t.startsWith('📄'))).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(calls('chat.startStream', inThread('C2', ts)).map((c) => c.error)).toEqual(['streaming_not_allowed']);
    expect(calls('chat.appendStream', (c) => c.params.channel === 'C2')).toHaveLength(0);
    expect(calls('chat.stopStream', (c) => c.params.channel === 'C2')).toHaveLength(0);
    expect(calls('chat.postMessage', inThread('C2', ts))).toHaveLength(1);
  });

  it('answers a retried delivery once with streaming on', async () => {
    const { ts, envelope } = mention('U3', 'C3', QUESTION);
    await sendEvent(url, envelope);
    await sendEvent(url, envelope, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await streamIn('C3', ts);
    await new Promise((r) => setTimeout(r, 500));
    expect(calls('chat.startStream', inThread('C3', ts))).toHaveLength(1);
    expect(calls('chat.stopStream', (c) => c.params.channel === 'C3')).toHaveLength(1);
    expect(calls('chat.postMessage', inThread('C3', ts))).toHaveLength(0);
  });
});

describe('the Agent messaging experience (features.agent_view)', () => {
  it('greets once in the Messages tab and sets the corpus prompts there', async () => {
    const open = () => sendEvent(url, eventEnvelope({ type: 'app_home_opened', user: 'U4', channel: 'D4', tab: 'messages', event_ts: nextTs() }));
    await open();
    const prompts = await local.waitFor(() => calls('assistant.threads.setSuggestedPrompts', (c) => c.params.channel_id === 'D4')[0]);
    expect(prompts.params.thread_ts).toBeUndefined();
    expect((prompts.params.prompts as Json[]).map((p) => p.message)).toEqual(slice.engine.suggestedPrompts('fr').slice(0, 4));
    const greeting = calls('chat.postMessage', (c) => c.params.channel === 'D4');
    expect(greeting).toHaveLength(1);
    expect(greeting[0]!.params.text).toMatch(/^Bonjour !/);
    expect(calls('views.publish', (c) => c.params.user_id === 'U4')).toHaveLength(0);

    // Opened again: the prompts again, no second greeting.
    await open();
    await local.waitFor(() => calls('assistant.threads.setSuggestedPrompts', (c) => c.params.channel_id === 'D4')[1]);
    expect(calls('chat.postMessage', (c) => c.params.channel === 'D4')).toHaveLength(1);
  });

  it('answers a Messages-tab message in its thread: status (with loading messages), then title, then the streamed answer', async () => {
    const dm = directMessage('U5', 'D5', QUESTION);
    await sendEvent(url, dm.envelope);
    const { start, stop } = await streamIn('D5', dm.ts);
    const status = calls('assistant.threads.setStatus', (c) => c.params.channel_id === 'D5' && c.params.thread_ts === dm.ts)[0]!;
    const title = calls('assistant.threads.setTitle', (c) => c.params.channel_id === 'D5' && c.params.thread_ts === dm.ts)[0]!;
    expect(title.params.title).toBe(QUESTION);
    expect(status.params.loading_messages).toEqual(expect.arrayContaining(['Je cherche dans les rapports…']));
    expect(local.calls.indexOf(status)).toBeLessThan(local.calls.indexOf(title));
    expect(local.calls.indexOf(title)).toBeLessThan(local.calls.indexOf(stop));
    expect(start.params.recipient_user_id).toBe('U5');
  });

  it('shows the status in the question’s language: an English question gets the English status', async () => {
    const dm = directMessage('U6', 'D6', 'What does the working group recommend about online platforms?');
    await sendEvent(url, dm.envelope);
    await streamIn('D6', dm.ts);
    const status = calls('assistant.threads.setStatus', (c) => c.params.channel_id === 'D6' && c.params.thread_ts === dm.ts)[0]!;
    expect(status.params.status).toBe('searching the reports…');
    expect(status.params.loading_messages).toEqual(expect.arrayContaining(['Searching the reports…']));
  });
});

describe('the legacy assistant panel (features.assistant_view)', () => {
  it('greets on assistant_thread_started with the corpus prompts, and streams the answer in the assistant thread', async () => {
    const threadTs = nextTs();
    await sendEvent(url, eventEnvelope({ type: 'assistant_thread_started', assistant_thread: { user_id: 'U6', channel_id: 'D6', thread_ts: threadTs, context: {} }, event_ts: nextTs() }));
    const prompts = await local.waitFor(() => calls('assistant.threads.setSuggestedPrompts', (c) => c.params.thread_ts === threadTs)[0]);
    expect((prompts.params.prompts as Json[]).map((p) => p.message)).toEqual(slice.engine.suggestedPrompts('fr').slice(0, 4));
    expect(calls('chat.postMessage', inThread('D6', threadTs))[0]?.params.text).toMatch(/^Bonjour/);

    const reply = directMessage('U6', 'D6', QUESTION, { thread_ts: threadTs });
    await sendEvent(url, reply.envelope);
    const { stop } = await streamIn('D6', threadTs);
    const status = calls('assistant.threads.setStatus', (c) => c.params.thread_ts === threadTs)[0]!;
    const title = calls('assistant.threads.setTitle', (c) => c.params.thread_ts === threadTs)[0]!;
    expect(local.calls.indexOf(status)).toBeLessThan(local.calls.indexOf(title));
    expect(local.calls.indexOf(title)).toBeLessThan(local.calls.indexOf(stop));
    expect(calls('chat.postMessage', inThread('D6', threadTs))).toHaveLength(1); // the greeting only
  });

  it('keeps each thread’s context: user B’s replies never carry the channel user A is looking at', async () => {
    const threadA = nextTs();
    const threadB = nextTs();
    const started = (user: string, channel: string, threadTs: string) =>
      sendEvent(url, eventEnvelope({ type: 'assistant_thread_started', assistant_thread: { user_id: user, channel_id: channel, thread_ts: threadTs, context: {} }, event_ts: nextTs() }));
    await started('UA', 'DA', threadA);
    await local.waitFor(() => calls('chat.postMessage', inThread('DA', threadA))[0]);
    await sendEvent(
      url,
      eventEnvelope({
        type: 'assistant_thread_context_changed',
        assistant_thread: { user_id: 'UA', channel_id: 'DA', thread_ts: threadA, context: { channel_id: 'C-SECRET-A', team_id: 'T0001', enterprise_id: null } },
        event_ts: nextTs(),
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    await started('UB', 'DB', threadB);
    const greetingB = await local.waitFor(() => calls('chat.postMessage', inThread('DB', threadB))[0]);
    expect(JSON.stringify(greetingB.params)).not.toContain('C-SECRET-A');
  });
});

describe('small defects', () => {
  it('thanks a 👍 privately, and says so when "Texte intégral" cannot open its modal', async () => {
    const { ts, envelope } = mention('U7', 'C7', QUESTION);
    await sendEvent(url, envelope);
    const { stop } = await streamIn('C7', ts);
    const final = stop.params.blocks as Json[];
    const feedback = final.find((b) => b.type === 'context_actions')!.elements[0];
    const fullText = final.find((b) => b.accessory?.action_id === 'full_text')!.accessory;
    const click = (action: Json, id: string) =>
      sendInteraction(url, {
        type: 'block_actions',
        team: { id: 'T0001', domain: 'local' },
        user: { id: 'U7', username: 'u7', team_id: 'T0001' },
        api_app_id: 'A0001',
        token: 'legacy',
        trigger_id: `trigger-${id}`,
        channel: { id: 'C7', name: 'general' },
        container: { type: 'message', message_ts: stop.params.ts, channel_id: 'C7', is_ephemeral: false },
        message: { type: 'message', ts: stop.params.ts, thread_ts: ts, text: '' },
        response_url: local.responseUrl(id),
        actions: [{ ...action, action_ts: nextTs() }],
      });

    await click({ type: 'feedback_buttons', action_id: 'answer_feedback', block_id: 'f', value: feedback.positive_button.value }, 'thumb');
    const thanks = await local.waitFor(() => calls('chat.postEphemeral', (c) => c.params.user === 'U7' && c.params.channel === 'C7')[0]);
    expect(thanks.params).toMatchObject({ thread_ts: ts, text: 'Merci pour votre retour 🙏' });

    local.failWith('views.open', 'expired_trigger_id');
    await click({ type: 'button', action_id: 'full_text', block_id: 's', value: fullText.value }, 'expired');
    const notice = await local.waitFor(() => calls('chat.postEphemeral', (c) => c.params.user === 'U7' && /texte intégral/.test(String(c.params.text)))[0]);
    expect(notice.params.thread_ts).toBe(ts);
  });
});
