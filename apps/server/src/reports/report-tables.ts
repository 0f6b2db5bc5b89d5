// The rows of the report's tables, as the PDF prints them and the CSV counts them: one place decides
// which figure goes where, so the two files agree.
import type { HandlingReport } from '@sada/contracts';
import type { UiLanguage } from '@sada/core';
import type { ReportContent } from './report-content.ts';
import {
  displayDate,
  FIGURE_LABELS,
  type FigureKey,
  formatDuration,
  formatNumber,
  hoursOf,
  minutesOf,
  percentOf,
  REPORT_WORDS,
  say,
} from './report-text.ts';

type Handling = HandlingReport['total'];

/** The key figures of a period, in the units the CSV writes (minutes, hours, percent). */
export function keyFigures(handling: Handling): Record<Exclude<FigureKey, never>, number | null> {
  return {
    cases: handling.cases,
    resolved: handling.resolved,
    open: handling.open,
    firstResponseMedian: minutesOf(handling.firstResponse.median),
    firstResponseP90: minutesOf(handling.firstResponse.p90),
    resolutionMedian: hoursOf(handling.resolution.median),
    slaCompliance: percentOf(handling.sla.compliance),
    csatScore: percentOf(handling.csat.score),
    nps: handling.nps.score,
    reopenRate: percentOf(handling.reopenRate),
  };
}

const DURATIONS: Partial<Record<FigureKey, (handling: Handling) => number | null>> = {
  firstResponseMedian: (handling) => handling.firstResponse.median,
  firstResponseP90: (handling) => handling.firstResponse.p90,
  resolutionMedian: (handling) => handling.resolution.median,
};

const number = (value: number | null, language: UiLanguage, digits = 1) =>
  value === null ? '—' : formatNumber(value, language, digits);

/** Measure, this period, previous period: durations read as durations, the rest as numbers. */
export function figureRows(content: ReportContent): string[][] {
  const { language } = content;
  const current = keyFigures(content.handling.total);
  const previous = keyFigures(content.previous);
  return (Object.keys(FIGURE_LABELS) as FigureKey[]).map((key) => {
    const duration = DURATIONS[key];
    const label = say(FIGURE_LABELS[key], language).replace(/ \((minutes|hours|دقائق|ساعات)\)$/, '');
    return duration
      ? [
          label,
          formatDuration(duration(content.handling.total), language),
          formatDuration(duration(content.previous), language),
        ]
      : [label, number(current[key], language), number(previous[key], language)];
  });
}

/** The categories of the period's cases, the biggest first (at most ten), with their share. */
export function topCategories(content: ReportContent) {
  const total = content.volume.series.reduce((sum, series) => sum + series.total, 0);
  return content.volume.series.slice(0, 10).map((series) => ({
    label: series.label ?? say(REPORT_WORDS.noCategory, content.language),
    cases: series.total,
    share: percentOf(total === 0 ? null : series.total / total),
  }));
}

export function categoryRows(content: ReportContent): string[][] {
  return topCategories(content).map((row) => [
    row.label,
    formatNumber(row.cases, content.language),
    `${number(row.share, content.language)}%`,
  ]);
}

/** One row per team (the busiest first), then all teams together. */
export function teamFigures(content: ReportContent) {
  const { language } = content;
  const named = (row: Handling) =>
    row.key === null && row.label === null ? say(REPORT_WORDS.noTeam, language) : (row.label ?? '');
  return [
    ...content.handling.rows.map((row) => ({ name: named(row), row })),
    { name: say(REPORT_WORDS.total, language), row: content.handling.total },
  ];
}

export function teamRows(content: ReportContent): string[][] {
  const { language } = content;
  return teamFigures(content).map(({ name, row }) => [
    name,
    formatNumber(row.cases, language),
    formatNumber(row.open, language),
    formatDuration(row.firstResponse.median, language),
    formatDuration(row.resolution.median, language),
    number(percentOf(row.sla.compliance), language),
    number(percentOf(row.csat.score), language),
  ]);
}

export function issueRows(content: ReportContent): string[][] {
  const { language } = content;
  return content.issues.issues.map((issue) => [
    issue.terms.slice(0, 4).join(language === 'ar' ? '، ' : ', '),
    formatNumber(issue.size, language),
    say(REPORT_WORDS[issue.trend], language),
    issue.examples[0] ? `${issue.examples[0].referenceNumber} ${issue.examples[0].subject}` : '',
  ]);
}

/** The age band of a backlog row: "under 1 day", "7 to 30 days", "30 days and more". */
export function bandLabel(underDays: number | null, previous: number | null, language: UiLanguage): string {
  if (language === 'en') {
    const days = (count: number) => `${count} ${count === 1 ? 'day' : 'days'}`;
    if (underDays === null) return `${days(previous ?? 0)} and more`;
    return previous === null ? `Under ${days(underDays)}` : `${previous} to ${days(underDays)}`;
  }
  // Arabic counts: يوم واحد، يومان، 3–10 أيام، 11 يومًا فأكثر.
  const days = (count: number) =>
    count === 1 ? 'يوم واحد' : count === 2 ? 'يومين' : count <= 10 ? `${count} أيام` : `${count} يومًا`;
  if (underDays === null) return `${days(previous ?? 0)} فأكثر`;
  return previous === null ? `أقل من ${days(underDays)}` : `من ${previous} إلى ${days(underDays)}`;
}

export function backlogBands(content: ReportContent) {
  return content.backlog.bands.map((band, index) => ({
    label: bandLabel(band.underDays, content.backlog.bands[index - 1]?.underDays ?? null, content.language),
    band,
  }));
}

export function backlogRows(content: ReportContent): string[][] {
  const { language } = content;
  const total = content.backlog.bands.reduce(
    (sum, band) => ({
      new: sum.new + band.new,
      open: sum.open + band.open,
      pending: sum.pending + band.pending,
    }),
    { new: 0, open: 0, pending: 0 },
  );
  return [
    ...backlogBands(content).map(({ label, band }) => [
      label,
      formatNumber(band.new, language),
      formatNumber(band.open, language),
      formatNumber(band.pending, language),
      formatNumber(band.total, language),
    ]),
    [
      say(REPORT_WORDS.allAges, language),
      formatNumber(total.new, language),
      formatNumber(total.open, language),
      formatNumber(total.pending, language),
      formatNumber(content.backlog.total, language),
    ],
  ];
}

export function actionRows(content: ReportContent): string[][] {
  return (content.actions ?? []).map((action) => [
    action.title,
    say(REPORT_WORDS[action.status], content.language),
    action.owner ?? '',
    action.dueAt ? displayDate(action.dueAt, content.timeZone, content.language) : '',
  ]);
}
