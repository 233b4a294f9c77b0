// Measures near misses on test/fixtures/near-miss/probes.yml: the engine is loaded once, every probe is asked
// once, and the script prints how many near misses were made partial or declined (x/N) and how many answerable
// questions were answered partial or declined (y/M), by kind, then each probe that went the wrong way. With
// --all, every probe with its kind and notice (to diff two runs), an answerable one whose first quote is not from
// an answering passage marked; with --without a,b, those techniques off.
//   npx tsx scripts/near-miss-probes.ts [--all] [--without evidence] [--index DIR]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { createAnswerEngine, TECHNIQUES, type Technique } from '../src/answer/index.ts';
import { defaultCorpusDir, defaultIndexDir, projectRoot } from '../src/config.ts';

interface Probe { q: string; kind: string; missing?: string; answers?: string[] }
const probes = parse(readFileSync(path.join(projectRoot, 'test/fixtures/near-miss/probes.yml'), 'utf8')) as {
  near_misses: Probe[];
  answerable: Probe[];
};

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const without = (flag('--without')?.split(',') ?? []).filter((t): t is Technique => (TECHNIQUES as readonly string[]).includes(t));
const engine = await createAnswerEngine({
  corpusDir: defaultCorpusDir,
  indexDir: flag('--index') ?? defaultIndexDir,
  techniques: { without },
});

type Row = { probe: Probe; kind: string; notice: string; quote: string; hit: boolean; firstOnTarget: boolean };
async function run(list: Probe[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const probe of list) {
    const answer = await engine.ask(probe.q);
    const cited = answer.sources.slice(0, 5).map((s) => `${s.docId} ${s.label}`);
    const [first] = answer.quotes;
    // As `rapporteur eval` counts it: the first quote's passage answers, or is the parent or an item of one that does.
    const firstLabel = first ? `${first.docId} ${first.label}` : '';
    const onTarget = (label: string) => firstLabel !== '' && (firstLabel === label || firstLabel.startsWith(`${label} `) || label.startsWith(`${firstLabel} `));
    rows.push({
      probe,
      kind: answer.kind,
      notice: answer.notice ?? '',
      quote: answer.quotes[0] ? `${answer.quotes[0].docId} ${answer.quotes[0].label}: ${answer.quotes[0].text.slice(0, 110)}` : '',
      hit: (probe.answers ?? []).some((label) => cited.includes(label)),
      firstOnTarget: (probe.answers ?? []).some(onTarget),
    });
  }
  return rows;
}

const declined = (kind: string) => kind === 'partial' || kind === 'abstain' || kind === 'not-found';
const near = await run(probes.near_misses);
const answerable = await run(probes.answerable);

function byKind(rows: Row[], counts: (row: Row) => boolean): string {
  const kinds = [...new Set(rows.map((r) => r.probe.kind))];
  return kinds.map((k) => `${k} ${rows.filter((r) => r.probe.kind === k && counts(r)).length}/${rows.filter((r) => r.probe.kind === k).length}`).join(', ');
}

const x = near.filter((r) => declined(r.kind)).length;
const y = answerable.filter((r) => declined(r.kind)).length;
const top5 = answerable.filter((r) => r.hit).length;
console.log(`near misses partial or declined: ${x}/${near.length}   (${byKind(near, (r) => declined(r.kind))})`);
const unfound = answerable.filter((r) => declined(r.kind) && !r.hit).length;
console.log(`answerable answered partial or declined: ${y}/${answerable.length}, ${unfound} of them without an answering passage in the top 5   (${byKind(answerable, (r) => declined(r.kind))})`);
console.log(`answerable with an answering passage in the top 5 sources: ${top5}/${answerable.length}`);
console.log(`answerable whose first quote comes from an answering passage: ${answerable.filter((r) => r.firstOnTarget).length}/${answerable.length}`);
if (without.length) console.log(`techniques off: ${without.join(', ')}`);

const show = (r: Row) => `  [${r.kind}]${r.probe.answers && !r.hit ? ' (not in top 5)' : ''}${r.probe.answers && r.hit && !r.firstOnTarget ? ' (first quote elsewhere)' : ''} (${r.probe.kind}) ${r.probe.q}${r.notice ? `\n      notice: ${r.notice}` : ''}${r.quote ? `\n      quote: ${r.quote}` : ''}`;
const all = args.includes('--all');
console.log('\nnear misses answered as if answered:');
for (const r of near) if (all || !declined(r.kind)) console.log(show(r));
console.log('\nanswerable questions made partial or declined:');
for (const r of answerable) if (all || declined(r.kind)) console.log(show(r));
