import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

const migrationsDir = fileURLToPath(new URL('../migrations/', import.meta.url));

export type Migration = { name: string; sql: string };

export function listMigrations(): Migration[] {
  return readdirSync(migrationsDir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ name: file.replace(/\.sql$/, ''), sql: readFileSync(migrationsDir + file, 'utf8') }));
}

// Any constant works; it keeps two processes starting at once from applying the same migration twice.
const MIGRATION_LOCK = 7_305_020_260;

/** Applies the migrations not yet applied, each in its own transaction, in name order. */
export async function runMigrations(database: Database): Promise<string[]> {
  const applied: string[] = [];
  const script = async (sqlText: string) => database.execScript(sqlText);
  await script(
    'CREATE TABLE IF NOT EXISTS schema_migration (name text NOT NULL CONSTRAINT schema_migration_pkey PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  if (database.kind === 'postgres') {
    // Session-level advisory locks need one connection for lock, work and unlock.
    const client = await database.pool!.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      for (const migration of await pending(database)) {
        await client.query(
          `BEGIN;\n${migration.sql}\n;INSERT INTO schema_migration (name) VALUES ('${migration.name}');\nCOMMIT;`,
        );
        applied.push(migration.name);
      }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
      client.release();
    }
    return applied;
  }
  for (const migration of await pending(database)) {
    try {
      await script(
        `BEGIN;\n${migration.sql}\n;INSERT INTO schema_migration (name) VALUES ('${migration.name}');\nCOMMIT;`,
      );
    } catch (error) {
      await script('ROLLBACK').catch(() => {});
      throw error;
    }
    applied.push(migration.name);
  }
  return applied;
}

async function pending(database: Database): Promise<Migration[]> {
  const rows = await database.query<{ name: string }>('SELECT name FROM schema_migration');
  const done = new Set(rows.map((row) => row.name));
  return listMigrations().filter((migration) => !done.has(migration.name));
}
