// The embedded default: one SQLite file (WAL, so readers never wait for the writer), created and migrated
// on open. better-sqlite3 is synchronous; each call here is one short statement or transaction on the
// event loop (measured in `rapporteur bench`), wrapped in the asynchronous StateStore surface.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CONVERSATION_BOUNDS, type ConversationTurn } from '../answer/index.ts';
import { STATE_LIMITS } from './limits.ts';
import { FeedbackRecordSchema, StateError, type FeedbackRecord, type InFlight, type StateStore } from './types.ts';

/**
 * Schema migrations, oldest first: the file's version is how many have run. Append only — never edit a
 * released step; a file with a higher version than this list knows is refused.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: conversations, answers, de-duplication, rate limits, feedback.
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE turns (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation TEXT NOT NULL, at INTEGER NOT NULL, json TEXT NOT NULL);
   CREATE INDEX turns_by_conversation ON turns (conversation, id);
   CREATE INDEX turns_by_age ON turns (at);
   CREATE TABLE answers (id TEXT PRIMARY KEY, at INTEGER NOT NULL, json TEXT NOT NULL);
   CREATE INDEX answers_by_age ON answers (at);
   CREATE TABLE seen (key TEXT PRIMARY KEY, expires INTEGER NOT NULL);
   CREATE INDEX seen_by_expiry ON seen (expires);
   CREATE TABLE rate_hits (key TEXT NOT NULL, at INTEGER NOT NULL);
   CREATE INDEX rate_hits_by_key ON rate_hits (key, at);
   CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, json TEXT NOT NULL);`,
  // 2: questions acked but not answered yet, so a restarted process answers them.
  `CREATE TABLE in_flight (id TEXT PRIMARY KEY, at INTEGER NOT NULL, lease_until INTEGER NOT NULL, json TEXT NOT NULL);`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Sweep expired rows every this many writes (cheap: every sweep uses an index on time). */
const SWEEP_EVERY = 50;

export interface SqliteOptions {
  now?: () => number;
}

interface SqliteFailure {
  code?: string;
}

/** One sentence for the known ways a state file cannot be used. */
export function describeSqliteFailure(file: string, error: unknown): StateError | undefined {
  const code = (error as SqliteFailure).code ?? '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new StateError(
      `The state file ${file} is not a SQLite database or is damaged; move it away (a new one is created on start) or restore a backup.`,
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'EACCES' || code === 'EROFS') {
    return new StateError(
      `The state file ${file} cannot be written (read-only file or folder?); fix its permissions or set RAPPORTEUR_STATE to another place.`,
    );
  }
  return undefined;
}

function migrate(db: Database.Database, file: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  const version = row?.version ?? 0;
  if (version > SCHEMA_VERSION) {
    throw new StateError(
      `The state file ${file} has schema version ${version}, newer than this Rapporteur knows (${SCHEMA_VERSION}); run the newer version, or set RAPPORTEUR_STATE to another file.`,
    );
  }
  if (version === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (let step = version; step < SCHEMA_VERSION; step++) db.exec(MIGRATIONS[step]!);
    db.prepare('DELETE FROM schema_version').run();
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION);
  }).immediate();
}

