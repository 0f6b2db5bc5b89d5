import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { replyTemplate } from '../schema.ts';

export type ReplyTemplateRow = typeof replyTemplate.$inferSelect;

export async function listReplyTemplates(
  executor: Executor,
  workspaceId: string,
): Promise<ReplyTemplateRow[]> {
  return executor
    .select()
    .from(replyTemplate)
    .where(eq(replyTemplate.workspaceId, workspaceId))
    .orderBy(asc(replyTemplate.name), asc(replyTemplate.id));
}

export async function findReplyTemplate(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select()
    .from(replyTemplate)
    .where(and(eq(replyTemplate.workspaceId, workspaceId), eq(replyTemplate.id, id)));
  return row;
}

export async function insertReplyTemplate(
  executor: Executor,
  values: typeof replyTemplate.$inferInsert,
): Promise<ReplyTemplateRow> {
  const [row] = await executor.insert(replyTemplate).values(values).returning();
  return row!;
}

export async function updateReplyTemplate(
  executor: Executor,
  workspaceId: string,
  id: string,
  values: Partial<Pick<ReplyTemplateRow, 'name' | 'bodyAr' | 'bodyEn' | 'updatedAt'>>,
): Promise<ReplyTemplateRow | undefined> {
  const [row] = await executor
    .update(replyTemplate)
    .set(values)
    .where(and(eq(replyTemplate.workspaceId, workspaceId), eq(replyTemplate.id, id)))
    .returning();
  return row;
}

export async function deleteReplyTemplate(
  executor: Executor,
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const deleted = await executor
    .delete(replyTemplate)
    .where(and(eq(replyTemplate.workspaceId, workspaceId), eq(replyTemplate.id, id)))
    .returning({ id: replyTemplate.id });
  return deleted.length > 0;
}
