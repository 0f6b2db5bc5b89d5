// case_metric (migration 0018) is written only by triggers: these check it follows every change the
// dashboards count, in the same transaction, with nothing else calling it.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { insertWorkspaceWithUser, openRepositoryTestDatabase } from './repository-test-setup.ts';

let database: Database;
beforeAll(async () => {
  database = await openRepositoryTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

type Metric = {
  status: string;
  category: string | null;
  reopened: boolean;
  ever_resolved: boolean;
  sla_met: number;
  sla_breached: number;
  rating: number | null;
  nps: number | null;
};

async function metricOf(caseId: string): Promise<Metric | undefined> {
  const [row] = await database.query<Metric>(
    `SELECT status, category, reopened, ever_resolved, sla_met, sla_breached, rating, nps
       FROM case_metric WHERE case_id = $1`,
    [caseId],
  );
  return row;
}

async function insertCase(workspaceId: string, category: string | null) {
  const id = randomUUID();
  await database.query(
    `INSERT INTO support_case (id, workspace_id, reference_number, subject, status, channel, kind, category,
       priority, search_vector, created_at, updated_at)
     VALUES ($1, $2, $3, 'الطلب لم يصل', 'open', 'whatsapp', 'complaint', $4, 'P3', ''::tsvector, now(), now())`,
    [id, workspaceId, `REP-${id.slice(0, 8)}`, category],
  );
  return id;
}

const setStatus = (caseId: string, status: string) =>
  database.query(
    `UPDATE support_case SET status = $2,
       resolved_at = CASE WHEN $2 = 'resolved' THEN now() ELSE resolved_at END WHERE id = $1`,
    [caseId, status],
  );

describe('case_metric', () => {
  it('copies a new case and follows its category and status, remembering a reopening', async () => {
    const { workspaceId } = await insertWorkspaceWithUser(database);
    const caseId = await insertCase(workspaceId, 'التوصيل');
    expect(await metricOf(caseId)).toMatchObject({
      status: 'open',
      category: 'التوصيل',
      reopened: false,
      ever_resolved: false,
    });

    await database.query(`UPDATE support_case SET category = 'الفواتير' WHERE id = $1`, [caseId]);
    await setStatus(caseId, 'resolved');
    expect(await metricOf(caseId)).toMatchObject({
      status: 'resolved',
      category: 'الفواتير',
      reopened: false,
      ever_resolved: true,
    });

    await setStatus(caseId, 'open');
    await setStatus(caseId, 'pending');
    expect(await metricOf(caseId)).toMatchObject({ status: 'pending', reopened: true, ever_resolved: true });
  });

  it('counts SLA targets met and breached, and keeps the latest answered survey', async () => {
    const { workspaceId } = await insertWorkspaceWithUser(database);
    const caseId = await insertCase(workspaceId, null);
    const policyId = randomUUID();
    await database.query(
      `INSERT INTO sla_policy (id, workspace_id, name, position, created_at, updated_at)
       VALUES ($1, $2, 'Standard', 1, now(), now())`,
      [policyId, workspaceId],
    );
    for (const target of ['first_response', 'resolution', 'update']) {
      await database.query(
        `INSERT INTO case_sla (case_id, target, workspace_id, policy_id, target_seconds, started_at)
         VALUES ($1, $2, $3, $4, 3600, now())`,
        [caseId, target, workspaceId, policyId],
      );
    }
    await database.query(
      `UPDATE case_sla SET completed_at = now() WHERE case_id = $1 AND target = 'first_response'`,
      [caseId],
    );
    await database.query(
      `UPDATE case_sla SET breached_at = now(), completed_at = now() WHERE case_id = $1 AND target = 'resolution'`,
      [caseId],
    );
    expect(await metricOf(caseId)).toMatchObject({ sla_met: 1, sla_breached: 1 });

    const survey = (rating: number, nps: number | null, answeredAt: string) =>
      database.query(
        `INSERT INTO satisfaction_survey (id, workspace_id, case_id, channel, status, send_at, answered_at,
           rating, nps, created_at)
         VALUES ($1, $2, $3, 'whatsapp', 'answered', now(), $4, $5, $6, now())`,
        [randomUUID(), workspaceId, caseId, answeredAt, rating, nps],
      );
    await survey(2, 3, '2026-11-20T10:00:00Z');
    await survey(5, 10, '2026-11-22T10:00:00Z');
    await survey(1, null, '2026-11-21T10:00:00Z');
    expect(await metricOf(caseId)).toMatchObject({ rating: 5, nps: 10 });

    await database.query(`DELETE FROM case_sla WHERE case_id = $1 AND target = 'resolution'`, [caseId]);
    expect(await metricOf(caseId)).toMatchObject({ sla_met: 1, sla_breached: 0 });
  });

  it('leaves nothing behind when the change is rolled back or the case deleted', async () => {
    const { workspaceId } = await insertWorkspaceWithUser(database);
    const caseId = await insertCase(workspaceId, 'التوصيل');
    const update = database.orm.transaction(async (tx) => {
      await tx.execute(sql`UPDATE support_case SET category = 'أخرى' WHERE id = ${caseId}`);
      throw new Error('give up');
    });
    await expect(update).rejects.toThrow('give up');
    expect(await metricOf(caseId)).toMatchObject({ category: 'التوصيل' });

    await database.query(`DELETE FROM support_case WHERE id = $1`, [caseId]);
    expect(await metricOf(caseId)).toBeUndefined();
  });
});
