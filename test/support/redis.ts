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
