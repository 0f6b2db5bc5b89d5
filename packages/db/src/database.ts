import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { runMigrations } from './migrate.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** Drizzle over either driver; repositories take this (or a transaction, which is one too). */
export type Executor = PgDatabase<PgQueryResultHKT, Schema>;

/** The rows of a raw `execute()`: both drivers answer with `{ rows }`, typed differently. */
export function rowsOf<Row>(result: unknown): Row[] {
  return (result as { rows: Row[] }).rows;
}

export type DatabaseKind = 'pglite' | 'postgres';

export type NotificationHandler = (payload: string) => void;

/** One open database: the ORM, raw SQL for migrations and jobs, and LISTEN for real-time fan-out. */
export type Database = {
  kind: DatabaseKind;
  orm: Executor;
  /** Runs SQL that may hold several statements (no parameters). */
  execScript(sqlText: string): Promise<void>;
  /**
   * Runs one parameterised statement and returns its rows. A `name` makes it a prepared statement on
   * a server: parsed and planned once per connection instead of on every call (hot paths only).
   */
  query<Row = Record<string, unknown>>(
    sqlText: string,
    values?: unknown[],
    options?: { name?: string | undefined },
  ): Promise<Row[]>;
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** The embedded engine, when this is PGlite (pg-boss needs it). */
  pglite?: PGlite;
  /** The connection pool, when this is a PostgreSQL server. */
  pool?: pg.Pool;
};

export type DatabaseOptions =
  | { kind: 'pglite'; dataDir?: string | undefined }
  | { kind: 'postgres'; url: string; poolSize?: number | undefined };

export async function openDatabase(options: DatabaseOptions, { migrate = true } = {}): Promise<Database> {
  const database = options.kind === 'pglite' ? await openPglite(options.dataDir) : openPostgres(options);
  if (migrate) await runMigrations(database);
  return database;
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  await client.waitReady;
  return {
    kind: 'pglite',
    orm: drizzlePglite({ client, schema }) as unknown as Executor,
    pglite: client,
    async execScript(sqlText) {
      await client.exec(sqlText);
    },
    async query<Row>(sqlText: string, values: unknown[] = []) {
      const result = await client.query<Row>(sqlText, values);
      return result.rows;
    },
    async listen(channel, handler) {
      const unsubscribe = await client.listen(channel, handler);
      return unsubscribe;
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

function openPostgres(options: { url: string; poolSize?: number | undefined }): Database {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 20 });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const listeners = new Set<pg.Client>();
  return {
    kind: 'postgres',
    orm: drizzleNodePostgres({ client: pool, schema }) as unknown as Executor,
    pool,
    async execScript(sqlText) {
      await pool.query(sqlText);
    },
    async query<Row>(
      sqlText: string,
      values: unknown[] = [],
      queryOptions: { name?: string | undefined } = {},
    ) {
      const result = await pool.query({ text: sqlText, values, name: queryOptions.name });
      return result.rows as Row[];
    },
    async listen(channel, handler) {
      const client = await listenWithReconnect(options.url, channel, handler);
      listeners.add(client.current);
      return async () => {
        client.stop();
        listeners.delete(client.current);
        await client.current.end().catch(() => {});
      };
    },
    async close() {
      await Promise.all([...listeners].map((client) => client.end().catch(() => {})));
      await pool.end();
    },
  };
}

// A LISTEN connection lives for the life of the process; when it drops it is opened again.
async function listenWithReconnect(url: string, channel: string, handler: NotificationHandler) {
  const state = { current: new pg.Client({ connectionString: url }), isStopped: false, stop() {} };
  state.stop = () => {
    state.isStopped = true;
  };
  const connect = async (client: pg.Client) => {
    client.on('notification', (notification) => {
      if (notification.channel === channel) handler(notification.payload ?? '');
    });
    client.on('error', () => {
      if (state.isStopped) return;
      setTimeout(() => void reconnect(), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
  };
  const reconnect = async () => {
    if (state.isStopped) return;
    state.current = new pg.Client({ connectionString: url });
    try {
      await connect(state.current);
    } catch {
      setTimeout(() => void reconnect(), 2000).unref();
    }
  };
  await connect(state.current);
  return state;
}
