// Block Kit types come from @slack/types, re-exported by Bolt; one alias file keeps the builders' imports short.
import type { types } from '@slack/bolt';

export type KnownBlock = types.KnownBlock;
export type Button = types.Button;
export type ActionsBlock = types.ActionsBlock;
export type SectionBlock = types.SectionBlock;
export type ContextBlock = types.ContextBlock;
export type ModalView = types.ModalView;
export type HomeView = types.HomeView;

/** A message as builders return it: blocks plus the plain notification text Slack requires alongside. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}
