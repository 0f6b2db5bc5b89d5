// Reports (issue 9): the PDF and CSV of a period as they were made, and who receives the scheduled
// ones by e-mail.
import { and, asc, desc, eq, exists, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { appUser, report, reportSubscription, workspace } from '../schema.ts';

export type ReportRow = typeof report.$inferSelect;
/** A report without its files: what lists and jobs read. */
export type ReportSummaryRow = Omit<ReportRow, 'pdf' | 'csv'>;
export type ReportScheduleKind = 'weekly' | 'monthly';

const summaryColumns = {
  id: report.id,
  workspaceId: report.workspaceId,
  kind: report.kind,
  periodStart: report.periodStart,
  periodEnd: report.periodEnd,
  timeZone: report.timeZone,
  language: report.language,
  pdfPages: report.pdfPages,
  requestedBy: report.requestedBy,
  mailedAt: report.mailedAt,
  createdAt: report.createdAt,
};

/**
 * Stores a report; a weekly or monthly one only if its period has none yet (report_scheduled_once):
 * answers the summary of the new row, or undefined when another run stored it first.
 */
export async function insertReportOnce(
  executor: Executor,
  values: typeof report.$inferInsert,
): Promise<ReportSummaryRow | undefined> {
  const [row] = await executor.insert(report).values(values).onConflictDoNothing().returning(summaryColumns);
  return row;
}

/** The weekly or monthly report of a workspace's period, if it was made. */
export async function findScheduledReport(
  executor: Executor,
  options: { workspaceId: string; kind: ReportScheduleKind; periodStart: Date },
): Promise<ReportSummaryRow | undefined> {
  const [row] = await executor
    .select(summaryColumns)
    .from(report)
    .where(
      and(
        eq(report.workspaceId, options.workspaceId),
        eq(report.kind, options.kind),
        eq(report.periodStart, options.periodStart),
      ),
    );
  return row;
}

/** Keyset cursor of the report list: the creation time and id of the last row of the previous page. */
export type ReportCursor = { createdAt: Date; id: string };

/** A workspace's reports, newest first, without their files; `after` starts past a previous page. */
export async function listReports(
  executor: Executor,
  workspaceId: string,
  options: { limit: number; after?: ReportCursor | undefined },
): Promise<ReportSummaryRow[]> {
  const { after } = options;
  return executor
    .select(summaryColumns)
    .from(report)
    .where(
      and(
        eq(report.workspaceId, workspaceId),
        after
          ? sql`(${report.createdAt}, ${report.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(report.createdAt), desc(report.id))
    .limit(options.limit);
}

/** One report of the workspace with its files; undefined for another workspace's id. */
export async function findReport(
  executor: Executor,
  workspaceId: string,
  id: string,
): Promise<ReportRow | undefined> {
  const [row] = await executor
    .select()
    .from(report)
    .where(and(eq(report.workspaceId, workspaceId), eq(report.id, id)));
  return row;
}

/** Takes a report for e-mailing: true for the one caller that set mailed_at. */
export async function claimReportMailing(executor: Executor, id: string, at: Date): Promise<boolean> {
  const rows = await executor
    .update(report)
    .set({ mailedAt: at })
    .where(and(eq(report.id, id), isNull(report.mailedAt)))
    .returning({ id: report.id });
  return rows.length > 0;
}

/** Gives a report back to the next job run after its mail could not be handed to the relay. */
export async function releaseReportMailing(executor: Executor, id: string): Promise<void> {
  await executor.update(report).set({ mailedAt: null }).where(eq(report.id, id));
}

/** Every workspace, with what a report needs of it. */
/**
 * The workspaces where someone takes the weekly or monthly report: only they get one made on
 * schedule (any workspace can make one for any range on demand).
 */
export async function listReportWorkspaces(executor: Executor, kind: ReportScheduleKind) {
  const wanted = kind === 'weekly' ? reportSubscription.isWeekly : reportSubscription.isMonthly;
  return executor
    .select()
    .from(workspace)
    .where(
      exists(
        executor
          .select({ one: sql`1` })
          .from(reportSubscription)
          .where(and(eq(reportSubscription.workspaceId, workspace.id), eq(wanted, true))),
      ),
    )
    .orderBy(asc(workspace.createdAt));
}

export async function findReportSubscription(executor: Executor, workspaceId: string, userId: string) {
  const [row] = await executor
    .select()
    .from(reportSubscription)
    .where(and(eq(reportSubscription.workspaceId, workspaceId), eq(reportSubscription.userId, userId)));
  return row;
}

export async function upsertReportSubscription(
  executor: Executor,
  values: typeof reportSubscription.$inferInsert,
) {
  const [row] = await executor
    .insert(reportSubscription)
    .values(values)
    .onConflictDoUpdate({
      target: reportSubscription.userId,
      set: { isWeekly: values.isWeekly, isMonthly: values.isMonthly, updatedAt: values.updatedAt },
    })
    .returning();
  return row!;
}

/** The active users of a workspace who take the weekly or the monthly report (or only `kind`), by name. */
export async function listReportSubscriptions(
  executor: Executor,
  workspaceId: string,
  kind?: ReportScheduleKind,
) {
  return executor
    .select({
      id: appUser.id,
      name: appUser.name,
      email: appUser.email,
      role: appUser.role,
      isWeekly: reportSubscription.isWeekly,
      isMonthly: reportSubscription.isMonthly,
    })
    .from(reportSubscription)
    .innerJoin(appUser, eq(appUser.id, reportSubscription.userId))
    .where(
      and(
        eq(reportSubscription.workspaceId, workspaceId),
        eq(appUser.workspaceId, workspaceId),
        eq(appUser.isActive, true),
        kind === 'weekly'
          ? eq(reportSubscription.isWeekly, true)
          : kind === 'monthly'
            ? eq(reportSubscription.isMonthly, true)
            : or(eq(reportSubscription.isWeekly, true), eq(reportSubscription.isMonthly, true)),
      ),
    )
    .orderBy(asc(appUser.name), asc(appUser.id));
}

/** How many reports a workspace has (for tests and the CLI). */
export async function countReports(executor: Executor, workspaceId: string, kind?: string) {
  const [row] = await executor
    .select({ count: sql<number>`count(*)::int` })
    .from(report)
    .where(and(eq(report.workspaceId, workspaceId), kind ? eq(report.kind, kind) : undefined));
  return Number(row?.count ?? 0);
}
