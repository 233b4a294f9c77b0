// Measures what oversized unsigned POSTs do to a running bot's memory (issue 13, D4): starts a real
// `rapporteur serve` against the local Web API stand-in of the tests, sends three 100 MB POSTs with a declared
// Content-Length and three streamed without one, and prints each status and the bot's resident memory
// (VmRSS from /proc, so Linux only).
//   npx tsx scripts/measure-body-limit.ts [INDEX_DIR]      (default: the project's index/)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { defaultIndexDir } from '../src/config.ts';
import { LocalSlack } from '../test/slack/helpers/local-slack.ts';
import { SIGNING_SECRET } from '../test/slack/helpers/signed-requests.ts';

const PORT = 3921;
const MB = 1024 * 1024;

const local = new LocalSlack();
await local.start();
const child = spawn(process.execPath, ['bin/rapporteur.js', 'serve', '--index', process.argv[2] ?? defaultIndexDir], {
  env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: 'xoxb-measure', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: local.apiUrl, PORT: String(PORT), RAPPORTEUR_STATE: 'memory' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve) => child.stdout.on('data', (d) => String(d).includes('ready: answering') && resolve()));
const rssMiB = () => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024);

/** POST 100 MB of junk, unsigned; resolves with the HTTP status (or the socket error). */
function post100MB(headers: Record<string, string>): Promise<number | string> {
  const chunk = Buffer.alloc(MB, 'x');
  return new Promise((resolve) => {
    let sent = 0;
    const req = request(`http://127.0.0.1:${PORT}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    const pump = () => {
      while (sent < 100 && req.write(chunk)) sent++;
      if (sent < 100) req.once('drain', pump);
      else req.end();
    };
    pump();
  });
}

console.log(`ready: ${rssMiB()} MiB resident`);
for (let n = 1; n <= 3; n++) {
  console.log(`POST ${n}, 100 MB declared: ${await post100MB({ 'content-length': String(100 * MB) })}, ${rssMiB()} MiB`);
  console.log(`POST ${n}, 100 MB chunked:  ${await post100MB({ 'transfer-encoding': 'chunked' })}, ${rssMiB()} MiB`);
}
await new Promise((r) => setTimeout(r, 3000));
console.log(`3 s later: ${rssMiB()} MiB resident`);
child.kill('SIGTERM');
await local.stop();
