// Text that reaches Slack: user questions and corpus passages are data, never markup. Escaping `& < >` is
// what Slack asks for; it is also what keeps `<!channel>` or `<@U…>` in a question from pinging anyone.

/** Escape text for a mrkdwn (or top-level `text`) field. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Slack's formatting marks, and the look-alikes that show the same but format nothing. */
const FORMATTING_LOOKALIKES: Record<string, string> = { '*': '∗', _: 'ˍ', '~': '∼', '`': 'ˋ' };

/**
 * Escape a short label (a citation: "note *", a document name) for mrkdwn and neutralise Slack's formatting
 * marks in it: `*${name}*, note *` would otherwise leave a stray `*` or bold the wrong words. Slack's mrkdwn
 * has no escape for them, so they are shown as look-alikes (∗ for *). Not for quotes: they stay verbatim.
 */
export function escapeLabel(text: string): string {
  return escapeMrkdwn(text).replace(/[*_~`]/g, (mark) => FORMATTING_LOOKALIKES[mark]!);
}

/**
 * Turn a message as Slack sends it (entities escaped, `<@U1>`, `<!here>`, `<url|label>`) into the plain
 * question a person typed, so the engine sees words and the answer can show them back escaped.
 */
export function slackTextToPlain(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_whole, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (label) return target.startsWith('!') || target.startsWith('@') ? `@${label}` : label;
      if (target.startsWith('@') || target.startsWith('#')) return target;
      if (target.startsWith('!subteam^')) return '@groupe';
      if (target.startsWith('!')) return `@${target.slice(1).split('^')[0]}`;
      return target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

/** Remove the bot's own mention(s) from an `app_mention` text. */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  const pattern = botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g') : /^\s*<@[A-Z0-9]+(\|[^>]*)?>/;
  return text.replace(pattern, ' ').replace(/\s+/g, ' ').trim();
}

/** Cut `text` to at most `max` characters, ending with "…" when something was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Cut on a word boundary when one is close, so the "…" does not split a word.
  const hard = text.slice(0, Math.max(0, max - 1));
  const soft = hard.replace(/\s+\S*$/, '');
  return `${soft.length >= hard.length - 40 && soft.length > 0 ? soft : hard}…`;
}
