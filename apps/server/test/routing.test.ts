import { type SmtpSink, startSmtpSink } from '@sada/channels/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  createCase,
  createTestWorkspace,
  startTestServer,
  type TestServer,
  type TestWorkspace,
  waitFor,
} from './harness.ts';

let sink: SmtpSink;
let server: TestServer;

beforeAll(async () => {
  sink = await startSmtpSink();
  // Triage (and so routing) and the outbox run here; on PostgreSQL a database of its own, so that
  // this server's workers never take other test files' cases or mail.
  server = await startTestServer({
    triage: true,
    smtpRelay: `smtp://127.0.0.1:${sink.port}`,
    isolated: true,
  });
});
afterAll(async () => {
  await server?.stop();
  await sink?.close();
});

const ARABIC_BILLING = {
  channel: 'email',
  kind: 'complaint',
  subject: 'الفاتوره خاطئة',
  description: 'تم خصم مبلغ الفاتوره مرتين من حسابي، أرجو إعادة المبلغ بسرعة.',
};

async function newTeam(admin: ApiClient, name: string): Promise<string> {
  const response = await admin.post('/api/teams', { name });
  expect(response.status).toBe(201);
  return response.body.id;
}

async function newRule(admin: ApiClient, rule: Record<string, unknown>) {
  const response = await admin.post('/api/routing/rules', rule);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** The case once triage (and routing after it) has read it. */
async function routedCase(workspace: TestWorkspace, reference: string) {
  await server.triage!.drain();
  return (await workspace.admin.get(`/api/cases/${reference}`)).body;
}

const eventsOf = (detail: { timeline: { type: string }[] }, type: string) =>
  detail.timeline.filter((event) => event.type === type) as {
    type: string;
    changes: any;
    actorLabel: string;
  }[];

const mailsTo = (address: string) => sink.messages.filter((sent) => sent.envelope.to.includes(address));

describe('routing new cases', () => {
  it('sends an Arabic billing complaint to Billing, sets priority and tags, and tells the customer in Arabic by e-mail', async () => {
    const workspace = await createTestWorkspace(server, { triage: true });
    const billing = await newTeam(workspace.admin, 'الفواتير');
    await newRule(workspace.admin, {
      name: 'شكاوى الفواتير',
      conditions: { kinds: ['complaint'], languages: ['ar'], keywords: ['فاتورة'] },
      actions: { teamId: billing, priority: 'P1', addTags: ['billing'] },
    });
    const customer = `sara-${workspace.slug}@example.com`;
    const created = await createCase(workspace.admin, {
      ...ARABIC_BILLING,
      customer: { name: 'سارة أحمد', email: customer },
    });

    const detail = await routedCase(workspace, created.referenceNumber);
    expect(detail).toMatchObject({ teamId: billing, priority: 'P1', tags: ['billing'], language: 'ar' });
    const [routed] = eventsOf(detail, 'case.routed');
    expect(routed!.actorLabel).toBe('Sada routing');
    expect(routed!.changes.rules.map((rule: { name: string }) => rule.name)).toEqual(['شكاوى الفواتير']);
    expect(routed!.changes.teamId).toEqual({ before: null, after: billing });
    expect(routed!.changes.tags).toEqual({ before: [], after: ['billing'] });

    // The notice: automatic, in Arabic, naming the team and the reference, mailed through the outbox.
    const notice = detail.messages.find((message: { isAutomatic: boolean }) => message.isAutomatic);
    expect(notice.direction).toBe('outbound');
    expect(notice.body).toContain(created.referenceNumber);
    expect(notice.body).toContain('فريق الفواتير');
    const [mail] = await waitFor(
      () => (mailsTo(customer).length > 0 ? mailsTo(customer) : undefined),
      15_000,
    );
    expect(mail!.mail.text).toContain('فريق الفواتير');
    expect(mail!.mail.text).toContain(created.referenceNumber);
    expect(mail!.mail.subject).toContain('الفاتوره خاطئة');
  });

  it('routes a case once: a later message matching a rule routes nothing again', async () => {
    const workspace = await createTestWorkspace(server, { triage: true });
    await newRule(workspace.admin, {
      name: 'Billing tag',
      conditions: { keywords: ['invoice'] },
      actions: { addTags: ['billing'] },
    });
    const created = await createCase(workspace.admin, {
      subject: 'Invoice',
      description: 'My invoice is wrong.',
    });
    expect(eventsOf(await routedCase(workspace, created.referenceNumber), 'case.routed')).toHaveLength(1);
    await workspace.admin.post(`/api/cases/${created.referenceNumber}/messages`, {
      type: 'inbound',
      body: 'About that invoice again',
    });
    await workspace.admin.patch(`/api/cases/${created.referenceNumber}`, { tags: [] });
    const detail = await routedCase(workspace, created.referenceNumber);
    expect(eventsOf(detail, 'case.routed')).toHaveLength(1);
    expect(detail.tags).toEqual([]);
  });

  it('routes cases of a workspace whose automatic triage is off', async () => {
    const workspace = await createTestWorkspace(server);
    const team = await newTeam(workspace.admin, 'Returns');
    await newRule(workspace.admin, {
      name: 'Returns',
      conditions: { keywords: ['return'] },
      actions: { teamId: team },
    });
    const created = await createCase(workspace.admin, {
      subject: 'Return',
      description: 'I want to return it.',
    });
    const detail = await routedCase(workspace, created.referenceNumber);
    expect(detail.triage).toBeNull();
    expect(detail.teamId).toBe(team);
  });

  it('says nothing to the customer when the team has its notice switched off', async () => {
    const workspace = await createTestWorkspace(server, { triage: true });
    const quiet = await newTeam(workspace.admin, 'Quiet desk');
    const switched = await workspace.admin.patch(`/api/teams/${quiet}`, { isRoutingNoticeOn: false });
    expect(switched.body.isRoutingNoticeOn).toBe(false);
    await newRule(workspace.admin, { name: 'All', actions: { teamId: quiet } });
    const customer = `quiet-${workspace.slug}@example.com`;
    const created = await createCase(workspace.admin, { ...ARABIC_BILLING, customer: { email: customer } });
    const detail = await routedCase(workspace, created.referenceNumber);
    expect(detail.teamId).toBe(quiet);
    expect(detail.messages).toEqual([]);
    await server.delivery!.drain();
    expect(mailsTo(customer)).toEqual([]);
  });

  it('stops at a final rule', async () => {
    const workspace = await createTestWorkspace(server, { triage: true });
    await newRule(workspace.admin, { name: 'First', actions: { addTags: ['first'] }, isFinal: true });
    await newRule(workspace.admin, { name: 'Second', actions: { addTags: ['second'], priority: 'P1' } });
    const created = await createCase(workspace.admin, {
      subject: 'Hello',
      description: 'A question',
      priority: 'P3',
    });
    const detail = await routedCase(workspace, created.referenceNumber);
    expect(detail.tags).toEqual(['first']);
    expect(detail.priority).toBe('P3');
    expect(
      eventsOf(detail, 'case.routed')[0]!.changes.rules.map((rule: { name: string }) => rule.name),
    ).toEqual(['First']);
  });

  it('keeps a team and a priority a person chose, and still adds the tags', async () => {
    const workspace = await createTestWorkspace(server, { triage: true });
    const chosen = await newTeam(workspace.admin, 'Front desk');
    const billing = await newTeam(workspace.admin, 'Billing');
    await newRule(workspace.admin, {
      name: 'Billing',
      actions: { teamId: billing, priority: 'P1', addTags: ['billing'] },
    });
    const created = await createCase(workspace.admin, { ...ARABIC_BILLING, teamId: chosen, priority: 'P4' });
    const detail = await routedCase(workspace, created.referenceNumber);
    expect(detail).toMatchObject({ teamId: chosen, priority: 'P4', tags: ['billing'] });
  });

  it('tells the customer when a person gives the case to a team', async () => {
    const workspace = await createTestWorkspace(server);
    const team = await newTeam(workspace.admin, 'Billing');
    const created = await createCase(workspace.admin, {
      subject: 'Wrong invoice',
      description: 'The invoice is wrong.',
      channel: 'email',
      language: 'en',
      customer: { name: 'Sam Lee', email: `sam-${workspace.slug}@example.com` },
    });
    const assigned = await workspace.admin.post(`/api/cases/${created.referenceNumber}/assign`, {
      teamId: team,
    });
    expect(assigned.status).toBe(200);
    const [notice] = assigned.body.messages;
    expect(notice).toMatchObject({ direction: 'outbound', isAutomatic: true });
    expect(notice.body).toContain(`Your case ${created.referenceNumber} is now with our Billing team`);
  });
});

describe('routing rules', () => {
  it('lists rules in order, reorders them, and edits and deletes one', async () => {
    const workspace = await createTestWorkspace(server);
    const a = await newRule(workspace.admin, { name: 'A', actions: { addTags: ['a'] } });
    const b = await newRule(workspace.admin, { name: 'B', actions: { addTags: ['b'] } });
    expect([a.position, b.position]).toEqual([0, 1]);
    const reordered = await workspace.admin.request('PUT', '/api/routing/rules/order', { ids: [b.id, a.id] });
    expect(reordered.body.items.map((rule: { name: string }) => rule.name)).toEqual(['B', 'A']);
    const disabled = await workspace.admin.patch(`/api/routing/rules/${a.id}`, { isEnabled: false });
    expect(disabled.body).toMatchObject({ name: 'A', isEnabled: false, actions: { addTags: ['a'] } });
    expect((await workspace.admin.delete(`/api/routing/rules/${a.id}`)).status).toBe(204);
    const listed = await workspace.admin.get('/api/routing/rules');
    expect(listed.body.items.map((rule: { name: string }) => rule.name)).toEqual(['B']);
  });

  it('answers bad input with 422 and a message in the caller’s language', async () => {
    const workspace = await createTestWorkspace(server);
    const arabic = { 'accept-language': 'ar' };
    const nothing = await workspace.admin.post('/api/routing/rules', { name: 'Empty', actions: {} }, arabic);
    expect(nothing.status).toBe(422);
    expect(nothing.body.error.fields[0].message).toContain('حدّد ما تفعله القاعدة');
    const english = await workspace.admin.post('/api/routing/rules', { name: 'Empty', actions: {} });
    expect(english.body.error.fields[0].message).toContain('Give the rule something to do');
    const badKind = await workspace.admin.post('/api/routing/rules', {
      name: 'Bad',
      conditions: { kinds: ['nonsense'] },
      actions: { priority: 'P1' },
    });
    expect(badKind.status).toBe(422);
    expect(badKind.body.error.fields[0].path).toContain('conditions');
    const unknownTeam = await workspace.admin.post('/api/routing/rules', {
      name: 'Elsewhere',
      actions: { teamId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownTeam.status).toBe(422);
    expect(unknownTeam.body.error.message).toContain('not in this workspace');
    await newRule(workspace.admin, { name: 'Twice', actions: { priority: 'P2' } });
    const twice = await workspace.admin.post(
      '/api/routing/rules',
      { name: 'Twice', actions: { priority: 'P2' } },
      arabic,
    );
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('توجد قاعدة توجيه باسم');
    const partial = await workspace.admin.request('PUT', '/api/routing/rules/order', {
      ids: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(partial.status).toBe(422);
    expect((await workspace.admin.get('/api/routing/rules')).body.items).toHaveLength(1);
  });

  it('lets supervisors read and dry-run rules but not change them; agents see none', async () => {
    const workspace = await createTestWorkspace(server);
    const rule = await newRule(workspace.admin, { name: 'R', actions: { priority: 'P2' } });
    const { client: supervisor } = await workspace.signIn('supervisor');
    const { client: agent } = await workspace.signIn('agent');
    expect((await supervisor.get('/api/routing/rules')).status).toBe(200);
    expect((await supervisor.post('/api/routing/dry-run', { ruleId: rule.id })).status).toBe(200);
    expect((await supervisor.patch(`/api/routing/rules/${rule.id}`, { isEnabled: false })).status).toBe(403);
    expect((await agent.get('/api/routing/rules')).status).toBe(403);
  });

  it('keeps each workspace to its own rules and cases', async () => {
    const first = await createTestWorkspace(server, { triage: true });
    const second = await createTestWorkspace(server, { triage: true });
    const rule = await newRule(first.admin, { name: 'Mine', actions: { addTags: ['first-only'] } });
    expect((await second.admin.get('/api/routing/rules')).body.items).toEqual([]);
    expect((await second.admin.patch(`/api/routing/rules/${rule.id}`, { name: 'Taken' })).status).toBe(404);
    expect((await second.admin.delete(`/api/routing/rules/${rule.id}`)).status).toBe(404);
    expect((await second.admin.post('/api/routing/dry-run', { ruleId: rule.id })).status).toBe(404);
    const otherTeam = await newTeam(first.admin, 'Not yours');
    const borrowed = await second.admin.post('/api/routing/rules', {
      name: 'Borrow',
      actions: { teamId: otherTeam },
    });
    expect(borrowed.status).toBe(422);
    const created = await createCase(second.admin, { subject: 'Hi', description: 'Hello' });
    expect((await routedCase(second, created.referenceNumber)).tags).toEqual([]);
  });
});

describe('dry run', () => {
  it('shows what an unsaved rule would do to the last cases, and changes nothing', async () => {
    const workspace = await createTestWorkspace(server);
    const billing = await newTeam(workspace.admin, 'Billing');
    const matching = await createCase(workspace.admin, ARABIC_BILLING);
    const other = await createCase(workspace.admin, {
      subject: 'Delivery',
      description: 'Where is my parcel?',
    });
    await server.triage!.drain();
    const before = (await workspace.admin.get(`/api/cases/${matching.referenceNumber}`)).body;

    const response = await workspace.admin.post('/api/routing/dry-run', {
      rule: { conditions: { keywords: ['فاتورة'] }, actions: { teamId: billing, addTags: ['billing'] } },
      last: 10,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ matchedCount: 1, changedCount: 1 });
    const byReference = new Map(
      response.body.items.map((item: { referenceNumber: string }) => [item.referenceNumber, item]),
    );
    expect(byReference.get(matching.referenceNumber)).toMatchObject({
      subject: ARABIC_BILLING.subject,
      teamId: null,
      isMatched: true,
      changes: { teamId: billing, tags: ['billing'] },
    });
    expect(byReference.get(other.referenceNumber)).toMatchObject({ isMatched: false, changes: {} });

    const after = (await workspace.admin.get(`/api/cases/${matching.referenceNumber}`)).body;
    expect(after).toEqual(before);
  });

  it('looks at no more than the last N cases', async () => {
    const workspace = await createTestWorkspace(server);
    for (const subject of ['One', 'Two', 'Three']) await createCase(workspace.admin, { subject });
    const response = await workspace.admin.post('/api/routing/dry-run', {
      rule: { actions: { priority: 'P1' } },
      last: 2,
    });
    expect(response.body.items.map((item: { subject: string }) => item.subject)).toEqual(['Three', 'Two']);
  });
});
