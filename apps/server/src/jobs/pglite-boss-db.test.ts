import { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createPgliteBossDb } from './pglite-boss-db.ts';

// A fresh in-memory database per test, closed when the test ends.
async function openPglite(): Promise<PGlite> {
  const pg = await PGlite.create();
  onTestFinished(async () => {
    if (!pg.closed) await pg.close();
  });
  return pg;
}

// pg-boss on its own PGlite, quiet: no maintenance timer, no state monitor, cron only on request.
// Stopping it and closing PGlite are checked after every test.
async function startBoss({ isCronEnabled = false } = {}) {
  const pg = await openPglite();
  const boss = new PgBoss({
    db: createPgliteBossDb(pg),
    schema: 'pgboss',
    supervise: false,
    schedule: isCronEnabled,
    cronMonitorIntervalSeconds: 1,
    cronWorkerIntervalSeconds: 1,
  });
  const errors: Error[] = [];
  boss.on('error', (error) => errors.push(error));
  await boss.start();
  onTestFinished(async () => {
    await expect(boss.stop({ graceful: true, wait: true })).resolves.toBeUndefined();
    await pg.close();
    expect(pg.closed).toBe(true);
    expect(errors).toEqual([]);
  });
  return { pg, boss };
}

const waitOptions = { timeout: 15_000, interval: 100 };

describe('createPgliteBossDb', () => {
  it('returns the rows of a statement with values', async () => {
    const db = createPgliteBossDb(await openPglite());

    const result = await db.executeSql('SELECT $1::int + 1 AS answer', [41]);

    expect(Array.isArray(result)).toBe(false);
    expect(result.rows).toEqual([{ answer: 42 }]);
  });

  it('returns one result per statement for a script, as node-postgres does', async () => {
    const db = createPgliteBossDb(await openPglite());

    const result = await db.executeSql('SELECT 1 AS first; SELECT 2 AS second');

    expect(Array.isArray(result)).toBe(true);
    expect(Array.isArray(result) && result.map((statement) => statement.rows)).toEqual([
      [{ first: 1 }],
      [{ second: 2 }],
    ]);
    expect(result.rows).toEqual([{ second: 2 }]);
  });

  it('rolls back a script that fails half-way and leaves the session usable', async () => {
    const pg = await openPglite();
    const db = createPgliteBossDb(pg);
    await pg.exec('CREATE TABLE delivery (id int)');

    await expect(
      db.executeSql('BEGIN; INSERT INTO delivery VALUES (1); SELECT 1 / 0; COMMIT;'),
    ).rejects.toThrow('division by zero');

    expect(pg.isInTransaction()).toBe(false);
    const { rows } = await pg.query('SELECT count(*)::int AS count FROM delivery');
    expect(rows).toEqual([{ count: 0 }]);
  });

  it('waits for an application transaction instead of running inside it', async () => {
    const pg = await openPglite();
    const db = createPgliteBossDb(pg);
    await pg.exec('CREATE TABLE delivery (id int)');
    let isScriptSettled = false;
    let script: ReturnType<typeof db.executeSql> | undefined;

    await pg.transaction(async (tx) => {
      await tx.query('INSERT INTO delivery VALUES (1)');
      script = db.executeSql('BEGIN; SELECT count(*)::int AS count FROM delivery; COMMIT;');
      void script.finally(() => {
        isScriptSettled = true;
      });
      // Round trips inside the transaction would queue behind the script if it were not held back.
      await tx.query('SELECT 1');
      await tx.query('SELECT 1');
      expect(isScriptSettled).toBe(false);
      await tx.query('INSERT INTO delivery VALUES (2)');
    });

    const result = await script;
    expect(Array.isArray(result) && result[1]?.rows).toEqual([{ count: 2 }]);
  });
});

describe('pg-boss 10 on PGlite', () => {
  it('runs a job and marks it completed', async () => {
    const { boss } = await startBoss();
    await boss.createQueue('case-created');
    const received: unknown[] = [];
    await boss.work<{ caseId: string }>('case-created', { pollingIntervalSeconds: 0.5 }, async ([job]) => {
      received.push(job?.data);
      return { isNotified: true };
    });

    const id = await boss.send('case-created', { caseId: 'C-1001' });
    expect(id).toEqual(expect.any(String));

    await vi.waitFor(async () => {
      const job = await boss.getJobById('case-created', id ?? '');
      expect(job?.state).toBe('completed');
      expect(job?.output).toEqual({ isNotified: true });
    }, waitOptions);
    expect(received).toEqual([{ caseId: 'C-1001' }]);
  });

  it('retries a failing job as the queue says, then marks it failed', async () => {
    const { boss } = await startBoss();
    await boss.createQueue('reply-delivery', { name: 'reply-delivery', retryLimit: 1, retryDelay: 0 });
    let attempts = 0;
    await boss.work('reply-delivery', { pollingIntervalSeconds: 0.5 }, async () => {
      attempts += 1;
      throw new Error('channel unavailable');
    });

    const id = await boss.send('reply-delivery', { messageId: 'M-1' });

    await vi.waitFor(async () => {
      const job = await boss.getJobById('reply-delivery', id ?? '');
      expect(job?.state).toBe('failed');
      expect(job?.retryCount).toBe(1);
      expect(job?.output).toMatchObject({ message: 'channel unavailable' });
    }, waitOptions);
    expect(attempts).toBe(2);
  });

  it('registers a cron schedule and sends its job', async () => {
    const { boss } = await startBoss({ isCronEnabled: true });
    await boss.createQueue('sla-sweep');
    const received: unknown[] = [];
    await boss.work('sla-sweep', { pollingIntervalSeconds: 0.5 }, async ([job]) => {
      received.push(job?.data);
    });

    await boss.schedule('sla-sweep', '* * * * *', { scope: 'all' });

    const schedules = await boss.getSchedules();
    expect(schedules).toEqual([
      expect.objectContaining({ name: 'sla-sweep', cron: '* * * * *', data: { scope: 'all' } }),
    ]);
    // Every minute has a tick less than 60 s ago, so the next cron check sends the job.
    await vi.waitFor(() => expect(received).toEqual([{ scope: 'all' }]), waitOptions);
  });

  it('runs its locked maintenance scripts without leaving a transaction open', async () => {
    const { pg, boss } = await startBoss();
    await boss.createQueue('case-created');
    await boss.send('case-created', { caseId: 'C-1002' });

    await boss.maintain();

    expect(pg.isInTransaction()).toBe(false);
    expect(await boss.getQueueSize('case-created')).toBe(1);
  });
});
