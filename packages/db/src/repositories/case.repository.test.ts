import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { type OpenCaseValues, openCases } from './case.repository.ts';
import { insertWorkspaceWithUser, openRepositoryTestDatabase } from './repository-test-setup.ts';

let database: Database;
beforeAll(async () => {
  database = await openRepositoryTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const workspaceWithAdmin = () => insertWorkspaceWithUser(database);

function intake(
  owner: { workspaceId: string; userId: string },
  overrides: Partial<OpenCaseValues> = {},
): OpenCaseValues {
  return {
    id: randomUUID(),
    workspaceId: owner.workspaceId,
    referencePrefix: 'REP',
    referenceYear: 2026,
    subject: 'Order did not arrive',
    description: '',
    channel: 'phone',
    kind: 'complaint',
    category: null,
    product: null,
    orderReference: null,
    region: null,
    priority: 'P3',
    sentiment: null,
    language: null,
    teamId: null,
    assigneeId: null,
    tags: [],
    customFields: {},
    searchDocument: 'order did not arrive',
    createdAt: new Date(),
    customer: null,
    actor: { userId: owner.userId, label: 'Admin' },
    eventChanges: {},
    ...overrides,
  };
}

const identityOf = (externalId: string) => ({
  name: 'Telegram customer',
  email: null,
  phone: null,
  searchText: externalId,
  identity: { channel: 'telegram', externalId, handle: null },
  newIds: { customer: randomUUID(), identity: randomUUID() },
});

describe('openCases', () => {
  it('numbers past 999999 with as many digits as it takes', async () => {
    const owner = await workspaceWithAdmin();
    await database.query(
      'INSERT INTO case_counter (workspace_id, year, last_value) VALUES ($1, 2026, 999998)',
      [owner.workspaceId],
    );

    const first = (await openCases(database, [intake(owner)]))[0];
    const second = (await openCases(database, [intake(owner)]))[0];

    expect(first).toMatchObject({ referenceNumber: 'REP-2026-999999' });
    expect(second).toMatchObject({ referenceNumber: 'REP-2026-1000000' });
  });

  it('writes nothing and takes no number for a team of another workspace', async () => {
    const owner = await workspaceWithAdmin();
    const stranger = await workspaceWithAdmin();
    const teamId = randomUUID();
    await database.query(`INSERT INTO team (id, workspace_id, name) VALUES ($1, $2, 'Theirs')`, [
      teamId,
      stranger.workspaceId,
    ]);

    const refused = (await openCases(database, [intake(owner, { teamId })]))[0];
    const next = (await openCases(database, [intake(owner)]))[0];

    expect(refused).toEqual({ problem: 'team' });
    expect(next).toMatchObject({ referenceNumber: 'REP-2026-000001' });
    const [cases] = await database.query<{ total: number }>(
      'SELECT count(*)::int AS total FROM support_case WHERE workspace_id = $1',
      [owner.workspaceId],
    );
    expect(cases!.total).toBe(1);
  });

  it('opens a batch in arrival order: numbers per workspace, one customer per identity, outcomes in place', async () => {
    const first = await workspaceWithAdmin();
    const second = await workspaceWithAdmin();
    const foreignTeam = randomUUID();
    await database.query(`INSERT INTO team (id, workspace_id, name) VALUES ($1, $2, 'Theirs')`, [
      foreignTeam,
      second.workspaceId,
    ]);
    const twice = `twice-${randomUUID()}`;

    const outcomes = await openCases(database, [
      intake(first, { customer: identityOf(twice) }),
      intake(second),
      intake(first, { teamId: foreignTeam }),
      intake(first, { customer: identityOf(twice) }),
      intake(second, { customer: identityOf(twice) }),
    ]);

    expect(outcomes.map((outcome) => outcome.problem ?? outcome.referenceNumber)).toEqual([
      'REP-2026-000001',
      'REP-2026-000001',
      'team',
      'REP-2026-000002',
      'REP-2026-000002',
    ]);
    const [a, , , b, c] = outcomes as Extract<(typeof outcomes)[number], { problem: null }>[];
    expect(b!.customerId).toBe(a!.customerId);
    expect(c!.customerId).not.toBe(a!.customerId);
    const customers = await database.query<{ total: number }>(
      'SELECT count(*)::int AS total FROM customer WHERE workspace_id = ANY($1::uuid[])',
      [[first.workspaceId, second.workspaceId]],
    );
    expect(customers[0]!.total).toBe(2);
  });

  it('answers an intake handed in again, after its call lost its answer, with the case already stored', async () => {
    const owner = await workspaceWithAdmin();
    const again = intake(owner, { customer: identityOf(`again-${randomUUID()}`) });
    const [stored] = await openCases(database, [again]);

    const [retried, next] = await openCases(database, [again, intake(owner)]);

    expect(retried).toEqual(stored);
    expect(next).toMatchObject({ referenceNumber: 'REP-2026-000002' });
    const [counts] = await database.query<{ cases: number; events: number; customers: number }>(
      `SELECT (SELECT count(*)::int FROM support_case WHERE workspace_id = $1) AS cases,
              (SELECT count(*)::int FROM case_event WHERE workspace_id = $1) AS events,
              (SELECT count(*)::int FROM customer WHERE workspace_id = $1) AS customers`,
      [owner.workspaceId],
    );
    expect(counts).toEqual({ cases: 2, events: 2, customers: 1 });
  });

  it('opens two batches at once that share new identities in opposite orders, each case once', async () => {
    const owner = await workspaceWithAdmin();
    const [x, y] = [`x-${randomUUID()}`, `y-${randomUUID()}`];

    const [one, two] = await Promise.all([
      openCases(database, [
        intake(owner, { customer: identityOf(x) }),
        intake(owner, { customer: identityOf(y) }),
      ]),
      openCases(database, [
        intake(owner, { customer: identityOf(y) }),
        intake(owner, { customer: identityOf(x) }),
      ]),
    ]);

    const customerOf = (outcome: (typeof one)[number]) => (outcome.problem ? undefined : outcome.customerId);
    expect(customerOf(one[0]!)).toBe(customerOf(two[1]!));
    expect(customerOf(one[1]!)).toBe(customerOf(two[0]!));
    const [counts] = await database.query<{ cases: number; customers: number }>(
      `SELECT (SELECT count(*)::int FROM support_case WHERE workspace_id = $1) AS cases,
              (SELECT count(*)::int FROM customer WHERE workspace_id = $1) AS customers`,
      [owner.workspaceId],
    );
    expect(counts).toEqual({ cases: 4, customers: 2 });
  });

  it.runIf(process.env.SADA_TEST_DB === 'postgres')(
    'gives the case to the customer whose identity a concurrent intake created first, and keeps no other',
    async () => {
      const owner = await workspaceWithAdmin();
      const externalId = `race-${randomUUID()}`;
      const winnerId = randomUUID();
      // The other intake: it holds the identity in a transaction not yet committed.
      const other = await database.pool!.connect();
      try {
        await other.query('BEGIN');
        await other.query(`INSERT INTO customer (id, workspace_id, name) VALUES ($1, $2, 'First to write')`, [
          winnerId,
          owner.workspaceId,
        ]);
        await other.query(
          `INSERT INTO customer_identity (id, workspace_id, customer_id, channel, external_id)
           VALUES ($1, $2, $3, 'telegram', $4)`,
          [randomUUID(), owner.workspaceId, winnerId, externalId],
        );

        const opening = openCases(database, [intake(owner, { customer: identityOf(externalId) })]);
        // It has found no identity, made its own customer and now waits on the identity's key.
        await waitUntil(async () => {
          const rows = await database.query(
            `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'CALL sada_open_cases%'`,
          );
          return rows.length > 0;
        });
        await other.query('COMMIT');
        const [opened] = await opening;

        expect(opened).toMatchObject({ customerId: winnerId, customerName: 'First to write' });
        const customers = await database.query<{ id: string }>(
          'SELECT id FROM customer WHERE workspace_id = $1',
          [owner.workspaceId],
        );
        expect(customers.map((row) => row.id)).toEqual([winnerId]);
      } finally {
        other.release();
      }
    },
  );
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
