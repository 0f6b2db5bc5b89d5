// Early warnings outside the console (issue 9): who subscribed (a user by e-mail, a webhook) and
// each alert's delivery to each of them, leased and sent by a job like the outbox.
import { and, asc, desc, eq, inArray, isNotNull, lte, min, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../database.ts';
import { alertDelivery, alertSubscription, appUser, spikeAlert, supportCase } from '../schema.ts';

export type AlertSubscriptionRow = typeof alertSubscription.$inferSelect;
export type AlertDeliveryRow = typeof alertDelivery.$inferSelect;

/** A subscription with its user (e-mail) and its newest delivery attempt, as the console lists it. */
export type AlertSubscriptionListing = AlertSubscriptionRow & {
  userName: string | null;
  userEmail: string | null;
  lastDelivery: Pick<
    AlertDeliveryRow,
    'status' | 'lastAttemptAt' | 'sentAt' | 'lastError' | 'lastErrorAr' | 'lastErrorCode'
  > | null;
};

export async function insertAlertSubscription(
  executor: Executor,
  values: typeof alertSubscription.$inferInsert,
): Promise<AlertSubscriptionRow | undefined> {
  const [row] = await executor.insert(alertSubscription).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findAlertSubscription(
  executor: Executor,
  workspaceId: string,
  id: string,
): Promise<AlertSubscriptionRow | undefined> {
  const [row] = await executor
    .select()
    .from(alertSubscription)
    .where(and(eq(alertSubscription.workspaceId, workspaceId), eq(alertSubscription.id, id)));
  return row;
}

/** A user's e-mail subscription in a workspace, if any. */
export async function findEmailSubscription(
  executor: Executor,
  workspaceId: string,
  userId: string,
): Promise<AlertSubscriptionRow | undefined> {
  const [row] = await executor
    .select()
    .from(alertSubscription)
    .where(
      and(
        eq(alertSubscription.workspaceId, workspaceId),
        eq(alertSubscription.kind, 'email'),
        eq(alertSubscription.userId, userId),
      ),
    );
  return row;
}

/** The workspace's subscriptions (or one user's), oldest first, each with its newest delivery. */
export async function listAlertSubscriptions(
  executor: Executor,
  workspaceId: string,
  options: { userId?: string } = {},
): Promise<AlertSubscriptionListing[]> {
  const rows = await executor
    .select({ subscription: alertSubscription, userName: appUser.name, userEmail: appUser.email })
    .from(alertSubscription)
    .leftJoin(appUser, eq(appUser.id, alertSubscription.userId))
    .where(
      and(
        eq(alertSubscription.workspaceId, workspaceId),
        options.userId ? eq(alertSubscription.userId, options.userId) : undefined,
      ),
    )
    .orderBy(asc(alertSubscription.createdAt), asc(alertSubscription.id));
  if (rows.length === 0) return [];
  // The newest attempted delivery of each subscription.
  const latest = rowsOf<{
    subscription_id: string;
    status: string;
    last_attempt_at: string | Date | null;
    sent_at: string | Date | null;
    last_error: string | null;
    last_error_ar: string | null;
    last_error_code: string | null;
  }>(
    await executor.execute(sql`
      SELECT DISTINCT ON (subscription_id) subscription_id, status, last_attempt_at, sent_at,
             last_error, last_error_ar, last_error_code
        FROM alert_delivery
       WHERE workspace_id = ${workspaceId} AND last_attempt_at IS NOT NULL
       ORDER BY subscription_id, last_attempt_at DESC`),
  );
  const asDate = (value: string | Date | null) => (value === null ? null : new Date(value));
  const bySubscription = new Map(latest.map((row) => [row.subscription_id, row]));
  return rows.map(({ subscription, userName, userEmail }) => {
    const last = bySubscription.get(subscription.id);
    return {
      ...subscription,
      userName,
      userEmail,
      lastDelivery: last
        ? {
            status: last.status,
            lastAttemptAt: asDate(last.last_attempt_at),
            sentAt: asDate(last.sent_at),
            lastError: last.last_error,
            lastErrorAr: last.last_error_ar,
            lastErrorCode: last.last_error_code,
          }
        : null,
    };
  });
}

export async function updateAlertSubscription(
  executor: Executor,
  workspaceId: string,
  id: string,
  values: Partial<Pick<AlertSubscriptionRow, 'isEnabled' | 'url' | 'secretSealed'>>,
): Promise<AlertSubscriptionRow | undefined> {
  const [row] = await executor
    .update(alertSubscription)
    .set(values)
    .where(and(eq(alertSubscription.workspaceId, workspaceId), eq(alertSubscription.id, id)))
    .returning();
  return row;
}

/** Removes a subscription and its deliveries; answers whether it existed. */
export async function deleteAlertSubscription(
  executor: Executor,
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const rows = await executor
    .delete(alertSubscription)
    .where(and(eq(alertSubscription.workspaceId, workspaceId), eq(alertSubscription.id, id)))
    .returning({ id: alertSubscription.id });
  return rows.length > 0;
}

/**
 * One pending delivery of the alert per enabled subscription of its workspace: every webhook, and
 * the e-mail of each active user whose role is one of `readerRoles`. Answers how many were queued;
 * an alert queued twice queues nothing more (alert_delivery_once).
 */
export async function queueAlertDeliveries(
  executor: Executor,
  options: { workspaceId: string; alertId: string; readerRoles: readonly string[]; now: Date },
): Promise<number> {
  const roles = sql.join(
    options.readerRoles.map((role) => sql`${role}`),
    sql`, `,
  );
  const rows = rowsOf<{ id: string }>(
    await executor.execute(sql`
      INSERT INTO alert_delivery (id, workspace_id, alert_id, subscription_id, status, next_attempt_at, created_at)
      SELECT gen_random_uuid(), s.workspace_id, ${options.alertId}::uuid, s.id, 'pending',
             ${options.now.toISOString()}::timestamptz, ${options.now.toISOString()}::timestamptz
        FROM alert_subscription s
        LEFT JOIN app_user u ON u.id = s.user_id
       WHERE s.workspace_id = ${options.workspaceId} AND s.is_enabled
         AND (s.kind = 'webhook' OR (u.is_active AND u.role IN (${roles})))
      ON CONFLICT ON CONSTRAINT alert_delivery_once DO NOTHING
      RETURNING id`),
  );
  return rows.length;
}

/**
 * Takes up to `limit` due deliveries: each counts an attempt and is hidden for `leaseMs`, so a
 * process dying mid-send leaves it to be sent again after the lease, and two never send it at once.
 */
export async function leaseDueAlertDeliveries(
  executor: Executor,
  options: { now: Date; leaseMs: number; limit: number },
): Promise<AlertDeliveryRow[]> {
  const due = executor
    .select({ id: alertDelivery.id })
    .from(alertDelivery)
    .where(and(eq(alertDelivery.status, 'pending'), lte(alertDelivery.nextAttemptAt, options.now)))
    .orderBy(asc(alertDelivery.nextAttemptAt))
    .limit(options.limit)
    .for('update', { skipLocked: true });
  return executor
    .update(alertDelivery)
    .set({
      attempts: sql`${alertDelivery.attempts} + 1`,
      lastAttemptAt: options.now,
      nextAttemptAt: new Date(options.now.getTime() + options.leaseMs),
    })
    .where(inArray(alertDelivery.id, due))
    .returning();
}

export async function updateAlertDelivery(
  executor: Executor,
  id: string,
  values: Partial<
    Pick<
      AlertDeliveryRow,
      'status' | 'nextAttemptAt' | 'lastError' | 'lastErrorAr' | 'lastErrorCode' | 'sentAt'
    >
  >,
): Promise<void> {
  await executor.update(alertDelivery).set(values).where(eq(alertDelivery.id, id));
}

/** When the next pending delivery is due, if any. */
export async function nextAlertDeliveryDue(executor: Executor): Promise<Date | null> {
  const [row] = await executor
    .select({ due: min(alertDelivery.nextAttemptAt) })
    .from(alertDelivery)
    .where(and(eq(alertDelivery.status, 'pending'), isNotNull(alertDelivery.nextAttemptAt)));
  return row?.due ? new Date(row.due) : null;
}

/** The deliveries of an alert (tests and the console's detail). */
export async function listAlertDeliveries(executor: Executor, workspaceId: string, alertId: string) {
  return executor
    .select()
    .from(alertDelivery)
    .where(and(eq(alertDelivery.workspaceId, workspaceId), eq(alertDelivery.alertId, alertId)))
    .orderBy(desc(alertDelivery.createdAt));
}

/** What an alert shows of its example cases: reference, channel and text. */
export async function listAlertExamples(executor: Executor, workspaceId: string, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return executor
    .select({
      id: supportCase.id,
      referenceNumber: supportCase.referenceNumber,
      channel: supportCase.channel,
      subject: supportCase.subject,
      description: supportCase.description,
    })
    .from(supportCase)
    .where(and(eq(supportCase.workspaceId, workspaceId), inArray(supportCase.id, caseIds)));
}

/** One alert of a workspace. */
export async function findSpikeAlertById(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select()
    .from(spikeAlert)
    .where(and(eq(spikeAlert.workspaceId, workspaceId), eq(spikeAlert.id, id)));
  return row;
}
