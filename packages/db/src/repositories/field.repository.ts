import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { fieldDefinition } from '../schema.ts';

export type FieldDefinitionRow = typeof fieldDefinition.$inferSelect;

export async function listFieldDefinitions(
  executor: Executor,
  workspaceId: string,
): Promise<FieldDefinitionRow[]> {
  return executor
    .select()
    .from(fieldDefinition)
    .where(eq(fieldDefinition.workspaceId, workspaceId))
    .orderBy(asc(fieldDefinition.position), asc(fieldDefinition.key));
}

export async function insertFieldDefinition(executor: Executor, values: typeof fieldDefinition.$inferInsert) {
  const [row] = await executor.insert(fieldDefinition).values(values).returning();
  return row!;
}

export async function updateFieldDefinition(
  executor: Executor,
  workspaceId: string,
  key: string,
  values: Partial<
    Pick<FieldDefinitionRow, 'labelAr' | 'labelEn' | 'isRequired' | 'isActive' | 'options' | 'position'>
  >,
) {
  const [row] = await executor
    .update(fieldDefinition)
    .set(values)
    .where(and(eq(fieldDefinition.workspaceId, workspaceId), eq(fieldDefinition.key, key)))
    .returning();
  return row;
}
