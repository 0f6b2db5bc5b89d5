// Reports (issue 9): made on demand for any range of up to a year, or weekly and monthly for every
// workspace by a job that also e-mails them to the subscribers. Stored as made (PDF and CSV).
import { randomUUID } from 'node:crypto';
import type {
  CreateReportRequest,
  ReportKind,
  ReportList,
  ReportSubscriberList,
  ReportSubscription,
  ReportSummary,
} from '@sada/contracts';
import { AppError, assertCan, type Clock, can, type Role } from '@sada/core';
import {
  type Database,
  findReport,
  findReportSubscription,
  findScheduledReport,
  findUserById,
  insertReportOnce,
  listReportSubscriptions,
  listReports,
  listReportWorkspaces,
  type ReportScheduleKind,
  type ReportSummaryRow,
  upsertReportSubscription,
  type WorkspaceRow,
} from '@sada/db';
import type { AnalyticsService } from '../analytics/analytics.service.ts';
import { type Actor, actorFor, asUiLanguage } from '../auth/actor.ts';
import { createdAtValue, decodeTimeCursor, nextCursorOf } from '../http/cursor.ts';
import { gatherReportContent, type ReportActionsReader } from './report-content.ts';
import { renderReportCsv } from './report-csv.ts';
import type { ReportMailer } from './report-mail.ts';
import { renderReportPdf } from './report-pdf.ts';
import { previousPeriod } from './report-period.ts';
import { reportFileName } from './report-text.ts';

const SCHEDULED: readonly ReportScheduleKind[] = ['weekly', 'monthly'];

/** Who the scheduled reports are made as: nobody in particular, reading like an analyst. */
const REPORT_READER = {
  id: '00000000-0000-0000-0000-000000000000',
  name: 'Sada',
  email: '',
  role: 'analyst',
};

const notFound = () =>
  new AppError('not_found', {
    en: 'There is no such report in this workspace.',
    ar: 'لا يوجد تقرير كهذا في مساحة العمل هذه.',
  });

export type ReportService = ReturnType<typeof createReportService>;

