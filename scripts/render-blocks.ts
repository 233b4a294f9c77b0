// Renders the Slack message the bot would post for a question (the real engine, the real Block Kit builders)
// as a standalone HTML page styled like Slack, to screenshot for the README:
//
//   npx tsx scripts/render-blocks.ts "Que recommande le rapport 2021 sur les plateformes en ligne ?" \
//     --out /tmp/answer.html [--json /tmp/answer.json] [--corpus corpus] [--index index] [--ephemeral]
//   chromium --headless --hide-scrollbars --window-size=860,1400 --screenshot=answer.png /tmp/answer.html
//
// The --json output pastes as is into Slack's Block Kit Builder.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openEngine } from '../src/cli/open-engine.ts';
import { defaultCorpusDir, defaultIndexDir } from '../src/config.ts';
import { answerMessage, type KnownBlock } from '../src/slack/blocks/index.ts';

type Json = Record<string, any>;

/** Slack mrkdwn (already escaped for & < >, which is also HTML-safe) to HTML. */
function mrkdwnToHtml(text: string): string {
  const inline = (line: string) =>
    line
      .replace(/&lt;/g, '\u0001').replace(/&gt;/g, '\u0002') // keep escaped entities out of the patterns
      .replace(/<@([A-Z0-9]+)>/g, '<span class="mention">@$1</span>')
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/(^|[\s(«])\*([^*\n]+)\*/g, '$1<b>$2</b>')
      .replace(/(^|[\s(«])_([^_\n]+)_/g, '$1<i>$2</i>')
      .replace(/\u0001/g, '&lt;').replace(/\u0002/g, '&gt;');
  const out: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length) out.push(`<blockquote>${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('>')) quote.push(inline(line.slice(1)));
    else {
      flush();
      out.push(`${inline(line)}<br>`);
    }
  }
  flush();
  return out.join('').replace(/<br>$/, '');
}

const plain = (t: Json | undefined) => String(t?.text ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;');
const button = (b: Json) => `<span class="button ${b.style ?? ''}">${plain(b.text)}</span>`;

function blockToHtml(block: KnownBlock): string {
  const b = block as Json;
  switch (b.type) {
    case 'section':
      return `<div class="section"><div class="text">${mrkdwnToHtml(b.text.text)}</div>${b.accessory ? `<div class="accessory">${button(b.accessory)}</div>` : ''}</div>`;
    case 'context':
      return `<div class="context">${b.elements.map((e: Json) => `<span>${mrkdwnToHtml(e.text)}</span>`).join('')}</div>`;
    case 'divider':
      return '<hr>';
    case 'header':
      return `<h3>${plain(b.text)}</h3>`;
    case 'actions':
      return `<div class="actions">${b.elements.map(button).join('')}</div>`;
    case 'context_actions':
      return `<div class="feedback">${b.elements
        .map((e: Json) => `<span class="icon">${plain(e.positive_button?.text)}</span><span class="icon">${plain(e.negative_button?.text)}</span>`)
        .join('')}</div>`;
    default:
      return `<pre>${plain({ text: JSON.stringify(b) })}</pre>`;
  }
}

function page(question: string, blocks: KnownBlock[], ephemeral: boolean): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Rapporteur</title><style>
body{font:15px/1.46668 -apple-system,"Segoe UI",Lato,"Noto Sans",sans-serif;color:#1d1c1d;background:#fff;margin:0;padding:20px 24px;width:800px}
.msg{display:flex;gap:8px;margin:10px 0}.avatar{width:36px;height:36px;border-radius:6px;background:#1f3a5f;color:#fff;font-weight:700;display:flex;align-items:center;justify-content:center;flex:none}
.user .avatar{background:#e8912d}.name{font-weight:900}.app{font-size:10px;background:#eee;color:#555;border-radius:2px;padding:1px 3px;margin-left:4px;font-weight:700}.time{color:#616061;font-size:12px;margin-left:6px}
.body{flex:1;min-width:0}.section{display:flex;gap:12px;margin:6px 0}.section .text{flex:1}.accessory{flex:none}
blockquote{margin:4px 0;padding:0 0 0 12px;border-left:4px solid #ddd}.context{color:#616061;font-size:13px;margin:2px 0 8px}.context span{margin-right:8px}
hr{border:none;border-top:1px solid #ddd;margin:12px 0}.actions{display:flex;gap:8px;margin:8px 0}
.button{display:inline-block;border:1px solid #bbb;border-radius:4px;padding:3px 12px;font-size:13px;font-weight:700;background:#fff;white-space:nowrap}
.button.primary{background:#007a5a;border-color:#007a5a;color:#fff}.feedback{margin:4px 0}.icon{display:inline-block;border:1px solid #ddd;border-radius:12px;padding:0 8px;margin-right:4px}
code{background:#f6f6f6;border:1px solid #ddd;border-radius:3px;padding:0 3px;color:#e01e5a;font-size:12px}.mention{background:#e8f5fa;color:#1264a3}
.ephemeral{color:#616061;font-size:12px;margin-bottom:4px}
</style></head><body>
<div class="msg user"><div class="avatar">M</div><div class="body"><span class="name">Marie</span><span class="time">10:41</span><div>${ephemeral ? `/rapporteur ${plain({ text: question })}` : `<span class="mention">@Rapporteur</span> ${plain({ text: question })}`}</div></div></div>
<div class="msg"><div class="avatar">R</div><div class="body"><span class="name">Rapporteur</span><span class="app">APP</span><span class="time">10:41</span>
${ephemeral ? '<div class="ephemeral">👁 Visible uniquement par vous</div>' : ''}${blocks.map(blockToHtml).join('\n')}</div></div>
</body></html>`;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'answer.html' },
    json: { type: 'string' },
    corpus: { type: 'string', default: defaultCorpusDir },
    index: { type: 'string', default: defaultIndexDir },
    ephemeral: { type: 'boolean', default: false },
  },
});
const question = positionals.join(' ').trim();
if (!question) {
  process.stderr.write('usage: npx tsx scripts/render-blocks.ts "<question>" [--out file.html] [--json file.json] [--ephemeral]\n');
  process.exit(2);
}
const engine = await openEngine({ corpusDir: path.resolve(values.corpus), indexDir: path.resolve(values.index) });
const answer = await engine.ask(question, { conversationKey: 'preview' });
const message = answerMessage(answer, { answerId: 'preview', conversationKey: 'preview', mode: 'ask', ephemeral: values.ephemeral, showQuestion: values.ephemeral });
await writeFile(values.out, page(question, message.blocks, values.ephemeral));
if (values.json) await writeFile(values.json, `${JSON.stringify({ blocks: message.blocks }, null, 2)}\n`);
process.stdout.write(`${values.out}: ${message.blocks.length} blocks (${answer.kind}, ${answer.sources.length} sources)\n`);
