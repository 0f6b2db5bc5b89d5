import { systemClock } from '@sada/core';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/services.ts';
import {
  ApiClient,
  createCase,
  createTestWorkspace,
  openTestDatabase,
  testDatabaseKind,
  uniqueSlug,
  useTestServer,
  waitFor,
} from './harness.ts';
import { spawnSada } from './processes.ts';

type Received = { events: any[]; socket: WebSocket };

/** Opens /api/live with the given headers and resolves once the server says it is ready. */
async function connectLive(baseUrl: string, headers: Record<string, string>): Promise<Received> {
  const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/api/live`, { headers });
  const received: Received = { events: [], socket };
  socket.on('message', (data) => received.events.push(JSON.parse(String(data))));
  await waitFor(() => (received.events.some((event) => event.type === 'ready') ? true : undefined));
  return received;
}

describe('real-time events', () => {
  const server = useTestServer();

  it('pushes case created, updated and message events to consoles of the same workspace', async () => {
    const { admin } = await createTestWorkspace(server());
    const live = await connectLive(server().baseUrl, { cookie: admin.cookie! });
    const created = await createCase(admin);
    await admin.patch(`/api/cases/${created.referenceNumber}`, { priority: 'P1' });
    const message = (
      await admin.post(`/api/cases/${created.referenceNumber}/messages`, { type: 'note', body: 'hi' })
    ).body;
    const events = await waitFor(() => (live.events.length >= 4 ? live.events : undefined));
    expect(events).toEqual([
      { type: 'ready', workspaceId: expect.any(String) },
      { type: 'case.created', caseId: created.id, referenceNumber: created.referenceNumber },
      { type: 'case.updated', caseId: created.id, referenceNumber: created.referenceNumber },
      {
        type: 'message.created',
        caseId: created.id,
        referenceNumber: created.referenceNumber,
        messageId: message.id,
      },
    ]);
    live.socket.close();
  });

  it('sends nothing for a change that was rolled back', async () => {
    const { admin } = await createTestWorkspace(server());
    const live = await connectLive(server().baseUrl, { cookie: admin.cookie! });
    const created = await createCase(admin);
    expect(
      (await admin.post(`/api/cases/${created.referenceNumber}/transition`, { to: 'closed' })).status,
    ).toBe(409);
    await admin.post(`/api/cases/${created.referenceNumber}/transition`, { to: 'open' });
    await waitFor(() => (live.events.length >= 3 ? true : undefined));
    expect(live.events.map((event) => event.type)).toEqual(['ready', 'case.created', 'case.updated']);
    live.socket.close();
  });

  it('tells another console when a problem changes, so its page reads it again', async () => {
    const workspace = await createTestWorkspace(server());
    const live = await connectLive(server().baseUrl, { cookie: workspace.admin.cookie! });
    const { client: supervisor } = await workspace.withToken('supervisor');
    const created = await createCase(supervisor);
    const problem = await supervisor.post('/api/problems', {
      title: 'انقطاع الإنترنت في الرياض',
      references: [created.referenceNumber],
    });
    expect(problem.status).toBe(201);
    await supervisor.post(`/api/problems/${problem.body.id}/notes`, { body: 'البرج 14 معطل' });
    const events = await waitFor(() => {
      const seen = live.events.filter((event) => event.type === 'problem.updated');
      return seen.length >= 2 ? seen : undefined;
    });
    expect(events).toEqual([
      { type: 'problem.updated', problemId: problem.body.id },
      { type: 'problem.updated', problemId: problem.body.id },
    ]);
    live.socket.close();
  });

  it('refuses a socket without a session and one opened from another site', async () => {
    const { admin } = await createTestWorkspace(server());
    const refused = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${server().baseUrl.replace('http', 'ws')}/api/live`, { headers });
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.on('open', () => resolve(101));
      });
    expect(await refused({})).toBe(401);
    expect(await refused({ cookie: admin.cookie!, origin: 'https://evil.example' })).toBe(403);
  });
});

describe.runIf(testDatabaseKind === 'postgres')('two server processes on one PostgreSQL', () => {
  it('delivers an event made through one process to an agent connected to the other', async () => {
    const env = { DATABASE_URL: process.env.TEST_DATABASE_URL!, SADA_DEMO: 'false', SADA_JOBS: 'false' };
    const [first, second] = await Promise.all([spawnSada(env), spawnSada(env)]);
    const database = await openTestDatabase();
    try {
      const services = createServices({
        database,
        clock: systemClock,
        config: loadConfig({ SADA_DEMO: 'false' }),
      });
      const { workspace } = await services.workspaces.ensureWorkspace({ slug: uniqueSlug() });
      const user = await services.workspaces.createUser({
        workspace,
        email: 'agent@two.test',
        name: 'Agent',
        role: 'agent',
        password: 'long enough password',
      });
      const { secret } = await services.auth.createApiToken({
        actor: services.workspaces.systemActor(workspace, user),
        name: 'two',
      });
      const live = await connectLive(first.url, { authorization: `Bearer ${secret}` });
      const created = await createCase(new ApiClient(second.url, { bearer: secret }));
      const event = await waitFor(() => live.events.find((item) => item.type === 'case.created'));
      expect(event).toEqual({
        type: 'case.created',
        caseId: created.id,
        referenceNumber: created.referenceNumber,
      });
      live.socket.close();
    } finally {
      first.child.kill('SIGTERM');
      second.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(await second.exited).toBe(0);
      await database.close();
    }
  });
});
