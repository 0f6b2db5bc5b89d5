import { type SmtpSink, startSmtpSink } from '@sada/channels/testing';
import type { Clock } from '@sada/core';
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

// The server's clock stands still unless a test moves it: steps fall due at exact instants.
const startedAt = Date.now();
let offsetMs = 0;
const clock: Clock = { now: () => new Date(startedAt + offsetMs) };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const advance = (ms: number) => {
  offsetMs += ms;
};
const inFuture = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();

let sink: SmtpSink;
let server: TestServer;

beforeAll(async () => {
  sink = await startSmtpSink();
  // The outbox runs here; on PostgreSQL a database of its own, so no other file's mail is taken.
  server = await startTestServer({
    jobs: true,
    clock,
    smtpRelay: `smtp://127.0.0.1:${sink.port}`,
    isolated: true,
  });
});
afterAll(async () => {
  await server?.stop();
  await sink?.close();
});

/** Runs the plan job's batches until nothing waits, as the worker does every minute. */
async function runPlanJobs() {
  while ((await server.services.plans.runDue()) > 0) {
    // drains
  }
}

async function addStep(client: ApiClient, reference: string, body: Record<string, unknown>) {
  const response = await client.post(`/api/cases/${reference}/plan/steps`, body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.steps.at(-1);
}

const mailsTo = (address: string) => sink.messages.filter((sent) => sent.envelope.to.includes(address));

async function emailCase(workspace: TestWorkspace, language: 'ar' | 'en' = 'en') {
  const email = `customer-${workspace.slug}@example.com`;
  const created = await createCase(workspace.admin, {
    channel: 'email',
    language,
    customer: { name: 'Layla', email },
  });
  return { created, email };
}

async function timelineTypes(client: ApiClient, reference: string): Promise<string[]> {
  const detail = await client.get(`/api/cases/${reference}`);
  return detail.body.timeline.map((event: { type: string }) => event.type);
}

async function notificationsOf(client: ApiClient) {
  const response = await client.get('/api/notifications');
  expect(response.status).toBe(200);
  return response.body.items as { type: string; caseReference: string }[];
}

describe('resolution plan', () => {
  it('adds steps in order with owners, and shows progress', async () => {
    const workspace = await createTestWorkspace(server);
    const agent = await workspace.signIn('agent', { name: 'Huda' });
    const team = await workspace.admin.post('/api/teams', { name: 'Logistics' });
    const created = await createCase(workspace.admin);
    const ref = created.referenceNumber;

    await addStep(agent.client, ref, {
      title: 'Find the parcel',
      ownerUserId: agent.userId,
      dueAt: inFuture(DAY),
    });
    const second = await addStep(agent.client, ref, { title: 'Send a new one', ownerTeamId: team.body.id });
    await agent.client.patch(`/api/cases/${ref}/plan/steps/${second.id}`, { status: 'cancelled' });

    const plan = (await agent.client.get(`/api/cases/${ref}/plan`)).body;
    expect(
      plan.steps.map((step: { title: string; position: number }) => [step.position, step.title]),
    ).toEqual([
      [0, 'Find the parcel'],
      [1, 'Send a new one'],
    ]);
    expect(plan.steps[0].owner).toEqual({ userId: agent.userId, teamId: null, name: 'Huda' });
    expect(plan.steps[1].owner).toEqual({ userId: null, teamId: team.body.id, name: 'Logistics' });
    expect(plan.progress).toEqual({ done: 0, total: 1 });
    expect(await timelineTypes(agent.client, ref)).toEqual(
      expect.arrayContaining(['plan.step_added', 'plan.step_changed']),
    );
  });

  it('refuses an owner from elsewhere, a past due time and an empty title with 422 naming the field', async () => {
    const workspace = await createTestWorkspace(server);
    const other = await createTestWorkspace(server);
    const stranger = await other.signIn('agent');
    const ref = (await createCase(workspace.admin)).referenceNumber;
    const path = `/api/cases/${ref}/plan/steps`;

    const foreign = await workspace.admin.post(path, { title: 'Refund', ownerUserId: stranger.userId });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.fields[0].path).toBe('ownerUserId');
    const past = await workspace.admin.post(path, { title: 'Refund', dueAt: inFuture(-HOUR) });
    expect(past.status).toBe(422);
    expect(past.body.error.fields[0].path).toBe('dueAt');
    const empty = await workspace.admin.post(path, { title: '  ' }, { 'accept-language': 'ar' });
    expect(empty.status).toBe(422);
    expect(JSON.stringify(empty.body)).toContain('اكتب عنوانًا للخطوة');
    expect((await workspace.admin.get(`/api/cases/${ref}/plan`)).body.steps).toEqual([]);
  });

  it('tells the customer by e-mail when a step they can see is done, and the status page shows it', async () => {
    const workspace = await createTestWorkspace(server);
    const { created, email } = await emailCase(workspace);
    const ref = created.referenceNumber;
    const first = await addStep(workspace.admin, ref, {
      title: 'Refund the double charge',
      isCustomerVisible: true,
      customerNote: 'The money is back on your card within 3 days.',
    });
    await addStep(workspace.admin, ref, {
      title: 'Check the card terminal',
      isCustomerVisible: true,
      dueAt: inFuture(2 * DAY),
    });
    await addStep(workspace.admin, ref, { title: 'Internal review' });

    const done = await workspace.admin.patch(`/api/cases/${ref}/plan/steps/${first.id}`, { status: 'done' });
    expect(done.status).toBe(200);
    expect(done.body.progress).toEqual({ done: 1, total: 3 });
    expect(done.body.steps[0].completedAt).not.toBeNull();

    const detail = (await workspace.admin.get(`/api/cases/${ref}`)).body;
    const told = detail.messages.filter((message: { body: string }) => message.body.includes('is done'));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ direction: 'outbound', isAutomatic: true });
    const [mail] = await waitFor(() => {
      const sent = mailsTo(email).filter((item) => item.mail.text?.includes('Refund the double charge'));
      return sent.length > 0 ? sent : undefined;
    }, 15_000);
    expect(mail!.mail.text).toContain('The money is back on your card within 3 days.');
    expect(mail!.mail.text).toContain('1 of 2 steps done');

    // Marking it done again tells nobody twice.
    await workspace.admin.patch(`/api/cases/${ref}/plan/steps/${first.id}`, { status: 'done' });
    const again = (await workspace.admin.get(`/api/cases/${ref}`)).body;
    expect(
      again.messages.filter((message: { body: string }) => message.body.includes('is done')),
    ).toHaveLength(1);

    const link = server.services.statusLink({ id: workspace.workspaceId, slug: workspace.slug }, created.id);
    const token = new URL(link).searchParams.get('t')!;
    const page = await fetch(
      `${server.baseUrl}/w/${workspace.slug}/status?t=${encodeURIComponent(token)}&lang=en`,
    );
    const text = await page.text();
    expect(text).toContain('Plan to resolve your case');
    expect(text).toContain('1 of 2 steps done');
    expect(text).toContain('Refund the double charge');
    expect(text).toContain('Check the card terminal');
    expect(text).not.toContain('Internal review');
    const arabic = await (
      await fetch(`${server.baseUrl}/w/${workspace.slug}/status?t=${encodeURIComponent(token)}&lang=ar`)
    ).text();
    expect(arabic).toContain('خطة حل حالتك');
    expect(arabic).toContain('أُنجزت 1 من 2 خطوات');
  });

  it('writes to an Arabic customer in Arabic', async () => {
    const workspace = await createTestWorkspace(server);
    const { created, email } = await emailCase(workspace, 'ar');
    const step = await addStep(workspace.admin, created.referenceNumber, {
      title: 'استبدال الجهاز',
      isCustomerVisible: true,
    });
    await workspace.admin.patch(`/api/cases/${created.referenceNumber}/plan/steps/${step.id}`, {
      status: 'done',
    });
    const [mail] = await waitFor(() => {
      const sent = mailsTo(email).filter((item) => item.mail.text?.includes('استبدال الجهاز'));
      return sent.length > 0 ? sent : undefined;
    }, 15_000);
    expect(mail!.mail.text).toContain('تمّ إنجاز «استبدال الجهاز»');
    expect(mail!.mail.text).toContain('أُنجزت 1 من 1 خطوات');
  });

  it('notifies the owner and the supervisor once when a step is overdue, and again after a new due time', async () => {
    const workspace = await createTestWorkspace(server);
    const agent = await workspace.signIn('agent');
    const supervisor = await workspace.signIn('supervisor');
    const bystander = await workspace.signIn('agent');
    const ref = (await createCase(workspace.admin)).referenceNumber;
    const step = await addStep(agent.client, ref, {
      title: 'Call the courier',
      ownerUserId: agent.userId,
      dueAt: inFuture(HOUR),
    });

    await runPlanJobs();
    expect(await notificationsOf(agent.client)).toEqual([]);

    advance(2 * HOUR);
    await runPlanJobs();
    await runPlanJobs();
    const overdue = (items: { type: string }[]) => items.filter((item) => item.type === 'plan.step_overdue');
    expect(overdue(await notificationsOf(agent.client))).toHaveLength(1);
    expect(overdue(await notificationsOf(supervisor.client))).toHaveLength(1);
    expect(overdue(await notificationsOf(bystander.client))).toHaveLength(0);
    const plan = (await agent.client.get(`/api/cases/${ref}/plan`)).body;
    expect(plan.steps[0].isOverdue).toBe(true);
    expect(
      (await timelineTypes(agent.client, ref)).filter((type) => type === 'plan.step_overdue'),
    ).toHaveLength(1);

    // A new due time re-arms the notice.
    await agent.client.patch(`/api/cases/${ref}/plan/steps/${step.id}`, { dueAt: inFuture(HOUR) });
    advance(2 * HOUR);
    await runPlanJobs();
    expect(overdue(await notificationsOf(agent.client))).toHaveLength(2);
  });

  it('notifies every member of the owning team', async () => {
    const workspace = await createTestWorkspace(server);
    const first = await workspace.signIn('agent');
    const second = await workspace.signIn('agent');
    const team = await workspace.admin.post('/api/teams', {
      name: 'Couriers',
      memberIds: [first.userId, second.userId],
    });
    expect(team.status, JSON.stringify(team.body)).toBe(201);
    const ref = (await createCase(workspace.admin)).referenceNumber;
    await addStep(workspace.admin, ref, {
      title: 'Pick up',
      ownerTeamId: team.body.id,
      dueAt: inFuture(HOUR),
    });
    advance(2 * HOUR);
    await runPlanJobs();
    for (const member of [first, second]) {
      expect((await notificationsOf(member.client)).map((item) => item.type)).toContain('plan.step_overdue');
    }
  });

  it('sends a progress update to the customer every N days while the case is open', async () => {
    const workspace = await createTestWorkspace(server);
    const { created, email } = await emailCase(workspace);
    // A token, not a session: sessions end after days of the test clock.
    const { client: admin } = await workspace.withToken('admin');
    const ref = created.referenceNumber;
    const step = await addStep(admin, ref, {
      title: 'Replace the router',
      isCustomerVisible: true,
    });
    await addStep(admin, ref, {
      title: 'Visit to install',
      isCustomerVisible: true,
      dueAt: inFuture(5 * DAY),
    });
    await admin.patch(`/api/cases/${ref}/plan/steps/${step.id}`, { status: 'done' });
    const set = await admin.patch(`/api/cases/${ref}/plan`, { updateEveryDays: 2 });
    expect(set.status).toBe(200);
    expect(set.body.updateEveryDays).toBe(2);

    const periodic = async () =>
      (await admin.get(`/api/cases/${ref}`)).body.messages.filter((message: { body: string }) =>
        message.body.startsWith('Progress on your case'),
      );
    advance(DAY);
    await runPlanJobs();
    expect(await periodic()).toHaveLength(0);

    advance(DAY + HOUR);
    await runPlanJobs();
    await runPlanJobs();
    const [update] = await periodic();
    expect(update.body).toContain('1 of 2 steps done');
    expect(update.body).toContain('Next: “Visit to install”');
    await waitFor(() => {
      const sent = mailsTo(email).filter((item) => item.mail.text?.includes('Progress on your case'));
      return sent.length > 0 ? sent : undefined;
    }, 15_000);
    expect((await admin.get(`/api/cases/${ref}/plan`)).body.lastUpdateSentAt).not.toBeNull();

    // Resolved: no more updates.
    await admin.post(`/api/cases/${ref}/transition`, { to: 'resolved' });
    advance(3 * DAY);
    await runPlanJobs();
    expect(await periodic()).toHaveLength(1);
  });

  it('keeps another workspace out of a plan', async () => {
    const workspace = await createTestWorkspace(server);
    const other = await createTestWorkspace(server);
    const ref = (await createCase(workspace.admin)).referenceNumber;
    const step = await addStep(workspace.admin, ref, { title: 'Refund' });

    expect((await other.admin.get(`/api/cases/${ref}/plan`)).status).toBe(404);
    expect((await other.admin.post(`/api/cases/${ref}/plan/steps`, { title: 'Mine' })).status).toBe(404);
    expect(
      (await other.admin.patch(`/api/cases/${ref}/plan/steps/${step.id}`, { status: 'done' })).status,
    ).toBe(404);
    expect((await other.admin.patch(`/api/cases/${ref}/plan`, { updateEveryDays: 1 })).status).toBe(404);
    const plan = (await workspace.admin.get(`/api/cases/${ref}/plan`)).body;
    expect(plan.steps.map((item: { title: string; status: string }) => [item.title, item.status])).toEqual([
      ['Refund', 'pending'],
    ]);
  });

  it('lets analysts read a plan but not change it', async () => {
    const workspace = await createTestWorkspace(server);
    const analyst = await workspace.signIn('analyst');
    const ref = (await createCase(workspace.admin)).referenceNumber;
    await addStep(workspace.admin, ref, { title: 'Refund' });
    expect((await analyst.client.get(`/api/cases/${ref}/plan`)).body.steps).toHaveLength(1);
    expect((await analyst.client.post(`/api/cases/${ref}/plan/steps`, { title: 'More' })).status).toBe(403);
  });
});
