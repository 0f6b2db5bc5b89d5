import { and, asc, count, eq, gt, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../database.ts';
import { triageAdaptation, triageCorrection } from '../schema.ts';

/** The triage fields of the case a pending text belongs to, as they were when it was claimed. */
export type PendingCaseFields = {
  referenceNumber: string;
  kind: string;
  category: string | null;
  sentiment: string | null;
  language: string | null;
  priority: string;
  triage: Record<string, unknown> | null;
  triageLocked: string[];
};

const CASE_FIELDS = sql.raw(`c.reference_number AS "referenceNumber", c.kind, c.category, c.sentiment,
  c.language, c.priority, c.triage, c.triage_locked AS "triageLocked"`);

/** A case whose own text waits for triage, locked for this worker until its transaction ends. */
export type PendingCaseText = PendingCaseFields & {
  caseId: string;
  workspaceId: string;
  text: string;
  channel: string;
  customerId: string | null;
  /** the fields whoever opened the case chose (recorded on its case.created event) */
  setByPerson: string[] | null;
};

/** An inbound message waiting for triage, with its case locked too. */
export type PendingMessage = PendingCaseFields & {
  messageId: string;
  caseId: string;
  workspaceId: string;
  text: string;
  channel: string;
  visibility: string;
  customerId: string | null;
};

/**
 * Claims up to `limit` cases whose text waits, oldest first, skipping those another worker holds.
 * The partial index support_case_triage_pending_idx holds only these cases. A case a channel opened
 * (no person on its case.created event) waits until its first message is committed: the batch opener
 * commits the case a moment before the message, and triage (then routing, whose notice answers that
 * message) must not read it in between. One whose message never came is read after five minutes.
 */
export async function claimPendingCaseTexts(executor: Executor, limit: number): Promise<PendingCaseText[]> {
  const result = await executor.execute(sql`
    SELECT c.id AS "caseId", c.workspace_id AS "workspaceId",
           trim(c.subject || E'\n' || c.description) AS text, c.channel, c.customer_id AS "customerId",
           ${CASE_FIELDS},
           (SELECT e.changes -> 'setByPerson' FROM case_event e
             WHERE e.case_id = c.id AND e.type = 'case.created' ORDER BY e.id LIMIT 1) AS "setByPerson"
      FROM support_case c
     WHERE c.triaged_at IS NULL
       AND (EXISTS (SELECT 1 FROM message m WHERE m.case_id = c.id)
            OR EXISTS (SELECT 1 FROM case_event e
                        WHERE e.case_id = c.id AND e.type = 'case.created' AND e.actor_user_id IS NOT NULL)
            OR c.created_at < now() - interval '5 minutes')
     ORDER BY c.created_at, c.id
     LIMIT ${limit}
       FOR UPDATE OF c SKIP LOCKED`);
  return rowsOf<PendingCaseText>(result);
}

/**
 * Claims up to `limit` inbound messages waiting for triage whose case's own text was read already
 * (so a case is read in the order its texts arrived), locking the message and its case.
 */
export async function claimPendingMessages(executor: Executor, limit: number): Promise<PendingMessage[]> {
  const result = await executor.execute(sql`
    SELECT m.id AS "messageId", m.case_id AS "caseId", m.workspace_id AS "workspaceId", m.body AS text,
           m.channel, m.visibility, c.customer_id AS "customerId", ${CASE_FIELDS}
      FROM message m JOIN support_case c ON c.id = m.case_id
     WHERE m.triaged_at IS NULL AND m.direction = 'inbound' AND c.triaged_at IS NOT NULL
     ORDER BY m.created_at, m.id
     LIMIT ${limit}
       FOR UPDATE OF m, c SKIP LOCKED`);
  return rowsOf<PendingMessage>(result);
}

/** Which of these customers carry a tag (e.g. vip). */
export async function customersTagged(
  executor: Executor,
  customerIds: string[],
  tag: string,
): Promise<Set<string>> {
  if (customerIds.length === 0) return new Set();
  const result = await executor.execute(sql`
    SELECT id FROM customer WHERE id = ANY(${`{${customerIds.join(',')}}`}::uuid[]) AND ${tag} = ANY(tags)`);
  return new Set(rowsOf<{ id: string }>(result).map((r) => r.id));
}

export async function markMessageTriaged(
  executor: Executor,
  messageId: string,
  triage: Record<string, unknown> | null,
  at: Date,
): Promise<void> {
  await executor.execute(sql`
    UPDATE message SET triage = ${triage && JSON.stringify(triage)}::jsonb, triaged_at = ${at.toISOString()}::timestamptz
     WHERE id = ${messageId}`);
}

export type TriageCorrectionRow = typeof triageCorrection.$inferSelect;

export async function insertTriageCorrection(
  executor: Executor,
  values: typeof triageCorrection.$inferInsert,
): Promise<void> {
  await executor.insert(triageCorrection).values(values);
}

/** A workspace's corrections, oldest first (a text corrected twice: the later one wins when training). */
export async function listTriageCorrections(executor: Executor, workspaceId: string) {
  return executor
    .select()
    .from(triageCorrection)
    .where(eq(triageCorrection.workspaceId, workspaceId))
    .orderBy(asc(triageCorrection.createdAt), asc(triageCorrection.id));
}

export async function countTriageCorrectionsSince(
  executor: Executor,
  workspaceId: string,
  since: Date | null,
): Promise<number> {
  const [row] = await executor
    .select({ count: count() })
    .from(triageCorrection)
    .where(
      since
        ? and(eq(triageCorrection.workspaceId, workspaceId), gt(triageCorrection.createdAt, since))
        : eq(triageCorrection.workspaceId, workspaceId),
    );
  return row?.count ?? 0;
}

/** Workspaces with corrections newer than their last adaptation (or never adapted). */
export async function listWorkspacesNeedingRetrain(executor: Executor): Promise<string[]> {
  const result = await executor.execute(sql`
    SELECT c.workspace_id AS "workspaceId" FROM triage_correction c
      LEFT JOIN triage_adaptation a ON a.workspace_id = c.workspace_id
     GROUP BY c.workspace_id, a.trained_at
    HAVING a.trained_at IS NULL OR max(c.created_at) > a.trained_at`);
  return rowsOf<{ workspaceId: string }>(result).map((r) => r.workspaceId);
}

export type TriageAdaptationRow = typeof triageAdaptation.$inferSelect;

export async function findTriageAdaptation(
  executor: Executor,
  workspaceId: string,
): Promise<TriageAdaptationRow | undefined> {
  const [row] = await executor
    .select()
    .from(triageAdaptation)
    .where(eq(triageAdaptation.workspaceId, workspaceId));
  return row;
}

export async function saveTriageAdaptation(executor: Executor, values: TriageAdaptationRow): Promise<void> {
  await executor
    .insert(triageAdaptation)
    .values(values)
    .onConflictDoUpdate({
      target: triageAdaptation.workspaceId,
      set: {
        overlay: values.overlay,
        corrections: values.corrections,
        gain: values.gain,
        trainedAt: values.trainedAt,
      },
    });
}

/** A resolved case's text and the first reply the customer got: material for reply suggestions. */
export type ResolvedCaseReply = { caseId: string; referenceNumber: string; text: string; reply: string };

/** The most recently resolved cases of a workspace that got a public or private reply, newest first. */
export async function listResolvedCaseReplies(
  executor: Executor,
  workspaceId: string,
  options: { excludeCaseId: string; limit: number },
): Promise<ResolvedCaseReply[]> {
  const result = await executor.execute(sql`
    SELECT c.id AS "caseId", c.reference_number AS "referenceNumber",
           trim(c.subject || E'\n' || c.description) AS text, reply.body AS reply
      FROM support_case c
      JOIN LATERAL (SELECT m.body FROM message m WHERE m.case_id = c.id AND m.direction = 'outbound'
                     ORDER BY m.created_at, m.id LIMIT 1) reply ON true
     WHERE c.workspace_id = ${workspaceId} AND c.status IN ('resolved', 'closed') AND c.id <> ${options.excludeCaseId}
     ORDER BY c.resolved_at DESC NULLS LAST, c.id DESC
     LIMIT ${options.limit}`);
  return rowsOf<ResolvedCaseReply>(result);
}
