// Messages between the benchmark and its serving probe (a child process), validated on both sides.
import { z } from 'zod';

export const ProbeConfigSchema = z.object({
  corpusDir: z.string(),
  indexDir: z.string(),
  /** Asked once each, in order; the first one is the cold-start question. */
  questions: z.array(z.string().min(1)).min(1),
  /** How many of the questions are asked a second time (same text: the query cache answers the embedding). */
  repeats: z.number().int().nonnegative(),
  lookups: z.array(z.object({ reference: z.string(), doc: z.string() })),
  /** Then sent, each once, through the real Slack app as mentions (other texts than `questions`: no cache). */
  slackQuestions: z.array(z.string().min(1)).default([]),
});
export type ProbeConfig = z.infer<typeof ProbeConfigSchema>;

const SamplesSchema = z.array(z.number());

export const ProbeMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), label: z.string(), done: z.number(), total: z.number() }),
  z.object({
    type: z.literal('ready'),
    processStartMs: z.number(),
    modelLoadMs: z.number(),
    indexLoadMs: z.number(),
    firstAskMs: z.number(),
    /** Where the model load found the tokenizer's vocabulary: its cache, or tokenizer.json (no cache yet). */
    tokenizerSource: z.enum(['cache', 'json']),
    /** Resident memory (VmRSS) at each step of the start, MB. */
    rssMb: z.record(z.string(), z.number()),
  }),
  z.object({
    type: z.literal('result'),
    ask: z.object({
      total: SamplesSchema,
      /** Per question, the engine's own timings (Answer.timings), when it reports them. */
      timings: z.array(z.record(z.string(), z.number()).nullable()),
      kinds: z.array(z.string()),
    }),
    forward: SamplesSchema,
    repeated: SamplesSchema,
    lookup: z.object({ samples: SamplesSchema, found: z.number() }),
    /** Through the Slack app: questions sent, answers posted, wall time (ms). */
    slack: z.object({ questions: z.number(), answered: z.number(), ms: z.number() }).optional(),
    /** Peak RSS before the Slack app was started (the engine alone), and over the whole run. */
    enginePeakRssKb: z.number(),
    peakRssKb: z.number(),
    rssMb: z.record(z.string(), z.number()),
  }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type ProbeMessage = z.infer<typeof ProbeMessageSchema>;
