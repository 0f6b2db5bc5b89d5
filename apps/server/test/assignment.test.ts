import { randomBytes } from 'node:crypto';
import { systemClock } from '@sada/core';
import { openDatabase } from '@sada/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createServices } from '../src/services.ts';
import {
  ApiClient,
  createCase,
  createIsolatedDatabase,
  createTestWorkspace,
  type TestWorkspace,
  testDatabaseKind,
  uniqueSlug,
  useTestServer,
  waitFor,
} from './harness.ts';
import { type SadaProcess, spawnSada } from './processes.ts';

// The assignment worker takes every team's queue in the database: a database of its own on PostgreSQL.
const server = useTestServer({ jobs: true, isolated: true });

type Agent = { client: ApiClient; userId: string };

async function setAvailability(client: ApiClient, availability: string, extra: Record<string, unknown> = {}) {
  const response = await client.request('PUT', '/api/me/availability', { availability, ...extra });
  expect(response.status).toBe(200);
  return response.body;
}

/** A team with these members in this mode (members set online unless told otherwise). */
async function teamOf(ws: TestWorkspace, mode: string, members: Agent[]) {
  const team = await ws.admin.post('/api/teams', {
    name: `Team ${randomBytes(3).toString('hex')}`,
    memberIds: members.map((member) => member.userId),
  });
  expect(team.status).toBe(201);
  const changed = await ws.admin.patch(`/api/teams/${team.body.id}`, { assignmentMode: mode });
  expect(changed.body.assignmentMode).toBe(mode);
  return team.body.id as string;
}

async function onlineAgents(ws: TestWorkspace, count: number, role: 'agent' | 'supervisor' = 'agent') {
  const agents: Agent[] = [];
  for (let index = 0; index < count; index += 1) {
    const agent = await ws.signIn(role);
    await setAvailability(agent.client, 'online');
    agents.push(agent);
  }
  return agents;
}

/** Runs the engine until nothing more can be given out (what the worker does on each kick). */
const settle = () => server().assignment!.drain();

async function assigneeOf(ws: TestWorkspace, referenceNumber: string): Promise<string | null> {
  const response = await ws.admin.get(`/api/cases/${referenceNumber}`);
  if (response.status !== 200) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
  return response.body.assigneeId;
}

async function queue(ws: TestWorkspace, teamId: string, cases: Record<string, unknown>[]) {
  const created = [];
  for (const overrides of cases) created.push(await createCase(ws.admin, { teamId, ...overrides }));
  await settle();
  return created.map((item) => item.referenceNumber as string);
}

