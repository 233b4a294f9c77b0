// Slack's published limits on what the bot sends, in one place so every builder truncates against the same numbers.
export const SLACK_LIMITS = {
  /** Characters in a section/context text object. */
  text: 3000,
  /** Blocks in one message. */
  messageBlocks: 50,
  /** Blocks in a modal or the Home tab. */
  viewBlocks: 100,
  /** Characters in a button's value. */
  buttonValue: 2000,
  /** Characters in a button's label (plain_text). */
  buttonText: 75,
  /** Characters in a header block. */
  header: 150,
  /** Characters in a modal's title (and in its submit and close labels). */
  modalTitle: 24,
  /** Characters in a modal's private_metadata. */
  privateMetadata: 3000,
  /** Top-level `text` of chat.postMessage (the notification fallback); Slack truncates past 40 000. */
  messageText: 4000,
  /** Elements in an actions block. */
  actionsElements: 25,
  /** Elements in a context block. */
  contextElements: 10,
  /** Prompts assistant.threads.setSuggestedPrompts shows. */
  suggestedPrompts: 4,
} as const;
