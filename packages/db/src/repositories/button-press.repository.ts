import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { buttonPress, supportCase } from '../schema.ts';

/**
 * Claims a button press for dispatch: true the first time the platform delivers it, false when a
 * retried webhook brings it again.
 */
export async function claimButtonPress(
  executor: Executor,
  values: typeof buttonPress.$inferInsert,
): Promise<boolean> {
  const rows = await executor
    .insert(buttonPress)
    .values(values)
    .onConflictDoNothing()
    .returning({ deliveryKey: buttonPress.deliveryKey });
  return rows.length > 0;
}

/** Gives a claimed press back (its handler failed), so the platform's retry is dispatched. */
export async function releaseButtonPress(
  executor: Executor,
  press: { channelAccountId: string; deliveryKey: string },
): Promise<void> {
  await executor
    .delete(buttonPress)
    .where(
      and(
        eq(buttonPress.channelAccountId, press.channelAccountId),
        eq(buttonPress.deliveryKey, press.deliveryKey),
      ),
    );
}

/** The newest case of a social conversation, closed or not (a survey is answered after closing). */
export async function findNewestConversationCase(
  executor: Executor,
  conversation: { workspaceId: string; channelAccountId: string; conversationKey: string },
): Promise<{ id: string } | undefined> {
  const [row] = await executor
    .select({ id: supportCase.id })
    .from(supportCase)
    .where(
      and(
        eq(supportCase.workspaceId, conversation.workspaceId),
        eq(supportCase.channelAccountId, conversation.channelAccountId),
        eq(supportCase.conversationKey, conversation.conversationKey),
      ),
    )
    .orderBy(desc(supportCase.createdAt))
    .limit(1);
  return row;
}