export function createReportService(deps: {
  database: Database;
  clock: Clock;
  analytics: AnalyticsService;
  mailer: ReportMailer;
  /** The corrective actions of a period, once that service exists (see report-content.ts). */
  readActions?: ReportActionsReader;
}) {
  const { clock, analytics } = deps;
  const db = deps.database.orm;

  /**
   * Makes a report's PDF and CSV and stores them; undefined when the period's report exists already,
   * or, for a scheduled one, when the workspace had no case in the period and none open.
   */
  async function make(options: {
    workspace: WorkspaceRow | Actor['workspace'];
    role: Role;
    kind: ReportKind;
    from: Date;
    to: Date;
    requestedBy: string | null;
  }): Promise<ReportSummaryRow | undefined> {
    const { workspace } = options;
    // The report reads in the workspace's language, whoever asks for it.
    const actor = actorFor(
      { ...REPORT_READER, role: options.role, language: workspace.defaultLanguage },
      workspace,
      'token',
    );
    const now = clock.now();
    const content = await gatherReportContent({
      analytics,
      readActions: deps.readActions,
      actor,
      kind: options.kind,
      from: options.from,
      to: options.to,
      now,
    });
    // A scheduled report of a period without a case and with nothing open would say nothing.
    if (options.kind !== 'on-demand' && content.handling.total.cases === 0 && content.backlog.total === 0) {
      return undefined;
    }
    const { pdf, pages } = await renderReportPdf(content);
    return insertReportOnce(db, {
      id: randomUUID(),
      workspaceId: workspace.id,
      kind: options.kind,
      periodStart: options.from,
      periodEnd: options.to,
      timeZone: workspace.timeZone,
      language: asUiLanguage(workspace.defaultLanguage),
      pdf,
      pdfPages: pages,
      csv: renderReportCsv(content),
      requestedBy: options.requestedBy,
      createdAt: now,
    });
  }

  /** Makes a workspace's weekly or monthly report of the last complete period, once; mails it once. */
  async function runScheduled(workspace: WorkspaceRow, kind: ReportScheduleKind, now: Date) {
    const period = previousPeriod(kind, now, workspace.timeZone);
    // No report of a period that ended before the workspace existed.
    if (period.end <= workspace.createdAt) return { isMade: false, isMailed: false };
    const key = { workspaceId: workspace.id, kind, periodStart: period.start };
    let report = await findScheduledReport(db, key);
    if (report?.mailedAt) return { isMade: false, isMailed: false };
    let isMade = false;
    if (!report) {
      const made = await make({
        workspace,
        role: 'analyst',
        kind,
        from: period.start,
        to: period.end,
        requestedBy: null,
      });
      isMade = made !== undefined;
      report = made ?? (await findScheduledReport(db, key));
    }
    const isMailed = report ? await deps.mailer.mail(workspace, report) : false;
    return { isMade, isMailed };
  }

  async function assertSubscriber(actor: Actor, userId: string | undefined) {
    assertCan(actor.role, 'analytics:read');
    if (!userId || userId === actor.userId) return { id: actor.userId, role: actor.role };
    // Someone else's subscription: admins only.
    assertCan(actor.role, 'user:manage');
    const user = await findUserById(db, actor.workspace.id, userId);
    if (!user) {
      throw new AppError('not_found', {
        en: 'There is no such user in this workspace.',
        ar: 'لا يوجد مستخدم كهذا في مساحة العمل هذه.',
      });
    }
    return { id: user.id, role: user.role as Role };
  }

  return {
    /** Makes a report of any range now (at most 366 days), in the workspace's language. */
    async create(actor: Actor, request: CreateReportRequest): Promise<ReportSummary> {
      assertCan(actor.role, 'analytics:read');
      const row = await make({
        workspace: actor.workspace,
        role: actor.role,
        kind: 'on-demand',
        from: new Date(request.from),
        to: new Date(request.to),
        requestedBy: actor.userId,
      });
      // On-demand reports have no period key: the insert always stores.
      return summaryOf(row!);
    },

    /** The workspace's reports, newest first, a page at a time. */
    async list(actor: Actor, query: { limit: number; cursor?: string | undefined }): Promise<ReportList> {
      assertCan(actor.role, 'analytics:read');
      const after = query.cursor ? decodeTimeCursor(query.cursor) : undefined;
      const rows = await listReports(db, actor.workspace.id, {
        limit: query.limit,
        after: after && { createdAt: after.at, id: after.id },
      });
      return { items: rows.map(summaryOf), nextCursor: nextCursorOf(rows, query.limit, createdAtValue) };
    },

    /** A stored report's PDF or CSV; another workspace's id is not found. */
    async file(actor: Actor, id: string, format: 'pdf' | 'csv') {
      assertCan(actor.role, 'analytics:read');
      const row = await findReport(db, actor.workspace.id, id);
      if (!row) throw notFound();
      return {
        fileName: `${reportFileName(actor.workspace.slug, row)}.${format}`,
        contentType: format === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8',
        body: format === 'pdf' ? row.pdf : row.csv,
      };
    },

    async subscription(actor: Actor, userId?: string): Promise<ReportSubscription> {
      const user = await assertSubscriber(actor, userId);
      const row = await findReportSubscription(db, actor.workspace.id, user.id);
      return { weekly: row?.isWeekly ?? false, monthly: row?.isMonthly ?? false };
    },

    async subscribe(actor: Actor, request: ReportSubscription, userId?: string): Promise<ReportSubscription> {
      const user = await assertSubscriber(actor, userId);
      if ((request.weekly || request.monthly) && !can(user.role, 'analytics:read')) {
        throw new AppError('validation_failed', {
          en: 'Reports go to analysts, supervisors and admins only; change the role first.',
          ar: 'تُرسل التقارير إلى المحللين والمشرفين والمديرين فقط؛ غيّر الدور أولًا.',
        });
      }
      const row = await upsertReportSubscription(db, {
        userId: user.id,
        workspaceId: actor.workspace.id,
        isWeekly: request.weekly,
        isMonthly: request.monthly,
        updatedAt: clock.now(),
      });
      return { weekly: row.isWeekly, monthly: row.isMonthly };
    },

    /** Who takes the weekly or monthly report (admins, who change others' subscriptions). */
    async subscribers(actor: Actor): Promise<ReportSubscriberList> {
      assertCan(actor.role, 'user:manage');
      const rows = await listReportSubscriptions(db, actor.workspace.id);
      return {
        items: rows.map((row) => ({
          user: { id: row.id, name: row.name, email: row.email },
          weekly: row.isWeekly,
          monthly: row.isMonthly,
        })),
      };
    },

    /**
     * The job's work: for every workspace, the last complete week and month, each made once and
     * mailed once. Answers how many reports it made and mailed.
     */
    async runSchedule(now: Date = clock.now()): Promise<{ made: number; mailed: number }> {
      let made = 0;
      let mailed = 0;
      for (const kind of SCHEDULED) {
        for (const workspace of await listReportWorkspaces(db, kind)) {
          const outcome = await runScheduled(workspace, kind, now);
          if (outcome.isMade) made += 1;
          if (outcome.isMailed) mailed += 1;
        }
      }
      return { made, mailed };
    },
  };
}

function summaryOf(row: ReportSummaryRow): ReportSummary {
  return {
    id: row.id,
    kind: row.kind as ReportKind,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    timeZone: row.timeZone,
    language: asUiLanguage(row.language),
    pages: row.pdfPages,
    pdfUrl: `/api/reports/${row.id}.pdf`,
    csvUrl: `/api/reports/${row.id}.csv`,
    requestedBy: row.requestedBy,
    createdAt: row.createdAt,
  };
}