/** Open (creating and migrating) the SQLite state file; throws a one-sentence StateError when it cannot. */
export function openSqliteStore(file: string, options: SqliteOptions = {}): StateStore {
  const now = options.now ?? Date.now;
  let db: Database.Database;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('busy_timeout = 5000'); // several processes may share the file: wait for the writer, briefly
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL'); // WAL + NORMAL: durable across a process crash, fast
    migrate(db, file);
  } catch (error) {
    if (error instanceof StateError) throw error;
    throw describeSqliteFailure(file, error) ?? error;
  }
  const { maxTurns, maxAgeMs, maxConversations } = CONVERSATION_BOUNDS;

  const sql = {
    turns: db.prepare<[string, number], { json: string }>('SELECT json FROM turns WHERE conversation = ? AND at > ? ORDER BY id'),
    appendTurn: db.prepare('INSERT INTO turns (conversation, at, json) VALUES (?, ?, ?)'),
    trimTurns: db.prepare(
      'DELETE FROM turns WHERE conversation = ? AND id NOT IN (SELECT id FROM turns WHERE conversation = ? ORDER BY id DESC LIMIT ?)',
    ),
    replaceLast: db.prepare('UPDATE turns SET json = ?, at = ? WHERE id = (SELECT MAX(id) FROM turns WHERE conversation = ?)'),
    oldTurns: db.prepare('DELETE FROM turns WHERE at <= ?'),
    extraConversations: db.prepare(
      'DELETE FROM turns WHERE conversation IN (SELECT conversation FROM turns GROUP BY conversation ORDER BY MAX(id) DESC LIMIT -1 OFFSET ?)',
    ),
    putAnswer: db.prepare('INSERT OR REPLACE INTO answers (id, at, json) VALUES (?, ?, ?)'),
    getAnswer: db.prepare<[string, number], { json: string }>('SELECT json FROM answers WHERE id = ? AND at > ?'),
    oldAnswers: db.prepare('DELETE FROM answers WHERE at <= ? OR id IN (SELECT id FROM answers ORDER BY at DESC LIMIT -1 OFFSET ?)'),
    forgetExpired: db.prepare('DELETE FROM seen WHERE key = ? AND expires <= ?'),
    see: db.prepare('INSERT OR IGNORE INTO seen (key, expires) VALUES (?, ?)'),
    expiredSeen: db.prepare('DELETE FROM seen WHERE expires <= ?'),
    dropHits: db.prepare('DELETE FROM rate_hits WHERE key = ? AND at <= ?'),
    countHits: db.prepare<[string], { n: number; oldest: number | null }>('SELECT COUNT(*) AS n, MIN(at) AS oldest FROM rate_hits WHERE key = ?'),
    addHit: db.prepare('INSERT INTO rate_hits (key, at) VALUES (?, ?)'),
    oldHits: db.prepare('DELETE FROM rate_hits WHERE at <= ?'),
    addFeedback: db.prepare('INSERT INTO feedback (at, json) VALUES (?, ?)'),
    allFeedback: db.prepare<[], { json: string }>('SELECT json FROM feedback ORDER BY id'),
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
    begin: db.prepare('INSERT OR REPLACE INTO in_flight (id, at, lease_until, json) VALUES (?, ?, ?, ?)'),
    renew: db.prepare('UPDATE in_flight SET lease_until = ? WHERE id = ?'),
    finish: db.prepare('DELETE FROM in_flight WHERE id = ?'),
    dropStale: db.prepare('DELETE FROM in_flight WHERE lease_until <= ? AND at <= ?'),
    claim: db.prepare<[number, number], { json: string }>('UPDATE in_flight SET lease_until = ? WHERE lease_until <= ? RETURNING json'),
  };

  let writes = 0;
  /** Now and then, drop what expired (old turns, answers, event ids, rate-limit hits). */
  const sweep = () => {
    if (++writes % SWEEP_EVERY !== 0) return;
    const t = now();
    sql.oldTurns.run(t - maxAgeMs);
    sql.extraConversations.run(maxConversations);
    sql.oldAnswers.run(t - STATE_LIMITS.answerTtlMs, STATE_LIMITS.answers);
    sql.expiredSeen.run(t);
    sql.oldHits.run(t - 60 * 60 * 1000); // no window is longer than an hour
  };

  const appendTurn = db.transaction((key: string, turn: ConversationTurn) => {
    sql.appendTurn.run(key, turn.at, JSON.stringify(turn));
    sql.trimTurns.run(key, key, maxTurns);
  });
  const firstTime = db.transaction((key: string, ttlMs: number) => {
    const t = now();
    sql.forgetExpired.run(key, t);
    return sql.see.run(key, t + ttlMs).changes === 1;
  });
  const take = db.transaction((key: string, limit: number, windowMs: number) => {
    const t = now();
    sql.dropHits.run(key, t - windowMs);
    const { n, oldest } = sql.countHits.get(key)!;
    if (n >= limit) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((oldest ?? t) + windowMs - t) / 1000)) };
    sql.addHit.run(key, t);
    return { allowed: true, retryAfterSeconds: 0 };
  });
  const importOnce = db.transaction((records: FeedbackRecord[]) => {
    if (sql.getMeta.get('feedback_imported')) return 0;
    for (const record of records) sql.addFeedback.run(record.at, JSON.stringify(record));
    sql.setMeta.run('feedback_imported', new Date(now()).toISOString());
    return records.length;
  });
  const claim = db.transaction((leaseMs: number, maxAgeMs: number) => {
    const t = now();
    sql.dropStale.run(t, t - maxAgeMs);
    return sql.claim.all(t + leaseMs, t).map((row) => JSON.parse(row.json) as InFlight);
  });
  // Immediate transactions take the write lock first: two processes cannot both read-then-write.
  const write = <A extends unknown[], R>(fn: Database.Transaction<(...args: A) => R>, ...args: A): R => {
    const result = fn.immediate(...args);
    sweep();
    return result;
  };

  return {
    backend: 'sqlite',
    location: `sqlite:${file}`,
    conversations: {
      async turns(key) {
        return sql.turns.all(key, now() - maxAgeMs).map((row) => JSON.parse(row.json) as ConversationTurn);
      },
      async append(key, turn) {
        write(appendTurn, key, turn);
      },
      async replaceLast(key, turn) {
        if (sql.replaceLast.run(JSON.stringify(turn), turn.at, key).changes === 0) write(appendTurn, key, turn);
      },
    },
    answers: {
      async put(id, json) {
        sql.putAnswer.run(id, now(), json);
        sweep();
      },
      async get(id) {
        return sql.getAnswer.get(id, now() - STATE_LIMITS.answerTtlMs)?.json;
      },
    },
    dedupe: {
      async firstTime(key, ttlMs) {
        return write(firstTime, key, ttlMs);
      },
    },
    rateLimit: {
      async take(key, limit, windowMs) {
        return write(take, key, limit, windowMs);
      },
    },
    feedback: {
      async record(entry) {
        const record = FeedbackRecordSchema.parse(entry);
        sql.addFeedback.run(record.at, JSON.stringify(record));
      },
      async all(query = {}) {
        const since = query.since?.getTime();
        return sql.allFeedback
          .all()
          .map((row) => FeedbackRecordSchema.parse(JSON.parse(row.json)))
          .filter((r) => since === undefined || Date.parse(r.at) >= since);
      },
      async importOnce(records) {
        return importOnce.immediate(records);
      },
    },
    inFlight: {
      async begin(entry, leaseMs) {
        sql.begin.run(entry.id, entry.at, now() + leaseMs, JSON.stringify(entry));
      },
      async renew(id, leaseMs) {
        sql.renew.run(now() + leaseMs, id);
      },
      async finish(id) {
        sql.finish.run(id);
      },
      async claimAbandoned(leaseMs, maxAgeMs) {
        return claim.immediate(leaseMs, maxAgeMs);
      },
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
