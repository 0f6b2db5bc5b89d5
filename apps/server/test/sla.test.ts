import { randomBytes } from 'node:crypto';
import type { Clock } from '@sada/core';
import { describe, expect, it } from 'vitest';
import {
  type ApiClient,
  createCase,
  createTestWorkspace,
  type TestWorkspace,
  useTestServer,
} from './harness.ts';

// The server's clock stands still unless a test moves it: SLA clocks are read at exact instants.
const startedAt = Date.now();
let offsetMs = 0;
const clock: Clock = { now: () => new Date(startedAt + offsetMs) };
const advance = (minutes: number) => {
  offsetMs += minutes * 60_000;
};
const setNow = (instant: Date) => {
  offsetMs = instant.getTime() - startedAt;
};

const server = useTestServer({ clock });
const MINUTE = 60_000;
const unique = () => randomBytes(3).toString('hex');

async function createPolicy(admin: ApiClient, body: Record<string, unknown>) {
  const response = await admin.post('/api/sla/policies', { name: `Policy ${unique()}`, ...body });
  if (response.status !== 201) throw new Error(`policy: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

async function slaOf(client: ApiClient, reference: string) {
  const detail = await client.get(`/api/cases/${reference}`);
  expect(detail.status).toBe(200);
  return Object.fromEntries(
    (detail.body.sla as { target: string }[]).map((clock) => [clock.target, clock]),
  ) as Record<string, any>;
}

async function timelineTypes(client: ApiClient, reference: string): Promise<string[]> {
  const detail = await client.get(`/api/cases/${reference}`);
  return detail.body.timeline.map((event: { type: string }) => event.type);
}

const reply = (client: ApiClient, reference: string, body = 'We are on it.') =>
  client.post(`/api/cases/${reference}/messages`, { type: 'reply', body });

/** Runs the escalation job's batches until nothing waits, as the worker does every minute. */
async function escalate() {
  while ((await server().services.sla.escalateDue()) > 0) {
    // drains
  }
}

describe('first response', () => {
  it('is met by the first reply within the target, by the time to spare', async () => {
    const workspace = await createTestWorkspace(server());
    await createPolicy(workspace.admin, { targets: { firstResponse: 60 } });
    const created = await createCase(workspace.admin);
    expect(created.sla).toMatchObject([{ target: 'first_response', status: 'running' }]);
    expect(new Date(created.sla[0].dueAt).getTime() - new Date(created.createdAt).getTime()).toBe(
      60 * MINUTE,
    );

    advance(20);
    await reply(workspace.admin, created.referenceNumber);

    const sla = await slaOf(workspace.admin, created.referenceNumber);
    expect(sla.first_response).toMatchObject({ status: 'met', secondsLeft: 40 * 60, secondsOver: null });
  });

  it('is breached when nobody replies in time, and stays breached by how late the reply came', async () => {
    const workspace = await createTestWorkspace(server());
    await createPolicy(workspace.admin, { targets: { firstResponse: 30 } });
    const created = await createCase(workspace.admin);

    advance(45);
    expect((await slaOf(workspace.admin, created.referenceNumber)).first_response.status).toBe('breached');
    await reply(workspace.admin, created.referenceNumber);

    const sla = await slaOf(workspace.admin, created.referenceNumber);
    expect(sla.first_response).toMatchObject({ status: 'breached', secondsOver: 15 * 60 });
  });

  it('is not met by an internal note or the automatic acknowledgement', async () => {
    const workspace = await createTestWorkspace(server());
    await createPolicy(workspace.admin, { targets: { firstResponse: 60 } });
    const complaint = await fetch(`${server().baseUrl}/api/public/${workspace.slug}/complaints`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': `10.7.${Math.floor(Math.random() * 250)}.1`,
      },
      body: JSON.stringify({ name: 'Sara', email: 'sara@example.com', description: 'My refund is late.' }),
    });
    const { reference } = (await complaint.json()) as { reference: string };
    await workspace.admin.post(`/api/cases/${reference}/messages`, { type: 'note', body: 'Checking' });

    expect((await slaOf(workspace.admin, reference)).first_response.status).toBe('running');
  });
});

describe('next response', () => {
  it('restarts when the customer writes through the web status page, leaving first response as it was', async () => {
    const workspace = await createTestWorkspace(server());
    await createPolicy(workspace.admin, { targets: { firstResponse: 60, nextResponse: 30 } });
    const ip = `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const complaint = await fetch(`${server().baseUrl}/api/public/${workspace.slug}/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({
        name: 'Huda',
        email: 'huda@example.com',
        description: 'The card was charged twice.',
      }),
    });
    const { reference, statusUrl } = (await complaint.json()) as { reference: string; statusUrl: string };
    advance(10);
    await reply(workspace.admin, reference);
    const answered = await slaOf(workspace.admin, reference);
    expect(answered.first_response.status).toBe('met');
    expect(answered.next_response).toBeUndefined();

    advance(5);
    const token = new URL(statusUrl, 'http://x').searchParams.get('t')!;
    const form = new FormData();
    form.set('body', 'Any news about the second charge?');
    const added = await fetch(`${server().baseUrl}/api/public/${workspace.slug}/status/messages?t=${token}`, {
      method: 'POST',
      headers: { 'x-forwarded-for': ip },
      body: form,
    });
    expect(added.status).toBe(204);

    const waiting = await slaOf(workspace.admin, reference);
    expect(waiting.next_response.status).toBe('running');
    const customerMessage = (await workspace.admin.get(`/api/cases/${reference}`)).body.messages.at(-1);
    expect(waiting.next_response.startedAt).toBe(customerMessage.createdAt);
    expect(new Date(waiting.next_response.dueAt).getTime() - Date.parse(customerMessage.createdAt)).toBe(
      30 * MINUTE,
    );
    expect(waiting.first_response).toEqual(answered.first_response);

    advance(10);
    await reply(workspace.admin, reference, 'The second charge is refunded.');
    const replied = await slaOf(workspace.admin, reference);
    expect(replied.next_response).toMatchObject({ status: 'met', secondsLeft: 20 * 60 });
    expect(replied.first_response).toEqual(answered.first_response);
  });
});

describe('pauses', () => {
  it('pauses the resolution clock while waiting on the customer and resumes with the time consumed', async () => {
    const workspace = await createTestWorkspace(server());
    await createPolicy(workspace.admin, { targets: { resolution: 120 } });
    const created = await createCase(workspace.admin);
    advance(30);
    await workspace.admin.post(`/api/cases/${created.referenceNumber}/transition`, { to: 'pending' });

    const paused = await slaOf(workspace.admin, created.referenceNumber);
    expect(paused.resolution).toMatchObject({ status: 'paused', dueAt: null, secondsLeft: 90 * 60 });

    advance(600);
    const answer = await workspace.admin.post(`/api/cases/${created.referenceNumber}/messages`, {
      type: 'inbound',
      body: 'Here is the photo you asked for.',
    });
    expect(answer.status).toBe(201);

    const resumed = await slaOf(workspace.admin, created.referenceNumber);
    expect(resumed.resolution.status).toBe('running');
    expect(new Date(resumed.resolution.dueAt).getTime() - new Date(answer.body.createdAt).getTime()).toBe(
      90 * MINUTE,
    );
  });

  it('keeps the consumed resolution time when a resolved case is reopened', async () => {
    const workspace = await createTestWorkspace(server());
    await createPolicy(workspace.admin, { targets: { resolution: 120 } });
    const created = await createCase(workspace.admin);
    advance(40);
    await workspace.admin.post(`/api/cases/${created.referenceNumber}/transition`, { to: 'resolved' });
    expect((await slaOf(workspace.admin, created.referenceNumber)).resolution.status).toBe('met');

    advance(300);
    await workspace.admin.post(`/api/cases/${created.referenceNumber}/transition`, { to: 'open' });

    const reopened = await slaOf(workspace.admin, created.referenceNumber);
    expect(reopened.resolution).toMatchObject({ status: 'running', secondsLeft: 80 * 60 });
  });
});

describe('business hours', () => {
  it('makes a Thursday-evening case in a Sunday–Thursday 08:00–20:00 Riyadh calendar due on Sunday', async () => {
    const workspace = await createTestWorkspace(server());
    const calendar = await workspace.admin.post('/api/calendars', {
      name: 'Riyadh office',
      timeZone: 'Asia/Riyadh',
      hours: [0, 1, 2, 3, 4].map((day) => ({ day, from: '08:00', to: '20:00' })),
    });
    expect(calendar.status).toBe(201);
    await createPolicy(workspace.admin, { targets: { firstResponse: 60 }, calendarId: calendar.body.id });
    // Thursday 3 December 2026, 19:30 in Riyadh: 30 minutes left today, the rest on Sunday morning.
    setNow(new Date('2026-12-03T16:30:00Z'));
    const signedIn = await workspace.signIn('agent');

    const created = await createCase(signedIn.client);

    expect(created.sla[0].dueAt).toBe('2026-12-06T05:30:00.000Z');
    expect(created.sla[0].secondsLeft).toBe(60 * 60);
  });
});

describe('calendar changes', () => {
  it("recomputes open cases' due times when the workspace takes a calendar", async () => {
    const workspace = await createTestWorkspace(server());
    setNow(new Date('2026-12-10T16:30:00Z')); // Thursday, 19:30 in Riyadh
    const { client: admin } = await workspace.signIn('admin');
    await createPolicy(admin, { targets: { firstResponse: 60 } });
    const created = await createCase(admin);
    expect(created.sla[0].dueAt).toBe('2026-12-10T17:30:00.000Z');

    const calendar = await admin.post('/api/calendars', {
      name: 'Riyadh office',
      timeZone: 'Asia/Riyadh',
      hours: [0, 1, 2, 3, 4].map((day) => ({ day, from: '08:00', to: '20:00' })),
    });
    const chosen = await admin.patch('/api/calendars/default', { calendarId: calendar.body.id });
    expect(chosen.status).toBe(200);

    expect((await slaOf(admin, created.referenceNumber)).first_response.dueAt).toBe(
      '2026-12-13T05:30:00.000Z',
    );
  });
});

describe('escalation', () => {
  async function escalatingCase(workspace: TestWorkspace, escalation: Record<string, unknown>) {
    const agent = await workspace.signIn('agent');
    const supervisor = await workspace.signIn('supervisor');
    const policy = await createPolicy(workspace.admin, {
      targets: { firstResponse: 60 },
      escalation: { warnAtPercent: 50, notifySupervisors: true, raisePriority: true, ...escalation },
    });
    const created = await createCase(workspace.admin, { assigneeId: agent.userId, priority: 'P3' });
    return { agent, supervisor, policy, created };
  }

  it('warns the assignee, then at breach tells the supervisors and raises the priority, once each', async () => {
    const workspace = await createTestWorkspace(server());
    const { agent, supervisor, created } = await escalatingCase(workspace, {});
    const ref = created.referenceNumber;

    advance(31);
    await escalate();
    const warned = await agent.client.get('/api/notifications');
    expect(warned.body.items.map((item: { type: string }) => item.type)).toEqual(['sla.warning']);
    expect((await supervisor.client.get('/api/notifications')).body.items).toEqual([]);
    expect(await timelineTypes(workspace.admin, ref)).toContain('sla.warned');

    advance(30);
    await escalate();
    await escalate();
    const breached = await supervisor.client.get('/api/notifications');
    expect(breached.body.items.map((item: { type: string }) => item.type)).toEqual(['sla.breached']);
    const detail = (await workspace.admin.get(`/api/cases/${ref}`)).body;
    expect(detail.priority).toBe('P2');
    expect(detail.sla[0]).toMatchObject({ status: 'breached', escalationLevel: 2 });
    expect(detail.timeline.filter((event: { type: string }) => event.type === 'sla.breached')).toHaveLength(
      1,
    );
    expect((await agent.client.get('/api/notifications')).body.items).toHaveLength(1);
  });

  it('escalates once when two workers look at the same time', async () => {
    const workspace = await createTestWorkspace(server());
    const { supervisor, created } = await escalatingCase(workspace, { raisePriority: false });
    advance(61);

    await Promise.all([escalate(), escalate(), escalate()]);

    const notified = await supervisor.client.get('/api/notifications');
    expect(notified.body.items.map((item: { type: string }) => item.type)).toEqual(['sla.breached']);
    expect(
      (await timelineTypes(workspace.admin, created.referenceNumber)).filter(
        (type) => type === 'sla.breached',
      ),
    ).toHaveLength(1);
  });

  it('sends the case back to the team queue at breach when the policy says so', async () => {
    const workspace = await createTestWorkspace(server());
    const { created } = await escalatingCase(workspace, { returnToQueue: true, raisePriority: false });
    advance(61);
    await escalate();

    const detail = (await workspace.admin.get(`/api/cases/${created.referenceNumber}`)).body;
    expect(detail.assigneeId).toBeNull();
    expect(detail.priority).toBe('P3');
  });

  it('clears the escalation when the agent replies', async () => {
    const workspace = await createTestWorkspace(server());
    const { agent, created } = await escalatingCase(workspace, {});
    advance(31);
    await escalate();
    expect((await slaOf(workspace.admin, created.referenceNumber)).first_response.escalationLevel).toBe(1);

    await reply(agent.client, created.referenceNumber);

    const sla = await slaOf(workspace.admin, created.referenceNumber);
    expect(sla.first_response).toMatchObject({ status: 'met', escalationLevel: 0 });
    expect(await timelineTypes(workspace.admin, created.referenceNumber)).toContain('sla.cleared');
    advance(60);
    await escalate();
    expect((await slaOf(workspace.admin, created.referenceNumber)).first_response.escalationLevel).toBe(0);
  });

  it('clears the clocks and escalations of open cases when the policy is removed', async () => {
    const workspace = await createTestWorkspace(server());
    const { policy, created } = await escalatingCase(workspace, { raisePriority: false });
    advance(61);
    await escalate();
    expect((await slaOf(workspace.admin, created.referenceNumber)).first_response.escalationLevel).toBe(2);

    const removed = await workspace.admin.delete(`/api/sla/policies/${policy.id}`);
    expect(removed.status).toBe(204);

    const detail = (await workspace.admin.get(`/api/cases/${created.referenceNumber}`)).body;
    expect(detail.sla).toEqual([]);
    const cleared = detail.timeline.filter((event: { type: string }) => event.type === 'sla.cleared');
    expect(cleared.at(-1).changes).toMatchObject({ reason: 'no_policy', targets: ['first_response'] });
    await escalate();
    expect((await workspace.admin.get('/api/sla/policies')).body.items).toEqual([]);
  });
});

describe('bulk actions', () => {
  it('moves the clocks of every case a bulk status change touches', async () => {
    const workspace = await createTestWorkspace(server());
    await createPolicy(workspace.admin, { targets: { resolution: 60 } });
    const cases = [await createCase(workspace.admin), await createCase(workspace.admin)];
    advance(20);

    const bulk = await workspace.admin.post('/api/cases/bulk', {
      references: cases.map((item) => item.referenceNumber),
      action: { type: 'status', to: 'pending' },
    });
    expect(bulk.status).toBe(200);
    advance(120);

    for (const item of cases) {
      expect((await slaOf(workspace.admin, item.referenceNumber)).resolution).toMatchObject({
        status: 'paused',
        secondsLeft: 40 * 60,
      });
    }
  });
});

describe('policy changes', () => {
  it('keeps the consumed time when the target changes mid-case, and is due by the new target', async () => {
    const workspace = await createTestWorkspace(server());
    const policy = await createPolicy(workspace.admin, { targets: { resolution: 120 } });
    const created = await createCase(workspace.admin);
    advance(30);
    await workspace.admin.post(`/api/cases/${created.referenceNumber}/transition`, { to: 'pending' });
    advance(100);
    await workspace.admin.post(`/api/cases/${created.referenceNumber}/transition`, { to: 'open' });
    advance(10);

    const changed = await workspace.admin.patch(`/api/sla/policies/${policy.id}`, {
      targets: { resolution: 240 },
    });
    expect(changed.status).toBe(200);

    // 30 + 10 minutes consumed (the 100 pending did not count): 200 of 240 left.
    const sla = await slaOf(workspace.admin, created.referenceNumber);
    expect(sla.resolution).toMatchObject({ status: 'running', secondsLeft: 200 * 60 });
  });

  it('chooses the policy again when the priority changes, and when policies are reordered', async () => {
    const workspace = await createTestWorkspace(server());
    const standard = await createPolicy(workspace.admin, {
      name: 'Standard',
      targets: { firstResponse: 240 },
    });
    const urgent = await createPolicy(workspace.admin, {
      name: 'Urgent',
      conditions: { priorities: ['P1'] },
      targets: { firstResponse: 15 },
    });
    const created = await createCase(workspace.admin, { priority: 'P1' });
    expect(created.sla[0].secondsLeft).toBe(240 * 60);

    const reordered = await workspace.admin.request('PUT', '/api/sla/policies/order', {
      ids: [urgent.id, standard.id],
    });
    expect(reordered.status).toBe(200);
    expect((await slaOf(workspace.admin, created.referenceNumber)).first_response.secondsLeft).toBe(15 * 60);

    await workspace.admin.patch(`/api/cases/${created.referenceNumber}`, { priority: 'P3' });
    expect((await slaOf(workspace.admin, created.referenceNumber)).first_response.secondsLeft).toBe(240 * 60);
    const applied = (await workspace.admin.get(`/api/cases/${created.referenceNumber}`)).body.timeline.filter(
      (event: { type: string }) => event.type === 'sla.policy_applied',
    );
    expect(applied.map((event: { changes: { policyName: string } }) => event.changes.policyName)).toEqual([
      'Standard',
      'Urgent',
      'Standard',
    ]);
  });

  it('applies a policy for a customer tag (a tier such as vip)', async () => {
    const workspace = await createTestWorkspace(server());
    await createPolicy(workspace.admin, {
      name: 'VIP',
      conditions: { customerTags: ['vip'] },
      targets: { firstResponse: 10 },
    });
    const vip = await workspace.admin.post('/api/customers', { name: 'Layla', tags: ['vip'] });
    const regular = await workspace.admin.post('/api/customers', { name: 'Omar' });

    const forVip = await createCase(workspace.admin, { customer: { id: vip.body.id } });
    const forRegular = await createCase(workspace.admin, { customer: { id: regular.body.id } });

    expect(forVip.sla.map((clock: { target: string }) => clock.target)).toEqual(['first_response']);
    expect(forRegular.sla).toEqual([]);
  });
});

describe('the case list', () => {
  it('shows the nearest due time and lists breaching cases in the "breaching soon" view', async () => {
    const workspace = await createTestWorkspace(server());
    await createPolicy(workspace.admin, {
      name: 'Quick',
      conditions: { priorities: ['P1'] },
      targets: { firstResponse: 30 },
    });
    await createPolicy(workspace.admin, { name: 'Slow', targets: { firstResponse: 600 } });
    const quick = await createCase(workspace.admin, { priority: 'P1' });
    const slow = await createCase(workspace.admin, { priority: 'P3' });
    await createCase(workspace.admin, { priority: 'P2', subject: 'without a reply yet' });

    const page = await workspace.admin.get('/api/cases');
    const quickRow = page.body.items.find((item: { id: string }) => item.id === quick.id);
    expect(quickRow).toMatchObject({ slaStatus: 'running', slaDueAt: quick.sla[0].dueAt });

    const soon = await workspace.admin.get('/api/cases?slaDueWithin=60&status=new,open,pending');
    expect(soon.body.items.map((item: { id: string }) => item.id)).toEqual([quick.id]);
    advance(45);
    const later = await workspace.admin.get('/api/cases?slaDueWithin=60');
    expect(later.body.items[0]).toMatchObject({ id: quick.id, slaStatus: 'breached' });
    expect(later.body.items.map((item: { id: string }) => item.id)).not.toContain(slow.id);
    const counts = await workspace.admin.get('/api/views/counts');
    expect(counts.body.counts.breaching).toBe(1);
  });

  it('orders the unassigned queue by priority, then by the nearest due time, page after page', async () => {
    const workspace = await createTestWorkspace(server());
    await createPolicy(workspace.admin, {
      name: 'Phone',
      conditions: { channels: ['phone'] },
      targets: { firstResponse: 30 },
    });
    await createPolicy(workspace.admin, { name: 'Everything else', targets: { firstResponse: 600 } });
    const slowOlder = await createCase(workspace.admin, { priority: 'P2', channel: 'email' });
    advance(1);
    const fastNewer = await createCase(workspace.admin, { priority: 'P2', channel: 'phone' });
    advance(1);
    const urgent = await createCase(workspace.admin, { priority: 'P1', channel: 'email' });
    const slowNewest = await createCase(workspace.admin, { priority: 'P2', channel: 'email' });
    const expected = [urgent.id, fastNewer.id, slowOlder.id, slowNewest.id];

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `assignee=none&status=new,open,pending&sort=priority&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await workspace.admin.get(`/api/cases?${query}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
    const backwards = await workspace.admin.get('/api/cases?assignee=none&sort=-priority');
    expect(backwards.body.items.map((item: { id: string }) => item.id)).toEqual([...expected].reverse());
  });
});

describe('policies through the API', () => {
  it('lets supervisors read the policies, and only admins change them', async () => {
    const workspace = await createTestWorkspace(server());
    const policy = await createPolicy(workspace.admin, { targets: { firstResponse: 60 } });
    const supervisor = await workspace.signIn('supervisor');
    const agent = await workspace.signIn('agent');

    expect((await supervisor.client.get('/api/sla/policies')).body.items).toHaveLength(1);
    expect((await agent.client.get('/api/sla/policies')).status).toBe(403);
    expect(
      (await supervisor.client.post('/api/sla/policies', { name: 'Mine', targets: { firstResponse: 5 } }))
        .status,
    ).toBe(403);
    expect(
      (await supervisor.client.patch(`/api/sla/policies/${policy.id}`, { isEnabled: false })).status,
    ).toBe(403);
    expect((await supervisor.client.delete(`/api/sla/policies/${policy.id}`)).status).toBe(403);
  });

  it('refuses a policy without targets, with a message in Arabic and English', async () => {
    const workspace = await createTestWorkspace(server());
    const english = await workspace.admin.post('/api/sla/policies', { name: 'Empty', targets: {} });
    const arabic = await workspace.admin.request(
      'POST',
      '/api/sla/policies',
      { name: 'Empty', targets: { firstResponse: 0 } },
      { 'accept-language': 'ar' },
    );

    expect(english.status).toBe(422);
    expect(english.body.error.fields[0].message).toContain('at least one target');
    expect(arabic.status).toBe(422);
    expect(arabic.body.error.fields[0].message).toContain('دقيقة واحدة على الأقل');
    expect((await workspace.admin.get('/api/sla/policies')).body.items).toEqual([]);
  });

  it('refuses a duplicate name, a calendar of another workspace, and an order that leaves a policy out', async () => {
    const workspace = await createTestWorkspace(server());
    const other = await createTestWorkspace(server());
    const first = await createPolicy(workspace.admin, { name: 'Standard', targets: { firstResponse: 60 } });
    await createPolicy(workspace.admin, { name: 'Second', targets: { firstResponse: 60 } });
    const foreign = await other.admin.post('/api/calendars', {
      name: 'Theirs',
      timeZone: 'UTC',
      isAlwaysOpen: true,
    });

    const duplicate = await workspace.admin.post('/api/sla/policies', {
      name: 'Standard',
      targets: { update: 60 },
    });
    const withForeign = await workspace.admin.post('/api/sla/policies', {
      name: 'Foreign',
      targets: { update: 60 },
      calendarId: foreign.body.id,
    });
    const partial = await workspace.admin.request('PUT', '/api/sla/policies/order', { ids: [first.id] });

    expect(duplicate.status).toBe(409);
    expect(withForeign.status).toBe(422);
    expect(withForeign.body.error.fields[0].path).toBe('calendarId');
    expect(partial.status).toBe(422);
  });

  it("keeps each workspace's policies and clocks to itself", async () => {
    const workspace = await createTestWorkspace(server());
    const other = await createTestWorkspace(server());
    const policy = await createPolicy(workspace.admin, { targets: { firstResponse: 60 } });

    const theirCase = await createCase(other.admin);

    expect(theirCase.sla).toEqual([]);
    expect((await other.admin.get('/api/sla/policies')).body.items).toEqual([]);
    expect((await other.admin.patch(`/api/sla/policies/${policy.id}`, { isEnabled: false })).status).toBe(
      404,
    );
    expect((await other.admin.delete(`/api/sla/policies/${policy.id}`)).status).toBe(404);
    expect((await workspace.admin.get('/api/sla/policies')).body.items[0].isEnabled).toBe(true);
  });
});
