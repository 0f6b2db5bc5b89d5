import { randomBytes } from 'node:crypto';
import type { LiveEvent } from '@sada/contracts';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  ApiClient,
  createCase,
  createTestWorkspace,
  type TestWorkspace,
  useTestServer,
  waitFor,
} from './harness.ts';

const server = useTestServer();

type Seeded = TestWorkspace & {
  /** A word that appears only in this workspace's case subject. */
  subjectWord: string;
  /** A word that appears only in a message of this workspace's case. */
  messageWord: string;
  agent: { id: string; email: string; password: string };
  teamId: string;
  customer: { id: string; name: string; email: string };
  firstCase: { id: string; referenceNumber: string };
};

/**
 * A workspace with an agent, a team, a custom field, a customer and a case with a message.
 * Every workspace uses the reference prefix TST, so their reference numbers collide on purpose.
 */
async function seedWorkspace(): Promise<Seeded> {
  const workspace = await createTestWorkspace(server(), { referencePrefix: 'TST' });
  const { admin } = workspace;
  const tag = randomBytes(3).toString('hex');
  const subjectWord = `parcel${tag}`;
  const messageWord = `courier${tag}`;
  const password = 'the agent password';
  const agentEmail = `agent@${workspace.slug}.test`;
  const agent = await admin.post('/api/users', { email: agentEmail, name: 'Agent', role: 'agent', password });
  const team = await admin.post('/api/teams', { name: 'Billing', memberIds: [agent.body.id] });
  const field = await admin.post('/api/fields', {
    key: 'branch',
    labelAr: 'الفرع',
    labelEn: 'Branch',
    type: 'text',
  });
  const customerEmail = `customer${tag}@example.test`;
  const customer = await admin.post('/api/customers', {
    name: `Customer ${tag}`,
    email: customerEmail,
    identities: [{ channel: 'email', externalId: customerEmail }],
  });
  for (const response of [agent, team, field, customer]) expect(response.status).toBe(201);
  const firstCase = await createCase(admin, {
    subject: `Lost ${subjectWord}`,
    customer: { id: customer.body.id },
    teamId: team.body.id,
    assigneeId: agent.body.id,
    customFields: { branch: 'Riyadh' },
  });
  const message = await admin.post(`/api/cases/${firstCase.referenceNumber}/messages`, {
    type: 'inbound',
    body: `The ${messageWord} never came.`,
  });
  expect(message.status).toBe(201);
  return {
    ...workspace,
    subjectWord,
    messageWord,
    agent: { id: agent.body.id, email: agentEmail, password },
    teamId: team.body.id,
    customer: { id: customer.body.id, name: customer.body.name, email: customerEmail },
    firstCase: { id: firstCase.id, referenceNumber: firstCase.referenceNumber },
  };
}

/** Opens the live WebSocket as a signed-in console and resolves once the server says it is ready. */
async function connectLive(client: ApiClient) {
  const socket = new WebSocket(`${client.baseUrl.replace(/^http/, 'ws')}/api/live`, {
    headers: { cookie: client.cookie! },
  });
  const events: LiveEvent[] = [];
  socket.on('message', (data) => events.push(JSON.parse(String(data))));
  await waitFor(() => events.find((event) => event.type === 'ready'));
  const close = () =>
    new Promise<void>((resolve) => {
      if (socket.readyState === WebSocket.CLOSED) return resolve();
      socket.once('close', () => resolve());
      socket.close();
    });
  return { events, close };
}

async function seedTwoWorkspaces() {
  return { a: await seedWorkspace(), b: await seedWorkspace() };
}

const idsOf = (items: { id: string }[]) => items.map((item) => item.id);

