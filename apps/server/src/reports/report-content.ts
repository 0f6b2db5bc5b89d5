// What a report says, gathered from the analytics service's own figures (never queried again here),
// so a report and the dashboards count the same cases.
import type {
  BacklogReport,
  EmergingIssues,
  HandlingReport,
  ReportKind,
  VolumeReport,
} from '@sada/contracts';
import type { UiLanguage } from '@sada/core';
import type { AnalyticsService } from '../analytics/analytics.service.ts';
import type { Actor } from '../auth/actor.ts';

/** A corrective action as a report lists it. */
export type ReportAction = {
  title: string;
  status: 'todo' | 'in_progress' | 'done' | 'cancelled';
  owner: string | null;
  dueAt: Date | null;
};

/**
 * The corrective actions of a period: optional, so reports work without problem management.
 * services.ts passes `problemActionsReader` (report-actions.ts); without one the section is left out.
 */
export type ReportActionsReader = (actor: Actor, range: { from: Date; to: Date }) => Promise<ReportAction[]>;

/** Everything one report shows, in the workspace's language. */
export type ReportContent = {
  workspaceName: string;
  language: UiLanguage;
  timeZone: string;
  kind: ReportKind;
  periodStart: Date;
  periodEnd: Date;
  createdAt: Date;
  /** The period's handling per team, and in total. */
  handling: HandlingReport;
  /** The same figures for the period of the same length just before. */
  previous: HandlingReport['total'];
  /** Cases received per day (per week past 62 days), one series per category. */
  volume: VolumeReport;
  issues: EmergingIssues;
  backlog: BacklogReport;
  /** Null while the corrective actions are not there to read. */
  actions: ReportAction[] | null;
};

/** Past this many days the trend is drawn per week: a bar a day would be too thin to read. */
const DAILY_TREND_DAYS = 62;
const DAY_MS = 86_400_000;

export async function gatherReportContent(options: {
  analytics: AnalyticsService;
  readActions: ReportActionsReader | undefined;
  actor: Actor;
  kind: ReportKind;
  from: Date;
  to: Date;
  now: Date;
}): Promise<ReportContent> {
  const { analytics, actor, from, to } = options;
  const length = to.getTime() - from.getTime();
  const range = { from: from.toISOString(), to: to.toISOString() };
  const previousRange = { from: new Date(from.getTime() - length).toISOString(), to: range.from };
  const [handling, previous, volume, issues, backlog, actions] = await Promise.all([
    analytics.handling(actor, { ...range, by: 'team' }),
    analytics.handling(actor, { ...previousRange, by: 'team' }),
    analytics.volume(actor, {
      ...range,
      by: 'category',
      interval: length / DAY_MS > DAILY_TREND_DAYS ? 'week' : 'day',
    }),
    analytics.issues(actor, { ...range, by: 'team' }),
    analytics.backlog(actor, {}),
    options.readActions ? options.readActions(actor, { from, to }) : null,
  ]);
  return {
    workspaceName: actor.workspace.name,
    language: actor.language,
    timeZone: actor.workspace.timeZone,
    kind: options.kind,
    periodStart: from,
    periodEnd: to,
    createdAt: options.now,
    handling,
    previous: previous.total,
    volume,
    issues,
    backlog,
    actions,
  };
}

/** Cases received per bucket across every category. */
export function volumeTotals(volume: VolumeReport): { t: string; count: number }[] {
  const first = volume.series[0];
  if (!first) return [];
  return first.points.map((point, index) => ({
    t: point.t,
    count: volume.series.reduce((sum, series) => sum + (series.points[index]?.count ?? 0), 0),
  }));
}
