import type { Clock } from '@sada/core';
import { type Database, purgeExpired } from '@sada/db';
import PgBoss from 'pg-boss';
import { z } from 'zod';
import { createPgliteBossDb } from './pglite-boss-db.ts';

/** A background job: a name, a zod payload, and a handler that is safe to run again. */
export type JobDefinition<Payload> = {
  name: string;
  payload: z.ZodType<Payload>;
  /** Cron, in UTC, when the job also runs on a schedule. */
  schedule?: string;
  handle(payload: Payload): Promise<'done' | 'skipped'>;
};

/** A job of any payload, as the runner holds it: the payload schema and the handler agree by construction. */
export type RegisteredJob = {
  name: string;
  schedule?: string;
  run(data: unknown): Promise<'done' | 'skipped'>;
};

/** Pairs a job's zod schema with its handler, so the runner never needs to know the payload type. */
export function registerJob<Payload>(job: JobDefinition<Payload>): RegisteredJob {
  return {
    name: job.name,
    ...(job.schedule && { schedule: job.schedule }),
    run: (data) => job.handle(job.payload.parse(data ?? {})),
  };
}

const DAY_MS = 86_400_000;

export function maintenanceJob(database: Database, clock: Clock): JobDefinition<Record<string, never>> {
  return {
    name: 'maintenance.purge-expired',
    payload: z.strictObject({}),
    schedule: '*/15 * * * *',
    async handle() {
      const purged = await purgeExpired(database.orm, clock.now(), {
        loginAttemptsMs: DAY_MS,
        idempotencyMs: DAY_MS,
      });
      return purged.sessions + purged.loginAttempts + purged.idempotencyKeys > 0 ? 'done' : 'skipped';
    },
  };
}

/**
 * pg-boss on the same database as everything else: the embedded PGlite through pg-boss's `db`
 * option, or the PostgreSQL server by connection string. Jobs survive restarts.
 */
export async function startJobRunner(options: {
  database: Database;
  jobs: RegisteredJob[];
  isWorking: boolean;
  onError: (error: Error) => void;
}) {
  const { database } = options;
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: createPgliteBossDb(database.pglite!), schema: 'pgboss' })
      : new PgBoss({ connectionString: poolConnectionString(database), schema: 'pgboss', max: 4 });
  boss.on('error', options.onError);
  await boss.start();
  for (const job of options.jobs) {
    await boss.createQueue(job.name);
    if (job.schedule) await boss.schedule(job.name, job.schedule, {}, { tz: 'UTC' });
    if (options.isWorking) {
      await boss.work(job.name, async (batch) => {
        for (const item of batch) {
          await job.run(item.data);
        }
      });
    }
  }
  return {
    boss,
    async send<Payload>(job: JobDefinition<Payload>, payload: Payload) {
      return boss.send(job.name, job.payload.parse(payload) as object);
    },
    /** Stops taking jobs, lets running ones finish, then lets go of the database. */
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    },
  };
}

export type JobRunner = Awaited<ReturnType<typeof startJobRunner>>;

function poolConnectionString(database: Database): string {
  const options = database.pool!.options as { connectionString?: string };
  if (!options.connectionString)
    throw new Error('The PostgreSQL pool was opened without a connection string.');
  return options.connectionString;
}
