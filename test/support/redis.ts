// The Redis the tests use: a real redis-server that .ci/run starts on a free loopback port and announces in
// RAPPORTEUR_TEST_REDIS_URL. Outside CI, without it, the Redis tests are skipped — loudly; in CI they fail.
import { Redis } from 'ioredis';

export function testRedisUrl(db: number): string | undefined {
  const base = process.env.RAPPORTEUR_TEST_REDIS_URL;
  if (!base) {
    if (process.env.CI === 'true') throw new Error('RAPPORTEUR_TEST_REDIS_URL is not set; .ci/run starts redis-server and sets it');
    console.warn('\n*** RAPPORTEUR_TEST_REDIS_URL is not set: the Redis tests are SKIPPED (run them with .ci/run, or start redis-server and set it) ***\n');
    return undefined;
  }
  const url = new URL(base);
  url.pathname = `/${db}`;
  return url.toString();
}

/** Empty one database of the test server (each test file uses its own). */
export async function flushRedis(url: string): Promise<void> {
  const redis = new Redis(url, { lazyConnect: true });
  await redis.connect();
  await redis.flushdb();
  await redis.quit();
}

export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
  /** Start it again on the same port (empty: it saves nothing). */
  start(): Promise<void>;
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A redis-server of this test file's own, for a test that stops and restarts it (the shared one of
 * RAPPORTEUR_TEST_REDIS_URL serves other files meanwhile). Same binary .ci/run installs.
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const { spawn } = await import('node:child_process');
  const port = await freePort();
  let child: import('node:child_process').ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const running = child;
    await new Promise<void>((resolve, reject) => {
      let out = '';
      running.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (out.includes('Ready to accept connections')) resolve();
      });
      running.once('error', reject);
      running.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out.slice(-500)}`)));
    });
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}/0`,
    start,
    async stop() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      });
    },
  };
}