describe('cases of another workspace', () => {
  it('reads its own case when both workspaces have the same reference number', async () => {
    const { a, b } = await seedTwoWorkspaces();
    expect(a.firstCase.referenceNumber).toBe(b.firstCase.referenceNumber);

    const response = await a.admin.get(`/api/cases/${a.firstCase.referenceNumber}`);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: a.firstCase.id, customerId: a.customer.id, teamId: a.teamId });
    expect(JSON.stringify(response.body)).not.toContain(b.subjectWord);
    expect(JSON.stringify(response.body)).not.toContain(b.messageWord);
  });

  it('answers 404 for a reference number only the other workspace has', async () => {
    const { a, b } = await seedTwoWorkspaces();
    const onlyInB = await createCase(b.admin, { subject: `Second ${b.subjectWord}` });

    const response = await a.admin.get(`/api/cases/${onlyInB.referenceNumber}`);

    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('not_found');
  });

  it('never lists or finds the other workspace’s cases, whatever the filter', async () => {
    const { a, b } = await seedTwoWorkspaces();

    const queries = [
      '?limit=200',
      `?q=${b.subjectWord}`,
      `?q=${b.messageWord}`,
      `?customer=${b.customer.id}`,
      `?team=${b.teamId}`,
      `?assignee=${b.agent.id}`,
    ];
    const pages = await Promise.all(queries.map((query) => a.admin.get(`/api/cases${query}`)));

    expect(pages.map((page) => page.status)).toEqual(queries.map(() => 200));
    expect(pages.map((page) => idsOf(page.body.items))).toEqual([[a.firstCase.id], [], [], [], [], []]);
    // The words are searchable: B finds its own case with either of them.
    for (const word of [b.subjectWord, b.messageWord]) {
      const inB = await b.admin.get(`/api/cases?q=${word}`);
      expect(idsOf(inB.body.items)).toEqual([b.firstCase.id]);
    }
  });

  it('cannot change a case only the other workspace has, and the case stays as it was', async () => {
    const { a, b } = await seedTwoWorkspaces();
    const onlyInB = await createCase(b.admin, { subject: `Second ${b.subjectWord}` });
    const path = `/api/cases/${onlyInB.referenceNumber}`;

    const attempts = await Promise.all([
      a.admin.patch(path, { subject: 'Taken over', priority: 'P1' }),
      a.admin.post(`${path}/transition`, { to: 'open' }),
      a.admin.post(`${path}/assign`, { teamId: null, assigneeId: null }),
      a.admin.post(`${path}/messages`, { type: 'reply', body: 'Hello from A' }),
    ]);

    expect(attempts.map((attempt) => attempt.status)).toEqual([404, 404, 404, 404]);
    const unchanged = await b.admin.get(path);
    expect(unchanged.body).toMatchObject({
      subject: onlyInB.subject,
      priority: onlyInB.priority,
      status: 'new',
      messages: [],
      updatedAt: onlyInB.updatedAt,
    });
    expect(unchanged.body.timeline).toHaveLength(1);
  });

  it('refuses to assign its case to the other workspace’s team or user with 422', async () => {
    const { a, b } = await seedTwoWorkspaces();
    const path = `/api/cases/${a.firstCase.referenceNumber}`;

    const toTeam = await a.admin.post(`${path}/assign`, { teamId: b.teamId });
    const toUser = await a.admin.post(`${path}/assign`, { assigneeId: b.agent.id });

    expect(toTeam.status).toBe(422);
    expect(toTeam.body.error.fields).toEqual([{ path: 'teamId', message: expect.any(String) }]);
    expect(toUser.status).toBe(422);
    expect(toUser.body.error.fields).toEqual([{ path: 'assigneeId', message: expect.any(String) }]);
    const unchanged = await a.admin.get(path);
    expect(unchanged.body).toMatchObject({ teamId: a.teamId, assigneeId: a.agent.id });
  });

  it('refuses to open a case for the other workspace’s team, user or customer with 422', async () => {
    const { a, b } = await seedTwoWorkspaces();

    const attempts = await Promise.all([
      a.admin.post('/api/cases', { subject: 'For B’s team', teamId: b.teamId }),
      a.admin.post('/api/cases', { subject: 'For B’s agent', assigneeId: b.agent.id }),
      a.admin.post('/api/cases', { subject: 'For B’s customer', customer: { id: b.customer.id } }),
    ]);

    expect(attempts.map((attempt) => attempt.status)).toEqual([422, 422, 422]);
    expect(attempts[2]!.body.error.fields).toEqual([{ path: 'customer.id', message: expect.any(String) }]);
    const cases = await a.admin.get('/api/cases');
    expect(idsOf(cases.body.items)).toEqual([a.firstCase.id]);
  });

  it('refuses to move its case to the other workspace’s customer with 422', async () => {
    const { a, b } = await seedTwoWorkspaces();
    const path = `/api/cases/${a.firstCase.referenceNumber}`;

    const response = await a.admin.patch(path, { customerId: b.customer.id });

    expect(response.status).toBe(422);
    expect(response.body.error.fields).toEqual([{ path: 'customerId', message: expect.any(String) }]);
    expect((await a.admin.get(path)).body.customerId).toBe(a.customer.id);
  });
});

