import { type Simulator, startPlatformSimulator, telegramUpdate } from '@sada/channels/simulator';
import type { Clock } from '@sada/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  createCase,
  createTestWorkspace,
  startTestServer,
  type TestServer,
  useTestServer,
  waitFor,
} from './harness.ts';
import { connectTelegramBot } from './social-harness.ts';

// Cases are created at chosen instants: the effectiveness figures are computed by hand from them.
let now = new Date('2026-11-18T00:00:00Z');
const clock: Clock = { now: () => now };
const server = useTestServer({ clock });
const at = (iso: string) => {
  now = new Date(iso);
};

const LATE = [
  'الطلب متأخر والتوصيل ما وصل',
  'التوصيل متأخر جدا والطلب ما وصل',
  'طلبي متأخر والتوصيل ما وصل بعد',
  'الطلب ما وصل والتوصيل متأخر',
];
const STAFF = 'الموظف في الفرع كان غير محترم';
const BILLING = 'الفاتورة فيها خطأ في المبلغ المدفوع';

async function caseAt(client: ApiClient, iso: string, subject: string) {
  at(iso);
  return (await createCase(client, { subject, description: '' })).referenceNumber as string;
}

/**
 * A workspace whose late-delivery complaints fall from 2.5 a week to 0.5 a week after the action of
 * 1 November (Sunday). Weeks of 2 around it: 18–25 Oct, 25 Oct–1 Nov (before), 1–8, 8–15 Nov (after).
 */
async function seedLateDeliveries() {
  const workspace = await createTestWorkspace(server());
  const { client: admin } = await workspace.withToken('admin');
  const refs = {
    linked1: await caseAt(admin, '2026-10-19T09:00:00Z', LATE[0]!),
    linked2: await caseAt(admin, '2026-10-20T09:00:00Z', LATE[1]!),
    staff1: await caseAt(admin, '2026-10-22T09:00:00Z', STAFF),
    similar1: await caseAt(admin, '2026-10-26T09:00:00Z', LATE[2]!),
    linked3: await caseAt(admin, '2026-10-27T09:00:00Z', LATE[3]!),
    billing1: await caseAt(admin, '2026-10-28T09:00:00Z', BILLING),
    similar2: await caseAt(admin, '2026-10-29T09:00:00Z', LATE[0]!),
    similar3: await caseAt(admin, '2026-11-02T09:00:00Z', LATE[1]!),
    staff2: await caseAt(admin, '2026-11-03T09:00:00Z', STAFF),
    billing2: await caseAt(admin, '2026-11-09T09:00:00Z', BILLING),
    staff3: await caseAt(admin, '2026-11-10T09:00:00Z', STAFF),
    similar4: await caseAt(admin, '2026-11-16T09:00:00Z', LATE[2]!),
  };
  at('2026-11-18T00:00:00Z');
  const { client: supervisor, userId: supervisorId } = await workspace.withToken('supervisor');
  return { workspace, admin, supervisor, supervisorId, refs };
}

