import type { LiveEvent } from '@sada/contracts';
import type { Clock } from '@sada/core';
import { describe, expect, it } from 'vitest';
import {
  connectLive,
  createTestWorkspace,
  type LiveConnection,
  type TestServer,
  testDatabaseKind,
  useTestServer,
  waitFor,
} from './harness.ts';

type Viewer = { userId: string; name: string; state: 'viewing' | 'typing' };

const CASE = 'TST-2026-000001';
const OTHER_CASE = 'TST-2026-000002';

/** Waits until the latest presence a console heard of for a case lists exactly these viewers. */
async function expectViewers(live: LiveConnection, referenceNumber: string, viewers: Viewer[]) {
  const latest = () =>
    live.events.findLast(
      (event): event is Extract<LiveEvent, { type: 'presence' }> =>
        event.type === 'presence' && event.referenceNumber === referenceNumber,
    )?.viewers;
  await waitFor(() => (JSON.stringify(latest()) === JSON.stringify(viewers) ? true : undefined)).catch(() => {
    expect(latest(), `presence of ${referenceNumber}`).toEqual(viewers);
  });
}

/** A workspace with two signed-in colleagues, each with a console open. */
async function twoColleagues(server: TestServer, secondServer: TestServer = server) {
  const workspace = await createTestWorkspace(server);
  const sara = await workspace.signIn('supervisor', { name: 'Sara Ali' });
  const omar = await workspace.signIn('agent', { name: 'Omar Haddad' });
  return {
    workspace,
    sara: { ...sara, live: await connectLive(sara.client) },
    omar: { ...omar, live: await connectLive(omar.client, secondServer.baseUrl) },
    viewing: (user: { userId: string }, name: string): Viewer => ({
      userId: user.userId,
      name,
      state: 'viewing',
    }),
    typing: (user: { userId: string }, name: string): Viewer => ({
      userId: user.userId,
      name,
      state: 'typing',
    }),
  };
}

describe('presence on a case', () => {
  const server = useTestServer();

  it('shows both consoles who views and who types, and follows a console to another case', async () => {
    const { sara, omar, viewing, typing } = await twoColleagues(server());
    try {
      sara.live.send({ type: 'presence', referenceNumber: CASE.toLowerCase(), state: 'viewing' });
      await expectViewers(omar.live, CASE, [viewing(sara, 'Sara Ali')]);

      omar.live.send({ type: 'presence', referenceNumber: CASE, state: 'typing' });
      const both = [typing(omar, 'Omar Haddad'), viewing(sara, 'Sara Ali')];
      await expectViewers(sara.live, CASE, both);
      await expectViewers(omar.live, CASE, both);

      sara.live.send({ type: 'presence', referenceNumber: OTHER_CASE, state: 'viewing' });
      await expectViewers(omar.live, CASE, [typing(omar, 'Omar Haddad')]);
      await expectViewers(omar.live, OTHER_CASE, [viewing(sara, 'Sara Ali')]);

      await omar.live.close();
      await expectViewers(sara.live, CASE, []);
    } finally {
      await Promise.all([sara.live.close(), omar.live.close()]);
    }
  });

  it('clears a console that says it has no case open', async () => {
    const { sara, omar, viewing } = await twoColleagues(server());
    try {
      sara.live.send({ type: 'presence', referenceNumber: CASE, state: 'viewing' });
      await expectViewers(omar.live, CASE, [viewing(sara, 'Sara Ali')]);

      sara.live.send({ type: 'presence', referenceNumber: null, state: 'viewing' });

      await expectViewers(omar.live, CASE, []);
    } finally {
      await Promise.all([sara.live.close(), omar.live.close()]);
    }
  });

  it('lists a user with two consoles once, typing winning over viewing', async () => {
    const { sara, omar, typing, viewing } = await twoColleagues(server());
    const secondTab = await connectLive(sara.client);
    try {
      sara.live.send({ type: 'presence', referenceNumber: CASE, state: 'viewing' });
      secondTab.send({ type: 'presence', referenceNumber: CASE, state: 'typing' });
      await expectViewers(omar.live, CASE, [typing(sara, 'Sara Ali')]);

      await secondTab.close();

      await expectViewers(omar.live, CASE, [viewing(sara, 'Sara Ali')]);
    } finally {
      await Promise.all([sara.live.close(), omar.live.close(), secondTab.close()]);
    }
  });

  it('tells a console that connects who already has which case open', async () => {
    const { workspace, sara, omar, viewing } = await twoColleagues(server());
    try {
      sara.live.send({ type: 'presence', referenceNumber: CASE, state: 'viewing' });
      await expectViewers(omar.live, CASE, [viewing(sara, 'Sara Ali')]);

      const late = await connectLive(workspace.admin);

      expect(late.events).toEqual([
        { type: 'ready', workspaceId: workspace.workspaceId },
        { type: 'presence', referenceNumber: CASE, viewers: [viewing(sara, 'Sara Ali')] },
      ]);
      await late.close();
    } finally {
      await Promise.all([sara.live.close(), omar.live.close()]);
    }
  });

  it('never tells another workspace who is looking, even at the same reference number', async () => {
    const ours = await twoColleagues(server());
    const theirs = await createTestWorkspace(server());
    const theirLive = await connectLive(theirs.admin);
    try {
      ours.sara.live.send({ type: 'presence', referenceNumber: CASE, state: 'viewing' });
      await expectViewers(ours.omar.live, CASE, [ours.viewing(ours.sara, 'Sara Ali')]);
      theirLive.send({ type: 'presence', referenceNumber: CASE, state: 'viewing' });
      await expectViewers(theirLive, CASE, [ours.viewing({ userId: theirs.adminId }, 'Admin')]);

      expect(theirLive.events.filter((event) => event.type === 'presence')).toEqual([
        {
          type: 'presence',
          referenceNumber: CASE,
          viewers: [ours.viewing({ userId: theirs.adminId }, 'Admin')],
        },
      ]);
      await expectViewers(ours.omar.live, CASE, [ours.viewing(ours.sara, 'Sara Ali')]);
    } finally {
      await Promise.all([ours.sara.live.close(), ours.omar.live.close(), theirLive.close()]);
    }
  });

  it.each([
    ['text that is not JSON', 'hello'],
    ['an unknown command', JSON.stringify({ type: 'shout' })],
    ['a presence without a case', JSON.stringify({ type: 'presence', state: 'viewing' })],
    ['a presence with a number for a case', JSON.stringify({ type: 'presence', referenceNumber: 7 })],
  ])('closes a console that sends %s with 1008', async (_name, text) => {
    const { admin } = await createTestWorkspace(server());
    const live = await connectLive(admin);

    live.sendText(text);

    expect(await live.closed).toBe(1008);
  });
});

