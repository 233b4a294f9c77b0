// The real Bolt app, over real HTTP (and one real WebSocket), driving the real answer engine on a slice of
// the corpus. Slack is replaced by a local server that answers the Web API and records every call.
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { pino } from 'pino';
import { createAnswerEngine } from '../../src/answer/index.ts';
import { buildIndex } from '../../src/index/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineSlot, createSlackBot, loadSlackEnv, startServer, type SlackBot } from '../../src/slack/index.ts';
import { BOT_USER_ID, LocalSlack, type RecordedCall } from './helpers/local-slack.ts';
import { createSliceEngine, type SliceEngine } from './helpers/real-engine.ts';
import { eventEnvelope, nextTs, sendCommand, sendEvent, sendInteraction, SIGNING_SECRET } from './helpers/signed-requests.ts';

type Json = Record<string, any>;

const QUESTION = 'Que recommande le rapport 2021 sur les plateformes en ligne ?';
const FAST_RETRIES = { retries: 3, factor: 1, minTimeout: 5, maxTimeout: 20 };
const silent = pino({ level: 'silent' });

let local: LocalSlack;
let slice: SliceEngine;
let bot: SlackBot;
let url: string;
let feedbackFile: string;

function envFor(extra: Record<string, string> = {}) {
  return loadSlackEnv({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: local.apiUrl,
    PORT: '0',
    RAPPORTEUR_FEEDBACK_FILE: feedbackFile,
    RAPPORTEUR_RATE_LIMIT: '3',
    // These tests read answers as posted messages; streamed answers are tested in agent.test.ts.
    RAPPORTEUR_STREAMING: 'off',
    RAPPORTEUR_STATE: 'memory',
    ...extra,
  });
}

const posted = (calls: RecordedCall[], channel: string, threadTs?: string) =>
  calls.filter(
    (c) => c.method === 'chat.postMessage' && c.status === 200 && c.params.channel === channel && (threadTs === undefined || c.params.thread_ts === threadTs),
  );
const responses = (calls: RecordedCall[], id: string) => calls.filter((c) => c.method === 'response_url' && c.params.__id === id);
const blocksOf = (call: RecordedCall): Json[] => (call.params.blocks as Json[] | undefined) ?? [];
const contextTexts = (blocks: Json[]) => blocks.filter((b) => b.type === 'context').flatMap((b) => b.elements.map((e: Json) => e.text as string));
const buttons = (blocks: Json[]): Json[] =>
  blocks.flatMap((b) => [...(b.type === 'actions' ? b.elements : []), ...(b.accessory?.type === 'button' ? [b.accessory] : [])]);
const feedbackElement = (blocks: Json[]): Json => blocks.find((b) => b.type === 'context_actions')!.elements[0];

function mention(user: string, channel: string, text: string, threadTs?: string): { ts: string; envelope: Json } {
  const ts = nextTs();
  const event: Json = { type: 'app_mention', user, text: `<@${BOT_USER_ID}> ${text}`, ts, channel, event_ts: ts };
  if (threadTs) event.thread_ts = threadTs;
  return { ts, envelope: eventEnvelope(event) };
}

function directMessage(user: string, channel: string, text: string, extra: Json = {}): { ts: string; envelope: Json } {
  const ts = nextTs();
  return { ts, envelope: eventEnvelope({ type: 'message', channel_type: 'im', channel, user, text, ts, event_ts: ts, ...extra }) };
}