// Each test signs several people in (a password hash each): more time than a plain API test.
describe('automatic assignment', { timeout: 90_000 }, () => {
  it('goes round the team in a fixed order in round-robin mode', async () => {
    const ws = await createTestWorkspace(server());
    const agents = await onlineAgents(ws, 3);
    const teamId = await teamOf(ws, 'round_robin', agents);
    const refs = await queue(ws, teamId, [{}, {}, {}, {}]);
    const assignees = await Promise.all(refs.map((ref) => assigneeOf(ws, ref)));
    const circle = agents.map((agent) => agent.userId).sort();
    expect(assignees).toEqual([circle[0], circle[1], circle[2], circle[0]]);
    // The event names the engine, not a person.
    const detail = (await ws.admin.get(`/api/cases/${refs[0]}`)).body;
    expect(detail.timeline).toContainEqual(
      expect.objectContaining({
        type: 'case.assigned',
        actorUserId: null,
        actorLabel: 'Sada assignment',
        changes: expect.objectContaining({ assigneeId: { before: null, after: circle[0] } }),
      }),
    );
  });

  it('gives the case to the agent with the fewest open cases in least-open mode', async () => {
    const ws = await createTestWorkspace(server());
    const [busy, free] = await onlineAgents(ws, 2);
    for (let index = 0; index < 2; index += 1) await createCase(ws.admin, { assigneeId: busy!.userId });
    const teamId = await teamOf(ws, 'least_open', [busy!, free!]);
    const [first, second, third] = await queue(ws, teamId, [{}, {}, {}]);
    expect(await assigneeOf(ws, first!)).toBe(free!.userId);
    expect(await assigneeOf(ws, second!)).toBe(free!.userId);
    // Both now hold two; the one given a case longest ago is next.
    expect(await assigneeOf(ws, third!)).toBe(busy!.userId);
  });

  it('matches language, channel and category in skills mode and leaves a case nobody fits in the queue', async () => {
    const ws = await createTestWorkspace(server());
    const [arabic, english] = await onlineAgents(ws, 2);
    await ws.admin.patch(`/api/users/${arabic!.userId}`, {
      skills: { languages: ['ar'], channels: [], categories: [] },
    });
    const skilled = await ws.admin.patch(`/api/users/${english!.userId}`, {
      skills: { languages: ['en'], channels: ['phone'], categories: ['billing'] },
    });
    expect(skilled.body.skills).toEqual({ languages: ['en'], channels: ['phone'], categories: ['billing'] });
    const teamId = await teamOf(ws, 'skills', [arabic!, english!]);
    const [ar, en, other] = await queue(ws, teamId, [
      { language: 'ar' },
      { language: 'en', category: 'billing' },
      { language: 'other' },
    ]);
    expect(await assigneeOf(ws, ar!)).toBe(arabic!.userId);
    expect(await assigneeOf(ws, en!)).toBe(english!.userId);
    expect(await assigneeOf(ws, other!)).toBeNull();
  });

  it('never puts an agent over their capacity for the channel type', async () => {
    const ws = await createTestWorkspace(server());
    const [agent] = await onlineAgents(ws, 1);
    const capped = await ws.admin.patch(`/api/users/${agent!.userId}`, { capacity: { email: 2, chat: 1 } });
    expect(capped.body.capacity).toEqual({ email: 2, chat: 1 });
    const teamId = await teamOf(ws, 'least_open', [agent!]);
    const refs = await queue(ws, teamId, [
      { channel: 'phone' },
      { channel: 'web_form' },
      { channel: 'phone' },
      { channel: 'live_chat' },
      { channel: 'live_chat' },
    ]);
    const assignees = await Promise.all(refs.map((ref) => assigneeOf(ws, ref)));
    expect(assignees).toEqual([agent!.userId, agent!.userId, null, agent!.userId, null]);
  });

  it('gives nothing to analysts, admins, or agents away, offline or off shift', async () => {
    const ws = await createTestWorkspace(server());
    const analyst = await ws.signIn('analyst');
    await setAvailability(analyst.client, 'online');
    await setAvailability(ws.admin, 'online');
    const [away, offline, offShift] = await onlineAgents(ws, 3);
    await setAvailability(away!.client, 'away');
    await setAvailability(offline!.client, 'offline');
    const zone = (await ws.admin.get('/api/me')).body.user.workspace.timeZone as string;
    const weekday = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short' }).format(new Date());
    const today = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(weekday);
    const shifted = await ws.admin.patch(`/api/users/${offShift!.userId}`, {
      shifts: [{ day: (today + 3) % 7, from: '00:00', to: '24:00' }],
    });
    expect(shifted.status).toBe(200);
    const adminMember = { client: ws.admin, userId: ws.adminId };
    const teamId = await teamOf(ws, 'least_open', [analyst, adminMember, away!, offline!, offShift!]);
    const [ref] = await queue(ws, teamId, [{}]);
    expect(await assigneeOf(ws, ref!)).toBeNull();

    // Today in the shift plan: the agent now takes the case.
    await ws.admin.patch(`/api/users/${offShift!.userId}`, {
      shifts: [{ day: today, from: '00:00', to: '24:00' }],
    });
    await settle();
    expect(await assigneeOf(ws, ref!)).toBe(offShift!.userId);
  });

  it('gives an agent’s waiting cases back to the queue when they go offline, keeping those they answered', async () => {
    const ws = await createTestWorkspace(server());
    const [agent] = await onlineAgents(ws, 1);
    const teamId = await teamOf(ws, 'round_robin', [agent!]);
    const [answered, waiting] = await queue(ws, teamId, [
      { customer: { email: 'one@example.com' } },
      { customer: { email: 'two@example.com' } },
    ]);
    expect(await assigneeOf(ws, waiting!)).toBe(agent!.userId);
    const reply = await agent!.client.post(`/api/cases/${answered}/messages`, {
      type: 'reply',
      body: 'On it.',
    });
    expect(reply.status).toBe(201);

    const switched = await setAvailability(agent!.client, 'offline');
    expect(switched).toMatchObject({ availability: 'offline', returnedCases: 1 });
    await settle();
    expect(await assigneeOf(ws, waiting!)).toBeNull();
    expect(await assigneeOf(ws, answered!)).toBe(agent!.userId);
    const events = (await ws.admin.get(`/api/cases/${waiting}`)).body.timeline;
    expect(events.at(-1)).toMatchObject({
      type: 'case.assigned',
      actorUserId: agent!.userId,
      changes: { assigneeId: { before: agent!.userId, after: null }, reason: 'availability:offline' },
    });

    // Back online, the case comes back; going away while keeping the cases leaves them.
    await setAvailability(agent!.client, 'online');
    await settle();
    expect(await assigneeOf(ws, waiting!)).toBe(agent!.userId);
    expect(await setAvailability(agent!.client, 'away', { returnWaitingCases: false })).toMatchObject({
      returnedCases: 0,
    });
    expect(await assigneeOf(ws, waiting!)).toBe(agent!.userId);
  });

  it('gives the next case, P1 first then first in first out, as soon as an agent frees capacity', async () => {
    const ws = await createTestWorkspace(server());
    const [agent] = await onlineAgents(ws, 1);
    await ws.admin.patch(`/api/users/${agent!.userId}`, { capacity: { email: 1 } });
    const teamId = await teamOf(ws, 'least_open', [agent!]);
    const [first] = await queue(ws, teamId, [{ priority: 'P3' }]);
    const [lowLater, urgentEarly, urgentLate] = await queue(ws, teamId, [
      { priority: 'P3' },
      { priority: 'P1' },
      { priority: 'P1' },
    ]);
    expect(await assigneeOf(ws, first!)).toBe(agent!.userId);
    const order: string[] = [];
    let current = first!;
    for (let step = 0; step < 3; step += 1) {
      await agent!.client.post(`/api/cases/${current}/transition`, { to: 'resolved' });
      // No settle here: the case change itself wakes the worker.
      current = await waitFor(async () => {
        for (const ref of [lowLater!, urgentEarly!, urgentLate!]) {
          if (!order.includes(ref) && (await assigneeOf(ws, ref)) === agent!.userId) return ref;
        }
        return undefined;
      });
      order.push(current);
    }
    expect(order).toEqual([urgentEarly, urgentLate, lowLater]);
  });

  it('lets supervisors set a colleague’s availability and refuses an unknown availability', async () => {
    const ws = await createTestWorkspace(server());
    const [agent] = await onlineAgents(ws, 1);
    const lead = await ws.signIn('supervisor');
    const set = await lead.client.request('PUT', `/api/users/${agent!.userId}/availability`, {
      availability: 'away',
    });
    expect(set.body).toMatchObject({ userId: agent!.userId, availability: 'away' });
    expect((await agent!.client.get('/api/me/availability')).body.availability).toBe('away');
    const users = (await ws.admin.get('/api/users')).body;
    expect(users.find((user: { id: string }) => user.id === agent!.userId).availability).toBe('away');
    const refused = await agent!.client.request('PUT', '/api/me/availability', { availability: 'busy' });
    expect(refused.status).toBe(422);
    const badShift = await ws.admin.patch(`/api/users/${agent!.userId}`, {
      shifts: [{ day: 1, from: '18:00', to: '09:00' }],
    });
    expect(badShift.status).toBe(422);
  });
});

