import { describe, expect, it } from 'vitest';
import { connectLive, createCase, createTestWorkspace, useTestServer, waitFor } from './harness.ts';

const server = useTestServer();

const referencesOf = (cases: { referenceNumber: string }[]) => cases.map((item) => item.referenceNumber);

describe('bulk actions on cases', () => {
  it('moves each case on its own: a refused transition fails that case only', async () => {
    const { admin } = await createTestWorkspace(server());
    const [first, second, third] = [
      await createCase(admin),
      await createCase(admin),
      await createCase(admin),
    ];
    await admin.post(`/api/cases/${second.referenceNumber}/transition`, { to: 'resolved' });
    await admin.post(`/api/cases/${second.referenceNumber}/transition`, { to: 'closed' });

    const response = await admin.post('/api/cases/bulk', {
      references: referencesOf([first, second, third]),
      action: { type: 'status', to: 'resolved' },
    });

    expect(response.status).toBe(200);
    expect(response.body.results).toEqual([
      { referenceNumber: first.referenceNumber, ok: true },
      {
        referenceNumber: second.referenceNumber,
        ok: false,
        error: { code: 'invalid_transition', message: expect.stringContaining('from closed to resolved') },
      },
      { referenceNumber: third.referenceNumber, ok: true },
    ]);
    const after = await admin.get('/api/cases?sort=createdAt');
    expect(after.body.items.map((item: { status: string }) => item.status)).toEqual([
      'resolved',
      'closed',
      'resolved',
    ]);
    const timeline = (await admin.get(`/api/cases/${first.referenceNumber}`)).body.timeline;
    expect(timeline.at(-1)).toMatchObject({
      type: 'case.status_changed',
      changes: { status: { before: 'new', after: 'resolved' } },
    });
  });

  it('announces each changed case on the live socket as a single change would', async () => {
    const { admin } = await createTestWorkspace(server());
    const cases = [await createCase(admin), await createCase(admin)];
    const live = await connectLive(admin);
    try {
      await admin.post('/api/cases/bulk', {
        references: referencesOf(cases),
        action: { type: 'status', to: 'open' },
      });

      const updates = await waitFor(() => {
        const found = live.events.filter((event) => event.type === 'case.updated');
        return found.length === 2 ? found : undefined;
      });
      expect(updates).toEqual(
        cases.map((item) => ({
          type: 'case.updated',
          caseId: item.id,
          referenceNumber: item.referenceNumber,
        })),
      );
    } finally {
      await live.close();
    }
  });

  it('assigns to a team and an agent, and fails every case when the agent is not one of the workspace', async () => {
    const workspace = await createTestWorkspace(server());
    const other = await createTestWorkspace(server());
    const { admin } = workspace;
    const { userId: agentId } = await workspace.signIn('agent');
    const team = (await admin.post('/api/teams', { name: 'Billing' })).body;
    const cases = [await createCase(admin), await createCase(admin)];

    const assigned = await admin.post('/api/cases/bulk', {
      references: referencesOf(cases),
      action: { type: 'assign', teamId: team.id, assigneeId: agentId },
    });
    const foreign = await admin.post('/api/cases/bulk', {
      references: referencesOf(cases),
      action: { type: 'assign', assigneeId: other.adminId },
    });

    expect(assigned.body.results.every((result: { ok: boolean }) => result.ok)).toBe(true);
    for (const item of cases) {
      const detail = (await admin.get(`/api/cases/${item.referenceNumber}`)).body;
      expect(detail).toMatchObject({ teamId: team.id, assigneeId: agentId });
      expect(detail.timeline.map((event: { type: string }) => event.type)).toContain('case.assigned');
    }
    expect(foreign.body.results.map((result: { error?: { code: string } }) => result.error?.code)).toEqual([
      'validation_failed',
      'validation_failed',
    ]);
  });

  it('adds and removes tags against the tags each case has, and records nothing for a case already so', async () => {
    const { admin } = await createTestWorkspace(server());
    const tagged = await createCase(admin, { tags: ['late', 'vip'] });
    const done = await createCase(admin, { tags: ['refund'] });

    const response = await admin.post('/api/cases/bulk', {
      references: referencesOf([tagged, done]),
      action: { type: 'tag', add: ['refund'], remove: ['late'] },
    });

    expect(response.body.results).toEqual([
      { referenceNumber: tagged.referenceNumber, ok: true },
      { referenceNumber: done.referenceNumber, ok: true },
    ]);
    const afterTagged = (await admin.get(`/api/cases/${tagged.referenceNumber}`)).body;
    expect(afterTagged.tags).toEqual(['vip', 'refund']);
    expect(afterTagged.timeline.at(-1).changes).toEqual({
      tags: { before: ['late', 'vip'], after: ['vip', 'refund'] },
    });
    expect((await admin.get(`/api/cases/${done.referenceNumber}`)).body.timeline).toHaveLength(1);
  });

  it('reports a reference that is not a case of this workspace, in the language asked for', async () => {
    const a = await createTestWorkspace(server());
    const b = await createTestWorkspace(server(), { referencePrefix: 'BEE' });
    const ofA = await createCase(a.admin);
    const ofB = await createCase(b.admin);

    const response = await a.admin.post(
      '/api/cases/bulk',
      { references: [ofB.referenceNumber, ofA.referenceNumber], action: { type: 'tag', add: ['x'] } },
      { 'accept-language': 'ar' },
    );

    expect(response.body.results).toEqual([
      {
        referenceNumber: ofB.referenceNumber,
        ok: false,
        error: { code: 'not_found', message: `لا توجد حالة برقم ${ofB.referenceNumber} في مساحة العمل هذه.` },
      },
      { referenceNumber: ofA.referenceNumber, ok: true },
    ]);
    expect((await b.admin.get(`/api/cases/${ofB.referenceNumber}`)).body.tags).toEqual([]);
  });

  it.each([
    ['no references', { references: [], action: { type: 'status', to: 'open' } }],
    [
      'a repeated reference',
      { references: ['TST-2026-000001', 'tst-2026-000001'], action: { type: 'status', to: 'open' } },
    ],
    [
      'more than 200',
      {
        references: Array.from({ length: 201 }, (_, i) => `TST-2026-${i}`),
        action: { type: 'status', to: 'open' },
      },
    ],
    ['an unknown action', { references: ['TST-2026-000001'], action: { type: 'delete' } }],
    [
      'an assignment to nobody in particular',
      { references: ['TST-2026-000001'], action: { type: 'assign' } },
    ],
    ['a tag action without tags', { references: ['TST-2026-000001'], action: { type: 'tag' } }],
  ])('refuses %s with 422 and changes nothing', async (_name, body) => {
    const { admin } = await createTestWorkspace(server());
    const existing = await createCase(admin);

    const response = await admin.post('/api/cases/bulk', body);

    expect(response.status).toBe(422);
    expect((await admin.get(`/api/cases/${existing.referenceNumber}`)).body.timeline).toHaveLength(1);
  });
});