describe('presence that goes silent', () => {
  let offsetMs = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
  const server = useTestServer({ clock });

  it('expires 30 seconds after the console’s last word, and not before', async () => {
    const { sara, omar, viewing } = await twoColleagues(server());
    try {
      sara.live.send({ type: 'presence', referenceNumber: CASE, state: 'viewing' });
      await expectViewers(omar.live, CASE, [viewing(sara, 'Sara Ali')]);
      const heard = omar.live.events.length;

      offsetMs += 25_000;
      // Each console's presence counts from its own last word: Sara's is 25 s old and still there.
      omar.live.send({ type: 'presence', referenceNumber: OTHER_CASE, state: 'viewing' });
      await expectViewers(sara.live, OTHER_CASE, [viewing(omar, 'Omar Haddad')]);
      expect(omar.live.events.slice(heard).filter((event) => event.type === 'presence')).toHaveLength(1);

      offsetMs += 6_000;
      await expectViewers(omar.live, CASE, []);
      await expectViewers(sara.live, OTHER_CASE, [viewing(omar, 'Omar Haddad')]);
    } finally {
      await Promise.all([sara.live.close(), omar.live.close()]);
    }
  });
});

describe.runIf(testDatabaseKind === 'postgres')('presence across two servers on one PostgreSQL', () => {
  const first = useTestServer();
  const second = useTestServer();

  it('shows a console on one server who views a case through the other', async () => {
    const { sara, omar, viewing, typing } = await twoColleagues(first(), second());
    try {
      sara.live.send({ type: 'presence', referenceNumber: CASE, state: 'viewing' });
      await expectViewers(omar.live, CASE, [viewing(sara, 'Sara Ali')]);
      omar.live.send({ type: 'presence', referenceNumber: CASE, state: 'typing' });
      await expectViewers(sara.live, CASE, [typing(omar, 'Omar Haddad'), viewing(sara, 'Sara Ali')]);

      await omar.live.close();

      await expectViewers(sara.live, CASE, [viewing(sara, 'Sara Ali')]);
    } finally {
      await Promise.all([sara.live.close(), omar.live.close()]);
    }
  });
});
