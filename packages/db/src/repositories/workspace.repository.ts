import { eq } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { workspace } from '../schema.ts';

export type WorkspaceRow = typeof workspace.$inferSelect;

export async function insertWorkspace(
  executor: Executor,
  values: typeof workspace.$inferInsert,
): Promise<WorkspaceRow> {
  const [row] = await executor.insert(workspace).values(values).returning();
  return row!;
}

export async function findWorkspaceBySlug(
  executor: Executor,
  slug: string,
): Promise<WorkspaceRow | undefined> {
  const [row] = await executor.select().from(workspace).where(eq(workspace.slug, slug));
  return row;
}

export async function findWorkspaceById(executor: Executor, id: string): Promise<WorkspaceRow | undefined> {
  const [row] = await executor.select().from(workspace).where(eq(workspace.id, id));
  return row;
}

/** Locks the workspace row until the transaction ends, so two settings changes apply one after another. */
export async function lockWorkspace(executor: Executor, id: string): Promise<WorkspaceRow | undefined> {
  const [row] = await executor.select().from(workspace).where(eq(workspace.id, id)).for('update');
  return row;
}

export async function updateWorkspace(
  executor: Executor,
  id: string,
  values: Partial<
    Pick<
      WorkspaceRow,
      'name' | 'referencePrefix' | 'defaultLanguage' | 'timeZone' | 'triageSettings' | 'assistantSettings'
    >
  >,
): Promise<WorkspaceRow> {
  const [row] = await executor.update(workspace).set(values).where(eq(workspace.id, id)).returning();
  return row!;
}
