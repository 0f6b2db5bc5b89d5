import { sql } from 'drizzle-orm';
import type { Executor } from './database.ts';

/** The PostgreSQL channel every server process LISTENs on for real-time fan-out. */
export const LIVE_CHANNEL = 'sada_live';

/** A change to announce to the consoles of one workspace; sent when the transaction commits. */
export type LiveNotice = {
  workspaceId: string;
  type: 'case.created' | 'case.updated' | 'message.created';
  caseId: string;
  referenceNumber: string;
  messageId?: string | undefined;
};

export async function announce(executor: Executor, notice: LiveNotice): Promise<void> {
  await executor.execute(sql`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(notice)})`);
}
