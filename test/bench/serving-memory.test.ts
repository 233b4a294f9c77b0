// Issue 13, D22: the benchmark's memory figure is the serving process's, under 300 distinct questions: the
// plan asks 300 distinct questions of the engine and then sends 300 others through the real Slack app
// (Bolt's HTTP receiver, signed mentions, a local Web API stand-in), and the probe reports the peak over both.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import path from 'node:path';
import { createAnswerEngine, type RapporteurEngine } from '../../src/answer/index.ts';
import { askWorkload, loadDevSet } from '../../src/bench/devset.ts';
import { plan } from '../../src/bench/run.ts';
import { answerThroughSlack } from '../../src/bench/slack-load.ts';
import { defaultCorpusDir, projectRoot } from '../../src/config.ts';

let engine: RapporteurEngine;
beforeAll(async () => {
  engine = await createAnswerEngine({ corpusDir: defaultCorpusDir, indexDir: inject('sharedIndexDir') });
});

describe('the serving memory workload', () => {
  it('is 300 distinct asks, then 300 other distinct questions through Slack', async () => {
    const p = plan({ quick: false });
    expect(p.askQuestions).toBe(300);
    expect(p.slackQuestions).toBe(300);
    const devSet = await loadDevSet(path.join(projectRoot, 'eval', 'devset.yml'));
    const workload = askWorkload(devSet, p.askQuestions + 1 + p.slackQuestions);
    expect(new Set(workload).size).toBe(601);
  });

  it('answers every question sent through the real Slack app, in its thread', async () => {
    const questions = ['Que recommande le Groupe de travail sur les marchés publics ?', 'What should online platforms do with trafficking content?', 'que dit la recommandation 7 c ?'];
    const seen: number[] = [];
    const result = await answerThroughSlack(engine, inject('sharedIndexDir'), questions, (done) => seen.push(done));
    expect(result).toMatchObject({ questions: 3, answered: 3 });
    expect(seen.at(-1)).toBe(3);
  });
});
