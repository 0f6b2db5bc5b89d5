import {
  messengerMessage,
  pageComment,
  type Simulator,
  startPlatformSimulator,
} from '@sada/channels/simulator';
import { rowsOf } from '@sada/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestWorkspace,
  startTestServer,
  type TestServer,
  type TestWorkspace,
  waitFor,
} from './harness.ts';
import { connectFacebookPage, uniqueDigits } from './social-harness.ts';

// Platform ids are unique per test run: on a shared database an account may be connected once.

type Item = { id: string; status: string; label: string; source: string; message: { id: string } };

describe('the moderation queue', () => {
  let simulator: Simulator;
  let server: TestServer;

  beforeAll(async () => {
    simulator = await startPlatformSimulator({});
    server = await startTestServer({ triage: true, platformUrl: simulator.url, isolated: true });
  });
  afterAll(async () => {
    await server?.stop();
    await simulator?.close();
  });

  const metaWebhook = () => `${server.baseUrl}/webhooks/meta`;

  const connectPage = (workspace: TestWorkspace) =>
    connectFacebookPage(workspace.admin, simulator.secrets.appSecret);

  /** A public comment from one author; answers the case it opened (or continued) and the delivery. */
  async function comment(
    pageId: string,
    options: { postId: string; from: { id: string; name: string }; message: string },
  ) {
    const delivery = pageComment({ pageId, ...options });
    expect(await simulator.deliver(metaWebhook(), delivery)).toBe(200);
    return delivery;
  }

  async function allCases(workspace: TestWorkspace) {
    const listed = await workspace.admin.get('/api/cases?status=new,open,pending,resolved,closed');
    return listed.body.items as { referenceNumber: string; status: string }[];
  }

  async function caseOf(workspace: TestWorkspace, referenceNumber: string) {
    return (await workspace.admin.get(`/api/cases/${referenceNumber}`)).body;
  }

  /** A comment that opened a case, with the case's reference and the message id. */
  async function commentCase(
    workspace: TestWorkspace,
    pageId: string,
    text: string,
    authorId = uniqueDigits(),
  ) {
    const delivery = await comment(pageId, {
      postId: uniqueDigits(),
      from: { id: authorId, name: 'Commenter' },
      message: text,
    });
    const [summary] = await allCases(workspace);
    const detail = await caseOf(workspace, summary!.referenceNumber);
    return {
      referenceNumber: detail.referenceNumber as string,
      messageId: detail.messages[0].id as string,
      authorId,
      delivery,
    };
  }

  async function markAs(workspace: TestWorkspace, target: { referenceNumber: string; messageId: string }) {
    const { client: agent } = await workspace.signIn('agent');
    const marked = await agent.post(
      `/api/cases/${target.referenceNumber}/messages/${target.messageId}/moderation/mark`,
      { label: 'abuse', reason: 'insults our staff' },
    );
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    return marked.body as Item;
  }

  it('queues a comment triage reads as abuse once, even when triage reads it again', async () => {
    const workspace = await createTestWorkspace(server, { triage: true });
    const pageId = await connectPage(workspace);
    const target = await commentCase(workspace, pageId, 'You are all idiots and thieves, stupid company');

    const queue = await waitFor(async () => {
      const listed = await workspace.admin.get('/api/moderation');
      return listed.body.items.length > 0 ? listed.body : undefined;
    });
    expect(queue.openCount).toBe(1);
    expect(queue.items[0]).toMatchObject({
      label: 'abuse',
      source: 'triage',
      status: 'open',
      message: { id: target.messageId, body: 'You are all idiots and thieves, stupid company' },
      case: { referenceNumber: target.referenceNumber, kind: 'abuse' },
      author: { name: 'Commenter', identity: { channel: 'facebook', externalId: target.authorId } },
      canHide: true,
    });

    // Triage reads the message again (a worker stopped halfway, say): nothing new is queued.
    expect(target.messageId).toMatch(/^[0-9a-f-]{36}$/);
    const orm = server.database.orm;
    await orm.execute(`UPDATE message SET triaged_at = NULL WHERE id = '${target.messageId}'`);
    await server.triage!.drain();
    const reread = rowsOf<{ triaged_at: unknown }>(
      await orm.execute(`SELECT triaged_at FROM message WHERE id = '${target.messageId}'`),
    );
    expect(reread[0]!.triaged_at).not.toBeNull();
    const again = (await workspace.admin.get('/api/moderation')).body;
    expect(again.items).toHaveLength(1);
    const detail = await caseOf(workspace, target.referenceNumber);
    expect(
      detail.timeline.filter((event: { type: string }) => event.type === 'moderation.queued'),
    ).toHaveLength(1);
  });

  it('lets an agent mark a message, and a supervisor hide it on Facebook with a reason and undo it', async () => {
    const workspace = await createTestWorkspace(server);
    const pageId = await connectPage(workspace);
    const target = await commentCase(workspace, pageId, 'insults…');
    const item = await markAs(workspace, target);
    expect(item).toMatchObject({ label: 'abuse', source: 'agent', status: 'open' });
    // Marking again changes nothing.
    expect((await markAs(workspace, target)).id).toBe(item.id);

    const { client: agent } = await workspace.signIn('agent');
    expect((await agent.get('/api/moderation')).status).toBe(403);
    expect(
      (await agent.post(`/api/moderation/${item.id}/decision`, { decision: 'keep', reason: 'x' })).status,
    ).toBe(403);

    const { client: supervisor } = await workspace.signIn('supervisor');
    simulator.clearSent();
    const hidden = await supervisor.post(`/api/moderation/${item.id}/decision`, {
      decision: 'hide',
      reason: 'insults our staff by name',
    });
    expect(hidden.status, JSON.stringify(hidden.body)).toBe(200);
    expect(hidden.body).toMatchObject({ status: 'hidden', message: { isHidden: true }, canUndo: true });
    const commentId = target.delivery.externalId;
    const [hide] = await simulator.waitForSent(1, { match: { pathIncludes: `/${commentId}` } });
    expect(JSON.stringify({ query: hide!.query, body: hide!.json })).toContain('true');
    const afterHide = await caseOf(workspace, target.referenceNumber);
    expect(afterHide.messages[0]).toMatchObject({ body: 'insults…', moderation: { isHidden: true } });
    expect(afterHide.timeline.map((event: { type: string }) => event.type)).toContain('moderation.decided');

    simulator.clearSent();
    const undone = await supervisor.post(`/api/moderation/${item.id}/undo`, {
      reason: 'the customer apologised',
    });
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body).toMatchObject({ status: 'open', message: { isHidden: false }, canUndo: false });
    const [show] = await simulator.waitForSent(1, { match: { pathIncludes: `/${commentId}` } });
    expect(JSON.stringify({ query: show!.query, body: show!.json })).toContain('false');
    expect(
      undone.body.history.map((entry: { action: string; decision: string | null }) => [
        entry.action,
        entry.decision,
      ]),
    ).toEqual([
      ['queued', null],
      ['decided', 'hide'],
      ['undone', 'hide'],
    ]);
    expect((await supervisor.post(`/api/moderation/${item.id}/undo`, { reason: 'again' })).status).toBe(409);
    const afterUndo = await caseOf(workspace, target.referenceNumber);
    expect(afterUndo.timeline.map((event: { type: string }) => event.type)).toContain('moderation.undone');
  });

  it('never hides a complaint that is not in the queue, and hides only public comments', async () => {
    const workspace = await createTestWorkspace(server);
    const pageId = await connectPage(workspace);
    const target = await commentCase(workspace, pageId, 'My order 4411 never arrived');
    expect((await caseOf(workspace, target.referenceNumber)).kind).toBe('complaint');
    simulator.clearSent();

    const refused = await workspace.admin.post(
      `/api/cases/${target.referenceNumber}/messages/${target.messageId}/hide`,
      { reason: 'abuse' },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/complaint/);
    const inArabic = await workspace.admin.post(
      `/api/cases/${target.referenceNumber}/messages/${target.messageId}/hide`,
      { reason: 'abuse' },
      { 'accept-language': 'ar' },
    );
    expect(inArabic.body.error.message).toMatch(/شكوى/);
    const detail = await caseOf(workspace, target.referenceNumber);
    expect(detail.messages[0]).toMatchObject({ body: 'My order 4411 never arrived', moderation: null });
    expect(simulator.sent.filter((request) => request.path.includes(target.delivery.externalId))).toEqual([]);

    // A private message can be queued, but there is nothing public to hide.
    const psid = uniqueDigits();
    expect(
      await simulator.deliver(
        metaWebhook(),
        messengerMessage({ pageId, psid, text: 'you people are useless idiots' }),
      ),
    ).toBe(200);
    const dm = await waitFor(async () => {
      const cases = await allCases(workspace);
      return cases.length === 2
        ? cases.find((row) => row.referenceNumber !== target.referenceNumber)
        : undefined;
    });
    const dmDetail = await caseOf(workspace, dm.referenceNumber);
    const item = await markAs(workspace, {
      referenceNumber: dm.referenceNumber,
      messageId: dmDetail.messages[0].id,
    });
    expect(item).toMatchObject({ canHide: false });
    const notPublic = await workspace.admin.post(`/api/moderation/${item.id}/decision`, {
      decision: 'hide',
      reason: 'insults',
    });
    expect(notPublic.status).toBe(409);
    expect(notPublic.body.error.message).toMatch(/public comment/);
    expect(
      (await workspace.admin.get('/api/moderation')).body.items.find((row: Item) => row.id === item.id),
    ).toMatchObject({ status: 'open' });
  });

  it('blocks an author: their next comment is kept once on their case, opens no case and reaches no inbox; undo unblocks', async () => {
    const workspace = await createTestWorkspace(server);
    const pageId = await connectPage(workspace);
    const target = await commentCase(workspace, pageId, 'يا حيوانات يا اغبياء');
    const item = await markAs(workspace, target);

    const blocked = await workspace.admin.post(`/api/moderation/${item.id}/decision`, {
      decision: 'block',
      reason: 'insults every day',
    });
    expect(blocked.status, JSON.stringify(blocked.body)).toBe(200);
    expect(blocked.body).toMatchObject({
      status: 'blocked',
      author: { identity: { externalId: target.authorId, isBlocked: true } },
      case: { status: 'closed' },
    });

    const later = pageComment({
      pageId,
      postId: uniqueDigits(),
      from: { id: target.authorId, name: 'Commenter' },
      message: 'still here, idiots',
    });
    expect(await simulator.deliver(metaWebhook(), later)).toBe(200);
    // The platform retries: still stored once.
    expect(await simulator.deliver(metaWebhook(), later)).toBe(200);

    const cases = await allCases(workspace);
    expect(cases).toHaveLength(1);
    const detail = await caseOf(workspace, target.referenceNumber);
    expect(detail.status).toBe('closed');
    expect(
      detail.messages.filter((message: { body: string }) => message.body === 'still here, idiots'),
    ).toHaveLength(1);
    expect(detail.timeline.map((event: { type: string }) => event.type)).toContain(
      'moderation.message_withheld',
    );
    const counts = (await workspace.admin.get('/api/views/counts')).body;
    expect(counts.counts).toMatchObject({ mine: 0, unassigned: 0, open: 0, breaching: 0, pending: 0 });
    const open = await workspace.admin.get('/api/cases?status=new,open,pending');
    expect(open.body.items).toEqual([]);

    const undone = await workspace.admin.post(`/api/moderation/${item.id}/undo`, {
      reason: 'blocked by mistake',
    });
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body).toMatchObject({
      status: 'open',
      author: { identity: { isBlocked: false } },
      case: { status: 'new' },
    });
    await comment(pageId, {
      postId: uniqueDigits(),
      from: { id: target.authorId, name: 'Commenter' },
      message: 'a new comment after the unblock',
    });
    const afterUnblock = await allCases(workspace);
    expect(afterUnblock).toHaveLength(2);
  });

  it('closes a case as not a complaint, keeps one that is not abuse, and asks for a reason in both languages', async () => {
    const workspace = await createTestWorkspace(server);
    const pageId = await connectPage(workspace);
    const target = await commentCase(workspace, pageId, 'Buy cheap followers now! click http://spam.example');
    const item = await markAs(workspace, target);

    for (const body of [{ decision: 'not_complaint' }, { decision: 'not_complaint', reason: '  ' }]) {
      const refused = await workspace.admin.post(`/api/moderation/${item.id}/decision`, body, {
        'accept-language': 'ar',
      });
      expect(refused.status).toBe(422);
      expect(refused.body.error.fields[0].message).toMatch(/السبب/);
    }
    const tooLong = await workspace.admin.post(`/api/moderation/${item.id}/decision`, {
      decision: 'keep',
      reason: 'x'.repeat(501),
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.fields[0].message).toMatch(/500 characters/);
    expect((await caseOf(workspace, target.referenceNumber)).status).toBe('new');

    const closed = await workspace.admin.post(`/api/moderation/${item.id}/decision`, {
      decision: 'not_complaint',
      reason: 'an advertisement',
    });
    expect(closed.body).toMatchObject({ status: 'not_complaint', case: { status: 'closed' } });
    const detail = await caseOf(workspace, target.referenceNumber);
    expect(detail.timeline).toContainEqual(
      expect.objectContaining({
        type: 'case.status_changed',
        changes: expect.objectContaining({ reason: 'an advertisement' }),
      }),
    );
    const reopened = await workspace.admin.post(`/api/moderation/${item.id}/undo`, {
      reason: 'a real question',
    });
    expect(reopened.body).toMatchObject({ status: 'open', case: { status: 'new' } });

    const kept = await workspace.admin.post(`/api/moderation/${item.id}/decision`, {
      decision: 'keep',
      reason: 'not spam after all',
    });
    expect(kept.body).toMatchObject({
      status: 'kept',
      reason: 'not spam after all',
      case: { status: 'new' },
    });
    expect((await workspace.admin.get('/api/moderation?status=open')).body.items).toEqual([]);
    expect((await workspace.admin.get('/api/moderation?status=decided&label=abuse')).body.items).toHaveLength(
      1,
    );
    expect((await workspace.admin.get('/api/moderation?label=spam')).body.items).toEqual([]);
  });

  it('shows another workspace nothing of the queue and lets it decide nothing', async () => {
    const workspace = await createTestWorkspace(server);
    const pageId = await connectPage(workspace);
    const target = await commentCase(workspace, pageId, 'insults…');
    const item = await markAs(workspace, target);
    const other = await createTestWorkspace(server);

    expect((await other.admin.get('/api/moderation?status=all')).body).toEqual({ items: [], openCount: 0 });
    const decided = await other.admin.post(`/api/moderation/${item.id}/decision`, {
      decision: 'keep',
      reason: 'x',
    });
    expect(decided.status).toBe(404);
    expect((await other.admin.post(`/api/moderation/${item.id}/undo`, { reason: 'x' })).status).toBe(404);
    const marked = await other.admin.post(
      `/api/cases/${target.referenceNumber}/messages/${target.messageId}/moderation/mark`,
      { label: 'spam', reason: 'x' },
    );
    expect(marked.status).toBe(404);
    expect((await workspace.admin.get('/api/moderation')).body.items[0]).toMatchObject({ status: 'open' });
  });
});