describe('customers of another workspace', () => {
  it('cannot read, change or merge them: 404, and they stay as they were', async () => {
    const { a, b } = await seedTwoWorkspaces();
    const path = `/api/customers/${b.customer.id}`;

    const attempts = await Promise.all([
      a.admin.get(path),
      a.admin.patch(path, {
        name: 'Renamed by A',
        addIdentities: [{ channel: 'phone', externalId: '+966500000000' }],
      }),
      a.admin.post(`${path}/merge`, { sourceId: a.customer.id }),
      a.admin.post(`/api/customers/${a.customer.id}/merge`, { sourceId: b.customer.id }),
    ]);

    expect(attempts.map((attempt) => attempt.status)).toEqual([404, 404, 404, 404]);
    const unchanged = await b.admin.get(path);
    expect(unchanged.body).toMatchObject({ name: b.customer.name, mergedIntoId: null });
    expect(unchanged.body.identities).toHaveLength(1);
    expect((await b.admin.get(`/api/cases/${b.firstCase.referenceNumber}`)).body.customerId).toBe(
      b.customer.id,
    );
    expect((await a.admin.get(`/api/customers/${a.customer.id}`)).body.mergedIntoId).toBeNull();
  });

  it('never lists or finds them', async () => {
    const { a, b } = await seedTwoWorkspaces();

    const all = await a.admin.get('/api/customers?limit=100');
    const byName = await a.admin.get(`/api/customers?q=${encodeURIComponent(b.customer.name)}`);
    const byEmail = await a.admin.get(`/api/customers?q=${encodeURIComponent(b.customer.email)}`);

    expect(idsOf(all.body.items)).toEqual([a.customer.id]);
    expect(byName.body.items).toEqual([]);
    expect(byEmail.body.items).toEqual([]);
  });

  it('makes a new customer when a case names an identity only the other workspace knows', async () => {
    const { a, b } = await seedTwoWorkspaces();

    const created = await createCase(a.admin, { customer: { email: b.customer.email } });

    expect(created.customerId).not.toBeNull();
    expect(created.customerId).not.toBe(b.customer.id);
    const inB = await b.admin.get(`/api/customers?q=${encodeURIComponent(b.customer.email)}`);
    expect(inB.body.items).toEqual([expect.objectContaining({ id: b.customer.id, caseCount: 1 })]);
  });
});

