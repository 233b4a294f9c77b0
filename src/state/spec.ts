// RAPPORTEUR_STATE: where the state lives. `sqlite:PATH` (the default, state/rapporteur.db in the project),
// `redis://host:port/db` (or rediss://) for several processes, `memory` for tests.
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../config.ts';

export const DEFAULT_STATE_FILE = path.join(projectRoot, 'state', 'rapporteur.db');

export type StateSpec = { kind: 'memory' } | { kind: 'sqlite'; file: string } | { kind: 'redis'; url: string };

export const StateSpecSchema = z
  .string()
  .default(`sqlite:${DEFAULT_STATE_FILE}`)
  .transform((value, ctx): StateSpec => {
    if (value === 'memory') return { kind: 'memory' };
    if (value.startsWith('sqlite:')) {
      const file = value.slice('sqlite:'.length);
      if (file) return { kind: 'sqlite', file: path.resolve(file) };
    } else if (/^rediss?:\/\//.test(value) && URL.canParse(value)) {
      return { kind: 'redis', url: value };
    }
    ctx.addIssue({ code: 'custom', message: 'must be sqlite:PATH, redis://host:port/db or memory' });
    return z.NEVER;
  });
