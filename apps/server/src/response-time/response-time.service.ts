import type { LiveResponseTime } from '@sada/contracts';
import { AppError, type BusinessCalendar, type Channel, type Clock, isOpenAt, nextOpening } from '@sada/core';
import {
  type Database,
  findWorkspaceBySlug,
  listResponseTimeSnapshots,
  type ResponseTimeSnapshotRow,
  refreshResponseTimeSnapshots,
} from '@sada/db';
import { calendarOfCase } from '../calendars/calendar-of.ts';

/** Below this many first responses in the last hour, the figure is the last 24 hours' median. */
export const MINIMUM_HOUR_SAMPLE = 5;

/** What the JSON, the badge and the page are made from: the figures and who they are about. */
export type WorkspaceResponseTime = LiveResponseTime & {
  workspace: { slug: string; name: string; defaultLanguage: 'ar' | 'en' };
  calendar: BusinessCalendar;
  isOpen: boolean;
  opensAt: Date | null;
};

const noWorkspace = (slug: string) =>
  new AppError('not_found', {
    en: `There is no workspace "${slug}" here. Check the address you were given.`,
    ar: `لا توجد مساحة عمل باسم "${slug}" هنا. تحقّق من العنوان الذي وصلك.`,
  });

/**
 * The public live response time: the median time to a person's first reply per workspace and
 * channel, recomputed for every workspace by a job every 5 minutes (and for one workspace on demand
 * while it has no figures yet), with whether the workspace's desk is open now.
 */
export function createResponseTime({ database, clock }: { database: Database; clock: Clock }) {
  const db = database.orm;

  return {
    /** The job's pass over every workspace; returns how many channel figures it wrote. */
    async refreshAll(): Promise<number> {
      const rows = await refreshResponseTimeSnapshots(db, {
        now: clock.now(),
        minimumHourSample: MINIMUM_HOUR_SAMPLE,
      });
      return rows.length;
    },

    /** Throws not_found for an unknown workspace. */
    async ofWorkspace(slug: string): Promise<WorkspaceResponseTime> {
      const workspace = await findWorkspaceBySlug(db, slug.toLowerCase());
      if (!workspace) throw noWorkspace(slug);
      const now = clock.now();
      let rows = await listResponseTimeSnapshots(db, workspace.id);
      if (rows.length === 0) {
        rows = await refreshResponseTimeSnapshots(db, {
          now,
          minimumHourSample: MINIMUM_HOUR_SAMPLE,
          workspaceId: workspace.id,
        });
      }
      const calendar = await calendarOfCase(db, workspace.id, null);
      const isOpen = isOpenAt(calendar, now);
      const opensAt = isOpen ? null : nextOpening(calendar, now);
      const updatedAt = rows.reduce<Date | null>(
        (latest, row) => (!latest || row.computedAt > latest ? row.computedAt : latest),
        null,
      );
      return {
        channels: rows
          .sort((a, b) => a.channel.localeCompare(b.channel))
          .map((row) => channelFigure(row, isOpen, opensAt)),
        updatedAt: updatedAt ?? now,
        workspace: {
          slug: workspace.slug,
          name: workspace.name,
          defaultLanguage: workspace.defaultLanguage === 'en' ? 'en' : 'ar',
        },
        calendar,
        isOpen,
        opensAt,
      };
    },
  };
}

export type ResponseTime = ReturnType<typeof createResponseTime>;

function channelFigure(row: ResponseTimeSnapshotRow, isOpen: boolean, opensAt: Date | null) {
  return {
    channel: row.channel as Channel,
    medianSeconds: row.medianSeconds,
    sampleSize: row.sampleSize,
    window: row.windowHours === 1 ? ('1h' as const) : ('24h' as const),
    open: isOpen,
    ...(opensAt && { opensAt }),
  };
}