describe('users, teams and fields of another workspace', () => {
  it('lists only its own users and cannot change the other workspace’s', async () => {
    const { a, b } = await seedTwoWorkspaces();

    const users = await a.admin.get('/api/users');
    const deactivate = await a.admin.patch(`/api/users/${b.agent.id}`, { isActive: false, role: 'admin' });
    const newPassword = await a.admin.patch(`/api/users/${b.agent.id}`, { password: 'taken over by A' });

    expect(idsOf(users.body).sort()).toEqual([a.adminId, a.agent.id].sort());
    expect(deactivate.status).toBe(404);
    expect(newPassword.status).toBe(404);
    const inB = await b.admin.get('/api/users');
    expect(inB.body.find((user: { id: string }) => user.id === b.agent.id)).toMatchObject({
      role: 'agent',
      isActive: true,
    });
  });

  it('adds a user whose e-mail is already a user of the other workspace', async () => {
    const { a, b } = await seedTwoWorkspaces();

    const response = await a.admin.post('/api/users', {
      email: b.agent.email,
      name: 'Same person, other employer',
      role: 'agent',
      password: 'a different password',
    });

    expect(response.status).toBe(201);
    expect(response.body.id).not.toBe(b.agent.id);
  });

  it('cannot sign in to one workspace with a user of the other', async () => {
    const { a, b } = await seedTwoWorkspaces();

    const response = await new ApiClient(server().baseUrl).post('/api/auth/login', {
      email: b.agent.email,
      password: b.agent.password,
      workspace: a.slug,
    });

    expect(response.status).toBe(401);
  });

  it('lists only its own teams, cannot change the other’s, and refuses its users as members with 422', async () => {
    const { a, b } = await seedTwoWorkspaces();

    const teams = await a.admin.get('/api/teams');
    const rename = await a.admin.patch(`/api/teams/${b.teamId}`, { name: 'Renamed by A', memberIds: [] });
    const createWithB = await a.admin.post('/api/teams', {
      name: 'Mixed',
      memberIds: [a.agent.id, b.agent.id],
    });
    const addB = await a.admin.patch(`/api/teams/${a.teamId}`, { memberIds: [a.agent.id, b.agent.id] });

    expect(idsOf(teams.body)).toEqual([a.teamId]);
    expect(rename.status).toBe(404);
    expect(createWithB.status).toBe(422);
    expect(createWithB.body.error.fields).toEqual([
      { path: 'memberIds', message: expect.stringContaining(b.agent.id) },
    ]);
    expect(addB.status).toBe(422);
    expect((await a.admin.get('/api/teams')).body).toEqual([
      expect.objectContaining({ memberIds: [a.agent.id] }),
    ]);
    expect((await b.admin.get('/api/teams')).body).toEqual([
      expect.objectContaining({ id: b.teamId, name: 'Billing', memberIds: [b.agent.id] }),
    ]);
  });

  it('changes only its own field when both workspaces have a field with the same key', async () => {
    const { a, b } = await seedTwoWorkspaces();
    await b.admin.post('/api/fields', {
      key: 'warranty',
      labelAr: 'الضمان',
      labelEn: 'Warranty',
      type: 'boolean',
    });

    const shared = await a.admin.patch('/api/fields/branch', { labelEn: 'Store', isRequired: true });
    const onlyInB = await a.admin.patch('/api/fields/warranty', { isActive: false });

    expect(shared.status).toBe(200);
    expect(onlyInB.status).toBe(404);
    expect((await a.admin.get('/api/fields')).body.map((field: { key: string }) => field.key)).toEqual([
      'branch',
    ]);
    const inB = await b.admin.get('/api/fields');
    expect(inB.body).toEqual([
      expect.objectContaining({ key: 'branch', labelEn: 'Branch', isRequired: false }),
      expect.objectContaining({ key: 'warranty', isActive: true }),
    ]);
  });
});

describe('API tokens of another workspace', () => {
  it('cannot revoke them', async () => {
    const { a, b } = await seedTwoWorkspaces();
    const { token, secret } = (await b.admin.post('/api/me/tokens', { name: 'B integration' })).body;

    const revoke = await a.admin.delete(`/api/me/tokens/${token.id}`);

    expect(revoke.status).toBe(404);
    expect((await a.admin.get('/api/me/tokens')).body).toEqual([]);
    const integration = new ApiClient(server().baseUrl, { bearer: secret });
    expect((await integration.get('/api/me')).body.user.workspace.id).toBe(b.workspaceId);
  });
});

describe('live events of another workspace', () => {
  it('never reach this workspace’s WebSocket', async () => {
    const { a, b } = await seedTwoWorkspaces();
    const liveA = await connectLive(a.admin);
    const liveB = await connectLive(b.admin);
    try {
      const inB = await createCase(b.admin, { subject: 'Only B hears of this' });
      await waitFor(() => liveB.events.find((event) => event.type === 'case.created'));
      const inA = await createCase(a.admin, { subject: 'Only A hears of this' });
      await waitFor(() => liveA.events.find((event) => event.type === 'case.created'));

      expect(inA.referenceNumber).toBe(inB.referenceNumber);
      expect(liveA.events).toEqual([
        { type: 'ready', workspaceId: a.workspaceId },
        { type: 'case.created', caseId: inA.id, referenceNumber: inA.referenceNumber },
      ]);
      expect(liveB.events).toEqual([
        { type: 'ready', workspaceId: b.workspaceId },
        { type: 'case.created', caseId: inB.id, referenceNumber: inB.referenceNumber },
      ]);
    } finally {
      await Promise.all([liveA.close(), liveB.close()]);
    }
  });
});
