// Slack's published Block Kit limits, in one place so every builder truncates against the same numbers.
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
  /** Characters in a modal title. */
  modalTitle: 24,
  /** Top-level `text` of chat.postMessage (the notification fallback); Slack truncates past 40 000. */
  messageText: 4000,
  /** Elements in an actions block. */
  actionsElements: 25,
} as const;
