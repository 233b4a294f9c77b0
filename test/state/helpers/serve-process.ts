// `rapporteur serve` as a real child process (HTTP receiver on a free port), pointed at the local Web API
// recorder, with its pino log lines collected so a test can wait for what the process says it did.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../../src/config.ts';
import { SIGNING_SECRET } from '../../slack/helpers/signed-requests.ts';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface ServeOptions {
  apiUrl: string;
  state: string;
  indexDir: string;
  feedbackFile: string;
  env?: Record<string, string>;
}

export class ServeProcess {
  readonly logs: LogLine[] = [];
  stderr = '';
  port = 0;
  private child!: ChildProcess;
  readonly exited: Promise<number | null>;
  private resolveExit!: (code: number | null) => void;

  constructor(private readonly options: ServeOptions) {
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/slack/events`;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Start and wait until it answers questions (engine loaded). */
  async start(timeoutMs = 240_000): Promise<this> {
    const bin = path.join(projectRoot, 'bin', 'rapporteur.js');
    this.child = spawn(process.execPath, [bin, 'serve', '--index', this.options.indexDir], {
      cwd: projectRoot,
      env: {
        ...process.env,
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: this.options.apiUrl,
        SLACK_APP_TOKEN: '',
        PORT: '0',
        RAPPORTEUR_STATE: this.options.state,
        RAPPORTEUR_FEEDBACK_FILE: this.options.feedbackFile,
        // The tests read answers as posted messages; streamed answers are tested in test/slack/agent.test.ts.
        RAPPORTEUR_STREAMING: 'off',
        LOG_LEVEL: 'info',
        ...this.options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffered = '';
    this.child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        try {
          this.logs.push(JSON.parse(line) as LogLine);
        } catch {
          // not a pino line (the index build's progress goes to stderr)
        }
      }
    });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.child.on('exit', (code) => this.resolveExit(code));
    const listening = await this.waitForLog((l) => l.msg.startsWith('listening on port'), timeoutMs);
    this.port = Number(listening.port);
    await this.waitForLog((l) => l.msg === 'ready: answering questions', timeoutMs);
    return this;
  }

  async waitForLog(predicate: (line: LogLine) => boolean, timeoutMs = 60_000): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exited.then(() => (exited = true));
    for (;;) {
      const line = this.logs.find(predicate);
      if (line) return line;
      if (exited || Date.now() > deadline) {
        throw new Error(`serve ${exited ? 'exited' : 'timed out'}; stderr: ${this.stderr.slice(-2000)}; logs: ${this.logs.map((l) => l.msg).join(' | ').slice(-3000)}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** SIGTERM, as a deploy would: it stops receiving and closes the store. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }

  /** kill -9: no chance to clean up. */
  async crash(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }
}
