// The prompts a new conversation opens with, under the greeting (ui().greeting), in both experiences (the
// Agent messaging view's Messages tab and the legacy assistant panel): up to four, drawn from the corpus
// (answer/prompts.ts).
import { ui } from '../blocks/index.ts';
import type { SlackDeps } from '../deps.ts';
import { SLACK_LIMITS } from '../limits.ts';
import { truncate } from '../mrkdwn.ts';

/** Prompt titles are cut at this length; Slack publishes no limit for them. */
const PROMPT_TITLE_MAX = 75;

export function suggestedPrompts(deps: SlackDeps): { title: string; prompts: Array<{ title: string; message: string }> } {
  const t = ui().greeting;
  const fromCorpus = deps.engine.get()?.suggestedPrompts('fr') ?? [];
  const prompts = fromCorpus.length ? fromCorpus : t.fallbackPrompts;
  return {
    title: t.promptsTitle,
    prompts: prompts.slice(0, SLACK_LIMITS.suggestedPrompts).map((message) => ({ title: truncate(message, PROMPT_TITLE_MAX), message })),
  };
}