function click(user: string, channel: string, action: Json, where: { ephemeral: boolean; messageTs?: string; threadTs?: string; responseId: string }): Json {
  return {
    type: 'block_actions',
    team: { id: 'T0001', domain: 'local' },
    user: { id: user, username: user.toLowerCase(), team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy',
    trigger_id: `trigger-${where.responseId}`,
    channel: { id: channel, name: 'general' },
    container: where.ephemeral
      ? { type: 'message', message_ts: where.messageTs ?? nextTs(), channel_id: channel, is_ephemeral: true }
      : { type: 'message', message_ts: where.messageTs, channel_id: channel, is_ephemeral: false },
    ...(where.ephemeral ? {} : { message: { type: 'message', ts: where.messageTs, thread_ts: where.threadTs, text: '' } }),
    response_url: local.responseUrl(where.responseId),
    actions: [{ ...action, action_ts: nextTs() }],
  };
}

beforeAll(async () => {
  local = new LocalSlack();
  await local.start();
  slice = await createSliceEngine();
  feedbackFile = path.join(slice.dir, 'feedback.jsonl');
  bot = createSlackBot({ env: envFor(), engine: createEngineSlot(slice.engine), logger: silent, retryConfig: FAST_RETRIES });
  const { port } = await bot.start();
  url = `http://127.0.0.1:${port}/slack/events`;
});

afterAll(async () => {
  await bot?.stop();
  await local?.stop();
  await slice?.cleanup();
});

describe('HTTP receiver', () => {
  let mentionTs = '';
  let answerCall: RecordedCall;

  it('answers an @mention in a thread under the question, citations in context blocks, 👀 while working', async () => {
    const { ts, envelope } = mention('U1', 'C1', QUESTION);
    mentionTs = ts;
    const response = await sendEvent(url, envelope);
    expect(response.status).toBe(200);
    // The ack came back before the answer was posted.
    expect(posted(local.calls, 'C1', ts)).toHaveLength(0);

    answerCall = await local.waitFor((calls) => posted(calls, 'C1', ts)[0]);
    const blocks = blocksOf(answerCall);
    const citations = contextTexts(blocks).filter((t) => t.startsWith('📄'));
    expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) expect(c).toMatch(/^📄 \*Rapport du Groupe de travail \((oct\. 2021|sept\. 2017)\)\*, (Recommandation|paragraphe) \d+/);
    expect(citations.some((c) => c.includes('(oct. 2021)'))).toBe(true);
    // Quotes are sections, each followed by its citation.
    const firstQuote = blocks.findIndex((b) => b.type === 'section' && b.text.text.startsWith('>'));
    expect(firstQuote).toBeGreaterThanOrEqual(0);
    expect(blocks[firstQuote + 1]?.type).toBe('context');
    // Sources with "Texte intégral", "Plus de résultats", and Slack's feedback buttons.
    expect(buttons(blocks).some((b) => b.action_id === 'full_text')).toBe(true);
    expect(buttons(blocks).some((b) => b.action_id === 'more_results')).toBe(true);
    expect(feedbackElement(blocks).type).toBe('feedback_buttons');

    const removed = await local.waitFor((calls) => calls.find((c) => c.method === 'reactions.remove' && c.params.timestamp === ts));
    const added = local.calls.find((c) => c.method === 'reactions.add' && c.params.timestamp === ts);
    expect(added?.params).toMatchObject({ channel: 'C1', name: 'eyes' });
    expect(local.calls.indexOf(added!)).toBeLessThan(local.calls.indexOf(answerCall));
    expect(local.calls.indexOf(answerCall)).toBeLessThan(local.calls.indexOf(removed));
  });

  it('treats a later mention in the thread as a follow-up in the same thread', async () => {
    const { ts, envelope } = mention('U1', 'C1', 'et dans le rapport de 2017 ?', mentionTs);
    expect((await sendEvent(url, envelope)).status).toBe(200);
    await local.waitFor((calls) => calls.find((c) => c.method === 'reactions.remove' && c.params.timestamp === ts));
    const answers = posted(local.calls, 'C1', mentionTs);
    expect(answers).toHaveLength(2);
    const labels = contextTexts(blocksOf(answers[1]!)).join('\n') + JSON.stringify(blocksOf(answers[1]!));
    expect(labels).toContain('(sept. 2017)');
  });

  it('answers a retried delivery (x-slack-retry-num) once', async () => {
    const { ts, envelope } = mention('U2', 'C2', QUESTION);
    expect((await sendEvent(url, envelope)).status).toBe(200);
    const retry = await sendEvent(url, envelope, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    await local.waitFor((calls) => calls.find((c) => c.method === 'reactions.remove' && c.params.timestamp === ts));
    await new Promise((r) => setTimeout(r, 500));
    expect(posted(local.calls, 'C2', ts)).toHaveLength(1);
    expect(local.calls.filter((c) => c.method === 'reactions.add' && c.params.timestamp === ts)).toHaveLength(1);
  });

  it('rejects a request with a bad signature with 401 and does nothing', async () => {
    const before = local.calls.length;
    const { envelope } = mention('U2', 'C2', QUESTION);
    const response = await sendEvent(url, envelope, { secret: 'ffffffffffffffffffffffffffffffff' });
    expect(response.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(local.calls.slice(before).filter((c) => c.method !== 'auth.test')).toHaveLength(0);
  });

  it('never pings: <!channel>, <!here> and <@U…> in a question come back escaped', async () => {
    const { ts, envelope } = mention('U3', 'C3', '<!channel> <!here> <@U999> que dit la recommandation 7 c) ?');
    await sendEvent(url, envelope);
    const call = await local.waitFor((calls) => posted(calls, 'C3', ts)[0]);
    const sent = JSON.stringify(call.params);
    expect(sent).not.toMatch(/<!channel>|<!here>|<@U999>/);

    await sendCommand(url, { command: '/rapporteur', text: '<!channel> &lt;b&gt; plateformes en ligne ?', user_id: 'U3', channel_id: 'C3', response_url: local.responseUrl('ping'), trigger_id: 't' });
    const reply = await local.waitFor((calls) => responses(calls, 'ping')[0]);
    const question = contextTexts(blocksOf(reply)).find((t) => t.startsWith('❓'))!;
    expect(question).toBe('❓ @channel &lt;b&gt; plateformes en ligne ?');
    expect(JSON.stringify(reply.params)).not.toContain('<!channel>');
  });

  it('answers a direct message in a thread under it, and ignores bots, edits and deletions', async () => {
    const fromBot = directMessage('U9', 'D1', QUESTION, { bot_id: 'B999' });
    const edited = directMessage('U4', 'D1', QUESTION, { subtype: 'message_changed' });
    const deleted = directMessage('U4', 'D1', QUESTION, { subtype: 'message_deleted' });
    const own = directMessage(BOT_USER_ID, 'D1', QUESTION);
    for (const m of [fromBot, edited, deleted, own]) expect((await sendEvent(url, m.envelope)).status).toBe(200);

    const dm = directMessage('U4', 'D1', 'Quelles mesures contre le recrutement en ligne ?');
    await sendEvent(url, dm.envelope);
    const answer = await local.waitFor((calls) => posted(calls, 'D1', dm.ts)[0]);
    expect(contextTexts(blocksOf(answer)).some((t) => t.startsWith('📄'))).toBe(true);
    for (const m of [fromBot, edited, deleted, own]) {
      expect(local.calls.filter((c) => c.params.thread_ts === m.ts || c.params.timestamp === m.ts)).toHaveLength(0);
    }
  });

  it('answers a question it cannot take (only punctuation, too long) with a polite reason, not an error', async () => {
    const punctuation = directMessage('U12', 'D12', '?!?');
    const long = directMessage('U12', 'D12', `Que dit le rapport ${'sur la traite '.repeat(200)}?`);
    for (const m of [punctuation, long]) await sendEvent(url, m.envelope);
    const first = await local.waitFor((calls) => posted(calls, 'D12', punctuation.ts)[0]);
    const second = await local.waitFor((calls) => posted(calls, 'D12', long.ts)[0]);
    expect(first.params.text).toMatch(/^Votre message ne contient que de la ponctuation\./);
    expect(second.params.text).toMatch(/^Votre question est trop longue \(2000 caractères au plus\)/);
    for (const reply of [first, second]) expect(String(reply.params.text)).not.toMatch(/erreur interne/);
  });

  it('says why it cannot take an English question in English', async () => {
    const long = directMessage('U31', 'D31', `What does the report say ${'about trafficking '.repeat(200)}?`);
    await sendEvent(url, long.envelope);
    const reply = await local.waitFor((calls) => posted(calls, 'D31', long.ts)[0]);
    expect(reply.params.text).toBe(
      'Your question is too long (2000 characters at most): could you shorten it? ' +
        'Ask me a question about the reports, for example: “What does the 2021 report on online platforms recommend?”',
    );
  });

  it('greets in the assistant panel with prompts from the corpus, shows a status, titles the thread and answers', async () => {
    const threadTs = nextTs();
    await sendEvent(
      url,
      eventEnvelope({
        type: 'assistant_thread_started',
        assistant_thread: { user_id: 'U5', channel_id: 'D5', thread_ts: threadTs, context: {} },
        event_ts: nextTs(),
      }),
    );
    const prompts = await local.waitFor((calls) => calls.find((c) => c.method === 'assistant.threads.setSuggestedPrompts' && c.params.thread_ts === threadTs));
    const expected = slice.engine.suggestedPrompts('fr').slice(0, 4);
    expect((prompts.params.prompts as Json[]).map((p) => p.message)).toEqual(expected);
    expect(posted(local.calls, 'D5', threadTs)[0]?.params.text).toMatch(/^Bonjour/);

    const message = directMessage('U5', 'D5', QUESTION, { thread_ts: threadTs });
    await sendEvent(url, message.envelope);
    const answer = await local.waitFor((calls) => posted(calls, 'D5', threadTs)[1]);
    const status = local.calls.find((c) => c.method === 'assistant.threads.setStatus' && c.params.thread_ts === threadTs);
    const title = local.calls.find((c) => c.method === 'assistant.threads.setTitle' && c.params.thread_ts === threadTs);
    expect(status?.params).toMatchObject({ channel_id: 'D5', status: 'cherche dans les rapports…' });
    expect(title?.params.title).toBe(QUESTION);
    expect(local.calls.indexOf(status!)).toBeLessThan(local.calls.indexOf(answer));
    expect(contextTexts(blocksOf(answer)).some((t) => t.startsWith('📄'))).toBe(true);
    // The assistant path uses Bolt's say(), which reads the thread context first.
    expect(local.calls.some((c) => c.method === 'conversations.replies' && c.params.ts === threadTs)).toBe(true);
  });

  it('/rapporteur answers ephemerally; "Partager dans le canal" posts it publicly and removes the private copy', async () => {
    const ack = await sendCommand(url, { command: '/rapporteur', text: QUESTION, user_id: 'U6', channel_id: 'C6', response_url: local.responseUrl('cmd-1'), trigger_id: 't1' });
    expect(ack.status).toBe(200);
    const reply = await local.waitFor((calls) => responses(calls, 'cmd-1')[0]);
    expect(reply.params).toMatchObject({ response_type: 'ephemeral' });
    expect(posted(local.calls, 'C6')).toHaveLength(0);
    const share = buttons(blocksOf(reply)).find((b) => b.action_id === 'share_answer')!;
    expect(share.value.length).toBeLessThanOrEqual(2000);

    await sendInteraction(url, click('U6', 'C6', { type: 'button', action_id: 'share_answer', block_id: 'b', value: share.value }, { ephemeral: true, responseId: 'share-1' }));
    const publicPost = await local.waitFor((calls) => posted(calls, 'C6')[0]);
    expect(publicPost.params.thread_ts).toBeUndefined();
    const texts = contextTexts(blocksOf(publicPost));
    expect(texts).toContain(`❓ ${QUESTION}`);
    expect(texts).toContain('Partagé par <@U6>');
    // Same answer as shown privately: the same citations.
    expect(texts.filter((t) => t.startsWith('📄'))).toEqual(contextTexts(blocksOf(reply)).filter((t) => t.startsWith('📄')));
    const deleted = await local.waitFor((calls) => responses(calls, 'share-1')[0]);
    expect(deleted.params).toMatchObject({ delete_original: true });
  });

  it('shows usage help for empty commands', async () => {
    await sendCommand(url, { command: '/rapporteur', text: '', user_id: 'U6', channel_id: 'C6', response_url: local.responseUrl('empty-1'), trigger_id: 't' });
    await sendCommand(url, { command: '/recommandation', text: '  ', user_id: 'U6', channel_id: 'C6', response_url: local.responseUrl('empty-2'), trigger_id: 't' });
    const a = await local.waitFor((calls) => responses(calls, 'empty-1')[0]);
    const b = await local.waitFor((calls) => responses(calls, 'empty-2')[0]);
    expect(a.params.text).toBe('Usage : /rapporteur &lt;question&gt;');
    expect(b.params.text).toBe('Usage : /recommandation &lt;référence&gt; [document]');
  });

  it('/recommandation: ambiguous reference → candidate buttons; a click shows the passage; unknown → not found', async () => {
    await sendCommand(url, { command: '/recommandation', text: '7 c', user_id: 'U7', channel_id: 'C7', response_url: local.responseUrl('rec-1'), trigger_id: 't' });
    const choice = await local.waitFor((calls) => responses(calls, 'rec-1')[0]);
    const candidates = buttons(blocksOf(choice)).filter((b) => b.action_id.startsWith('choose_passage:'));
    expect(candidates.map((b) => b.value).sort()).toEqual(['2017-wg4-rapport#paragraphe 7 c)', '2021-wg4-rapport#Recommandation 7 c)']);

    const pick = candidates.find((b) => b.value.startsWith('2021'))!;
    await sendInteraction(url, click('U7', 'C7', { type: 'button', action_id: pick.action_id, block_id: 'c', value: pick.value }, { ephemeral: true, responseId: 'rec-2' }));
    const shown = await local.waitFor((calls) => responses(calls, 'rec-2')[0]);
    const text = JSON.stringify(blocksOf(shown));
    expect(text).toContain('Recommandation 7 c)');
    expect(text).toContain('plateformes en ligne');
    expect(shown.params.response_type).toBe('ephemeral');

    await sendCommand(url, { command: '/recommandation', text: '7 c 2021-wg4-rapport', user_id: 'U7', channel_id: 'C7', response_url: local.responseUrl('rec-3'), trigger_id: 't' });
    const direct = await local.waitFor((calls) => responses(calls, 'rec-3')[0]);
    expect(buttons(blocksOf(direct)).some((b) => b.action_id.startsWith('choose_passage'))).toBe(false);
    expect(JSON.stringify(blocksOf(direct))).toContain('*Rapport du Groupe de travail (oct. 2021)*, Recommandation 7 c)');

    await sendCommand(url, { command: '/recommandation', text: '99 z', user_id: 'U7', channel_id: 'C7', response_url: local.responseUrl('rec-4'), trigger_id: 't' });
    const missing = await local.waitFor((calls) => responses(calls, 'rec-4')[0]);
    expect(missing.params.text).toContain('99 z');
  });

  it('"Texte intégral" opens the passage in a modal; "Plus de résultats" posts the next sources in the thread', async () => {
    const blocks = blocksOf(answerCall);
    const messageTs = '1700000000.000100';
    const fullText = buttons(blocks).find((b) => b.action_id === 'full_text')!;
    await sendInteraction(url, click('U1', 'C1', { type: 'button', action_id: 'full_text', block_id: 's', value: fullText.value }, { ephemeral: false, messageTs, threadTs: mentionTs, responseId: 'ft' }));
    const modal = await local.waitFor((calls) => calls.find((c) => c.method === 'views.open' && c.params.trigger_id === 'trigger-ft'));
    const view = modal.params.view as Json;
    expect(view.type).toBe('modal');
    const passage = slice.engine.passage(fullText.value)!;
    expect(JSON.stringify(view.blocks)).toContain(JSON.stringify(passage.text.slice(0, 60)).slice(1, -1));

    const more = buttons(blocks).find((b) => b.action_id === 'more_results')!;
    const before = posted(local.calls, 'C1', mentionTs).length;
    await sendInteraction(url, click('U1', 'C1', { type: 'button', action_id: 'more_results', block_id: 'a', value: more.value }, { ephemeral: false, messageTs, threadTs: mentionTs, responseId: 'more' }));
    const next = await local.waitFor((calls) => posted(calls, 'C1', mentionTs)[before]);
    const sources = blocksOf(next).filter((b) => b.type === 'section' && /^\d+\. /.test(b.text.text));
    expect(sources.length).toBeGreaterThan(0);
    expect(sources[0]!.text.text).toMatch(/^6\. /);
  });

  it('records feedback in the state store (last click per user and answer wins) and takes a comment after 👎', async () => {
    const feedback = feedbackElement(blocksOf(answerCall));
    const send = (value: string, id: string) =>
      sendInteraction(url, click('U1', 'C1', { type: 'feedback_buttons', action_id: 'answer_feedback', block_id: 'f', value, text: { type: 'plain_text', text: '👍' } }, { ephemeral: false, messageTs: '1', threadTs: mentionTs, responseId: id }));
    await send(feedback.positive_button.value, 'fb-1');
    await send(feedback.negative_button.value, 'fb-2');
    const commentModal = await local.waitFor((calls) => calls.find((c) => c.method === 'views.open' && c.params.trigger_id === 'trigger-fb-2'));
    const view = commentModal.params.view as Json;

    const store = bot.deps.feedback;
    const latest = await store.readLatest();
    expect(latest).toHaveLength(1);
    expect(latest[0]).toMatchObject({ rating: 'negative', userId: 'U1', channelId: 'C1', question: QUESTION });
    expect(latest[0]!.labels.some((l) => l.startsWith('Rapport du Groupe de travail'))).toBe(true);

    const submit = await sendInteraction(url, {
      type: 'view_submission',
      team: { id: 'T0001', domain: 'local' },
      user: { id: 'U1', username: 'u1', team_id: 'T0001' },
      api_app_id: 'A0001',
      token: 'legacy',
      trigger_id: 'trigger-submit',
      view: { id: 'V1', team_id: 'T0001', type: 'modal', callback_id: view.callback_id, private_metadata: view.private_metadata, hash: 'h', state: { values: { comment: { text: { type: 'plain_text_input', value: 'Il manque le rapport de 2023.' } } } } },
    });
    expect(submit.status).toBe(200);
    // The submission is stored after the ack: poll the file briefly.
    for (let i = 0; i < 100; i++) {
      const rows = await store.readLatest();
      if (rows[0]?.comment) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const final = await store.readLatest();
    expect(final[0]).toMatchObject({ rating: 'negative', comment: 'Il manque le rapport de 2023.' });
  });

  it('publishes the Home tab with the documents, their passage counts and the index build time', async () => {
    await sendEvent(url, eventEnvelope({ type: 'app_home_opened', user: 'U8', channel: 'D8', tab: 'home', event_ts: nextTs() }));
    const publish = await local.waitFor((calls) => calls.find((c) => c.method === 'views.publish' && c.params.user_id === 'U8'));
    const text = JSON.stringify((publish.params.view as Json).blocks);
    for (const doc of slice.engine.corpusInfo().documents) {
      expect(text).toContain(doc.displayName);
      expect(text).toContain(`${doc.passageCount} passages`);
    }
    expect(text).toContain('/recommandation');
  });

  it('survives a 429 from the Web API: the client retries and the answer is posted', async () => {
    local.rateLimit('chat.postMessage', 1);
    const { ts, envelope } = mention('U10', 'C10', QUESTION);
    await sendEvent(url, envelope);
    await local.waitFor((calls) => posted(calls, 'C10', ts)[0]);
    const attempts = local.calls.filter((c) => c.method === 'chat.postMessage' && c.params.thread_ts === ts);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
  });

  it('limits questions per user with a polite ephemeral notice', async () => {
    const sent = [];
    for (let i = 0; i < 4; i++) {
      const dm = directMessage('U11', 'D11', `${QUESTION} (${i})`);
      sent.push(dm.ts);
      await sendEvent(url, dm.envelope);
    }
    const notice = await local.waitFor((calls) => calls.find((c) => c.method === 'chat.postEphemeral' && c.params.user === 'U11'));
    expect(notice.params.text).toMatch(/Réessayez dans \d+ seconde/);
    await local.waitFor((calls) => posted(calls, 'D11').length >= 3 && posted(calls, 'D11'));
    await new Promise((r) => setTimeout(r, 300));
    expect(posted(local.calls, 'D11')).toHaveLength(3);
  });
});

describe('start-up', () => {
  it('acks and says "je démarre…" before the engine is ready, then answers once it is set', async () => {
    const slot = createEngineSlot();
    const starting = createSlackBot({ env: envFor(), engine: slot, logger: silent, retryConfig: FAST_RETRIES });
    const { port } = await starting.start();
    try {
      const startingUrl = `http://127.0.0.1:${port}/slack/events`;
      const first = mention('U12', 'C12', QUESTION);
      expect((await sendEvent(startingUrl, first.envelope)).status).toBe(200);
      const notice = await local.waitFor((calls) => posted(calls, 'C12', first.ts)[0]);
      expect(notice.params.text).toMatch(/^Je démarre…/);

      slot.set(slice.engine);
      const second = mention('U12', 'C12', QUESTION);
      await sendEvent(startingUrl, second.envelope);
      const answer = await local.waitFor((calls) => posted(calls, 'C12', second.ts)[0]);
      expect(contextTexts(blocksOf(answer)).some((t) => t.startsWith('📄'))).toBe(true);
    } finally {
      await starting.stop();
    }
  });
});

describe('Socket Mode', () => {
  it('connects through apps.connections.open, acks an envelope and answers', async () => {
    await local.startSocketMode();
    const socketBot = createSlackBot({
      env: envFor({ SLACK_APP_TOKEN: 'xapp-1-A0001-test' }),
      engine: createEngineSlot(slice.engine),
      logger: silent,
      retryConfig: FAST_RETRIES,
    });
    expect(socketBot.transport).toBe('socket');
    await socketBot.start();
    try {
      expect(local.callsTo('apps.connections.open')).toHaveLength(1);
      const { ts, envelope } = mention('U13', 'C13', QUESTION);
      local.sendEnvelope({ envelope_id: 'env-1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: envelope });
      await local.waitFor(() => local.socketMessages.find((m) => m.envelope_id === 'env-1'));
      const answer = await local.waitFor((calls) => posted(calls, 'C13', ts)[0]);
      expect(contextTexts(blocksOf(answer)).some((t) => t.startsWith('📄'))).toBe(true);
    } finally {
      await socketBot.stop();
    }
  });
});

describe('serve', () => {
  it('answers during start-up, then follows a rebuilt index without a restart or a failed answer', async () => {
    // A copy of the slice and its built index, so the rebuild below does not disturb the other tests.
    const corpusDir = path.join(slice.dir, 'serve-corpus');
    const indexDir = path.join(slice.dir, 'serve-index');
    await cp(slice.corpusDir, corpusDir, { recursive: true });
    await cp(slice.indexDir, indexDir, { recursive: true });
    const embedder = slice.engine.embedder;
    const server = await startServer({
      env: envFor(),
      logger: silent,
      indexDir,
      openEngine: (store) => createAnswerEngine({ corpusDir, indexDir, embedder, store }),
      retryConfig: FAST_RETRIES,
      watchIntervalMs: 50,
    });
    const serveUrl = `http://127.0.0.1:${server.port}/slack/events`;
    const home = async (user: string) => {
      await sendEvent(serveUrl, eventEnvelope({ type: 'app_home_opened', user, channel: 'D20', tab: 'home', event_ts: nextTs() }));
      const call = await local.waitFor((calls) => calls.find((c) => c.method === 'views.publish' && c.params.user_id === user));
      return JSON.stringify((call.params.view as Json).blocks);
    };
    try {
      await server.ready;
      expect(await home('U20')).toContain('(sept. 2017)');

      // `rapporteur index` after a report was removed: a real rebuild into the watched folder.
      await rm(path.join(corpusDir, '2017-wg4-rapport.md'));
      await buildIndex({ corpusDir, indexDir, embedder });
      const during = mention('U21', 'C21', QUESTION);
      await sendEvent(serveUrl, during.envelope);
      const answer = await local.waitFor((calls) => posted(calls, 'C21', during.ts)[0]);
      expect(contextTexts(blocksOf(answer)).some((t) => t.startsWith('📄'))).toBe(true);

      let swapped = false;
      for (let i = 0; i < 100 && !swapped; i++) {
        swapped = !(await home(`U22-${i}`)).includes('(sept. 2017)');
        if (!swapped) await new Promise((r) => setTimeout(r, 100));
      }
      expect(swapped).toBe(true);
    } finally {
      await server.stop();
    }
  });
});
