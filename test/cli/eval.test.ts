// `rapporteur eval` as a person runs it: a real child process, the real model and the shared index. The tuning
// part only: the held-out part's per-question results are never printed, and these checks need none.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { runRapporteur } from '../support/cli.ts';

let indexArgs: string[];
beforeAll(() => {
  indexArgs = ['--index', inject('sharedIndexDir')];
});

interface PartJson {
  part: string;
  overall: { answerable: number; mrr: number; top5: { hits: number }; recallAt1: { hits: number }; firstQuote: { hits: number } };
  intervals: { top5: [number, number]; mrr: [number, number] };
  paired?: {
    answerable: number;
    mrr: { baseline: number; changed: number; difference: number; interval: [number, number] };
    top5: { gained: number; lost: number; p: number };
    recallAt1: { gained: number; lost: number; p: number };
    firstQuote: { gained: number; lost: number; p: number };
  };
}

describe('rapporteur eval', () => {
  it('compares a change with the default techniques question by question (--paired), consistent with both runs', async () => {
    const plain = await runRapporteur(['eval', ...indexArgs, '--split', 'tune', '--json']);
    const changed = await runRapporteur(['eval', ...indexArgs, '--split', 'tune', '--without', 'coverage', '--paired', '--json']);
    expect(plain.code).toBe(0);
    expect(changed.code).toBe(0);
    const base = (JSON.parse(plain.stdout).parts as PartJson[])[0]!;
    const report = JSON.parse(changed.stdout);
    const part = (report.parts as PartJson[])[0]!;
    expect(report.baselineTechniques).toContain('coverage');
    expect(report.techniques).not.toContain('coverage');
    const paired = part.paired!;
    expect(paired.answerable).toBe(base.overall.answerable);
    expect(paired.mrr.baseline).toBeCloseTo(base.overall.mrr, 12);
    expect(paired.mrr.changed).toBeCloseTo(part.overall.mrr, 12);
    expect(paired.mrr.interval[0]).toBeLessThanOrEqual(paired.mrr.difference);
    expect(paired.mrr.interval[1]).toBeGreaterThanOrEqual(paired.mrr.difference);
    // Gained minus lost is the change of the totals; a technique that changes nothing would gain and lose 0.
    expect(paired.top5.gained - paired.top5.lost).toBe(part.overall.top5.hits - base.overall.top5.hits);
    expect(paired.recallAt1.gained - paired.recallAt1.lost).toBe(part.overall.recallAt1.hits - base.overall.recallAt1.hits);
    expect(paired.firstQuote.gained - paired.firstQuote.lost).toBe(part.overall.firstQuote.hits - base.overall.firstQuote.hits);
    expect(paired.recallAt1.gained + paired.recallAt1.lost).toBeGreaterThan(0);
    expect(base.paired).toBeUndefined();
    expect(report.changes).toBeUndefined();
    expect(base.intervals.mrr[0]).toBeLessThan(base.overall.mrr);
    expect(base.intervals.mrr[1]).toBeGreaterThan(base.overall.mrr);
  });

  it('prints the intervals and the paired block in its tables', async () => {
    const { code, stdout } = await runRapporteur(['eval', ...indexArgs, '--split', 'tune', '--without', 'coverage', '--paired']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/95 % intervals \(Wilson; MRR by bootstrap\): top 5 \d+\.\d–\d+\.\d %, MRR 0\.\d{3}–0\.\d{3},/);
    expect(stdout).toMatch(/Against the default techniques, question by question \(163 answerable\)\n {4}MRR {30}0\.\d{3} → 0\.\d{3} \([+−]0\.\d{3}, 95 % interval [+−]0\.\d{3} to [+−]0\.\d{3}\)/);
    expect(stdout).toMatch(/ {4}R@1 {30}gained \d+, lost \d+ +\(sign test p [=<] \d?\.\d+\)/);
  });

  it('lists with --failures the questions a change moved, each with both answers', async () => {
    const { code, stdout } = await runRapporteur(['eval', ...indexArgs, '--split', 'tune', '--without', 'synonyms', '--paired', '--failures', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    const changes = report.changes as Array<{ id: string; before: { got: string; rank: number | null }; after: { got: string; rank: number | null } }>;
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) expect(change.before.got !== change.after.got || change.before.rank !== change.after.rank).toBe(true);
    // Every question whose R@1 moved is among them.
    const paired = report.parts[0].paired;
    const atFirst = (rank: number | null) => rank === 1;
    const movedAtFirst = changes.filter((c) => atFirst(c.before.rank) !== atFirst(c.after.rank)).length;
    expect(movedAtFirst).toBe(paired.recallAt1.gained + paired.recallAt1.lost);
  });

  it('refuses --paired without a change to compare, with one line and exit code 2', async () => {
    const { code, stdout, stderr } = await runRapporteur(['eval', ...indexArgs, '--split', 'tune', '--paired']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe('rapporteur: eval --paired compares a change with the default techniques: give --with or --without too');
  });
});
