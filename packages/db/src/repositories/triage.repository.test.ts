import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { type OpenCaseValues, openCases } from './case.repository.ts';
import { insertWorkspaceWithUser, openRepositoryTestDatabase } from './repository-test-setup.ts';
import { claimPendingCaseTexts } from './triage.repository.ts';

let database: Database;
beforeAll(async () => {
  database = await openRepositoryTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

function opening(workspaceId: string, actorUserId: string | null, createdAt: Date): OpenCaseValues {
  return {
    id: randomUUID(),
    workspaceId,
    referencePrefix: 'TRQ',
    referenceYear: 2026,
    subject: 'الفاتورة خطأ',
    description: '',
    channel: actorUserId ? 'phone' : 'whatsapp',
    kind: 'complaint',
    category: null,
    product: null,
    orderReference: null,
    region: null,
    priority: 'P3',
    sentiment: null,
    language: null,
    teamId: null,
    assigneeId: null,
    tags: [],
    customFields: {},
    searchDocument: 'الفاتورة خطأ',
    createdAt,
    customer: null,
    actor: { userId: actorUserId, label: actorUserId ? 'Agent' : 'WhatsApp' },
    eventChanges: {},
  };
}

/** Which of `ids` triage would take now (the claim is rolled back: nothing changes). */
async function claimable(ids: string[]): Promise<string[]> {
  let claimed: string[] = [];
  await database.orm
    .transaction(async (tx) => {
      claimed = (await claimPendingCaseTexts(tx, 100_000)).map((row) => row.caseId);
      throw new Error('roll back');
    })
    .catch(() => undefined);
  return ids.filter((id) => claimed.includes(id));
}

describe('the triage queue', () => {
  it('holds a case a channel opened until its first message is stored, not one a person opened', async () => {
    const { workspaceId, userId } = await insertWorkspaceWithUser(database, 'agent');
    const now = new Date();
    const byChannel = opening(workspaceId, null, now);
    const byPerson = opening(workspaceId, userId, now);
    const forgotten = opening(workspaceId, null, new Date(now.getTime() - 10 * 60_000));
    await openCases(database, [byChannel, byPerson, forgotten]);

    // Between the opener's commit and the message's: triage leaves the channel's case alone, but a
    // case whose message never came is read after five minutes.
    expect(await claimable([byChannel.id, byPerson.id, forgotten.id])).toEqual([byPerson.id, forgotten.id]);

    await database.query(
      `INSERT INTO message (id, workspace_id, case_id, direction, visibility, channel, body, created_at)
       VALUES ($1, $2, $3, 'inbound', 'private', 'whatsapp', 'الفاتورة خطأ', now())`,
      [randomUUID(), workspaceId, byChannel.id],
    );
    expect(await claimable([byChannel.id, byPerson.id, forgotten.id])).toEqual([
      byChannel.id,
      byPerson.id,
      forgotten.id,
    ]);
  });
});