describe('creating a problem', () => {
  it('creates a problem from cases picked in the inbox, titled by the first case, with an owner', async () => {
    const { workspace, supervisor, supervisorId, refs } = await seedLateDeliveries();
    const created = await supervisor.post('/api/problems', {
      references: [refs.linked1, refs.linked2.toLowerCase()],
      rootCause: 'شركة الشحن غيّرت مواعيد الاستلام',
      ownerUserId: supervisorId,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      title: LATE[0],
      status: 'open',
      source: 'cases',
      rootCause: 'شركة الشحن غيّرت مواعيد الاستلام',
      owner: { id: supervisorId },
      linkedCases: 2,
      notified: 0,
    });
    expect(created.body.cases.map((item: { referenceNumber: string }) => item.referenceNumber)).toEqual([
      refs.linked2,
      refs.linked1,
    ]);
    const listed = await supervisor.get('/api/problems?status=open');
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: created.body.id, linkedCases: 2, openActions: 0 }),
    ]);
    // The case's page shows the problem it belongs to.
    const { client: agent } = await workspace.withToken('agent');
    const ofCase = await agent.get(`/api/cases/${refs.linked1}/problem`);
    expect(ofCase.body).toEqual({ problem: { id: created.body.id, title: LATE[0], status: 'open' } });
    expect((await agent.get(`/api/cases/${refs.staff1}/problem`)).body).toEqual({ problem: null });
  });

  it('creates a problem from an emerging issue of the analytics page, linking its cases', async () => {
    const workspace = await createTestWorkspace(server());
    const { client: admin } = await workspace.withToken('admin');
    const late1 = await caseAt(admin, '2026-11-02T10:00:00Z', 'الطلب متأخر والتوصيل ما وصل');
    const late2 = await caseAt(admin, '2026-11-05T10:00:00Z', 'التوصيل متأخر جدا والطلب ما وصل');
    const late3 = await caseAt(admin, '2026-11-06T10:00:00Z', 'طلبي متأخر والتوصيل سيء');
    await caseAt(admin, '2026-11-04T10:00:00Z', STAFF);
    at('2026-11-08T09:00:00Z');
    const { client: analyst } = await workspace.withToken('analyst');
    const range = { from: '2026-11-01T00:00:00Z', to: '2026-11-08T00:00:00Z' };
    const issues = await analyst.get(
      `/api/analytics/issues?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`,
    );
    const [issue] = issues.body.issues;
    const created = await analyst.post('/api/problems', {
      issue: {
        ...range,
        terms: issue.terms,
        examples: issue.examples.map((example: { referenceNumber: string }) => example.referenceNumber),
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ source: 'issue', issueTerms: issue.terms, linkedCases: 3 });
    expect(created.body.title).toBe(issue.terms.join(' · '));
    expect(
      created.body.cases.map((item: { referenceNumber: string }) => item.referenceNumber).sort(),
    ).toEqual([late1, late2, late3].sort());

    const gone = await analyst.post('/api/problems', {
      issue: { ...range, terms: ['غير', 'موجود'], examples: [] },
    });
    expect(gone.status).toBe(422);
    expect(gone.body.error.message).toContain('refresh the analytics page');
  });
});

