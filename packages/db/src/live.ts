import { sql } from 'drizzle-orm';
import type { Executor } from './database.ts';

/** The PostgreSQL channel every server process LISTENs on for real-time fan-out. */
export const LIVE_CHANNEL = 'sada_live';

type CaseNotice = {
  type: 'case.created' | 'case.updated' | 'message.created';
  caseId: string;
  referenceNumber: string;
  messageId?: string | undefined;
};

type NotificationNotice = { type: 'notification.created'; notificationId: string };

/** Who has a case open on one socket of any process; `referenceNumber: null` when the socket left it. */
export type PresenceNotice = {
  type: 'presence';
  socketId: string;
  userId: string;
  name: string;
  referenceNumber: string | null;
  state: 'viewing' | 'typing';
};

/** The customer of a live chat types (true) or stopped (false): shown on the case in the console. */
export type ChatTypingNotice = {
  type: 'chat.typing';
  caseId: string;
  referenceNumber: string;
  isTyping: boolean;
};

/** A problem (corrective action) changed, on commit. */
export type ProblemNotice = { type: 'problem.updated'; problemId: string };

/** How many consoles of a workspace one server process holds open: whether an agent is online. */
export type ConsolesNotice = { type: 'consoles'; processId: string; count: number };

/**
 * A change to announce to the consoles of one workspace (only to one user's consoles with `userId`).
 * Case and notification notices are sent when their transaction commits; presence at once.
 */
export type LiveNotice = { workspaceId: string; userId?: string | undefined } & (
  | CaseNotice
  | NotificationNotice
  | PresenceNotice
  | ChatTypingNotice
  | ProblemNotice
  | ConsolesNotice
);

export async function announce(executor: Executor, notice: LiveNotice): Promise<void> {
  await executor.execute(sql`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(notice)})`);
}

/** Tells every console of the case's workspace that the case changed (on commit). */
export async function announceCaseUpdated(
  executor: Executor,
  row: { workspaceId: string; id: string; referenceNumber: string },
): Promise<void> {
  await announce(executor, {
    workspaceId: row.workspaceId,
    type: 'case.updated',
    caseId: row.id,
    referenceNumber: row.referenceNumber,
  });
}
