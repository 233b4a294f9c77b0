// The regex cues of declines.ts on the two probe sets (test/fixtures/declines/): every off-topic request is
// declined, with the reason it should get, and no genuine question about the reports is. Pure: no model, no
// index (the vocabulary signal is given a word list here; quality.test.ts runs it on the real index).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contentWords, declineReason, MIN_UNKNOWN_WORDS, outsideVocabulary } from '../../src/answer/declines.ts';
import { projectRoot } from '../../src/config.ts';

const OffTopicFile = z.strictObject({
  probes: z.array(z.strictObject({ question: z.string().trim().min(1), reason: z.enum(['off-topic', 'general']) })).min(120),
});
const OnTopicFile = z.strictObject({
  probes: z
    .array(
      z.strictObject({
        question: z.string().trim().min(1),
        about: z.enum(['2017', '2021', 'draft-2021', 'procurement', '2023', 'any', 'follow-up']),
      }),
    )
    .min(150),
});

function load<T>(schema: z.ZodType<T>, file: string): T {
  const text = readFileSync(path.join(projectRoot, 'test', 'fixtures', 'declines', file), 'utf8');
  return schema.parse(parse(text));
}

const offTopic = load(OffTopicFile, 'off-topic.yml').probes;
const onTopic = load(OnTopicFile, 'on-topic.yml').probes;

describe('the probe files', () => {
  it('hold each question once, in neither both files nor twice in one', () => {
    const all = [...offTopic, ...onTopic].map((p) => p.question);
    const repeated = all.filter((question, i) => all.indexOf(question) !== i);
    expect(repeated).toEqual([]);
  });
});

describe('declineReason, regex cues alone', () => {
  it('declines every off-topic probe', () => {
    const missed = offTopic.filter((p) => declineReason(p.question) === null).map((p) => `${p.reason}: ${p.question}`);
    expect(missed, `${missed.length}/${offTopic.length} off-topic probes not declined:\n${missed.join('\n')}`).toEqual([]);
  });

  it('gives each off-topic probe its reason: a request is off-topic, a world question general', () => {
    const wrong = offTopic
      .map((p) => ({ ...p, got: declineReason(p.question) }))
      .filter((p) => p.got !== null && p.got !== p.reason)
      .map((p) => `expected ${p.reason}, got ${p.got}: ${p.question}`);
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('declines no on-topic probe', () => {
    const declined = onTopic
      .map((p) => ({ ...p, got: declineReason(p.question) }))
      .filter((p) => p.got !== null)
      .map((p) => `${p.got} (${p.about}): ${p.question}`);
    expect(declined, `${declined.length}/${onTopic.length} on-topic probes declined:\n${declined.join('\n')}`).toEqual([]);
  });

  it('still tells shell text and other scripts apart', () => {
    expect(declineReason("'; DROP TABLE passages; --")).toBe('not-words');
    expect(declineReason('工作组对公共采购有什么建议？')).toBe('other-script');
  });
});

describe('a follow-up is judged by its form only', () => {
  it('its topic words do not decline it: it keeps the previous question’s subject', () => {
    for (const question of ['what about hotels?', 'et le football ?', 'What about crypto wallets?', 'et demain ?']) {
      expect(declineReason(question), question).toBe('general');
      expect(declineReason(question, { continues: true }), question).toBeNull();
    }
  });

  it('a request or chit-chat is declined all the same', () => {
    for (const question of ['et écris-moi un mail là-dessus', 'ok, translate that into Spanish', 'merci !']) {
      expect(declineReason(question, { continues: true }), question).toBe('off-topic');
    }
  });
});

describe('the vocabulary signal', () => {
  const vocabulary = new Set(['traite', 'victimes', 'victims', 'rapport', 'report', 'enfants', 'children', 'recrutement']);
  const knowsWord = (word: string) => vocabulary.has(word);

  it('declines a question none of whose content words the reports use, as general knowledge', () => {
    const question = 'How do I knit a woolly scarf?';
    expect(declineReason(question)).toBeNull();
    expect(contentWords(question)).toEqual(['knit', 'woolly', 'scarf']);
    expect(declineReason(question, { knowsWord })).toBe('general');
  });

  it(`needs ${MIN_UNKNOWN_WORDS} unknown content words: a short follow-up or a name is no sign`, () => {
    expect(outsideVocabulary('what about kids?', knowsWord)).toBe(false);
    expect(outsideVocabulary('et Manizha Bakhtari ?', knowsWord)).toBe(false);
    expect(outsideVocabulary('et en 2021 ?', knowsWord)).toBe(false);
    expect(outsideVocabulary('What do they say about grooming, sextortion and livestreams?', knowsWord)).toBe(true);
  });

  it('one word the reports use is enough to search', () => {
    expect(declineReason('Que disent-ils des arnaques au recrutement sur les réseaux ?', { knowsWord })).toBeNull();
  });

  it('does not apply to a follow-up, nor override the domain', () => {
    expect(declineReason('and what about deepfakes, chatbots, metaverse?', { knowsWord, continues: true })).toBeNull();
    expect(declineReason('Parlent-ils de trafficking via metaverse, chatbots ?', { knowsWord })).toBeNull();
  });
});