describe('linked cases', () => {
  it('suggests recent similar cases not yet linked, links them in one call, and refuses a case of another problem', async () => {
    const { supervisor, refs } = await seedLateDeliveries();
    const problem = (
      await supervisor.post('/api/problems', { references: [refs.linked1, refs.linked2, refs.linked3] })
    ).body;
    const suggestions = await supervisor.get(`/api/problems/${problem.id}/suggestions?days=60`);
    expect(suggestions.status).toBe(200);
    const suggested = suggestions.body.items.map((item: { referenceNumber: string }) => item.referenceNumber);
    expect(suggested.sort()).toEqual([refs.similar1, refs.similar2, refs.similar3, refs.similar4].sort());
    for (const item of suggestions.body.items) expect(item.score).toBeGreaterThanOrEqual(0.3);
    // Only the last days: the case of 16 November.
    const lastDays = await supervisor.get(`/api/problems/${problem.id}/suggestions?days=3`);
    expect(lastDays.body.items.map((item: { referenceNumber: string }) => item.referenceNumber)).toEqual([
      refs.similar4,
    ]);

    const linked = await supervisor.post(`/api/problems/${problem.id}/cases`, { references: suggested });
    expect(linked.status).toBe(200);
    expect(linked.body.linkedCases).toBe(7);
    expect((await supervisor.get(`/api/problems/${problem.id}/suggestions?days=60`)).body.items).toEqual([]);
    // Linking again changes nothing.
    expect(
      (await supervisor.post(`/api/problems/${problem.id}/cases`, { references: [refs.linked1] })).body
        .linkedCases,
    ).toBe(7);

    const other = (await supervisor.post('/api/problems', { references: [refs.staff1] })).body;
    const taken = await supervisor.post(`/api/problems/${other.id}/cases`, {
      references: [refs.linked1, refs.staff2],
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toContain('another problem');
    expect((await supervisor.get(`/api/problems/${other.id}`)).body.linkedCases).toBe(1);

    const unlinked = await supervisor.delete(`/api/problems/${problem.id}/cases/${refs.linked1}`);
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.linkedCases).toBe(6);
    expect((await supervisor.delete(`/api/problems/${problem.id}/cases/${refs.linked1}`)).status).toBe(404);
    expect(
      (await supervisor.post(`/api/problems/${other.id}/cases`, { references: [refs.linked1] })).body
        .linkedCases,
    ).toBe(2);
  });
});

describe('actions, notes and effectiveness', () => {
  it('tracks actions with owner, deadline and status, and notes', async () => {
    const { supervisor, supervisorId, refs } = await seedLateDeliveries();
    const problem = (await supervisor.post('/api/problems', { references: [refs.linked1] })).body;
    const added = await supervisor.post(`/api/problems/${problem.id}/actions`, {
      title: 'تغيير شركة الشحن',
      ownerUserId: supervisorId,
      dueAt: '2026-11-20T00:00:00Z',
    });
    expect(added.status).toBe(201);
    const [action] = added.body.actions;
    expect(action).toMatchObject({
      title: 'تغيير شركة الشحن',
      owner: { id: supervisorId },
      dueAt: '2026-11-20T00:00:00.000Z',
      status: 'todo',
      completedAt: null,
      isOverdue: false,
    });
    at('2026-11-21T00:00:00Z');
    expect((await supervisor.get(`/api/problems/${problem.id}`)).body.actions[0].isOverdue).toBe(true);
    const done = await supervisor.patch(`/api/problems/${problem.id}/actions/${action.id}`, {
      status: 'done',
    });
    expect(done.body.actions[0]).toMatchObject({
      status: 'done',
      completedAt: '2026-11-21T00:00:00.000Z',
      isOverdue: false,
    });
    const noted = await supervisor.post(`/api/problems/${problem.id}/notes`, { body: 'اتصلنا بشركة الشحن' });
    expect(noted.status).toBe(201);
    expect(noted.body.notes).toEqual([
      expect.objectContaining({ body: 'اتصلنا بشركة الشحن', author: expect.any(Object) }),
    ]);
    at('2026-11-18T00:00:00Z');
  });

  it("counts the problem's complaints per week before and after the action date, as computed by hand", async () => {
    const { supervisor, refs } = await seedLateDeliveries();
    const problem = (
      await supervisor.post('/api/problems', { references: [refs.linked1, refs.linked2, refs.linked3] })
    ).body;
    // Without an action done there is no date: the last weeks only.
    const undated = await supervisor.get(`/api/problems/${problem.id}/effectiveness?weeks=2`);
    expect(undated.body).toMatchObject({ actionAt: null, before: null, after: null, change: null });
    expect(undated.body.points).toHaveLength(2);

    at('2026-11-01T00:00:00Z');
    const acted = await supervisor.post(`/api/problems/${problem.id}/actions`, {
      title: 'Change the carrier',
      status: 'done',
    });
    expect(acted.body.actions[0].completedAt).toBe('2026-11-01T00:00:00.000Z');
    at('2026-11-18T00:00:00Z');
    const report = await supervisor.get(`/api/problems/${problem.id}/effectiveness?weeks=2`);
    expect(report.status).toBe(200);
    // Late deliveries (linked or alike): 19, 20 Oct | 26, 27, 29 Oct | 2 Nov | none; staff and billing
    // complaints count in the totals only; 16 Nov is after the fourth week.
    expect(report.body.actionAt).toBe('2026-11-01T00:00:00.000Z');
    expect(report.body.points).toEqual([
      { t: '2026-10-18T00:00:00.000Z', matching: 2, total: 3, isAfter: false, isPartial: false },
      { t: '2026-10-25T00:00:00.000Z', matching: 3, total: 4, isAfter: false, isPartial: false },
      { t: '2026-11-01T00:00:00.000Z', matching: 1, total: 2, isAfter: true, isPartial: false },
      { t: '2026-11-08T00:00:00.000Z', matching: 0, total: 2, isAfter: true, isPartial: false },
    ]);
    expect(report.body.before).toEqual({ weeks: 2, matching: 5, total: 7, perWeek: 2.5, share: 5 / 7 });
    expect(report.body.after).toEqual({ weeks: 2, matching: 1, total: 4, perWeek: 0.5, share: 0.25 });
    expect(report.body.change).toBeCloseTo(-0.8, 10);

    // An explicit date: 25 Oct, one week each side; the week from 25 Oct is "after".
    const explicit = await supervisor.get(
      `/api/problems/${problem.id}/effectiveness?weeks=1&at=${encodeURIComponent('2026-10-25T00:00:00Z')}`,
    );
    expect(explicit.body.before).toMatchObject({ matching: 2, perWeek: 2 });
    expect(explicit.body.after).toMatchObject({ matching: 3, perWeek: 3 });
    expect(explicit.body.change).toBeCloseTo(0.5, 10);
  });
});

describe('who may do what', () => {
  it('lets agents read problems but not change them, analysts create them, and keeps workspaces apart', async () => {
    const { workspace, supervisor, refs } = await seedLateDeliveries();
    const problem = (await supervisor.post('/api/problems', { references: [refs.linked1] })).body;
    const { client: agent } = await workspace.withToken('agent');
    expect((await agent.get(`/api/problems/${problem.id}`)).status).toBe(200);
    const refused = await agent.post('/api/problems', { references: [refs.linked2] });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('problem:write');
    expect((await agent.post(`/api/problems/${problem.id}/notes`, { body: 'x' })).status).toBe(403);
    const { client: analyst } = await workspace.withToken('analyst');
    expect((await analyst.post('/api/problems', { references: [refs.linked2] })).status).toBe(201);

    const other = await createTestWorkspace(server());
    const { client: stranger } = await other.withToken('admin');
    expect((await stranger.get(`/api/problems/${problem.id}`)).status).toBe(404);
    expect((await stranger.patch(`/api/problems/${problem.id}`, { title: 'x' })).status).toBe(404);
    expect((await stranger.get(`/api/problems/${problem.id}/effectiveness`)).status).toBe(404);
    expect((await stranger.get('/api/problems')).body.items).toEqual([]);
    const foreign = await stranger.post('/api/problems', { references: [refs.staff1] });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toContain(refs.staff1);
  });

  it('answers bad input with a message a person can act on', async () => {
    const { supervisor, refs } = await seedLateDeliveries();
    const both = await supervisor.post('/api/problems', {
      references: [refs.linked1],
      issue: { from: '2026-11-01T00:00:00Z', to: '2026-11-08T00:00:00Z', terms: ['x'] },
    });
    expect(both.status).toBe(422);
    expect(both.body.error.fields[0].message).toContain('either references');
    const arabic = await supervisor.post('/api/problems', {}, { 'accept-language': 'ar' });
    expect(arabic.status).toBe(422);
    expect(arabic.body.error.fields[0].message).toContain('أرسل إما references');
    const problem = (await supervisor.post('/api/problems', { references: [refs.linked1] })).body;
    expect((await supervisor.patch(`/api/problems/${problem.id}`, { status: 'closed' })).status).toBe(422);
    expect((await supervisor.patch(`/api/problems/${problem.id}`, {})).status).toBe(422);
    expect((await supervisor.get('/api/problems/not-a-uuid')).status).toBe(422);
    const stranger = (await (await createTestWorkspace(server())).withToken('agent')).userId;
    const badOwner = await supervisor.post(`/api/problems/${problem.id}/actions`, {
      title: 'x',
      ownerUserId: stranger,
    });
    expect(badOwner.status).toBe(422);
    expect(badOwner.body.error.fields).toEqual([
      { path: 'ownerUserId', message: expect.stringContaining('active user') },
    ]);
    const unknownTemplate = await supervisor.post(`/api/problems/${problem.id}/close`, {
      notifyCustomers: true,
      templateId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownTemplate.status).toBe(422);
    expect(unknownTemplate.body.error.fields[0].path).toBe('templateId');
    // The failed close left the problem open.
    expect((await supervisor.get(`/api/problems/${problem.id}`)).body.status).toBe('open');
    const closed = await supervisor.post(`/api/problems/${problem.id}/close`, {});
    expect(closed.body.status).toBe('closed');
    const late = await supervisor.post(`/api/problems/${problem.id}/cases`, { references: [refs.linked2] });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('reopen');
  });
});

describe('closing a problem on a social channel', () => {
  let simulator: Simulator;
  let social: TestServer;

  beforeAll(async () => {
    simulator = await startPlatformSimulator({});
    social = await startTestServer({ jobs: true, platformUrl: simulator.url, isolated: true });
  });
  afterAll(async () => {
    await social?.stop();
    await simulator?.close();
  });

  it('tells each linked customer once, in their language, with the template, that the cause was fixed', async () => {
    const workspace = await createTestWorkspace(social);
    const { client: supervisor } = await workspace.signIn('supervisor');
    const { target, botToken } = await connectTelegramBot(workspace.admin, {
      baseUrl: social.baseUrl,
      secretToken: simulator.secrets.telegramSecretToken,
    });
    const chats = [
      { chatId: 880001, name: 'Mona', text: 'الطلب متأخر والتوصيل ما وصل' },
      { chatId: 880002, name: 'John', text: 'My order is late and the delivery never came' },
    ];
    const references: string[] = [];
    for (const chat of chats) {
      const update = telegramUpdate({
        chatId: chat.chatId,
        from: { id: chat.chatId, firstName: chat.name },
        text: chat.text,
      });
      expect(await simulator.deliver(target, update)).toBe(200);
      const opened = await waitFor(async () => {
        const items = (await workspace.admin.get('/api/cases?channel=telegram')).body.items as {
          referenceNumber: string;
          subject: string;
        }[];
        return items.find((item) => !references.includes(item.referenceNumber));
      });
      references.push(opened.referenceNumber);
    }
    const template = await supervisor.post('/api/templates', {
      name: 'Cause fixed',
      bodyAr: 'مرحبًا {{customer.first_name}}، أصلحنا سبب شكواك {{case.reference}}.',
      bodyEn: 'Hello {{customer.first_name}}, we fixed the cause of your complaint {{case.reference}}.',
    });
    expect(template.status).toBe(201);
    const problem = (await supervisor.post('/api/problems', { references })).body;

    const closed = await supervisor.post(`/api/problems/${problem.id}/close`, {
      notifyCustomers: true,
      templateId: template.body.id,
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', notified: 2 });
    // A retried close, and a reopen and close again, tell nobody twice.
    expect(
      (await supervisor.post(`/api/problems/${problem.id}/close`, { notifyCustomers: true })).body.notified,
    ).toBe(2);
    await supervisor.patch(`/api/problems/${problem.id}`, { status: 'open' });
    expect(
      (await supervisor.post(`/api/problems/${problem.id}/close`, { notifyCustomers: true })).body.notified,
    ).toBe(2);

    const expected = [
      { chatId: 880001, text: `مرحبًا Mona، أصلحنا سبب شكواك ${references[0]}.` },
      { chatId: 880002, text: `Hello John, we fixed the cause of your complaint ${references[1]}.` },
    ];
    const sentTo = (chatId: number) =>
      simulator.sent.filter((request) => {
        const json = request.json as { chat_id?: number | string; text?: string };
        return (
          request.path === `/bot${botToken}/sendMessage` &&
          String(json.chat_id) === String(chatId) &&
          /أصلحنا|we fixed/.test(json.text ?? '')
        );
      });
    for (const { chatId, text } of expected) {
      const [sent] = await waitFor(() => {
        const found = sentTo(chatId);
        return found.length > 0 ? found : undefined;
      }, 15_000);
      expect((sent!.json as { text: string }).text).toContain(text);
    }
    // Stored outcome: one message on each case, delivered; none twice.
    for (const reference of references) {
      const detail = await waitFor(async () => {
        const body = (await supervisor.get(`/api/cases/${reference}`)).body;
        const told = body.messages.filter((message: { body: string }) =>
          /أصلحنا|we fixed/.test(message.body),
        );
        return told.length > 0 &&
          told.every((message: { delivery?: { status: string } }) => message.delivery?.status === 'sent')
          ? told
          : undefined;
      }, 15_000);
      expect(detail).toHaveLength(1);
    }
    for (const { chatId } of expected) expect(sentTo(chatId)).toHaveLength(1);
  });
});
