import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './database.ts';
import { listMigrations, runMigrations } from './migrate.ts';
import * as schema from './schema.ts';

const kind = process.env.SADA_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
const open = () =>
  kind === 'postgres'
    ? openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL!, poolSize: 4 })
    : openDatabase({ kind: 'pglite' });

describe('migrations and the Drizzle schema', () => {
  let database: Database;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('agree on every table and column, with nullability', async () => {
    const rows = await database.query<{ table_name: string; column_name: string; is_nullable: string }>(
      `SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const inDatabase = new Set(
      rows.map(
        (row) => `${row.table_name}.${row.column_name}:${row.is_nullable === 'NO' ? 'not null' : 'null'}`,
      ),
    );
    const tables: PgTable[] = Object.values(schema as Record<string, unknown>).filter(
      (value): value is PgTable => is(value, PgTable),
    );
    for (const table of tables) {
      for (const column of Object.values(getTableColumns(table))) {
        const described = `${getTableName(table)}.${column.name}:${column.notNull ? 'not null' : 'null'}`;
        expect(inDatabase, described).toContain(described);
      }
    }
    const drizzleColumns = tables.reduce(
      (total, table) => total + Object.keys(getTableColumns(table)).length,
      0,
    );
    const databaseColumns = rows.filter((row) => row.table_name !== 'schema_migration').length;
    expect(drizzleColumns).toBe(databaseColumns);
  });

  it('applies each migration once, however often and however many processes start', async () => {
    const [again, concurrently] = await Promise.all([runMigrations(database), open()]);
    expect(again).toEqual([]);
    await concurrently.close();
    const applied = await database.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY name');
    expect(applied.map((row) => row.name)).toEqual(listMigrations().map((migration) => migration.name));
  });

  it('names migrations for what they do', () => {
    for (const migration of listMigrations()) expect(migration.name).toMatch(/^\d{4}_[a-z]+(_[a-z0-9]+)+$/);
  });
});
