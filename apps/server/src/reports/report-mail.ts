// E-mails a scheduled report, PDF and CSV attached, to each of the workspace's subscribers, once: the
// report is taken (mailed_at set) before sending and given back if the relay fails, so the next job
// run tries again.
import { composeMail, createMailSender } from '@sada/channels';
import { type Clock, can, type Role } from '@sada/core';
import {
  claimReportMailing,
  type Database,
  findReport,
  listReportSubscriptions,
  type ReportScheduleKind,
  type ReportSummaryRow,
  releaseReportMailing,
  type WorkspaceRow,
} from '@sada/db';
import { asUiLanguage } from '../auth/actor.ts';
import type { Config } from '../config.ts';
import { displayDate, lastDayOf, REPORT_TITLES, reportFileName, say } from './report-text.ts';

export type ReportMailer = {
  /** Sends the report to its subscribers unless it was sent; answers whether this call sent it. */
  mail(workspace: WorkspaceRow, report: ReportSummaryRow): Promise<boolean>;
};

const BODY = {
  en: 'The {title} of {workspace} for {period} is attached as PDF and CSV. Earlier reports: {link}\n\nYou receive it because you subscribed on the reports page.',
  ar: 'مرفق {title} لمساحة العمل {workspace} عن الفترة {period} بصيغتي PDF وCSV. التقارير السابقة: {link}\n\nتصلك هذه الرسالة لأنك اشتركت فيها من صفحة التقارير.',
};

export function createReportMailer(deps: {
  database: Database;
  clock: Clock;
  config: Pick<Config, 'smtpRelay' | 'mailDomain' | 'publicUrl'>;
}): ReportMailer {
  const db = deps.database.orm;
  const { config } = deps;
  return {
    async mail(workspace, summary) {
      // Without a relay the report waits, unmailed, for one to be configured.
      if (!config.smtpRelay) return false;
      if (!(await claimReportMailing(db, summary.id, deps.clock.now()))) return false;
      try {
        const subscribers = (
          await listReportSubscriptions(db, workspace.id, summary.kind as ReportScheduleKind)
        ).filter((user) => can(user.role as Role, 'analytics:read'));
        if (subscribers.length === 0) return true;
        const report = (await findReport(db, workspace.id, summary.id))!;
        const language = asUiLanguage(report.language);
        const title = say(REPORT_TITLES[report.kind as ReportScheduleKind], language);
        const period = `${displayDate(report.periodStart, report.timeZone, language)} – ${displayDate(lastDayOf(report.periodEnd), report.timeZone, language)}`;
        const fileName = reportFileName(workspace.slug, report);
        const text = say(BODY, language, {
          title,
          workspace: workspace.name,
          period,
          link: `${config.publicUrl}/reports`,
        });
        const sender = createMailSender(config.smtpRelay);
        try {
          for (const user of subscribers) {
            await sender.send(
              composeMail({
                from: { address: `${workspace.slug}@${config.mailDomain}`, name: workspace.name },
                to: { address: user.email, name: user.name },
                subject: `${title} · ${workspace.name} · ${period}`,
                reference: null,
                text,
                language,
                messageId: `<report-${report.id}-${user.id}@${config.mailDomain}>`,
                inReplyTo: null,
                references: [],
                isAutomatic: true,
                attachments: [
                  { filename: `${fileName}.pdf`, content: report.pdf, contentType: 'application/pdf' },
                  {
                    filename: `${fileName}.csv`,
                    content: Buffer.from(report.csv, 'utf8'),
                    contentType: 'text/csv; charset=utf-8',
                  },
                ],
              }),
            );
          }
        } finally {
          sender.close();
        }
        return true;
      } catch (error) {
        await releaseReportMailing(db, summary.id);
        throw error;
      }
    },
  };
}
