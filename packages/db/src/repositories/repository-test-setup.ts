// What the repository tests share: a database of the kind the test project names, and a workspace
// with one user to own what they write.
import { randomUUID } from 'node:crypto';
import { type Database, openDatabase } from '../database.ts';

/** Embedded PGlite, or the PostgreSQL server of TEST_DATABASE_URL in the postgres project. */
export function openRepositoryTestDatabase(): Promise<Database> {
  return process.env.SADA_TEST_DB === 'postgres'
    ? openDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL!, poolSize: 4 })
    : openDatabase({ kind: 'pglite' });
}

/** A new workspace with one user of `role`. */
export async function insertWorkspaceWithUser(database: Database, role: 'admin' | 'agent' = 'admin') {
  const workspaceId = randomUUID();
  const userId = randomUUID();
  await database.query(
    `INSERT INTO workspace (id, slug, name, reference_prefix) VALUES ($1, $2, 'Repository test', 'REP')`,
    [workspaceId, `repo-${workspaceId.slice(0, 8)}`],
  );
  await database.query(
    `INSERT INTO app_user (id, workspace_id, email, name, role, password_hash)
     VALUES ($1, $2, 'user@repo.test', 'User', $3, 'x')`,
    [userId, workspaceId, role],
  );
  return { workspaceId, userId };
}
