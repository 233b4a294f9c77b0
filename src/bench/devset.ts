// The questions the serving benchmark asks: the development set (eval/devset.yml), validated at the
// boundary, turned into a workload of distinct questions and of references to look up.
import { loadDevSet as readDevSet, type DevQuestion } from '../eval/index.ts';

export type { DevQuestion };

/** The dev set's questions, read and validated by the evaluation stage (the schema `rapporteur eval` uses). */
export async function loadDevSet(file: string): Promise<DevQuestion[]> {
  try {
    return (await readDevSet(file)).questions;
  } catch (error) {
    throw new Error(`the development set ${file} is malformed or unreadable: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// Lead-ins that make a question's text new to the embedder's query cache without changing what it asks;
// the first round uses the question as written.
const LEAD_INS: Record<'fr' | 'en', string[]> = {
  fr: ['', 'Selon les rapports, ', 'Dans les rapports : ', 'Question : ', 'Pouvez-vous me dire : '],
  en: ['', 'According to the reports, ', 'In the reports: ', 'Question: ', 'Can you tell me: '],
};

/**
 * `count` distinct question texts: the dev set's standalone questions (follow-ups need their conversation),
 * cycled, each round behind another neutral lead-in so no text repeats (a repeat would be answered from
 * the query cache and measure the cache, not the pipeline).
 */
export function askWorkload(questions: DevQuestion[], count: number): string[] {
  const standalone = questions.filter((q) => !q.followUpOf);
  if (standalone.length === 0) throw new Error('the development set has no standalone question');
  const out: string[] = [];
  const seen = new Set<string>();
  for (let round = 0; out.length < count && round < 50; round++) {
    for (const q of standalone) {
      if (out.length >= count) break;
      const leadIns = LEAD_INS[q.lang];
      const leadIn = leadIns[round % leadIns.length]!;
      const suffix = round >= leadIns.length ? ` (${Math.floor(round / leadIns.length) + 1})` : '';
      const text = leadIn ? `${leadIn}${lowerFirstWord(q.question)}${suffix}` : `${q.question}${suffix}`;
      if (seen.has(text)) continue;
      seen.add(text);
      out.push(text);
    }
  }
  return out;
}

function lowerFirstWord(text: string): string {
  // "Quelle …" → "quelle …", but "ONUDC …" stays as it is.
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** References typed as people type them: every expected label of the dev set, with its document. */
export function lookupWorkload(questions: DevQuestion[], count: number): Array<{ reference: string; doc: string }> {
  const unique = new Map<string, { reference: string; doc: string }>();
  for (const q of questions) for (const e of q.expected) unique.set(`${e.doc}|${e.label}`, { reference: e.label, doc: e.doc });
  const list = [...unique.values()];
  if (list.length === 0) throw new Error('the development set names no expected passage to look up');
  return Array.from({ length: count }, (_, i) => list[i % list.length]!);
}