const SECRET_KEY = Buffer.alloc(32, 7).toString('base64');

// PGlite lives inside one process and cannot be opened by a second one: this needs PostgreSQL.
describe.runIf(testDatabaseKind === 'postgres')(
  'assignment with two server processes on one PostgreSQL',
  () => {
    let database: Awaited<ReturnType<typeof createIsolatedDatabase>>;
    let processes: SadaProcess[] = [];

    beforeAll(async () => {
      database = await createIsolatedDatabase();
      const env = {
        DATABASE_URL: database.url,
        SADA_DEMO: 'false',
        SADA_JOBS: 'true',
        SADA_TRIAGE: 'false',
        SADA_SECRET_KEY: SECRET_KEY,
      };
      // One first, so that the second finds the schema made.
      processes = [await spawnSada(env)];
      processes.push(await spawnSada(env));
    }, 120_000);

    afterAll(async () => {
      for (const sada of processes) {
        sada.child.kill('SIGTERM');
        await sada.exited;
      }
      await database?.drop();
    }, 60_000);

    it('assigns every case exactly once and puts no agent over capacity', async () => {
      const db = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 4 });
      try {
        const config = loadConfig({ SADA_DEMO: 'false', SADA_SECRET_KEY: SECRET_KEY });
        const services = createServices({ database: db, clock: systemClock, config });
        const { workspace } = await services.workspaces.ensureWorkspace({ slug: uniqueSlug() });
        const admin = await services.workspaces.createUser({
          workspace,
          email: 'admin@two.test',
          name: 'Admin',
          role: 'admin',
          password: 'long enough password',
        });
        const adminActor = services.workspaces.systemActor(workspace, admin);
        const agents = [];
        for (let index = 0; index < 4; index += 1) {
          const user = await services.workspaces.createUser({
            workspace,
            email: `agent${index}@two.test`,
            name: `Agent ${index}`,
            role: 'agent',
            password: 'long enough password',
          });
          await services.people.updateUser({
            actor: adminActor,
            id: user.id,
            changes: { capacity: { email: 5 } },
          });
          await services.assignment.setAvailability({
            actor: adminActor,
            userId: user.id,
            availability: 'online',
            returnWaitingCases: false,
          });
          agents.push(user.id);
        }
        const team = await services.people.createTeam({ actor: adminActor, name: 'Desk', memberIds: agents });
        await services.people.updateTeam({ actor: adminActor, id: team.id, assignmentMode: 'least_open' });
        const { secret } = await services.auth.createApiToken({ actor: adminActor, name: 'two' });
        const clients = processes.map((sada) => new ApiClient(sada.url, { bearer: secret }));

        // 30 cases through both processes at once; the four agents can take 20 between them.
        await Promise.all(
          Array.from({ length: 30 }, (_, index) =>
            createCase(clients[index % 2]!, { teamId: team.id, subject: `Case ${index}` }),
          ),
        );
        const cases = await waitFor(async () => {
          const page = (await clients[0]!.get('/api/cases?limit=100')).body.items as {
            assigneeId: string | null;
          }[];
          return page.filter((item) => item.assigneeId).length >= 20 ? page : undefined;
        }, 30_000);
        expect(cases).toHaveLength(30);
        const perAgent = new Map<string, number>();
        for (const item of cases)
          if (item.assigneeId) perAgent.set(item.assigneeId, (perAgent.get(item.assigneeId) ?? 0) + 1);
        expect([...perAgent.values()]).toEqual([5, 5, 5, 5]);

        // Each case was given out once: one engine assignment event per assigned case, none on the others.
        const events = await db.pool!.query(
          `SELECT case_id, count(*)::int AS n FROM case_event
          WHERE workspace_id = $1 AND type = 'case.assigned' AND actor_label = 'Sada assignment'
          GROUP BY case_id`,
          [workspace.id],
        );
        expect(events.rows).toHaveLength(20);
        expect(events.rows.every((row: { n: number }) => row.n === 1)).toBe(true);
      } finally {
        await db.close();
      }
    }, 120_000);
  },
);
