// manifest.yml against Slack's official app manifest JSON Schema (slackapi/manifest-schema v0.5.0, kept in
// ../shared/slack/manifest-schema/ because this machine cannot download it), with Ajv for the draft the
// schema declares (draft-07). The entry schema picks the version schema by `_metadata.major_version`; its
// $refs name the version files by their raw GitHub URLs, so they are registered under those ids.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config.ts';

const SCHEMA_DIR = path.join(projectRoot, '..', 'shared', 'slack', 'manifest-schema');
const VERSION_URL = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/';

type Json = Record<string, any>;

async function readJson(file: string): Promise<Json> {
  return JSON.parse(await readFile(path.join(SCHEMA_DIR, file), 'utf8')) as Json;
}

async function manifestValidator() {
  // Not strict: the schema carries annotations Ajv does not know (`_note`); its one non-standard check,
  // `regex` on background_color, is implemented below instead of being ignored.
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addKeyword({
    keyword: 'regex',
    type: 'string',
    schemaType: 'string',
    validate: (pattern: string, data: string) => new RegExp(pattern).test(data),
  });
  for (const version of ['1.0.0', '2.0.0']) {
    const schema = await readJson(`manifest.schema.${version}.json`);
    ajv.addSchema({ ...schema, $id: `${VERSION_URL}manifest.schema.${version}.json` });
  }
  const entry = await readJson('manifest.schema.json');
  expect(entry.$schema).toBe('http://json-schema.org/draft-07/schema#');
  return ajv.compile(entry);
}

describe('manifest.yml', () => {
  it('is valid against Slack’s official manifest schema and uses the Agent messaging experience', async () => {
    const validate = await manifestValidator();
    const manifest = parse(await readFile(path.join(projectRoot, 'manifest.yml'), 'utf8')) as Json;
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);

    const agent = manifest.features.agent_view;
    expect(agent.agent_description.length).toBeGreaterThan(0);
    expect(agent.suggested_prompts.length).toBeGreaterThan(0);
    expect(agent.suggested_prompts.length).toBeLessThanOrEqual(4);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_home_opened', 'message.im']));
  });

  it('the validator refuses what Slack would refuse (so the test above can fail)', async () => {
    const validate = await manifestValidator();
    const manifest = parse(await readFile(path.join(projectRoot, 'manifest.yml'), 'utf8')) as Json;
    const prompt = { title: 'T', message: 'M' };
    const tooMany = { ...manifest, features: { ...manifest.features, agent_view: { agent_description: 'x', suggested_prompts: [prompt, prompt, prompt, prompt, prompt] } } };
    expect(validate(tooMany)).toBe(false);
    const unknownKey = { ...manifest, features: { ...manifest.features, agent_view: { agent_description: 'x', assistant_description: 'y' } } };
    expect(validate(unknownKey)).toBe(false);
    const badColour = { ...manifest, display_information: { ...manifest.display_information, background_color: '#12345z' } };
    expect(validate(badColour)).toBe(false);
    // The legacy experience the README describes switching to is valid too.
    const { agent_view: agentView, ...features } = manifest.features;
    const legacy = {
      ...manifest,
      features: { ...features, assistant_view: { assistant_description: agentView.agent_description, suggested_prompts: agentView.suggested_prompts } },
    };
    expect(validate(legacy)).toBe(true);
  });
});
