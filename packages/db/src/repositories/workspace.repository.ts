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
