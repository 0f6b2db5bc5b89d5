import type { PGlite, Results } from '@electric-sql/pglite';

/** One statement's outcome, in the shape node-postgres hands pg-boss (pg-boss reads only `rows`). */
export type BossStatementResult = {
  command: string | null;
  rowCount: number | null;
  rows: Record<string, unknown>[];
};

/**
 * A text of several statements: one result per statement, as node-postgres returns it. `rows` is
 * the last statement's, so the value still meets pg-boss's declared `{ rows }` contract.
 */
export type BossScriptResult = BossStatementResult[] & { rows: Record<string, unknown>[] };

/** The `db` option of pg-boss 10, served by an embedded PGlite instead of a node-postgres pool. */
export type PgliteBossDb = {
  executeSql(text: string, values?: unknown[]): Promise<BossStatementResult | BossScriptResult>;
};

type Row = Record<string, unknown>;

/**
 * pg-boss sends two kinds of text:
 * - one statement with `$n` values (fetch, send, complete, fail, ...): PGlite's `query`, the
 *   extended protocol, which also refuses a second statement;
 * - texts without values, which may hold many statements: schema creation, migrations and
 *   maintenance arrive as `BEGIN; SET LOCAL ...; SELECT pg_advisory_xact_lock(...); ...; COMMIT;`.
 *
 * PGlite has one session. Its public `query`, `exec` and `transaction` each hold one mutex for
 * their whole run, so a pg-boss script cannot interleave with an application `transaction()`:
 * it waits for the application's COMMIT, and the application waits for the script's.
 * The danger is a script that fails half-way: Postgres skips the rest of the text, COMMIT included,
 * and leaves the only session inside an aborted transaction, so every later query of the whole
 * application would fail. Running the script inside `pg.transaction()` keeps the mutex until
 * PGlite has issued ROLLBACK. On success the script's own COMMIT ends the transaction; PGlite's
 * BEGIN and closing COMMIT then only raise the warnings "already / no transaction in progress".
 * (Application code must therefore open transactions with `transaction()`, never a bare BEGIN.)
 */
export function createPgliteBossDb(pg: PGlite): PgliteBossDb {
  return {
    async executeSql(text, values) {
      if (values !== undefined && values.length > 0) {
        return toStatementResult(await pg.query<Row>(text, values));
      }
      const results = await pg.transaction((tx) => tx.exec(text));
      return toPgShape(results);
    },
  };
}

// node-postgres gives one Result for one statement and an array for several.
function toPgShape(results: Results<Row>[]): BossStatementResult | BossScriptResult {
  const statements = results.map(toStatementResult);
  const [only] = statements;
  if (statements.length === 1 && only) return only;
  const last = statements.at(-1);
  return Object.assign(statements, { rows: last ? last.rows : [] });
}

function toStatementResult(result: Results<Row>): BossStatementResult {
  return {
    command: result.command ?? null,
    rowCount: result.rowCount ?? null,
    rows: result.rows,
  };
}
