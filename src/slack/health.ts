// Readiness, as the logs and `GET /healthz` report it: ready only when the engine is loaded and the bot's
// Slack authorization has been checked. Served on the HTTP receiver's port through Bolt's `customRoutes`.
import type { CustomRoute } from '@slack/bolt';
import type { SlackAuthorization } from './authorization.ts';
import type { EngineSlot } from './engine-slot.ts';

export interface Readiness {
  ready: boolean;
  /** "loading", "ready" or "failed". */
  engine: 'loading' | 'ready' | 'failed';
  /** "ready", "checking", "not ready: <reason>" or "refused: <error>". */
  slack: string;
}

export function readiness(engine: EngineSlot, authorization: SlackAuthorization): Readiness {
  const engineState = engine.get() ? 'ready' : engine.failure() ? 'failed' : 'loading';
  const slack = authorization.status();
  return { ready: engineState === 'ready' && authorization.isReady(), engine: engineState, slack };
}

/** `GET /healthz`: 200 and `{"ready":true,…}` when ready, 503 with the same JSON saying what is not. */
export function healthRoute(engine: EngineSlot, authorization: SlackAuthorization): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      const state = readiness(engine, authorization);
      res.writeHead(state.ready ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(state));
    },
  };
}
