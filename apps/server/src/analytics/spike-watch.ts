// Early warning (issue 9): every quarter hour, the last complete hour's negative complaints per
// category, product and channel are read against the same hour of the week in the weeks before
// (readSpike in @sada/core). A spike raises one alert per workspace, field, value and hour, and
// notifies the workspace's analysts, supervisors and admins with the newest example case.
import { randomUUID } from 'node:crypto';
import type { SpikeAlert } from '@sada/contracts';
import { assertCan, type Clock, can, ROLES, type Role, readSpike, SPIKE_HISTORY_WEEKS } from '@sada/core';
import {
  announce,
  countNegativeByWeek,
  type Database,
  findWorkspaceById,
  insertNotifications,
  insertSpikeAlertOnce,
  listCaseHeadlines,
  listSpikeAlerts,
  listSpikeExamples,
  listUsers,
  queueAlertDeliveries,
  SPIKE_DIMENSIONS,
  type SpikeDimension,
} from '@sada/db';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { JobDefinition } from '../jobs/job-runner.ts';

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;
const EXAMPLES = 3;
/** The roles that read analytics, and so may hear of alerts by e-mail. */
const READER_ROLES = ROLES.filter((role) => can(role, 'analytics:read'));

export type SpikeWatch = ReturnType<typeof createSpikeWatch>;

export function createSpikeWatch({ database, clock }: { database: Database; clock: Clock }) {
  const db = database.orm;

  /** Reads one field's values for the hour [start, end); answers how many alerts it raised. */
  async function watch(dimension: SpikeDimension, start: Date, end: Date): Promise<number> {
    const counts = await countNegativeByWeek(db, { dimension, start, end, weeks: SPIKE_HISTORY_WEEKS });
    const groups = new Map<string, { workspaceId: string; key: string; byWeek: Map<number, number> }>();
    for (const row of counts) {
      const id = `${row.workspaceId}\u0000${row.key}`;
      const group = groups.get(id) ?? { workspaceId: row.workspaceId, key: row.key, byWeek: new Map() };
      group.byWeek.set(row.weeksAgo, row.count);
      groups.set(id, group);
    }
    let raised = 0;
    // One read per workspace, however many of its values are read.
    const workspaces = new Map<string, Promise<Awaited<ReturnType<typeof findWorkspaceById>>>>();
    for (const { workspaceId, key, byWeek } of groups.values()) {
      if (!workspaces.has(workspaceId)) workspaces.set(workspaceId, findWorkspaceById(db, workspaceId));
      const workspace = await workspaces.get(workspaceId);
      if (!workspace) continue;
      // Only weeks the workspace existed for make its usual count.
      const weeks = Math.min(
        SPIKE_HISTORY_WEEKS,
        Math.floor((start.getTime() - workspace.createdAt.getTime()) / WEEK_MS),
      );
      const history = Array.from({ length: Math.max(weeks, 0) }, (_, index) => byWeek.get(index + 1) ?? 0);
      const count = byWeek.get(0) ?? 0;
      const reading = readSpike(count, history);
      if (!reading.isSpike) continue;
      const isRaised = await db.transaction(async (tx) => {
        const examples = await listSpikeExamples(tx, {
          workspaceId,
          dimension,
          key,
          start,
          end,
          limit: EXAMPLES,
        });
        const alert = await insertSpikeAlertOnce(tx, {
          id: randomUUID(),
          workspaceId,
          dimension,
          key,
          windowStart: start,
          windowEnd: end,
          count,
          usual: reading.mean,
          threshold: reading.threshold,
          exampleCaseIds: examples,
          createdAt: clock.now(),
        });
        if (alert) {
          // Its e-mail and webhook deliveries commit with it (sent by alert-delivery.ts).
          await queueAlertDeliveries(tx, {
            workspaceId,
            alertId: alert.id,
            readerRoles: READER_ROLES,
            now: clock.now(),
          });
        }
        if (!alert || !examples[0]) return Boolean(alert);
        const readers = (await listUsers(tx, workspaceId)).filter(
          (user) => user.isActive && can(user.role as Role, 'analytics:read'),
        );
        const rows = await insertNotifications(
          tx,
          readers.map((user) => ({
            id: randomUUID(),
            workspaceId,
            userId: user.id,
            type: 'analytics.spike',
            caseId: examples[0]!,
            createdAt: clock.now(),
          })),
        );
        for (const row of rows) {
          await announce(tx, {
            workspaceId,
            userId: row.userId,
            type: 'notification.created',
            notificationId: row.id,
          });
        }
        return true;
      });
      if (isRaised) raised += 1;
    }
    return raised;
  }

  return {
    /** Reads the last complete hour before `now` (default: the clock's); answers the alerts raised. */
    async detect(now: Date = clock.now()): Promise<number> {
      const end = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
      const start = new Date(end.getTime() - HOUR_MS);
      let raised = 0;
      for (const dimension of SPIKE_DIMENSIONS) raised += await watch(dimension, start, end);
      return raised;
    },

    /** The workspace's newest alerts with their example cases. */
    async list(actor: Actor): Promise<{ items: SpikeAlert[] }> {
      assertCan(actor.role, 'analytics:read');
      const alerts = await listSpikeAlerts(db, actor.workspace.id, 20);
      const headlines = new Map(
        (
          await listCaseHeadlines(
            db,
            actor.workspace.id,
            alerts.flatMap((alert) => alert.exampleCaseIds),
          )
        ).map((row) => [row.id, row]),
      );
      return {
        items: alerts.map((alert) => ({
          id: alert.id,
          dimension: alert.dimension as SpikeDimension,
          key: alert.key,
          windowStart: alert.windowStart,
          windowEnd: alert.windowEnd,
          count: alert.count,
          usual: alert.usual,
          threshold: alert.threshold,
          examples: alert.exampleCaseIds.flatMap((id) => {
            const headline = headlines.get(id);
            return headline ? [{ referenceNumber: headline.referenceNumber, subject: headline.subject }] : [];
          }),
          createdAt: alert.createdAt,
        })),
      };
    },
  };
}

/**
 * Every quarter hour: a missed run is made up by the next (an alert is raised once per hour).
 * `afterRaised` wakes the alert deliveries at once rather than at their next sweep.
 */
export function spikeWatchJob(
  watch: SpikeWatch,
  afterRaised?: () => void,
): JobDefinition<Record<string, never>> {
  return {
    name: 'analytics.spikes',
    payload: z.strictObject({}),
    schedule: '*/15 * * * *',
    async handle() {
      const raised = await watch.detect();
      if (raised > 0) afterRaised?.();
      return raised > 0 ? 'done' : 'skipped';
    },
  };
}
