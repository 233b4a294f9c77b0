// The small parts around the app: environment validation, mrkdwn helpers, the manifest, and `rapporteur serve`
// refusing a bad environment.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';
import { loadSlackEnv, SlackEnvError } from '../../src/slack/index.ts';
import { escapeMrkdwn, slackTextToPlain, stripBotMention, truncate } from '../../src/slack/mrkdwn.ts';

const run = promisify(execFile);

const GOOD = { SLACK_BOT_TOKEN: 'xoxb-123-456-abc', SLACK_SIGNING_SECRET: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' };

function envError(env: Record<string, string>): SlackEnvError {
  try {
    loadSlackEnv(env);
  } catch (error) {
    return error as SlackEnvError;
  }
  throw new Error('expected the environment to be refused');
}

describe('environment', () => {
  it('accepts HTTP settings with defaults, and Socket Mode without a signing secret', () => {
    const env = loadSlackEnv({ ...GOOD, SLACK_API_URL: 'http://127.0.0.1:9/api' });
    expect(env).toMatchObject({ PORT: 3000, SLACK_API_URL: 'http://127.0.0.1:9/api/', RAPPORTEUR_RATE_LIMIT: 10 });
    expect(env.SLACK_APP_TOKEN).toBeUndefined();
    expect(loadSlackEnv({ SLACK_BOT_TOKEN: GOOD.SLACK_BOT_TOKEN, SLACK_APP_TOKEN: 'xapp-1-A1-2-abc' }).SLACK_APP_TOKEN).toBe('xapp-1-A1-2-abc');
  });

  it('names the missing or malformed variable in one sentence, exit code 2', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ SLACK_SIGNING_SECRET: GOOD.SLACK_SIGNING_SECRET }, /^SLACK_BOT_TOKEN is missing/],
      [{ ...GOOD, SLACK_BOT_TOKEN: 'xoxp-user-token' }, /^SLACK_BOT_TOKEN must be a bot token starting with "xoxb-"/],
      [{ SLACK_BOT_TOKEN: GOOD.SLACK_BOT_TOKEN }, /^SLACK_SIGNING_SECRET is missing/],
      [{ ...GOOD, SLACK_APP_TOKEN: 'xoxb-wrong' }, /^SLACK_APP_TOKEN must be an app-level token starting with "xapp-"/],
      [{ ...GOOD, PORT: 'eighty' }, /^PORT must be a port number/],
      [{ ...GOOD, SLACK_API_URL: 'not a url' }, /^SLACK_API_URL must be a URL/],
    ];
    for (const [env, message] of cases) {
      const error = envError(env);
      expect(error).toBeInstanceOf(SlackEnvError);
      expect(error.message).toMatch(message);
      expect(error.message.split('\n')).toHaveLength(1);
    }
  });

  it('`rapporteur serve` with a bad token prints one line and exits 2', async () => {
    const result = await run(process.execPath, [path.join(projectRoot, 'bin/rapporteur.js'), 'serve'], {
      env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: 'nope' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('rapporteur: SLACK_BOT_TOKEN must be a bot token starting with "xoxb-".\n');
  });
});

// The feedback store, the rate limiter and de-duplication are the state store's: test/state/store.test.ts.

describe('mrkdwn helpers', () => {
  it('turns Slack-formatted text into the plain question, and escapes it back', () => {
    const raw = '<@UBOT> que dit <#C1|général> sur &lt;b&gt; &amp; <https://x.org|ce lien> <!here> <!subteam^S1|@equipe> ?';
    expect(stripBotMention(raw, 'UBOT')).toBe('que dit <#C1|général> sur &lt;b&gt; &amp; <https://x.org|ce lien> <!here> <!subteam^S1|@equipe> ?');
    const plain = slackTextToPlain(stripBotMention(raw, 'UBOT'));
    expect(plain).toBe('que dit général sur <b> & ce lien @here @@equipe ?');
    expect(escapeMrkdwn(plain)).toBe('que dit général sur &lt;b&gt; &amp; ce lien @here @@equipe ?');
  });

  it('truncates on a word boundary with "…"', () => {
    expect(truncate('court', 10)).toBe('court');
    const cut = truncate('un deux trois quatre cinq', 12);
    expect(cut).toBe('un deux…');
    expect(cut.length).toBeLessThanOrEqual(12);
    expect(truncate('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('manifest.yml', () => {
  it('declares the events, commands, interactivity and agent view the app listens to, with only the needed scopes', async () => {
    const manifest = parse(await readFile(path.join(projectRoot, 'manifest.yml'), 'utf8'));
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(
      ['app_home_opened', 'app_mention', 'assistant_thread_context_changed', 'assistant_thread_started', 'message.im'].sort(),
    );
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/rapporteur', '/recommandation']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.agent_view.agent_description).toBeTruthy();
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['app_mentions:read', 'assistant:write', 'chat:write', 'commands', 'im:history', 'reactions:write']);
  });
});
