// Socket Mode with two bots (two Web API clients, two WebSocket connections, two engines, two Redis clients:
// what two processes would hold) sharing one real Redis: Slack's envelopes may reach either connection.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pino } from 'pino';
import { createAnswerEngine } from '../../src/answer/index.ts';
import { defaultCorpusDir } from '../../src/config.ts';
import { loadEmbedder } from '../../src/embed/index.ts';
import { createEngineSlot, createSlackBot, loadSlackEnv, type SlackBot } from '../../src/slack/index.ts';
import { openStateStore, type StateStore } from '../../src/state/index.ts';
import { LocalSlack } from '../slack/helpers/local-slack.ts';
import { flushRedis, testRedisUrl } from '../support/redis.ts';
import { mention, postsIn, sourceNumbers } from './helpers/slack-payloads.ts';

const redisUrl = testRedisUrl(3);
const silent = pino({ level: 'silent' });

describe.skipIf(!redisUrl)('two Socket Mode connections sharing one Redis', () => {
  let local: LocalSlack;
  const bots: SlackBot[] = [];
  const stores: StateStore[] = [];
  let envelopes = 0;
  const envelope = (payload: Record<string, unknown>) => ({
    envelope_id: `env-${envelopes++}`, type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload,
  });

  beforeAll(async () => {
    await flushRedis(redisUrl!);
    local = new LocalSlack();
    await local.start();
    await local.startSocketMode();
    const embedder = await loadEmbedder();
    for (let i = 0; i < 2; i++) {
      const state = await openStateStore({ kind: 'redis', url: redisUrl! });
      const engine = await createAnswerEngine({ corpusDir: defaultCorpusDir, indexDir: inject('sharedIndexDir'), embedder, store: state.conversations });
      const env = loadSlackEnv({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-1-A0001-test', SLACK_API_URL: local.apiUrl, RAPPORTEUR_STATE: 'memory' });
      const bot = createSlackBot({ env, engine: createEngineSlot(engine), logger: silent, state, retryConfig: { retries: 2, factor: 1, minTimeout: 5, maxTimeout: 20 } });
      await bot.start();
      bots.push(bot);
      stores.push(state);
    }
    await local.waitFor(() => local.socketClients === 2 || undefined);
  });
  afterAll(async () => {
    for (const bot of bots) await bot.stop();
    for (const store of stores) await store.close();
    await local?.stop();
  });

  it('answers once an envelope that reaches both connections', async () => {
    const question = mention('U1', 'C1', 'Que recommande le rapport 2021 sur les plateformes en ligne ?');
    const sent = envelope(question.envelope);
    local.sendEnvelope(sent); // to every connection
    await local.waitFor(() => local.socketMessages.filter((m) => m.envelope_id === sent.envelope_id).length === 2 || undefined);
    await local.waitFor(() => postsIn(local, 'C1', question.ts)[0]);
    // A later question through both as well: once it is answered, the first cannot still be pending.
    const later = mention('U1', 'C1', 'Quel rôle pour la société civile ?');
    local.sendEnvelope(envelope(later.envelope));
    await local.waitFor(() => postsIn(local, 'C1', later.ts)[0]);
    expect(postsIn(local, 'C1', question.ts)).toHaveLength(1);
    expect(postsIn(local, 'C1', later.ts)).toHaveLength(1);
  });

  it('continues a thread on the other connection', async () => {
    const question = mention('U2', 'C2', 'Que recommande le rapport 2021 sur les plateformes en ligne ?');
    local.sendEnvelopeTo(0, envelope(question.envelope));
    await local.waitFor(() => postsIn(local, 'C2', question.ts)[0]);
    local.sendEnvelopeTo(1, envelope(mention('U2', 'C2', 'plus de résultats', { threadTs: question.ts }).envelope));
    const more = await local.waitFor(() => postsIn(local, 'C2', question.ts)[1]);
    expect(sourceNumbers(more)[0]).toBe(6);
  });
});
