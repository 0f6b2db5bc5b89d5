import { and, asc, count, eq, isNull, or } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { savedView } from '../schema.ts';

export type SavedViewRow = typeof savedView.$inferSelect;

// What one user sees: their own views and the workspace's shared ones.
const visibleTo = (workspaceId: string, userId: string) =>
  and(eq(savedView.workspaceId, workspaceId), or(eq(savedView.ownerId, userId), isNull(savedView.ownerId)));

/** The user's own views and the shared ones, in list order. */
export async function listVisibleViews(
  executor: Executor,
  workspaceId: string,
  userId: string,
): Promise<SavedViewRow[]> {
  return executor
    .select()
    .from(savedView)
    .where(visibleTo(workspaceId, userId))
    .orderBy(asc(savedView.position), asc(savedView.createdAt), asc(savedView.id));
}

/** A view the user may see (their own or a shared one); another user's private view is not found. */
export async function findVisibleView(executor: Executor, workspaceId: string, userId: string, id: string) {
  const [row] = await executor
    .select()
    .from(savedView)
    .where(and(visibleTo(workspaceId, userId), eq(savedView.id, id)));
  return row;
}

/** How many views one owner has (null: how many are shared). */
export async function countViewsOf(
  executor: Executor,
  workspaceId: string,
  ownerId: string | null,
): Promise<number> {
  const [row] = await executor
    .select({ total: count() })
    .from(savedView)
    .where(
      and(
        eq(savedView.workspaceId, workspaceId),
        ownerId === null ? isNull(savedView.ownerId) : eq(savedView.ownerId, ownerId),
      ),
    );
  return row?.total ?? 0;
}

export async function insertView(
  executor: Executor,
  values: typeof savedView.$inferInsert,
): Promise<SavedViewRow> {
  const [row] = await executor.insert(savedView).values(values).returning();
  return row!;
}

export async function updateView(
  executor: Executor,
  workspaceId: string,
  id: string,
  values: Partial<Pick<SavedViewRow, 'name' | 'filters' | 'ownerId' | 'position'>>,
): Promise<SavedViewRow> {
  const [row] = await executor
    .update(savedView)
    .set(values)
    .where(and(eq(savedView.workspaceId, workspaceId), eq(savedView.id, id)))
    .returning();
  return row!;
}

export async function deleteView(executor: Executor, workspaceId: string, id: string): Promise<void> {
  await executor.delete(savedView).where(and(eq(savedView.workspaceId, workspaceId), eq(savedView.id, id)));
}
