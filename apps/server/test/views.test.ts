import { BUILT_IN_VIEW_KEYS } from '@sada/contracts';
import { describe, expect, it } from 'vitest';
import { type ApiClient, createCase, createTestWorkspace, useTestServer } from './harness.ts';

const server = useTestServer();

const urgent = { name: 'Urgent', filters: { priority: ['P1'], status: ['new', 'open'] } };

async function created(client: ApiClient, body: Record<string, unknown>) {
  const response = await client.post('/api/views', body);
  if (response.status !== 201) throw new Error(`view: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

const idsOf = (response: { body: { items: { id: string }[] } }) => response.body.items.map((item) => item.id);

describe('saved views', () => {
  it('keeps an agent’s view private: the owner sees it, a colleague does not', async () => {
    const workspace = await createTestWorkspace(server());
    const { client: agent, userId } = await workspace.signIn('agent');
    const { client: colleague } = await workspace.signIn('agent');

    const view = await agent.post('/api/views', urgent);

    expect(view.status).toBe(201);
    expect(view.body).toEqual({
      id: expect.any(String),
      name: 'Urgent',
      filters: { priority: ['P1'], status: ['new', 'open'], sort: '-createdAt' },
      isShared: false,
      ownerId: userId,
      position: 0,
      createdAt: expect.any(String),
    });
    expect((await agent.get('/api/views')).body.items).toEqual([view.body]);
    expect((await colleague.get('/api/views')).body.items).toEqual([]);
    expect((await colleague.patch(`/api/views/${view.body.id}`, { name: 'Mine now' })).status).toBe(404);
    expect((await colleague.delete(`/api/views/${view.body.id}`)).status).toBe(404);
  });

  it('reads list parameters as the case list does, and refuses what the case list refuses', async () => {
    const { admin } = await createTestWorkspace(server());

    const commaSeparated = await admin.post('/api/views', {
      name: 'Waiting',
      filters: { status: 'pending,open', q: ' refund ' },
    });
    const badStatus = await admin.post('/api/views', { name: 'Bad', filters: { status: ['lost'] } });
    const paging = await admin.post('/api/views', { name: 'Paged', filters: { limit: 5 } });

    expect(commaSeparated.body.filters).toEqual({
      status: ['pending', 'open'],
      q: 'refund',
      sort: '-createdAt',
    });
    expect(badStatus.status).toBe(422);
    expect(badStatus.body.error.fields[0].path).toBe('body.filters.status.0');
    expect(paging.status).toBe(422);
  });

  it('lets a supervisor share a view with everyone; agents use it but cannot change or delete it', async () => {
    const workspace = await createTestWorkspace(server());
    const { client: supervisor } = await workspace.signIn('supervisor');
    const { client: agent } = await workspace.signIn('agent');
    const own = await created(agent, { name: 'Mine', filters: { assignee: ['me'] } });

    const shared = await created(supervisor, { ...urgent, isShared: true });

    expect(shared).toMatchObject({ isShared: true, ownerId: null, position: 0 });
    expect(idsOf(await agent.get('/api/views'))).toEqual([own.id, shared.id]);
    expect((await agent.patch(`/api/views/${shared.id}`, { name: 'Hijacked' })).status).toBe(403);
    expect((await agent.delete(`/api/views/${shared.id}`)).status).toBe(403);
    expect((await workspace.admin.patch(`/api/views/${shared.id}`, { position: 3 })).body.position).toBe(3);
    expect((await supervisor.delete(`/api/views/${shared.id}`)).status).toBe(204);
    expect(idsOf(await agent.get('/api/views'))).toEqual([own.id]);
  });

  it('refuses to let an agent or analyst share a view, or to share their own afterwards', async () => {
    const workspace = await createTestWorkspace(server());
    const { client: agent } = await workspace.signIn('agent');
    const { client: analyst } = await workspace.signIn('analyst');
    const own = await created(analyst, urgent);

    const agentShares = await agent.post('/api/views', { ...urgent, isShared: true });
    const analystShares = await analyst.patch(`/api/views/${own.id}`, { isShared: true });

    expect(agentShares.status).toBe(403);
    expect(agentShares.body.error.message).toContain('view:share');
    expect(analystShares.status).toBe(403);
    expect((await workspace.admin.get('/api/views')).body.items).toEqual([]);
  });

  it('lets a supervisor share their own view and take a shared one back as their own', async () => {
    const workspace = await createTestWorkspace(server());
    const { client: supervisor, userId } = await workspace.signIn('supervisor');
    const own = await created(supervisor, urgent);

    const sharing = await supervisor.patch(`/api/views/${own.id}`, { isShared: true });
    const unsharing = await supervisor.patch(`/api/views/${own.id}`, { isShared: false, name: 'Back to me' });

    expect(sharing.body).toMatchObject({ isShared: true, ownerId: null });
    expect(unsharing.body).toMatchObject({ isShared: false, ownerId: userId, name: 'Back to me' });
    expect((await workspace.admin.get('/api/views')).body.items).toEqual([]);
  });

  it('puts a new view after the ones already there unless told where', async () => {
    const { admin } = await createTestWorkspace(server());
    const first = await created(admin, urgent);
    const second = await created(admin, { ...urgent, name: 'Second' });
    const top = await created(admin, { ...urgent, name: 'Top', position: 0 });

    expect([first.position, second.position]).toEqual([0, 1]);
    expect(idsOf(await admin.get('/api/views'))).toEqual([first.id, top.id, second.id]);
  });

  it('never shows, changes or counts another workspace’s views', async () => {
    const a = await createTestWorkspace(server());
    const b = await createTestWorkspace(server());
    const ofB = await created(b.admin, { ...urgent, isShared: true });

    expect((await a.admin.get('/api/views')).body.items).toEqual([]);
    expect((await a.admin.patch(`/api/views/${ofB.id}`, { name: 'x' })).status).toBe(404);
    expect((await a.admin.delete(`/api/views/${ofB.id}`)).status).toBe(404);
    expect(Object.keys((await a.admin.get('/api/views/counts')).body.counts)).not.toContain(ofB.id);
  });
});

describe('view counters', () => {
  it('counts the built-in views as the case list would show them, with "me" as the one asking', async () => {
    const workspace = await createTestWorkspace(server());
    const { client: agent, userId } = await workspace.signIn('agent');
    const admin = workspace.admin;
    const mine = await createCase(admin, { assigneeId: userId });
    await createCase(admin, { assigneeId: workspace.adminId });
    await createCase(admin);
    const pending = await createCase(admin);
    await admin.post(`/api/cases/${pending.referenceNumber}/transition`, { to: 'pending' });
    const resolved = await createCase(admin, { assigneeId: userId });
    await admin.post(`/api/cases/${resolved.referenceNumber}/transition`, { to: 'resolved' });

    const forAgent = (await agent.get('/api/views/counts')).body.counts;
    const forAdmin = (await admin.get('/api/views/counts')).body.counts;

    expect(Object.keys(forAgent).sort()).toEqual([...BUILT_IN_VIEW_KEYS].sort());
    expect(forAgent).toEqual({ mine: 1, unassigned: 2, open: 4, breaching: 0, pending: 1, resolved: 1 });
    expect(forAdmin.mine).toBe(1);
    const listed = await agent.get('/api/cases?assignee=me&status=new,open,pending');
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([mine.id]);
  });

  it('counts each saved view the user sees, searching its q in Arabic as the list does', async () => {
    const workspace = await createTestWorkspace(server());
    const { client: agent } = await workspace.signIn('agent');
    const { client: supervisor } = await workspace.signIn('supervisor');
    await createCase(workspace.admin, { subject: 'تأخر الشحنة', priority: 'P1' });
    await createCase(workspace.admin, { subject: 'الشحنه متأخرة جدا' });
    await createCase(workspace.admin, { subject: 'Refund please', priority: 'P1' });
    const shipping = await created(agent, { name: 'Shipping', filters: { q: 'الشحنة' } });
    const shared = await created(supervisor, { name: 'P1', filters: { priority: ['P1'] }, isShared: true });
    const hidden = await created(supervisor, { name: 'Private', filters: {} });

    const counts = (await agent.get('/api/views/counts')).body.counts;

    expect(counts[shipping.id]).toBe(2);
    expect(counts[shared.id]).toBe(2);
    expect(counts).not.toHaveProperty(hidden.id);
    const listed = await agent.get(`/api/cases?q=${encodeURIComponent('الشحنة')}`);
    expect(listed.body.items).toHaveLength(2);
  });

  it('counts only the cases of the user’s own workspace', async () => {
    const a = await createTestWorkspace(server());
    const b = await createTestWorkspace(server());
    await createCase(b.admin);
    await createCase(b.admin);
    await createCase(a.admin);

    expect((await a.admin.get('/api/views/counts')).body.counts.open).toBe(1);
  });
});
