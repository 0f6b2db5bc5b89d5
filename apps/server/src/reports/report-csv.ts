// The report's figures as CSV, one figure a line (section, item, measure, value) in the workspace's
// language: what the PDF shows, for a spreadsheet. Durations in minutes or hours, rates in percent.
import { type CsvValue, csvHeader, csvLine } from '@sada/core';
import type { ReportContent } from './report-content.ts';
import { volumeTotals } from './report-content.ts';
import { backlogBands, keyFigures, teamFigures, topCategories } from './report-tables.ts';
import {
  CSV_HEADER,
  CSV_SECTIONS,
  FIGURE_LABELS,
  type FigureKey,
  hoursOf,
  localDate,
  minutesOf,
  percentOf,
  REPORT_WORDS,
  say,
} from './report-text.ts';

export function renderReportCsv(content: ReportContent): string {
  const { language, timeZone } = content;
  const words = (phrase: { en: string; ar: string }) => say(phrase, language);
  const lines: CsvValue[][] = [];
  const add = (section: keyof typeof CSV_SECTIONS, item: string, measure: string, value: CsvValue) =>
    lines.push([words(CSV_SECTIONS[section]), item, measure, value]);

  const report = words(REPORT_WORDS.report);
  lines.push([report, '', words(REPORT_WORDS.from), content.periodStart]);
  lines.push([report, '', words(REPORT_WORDS.to), content.periodEnd]);
  lines.push([report, '', words(REPORT_WORDS.timeZone), timeZone]);

  const current = keyFigures(content.handling.total);
  const previous = keyFigures(content.previous);
  for (const key of Object.keys(FIGURE_LABELS) as FigureKey[]) {
    add('figures', '', words(FIGURE_LABELS[key]), current[key]);
  }
  for (const key of Object.keys(FIGURE_LABELS) as FigureKey[]) {
    add('previous', '', words(FIGURE_LABELS[key]), previous[key]);
  }

  const bucket = content.volume.interval === 'day' ? REPORT_WORDS.day : REPORT_WORDS.weekOf;
  for (const point of volumeTotals(content.volume)) {
    add('volume', localDate(new Date(point.t), timeZone), words(bucket), point.count);
  }

  for (const row of topCategories(content)) {
    add('categories', row.label, words(REPORT_WORDS.size), row.cases);
    add('categories', row.label, `${words(REPORT_WORDS.share)} (%)`, row.share);
  }

  for (const { name, row } of teamFigures(content)) {
    add('teams', name, words(FIGURE_LABELS.cases), row.cases);
    add('teams', name, words(FIGURE_LABELS.resolved), row.resolved);
    add('teams', name, words(FIGURE_LABELS.open), row.open);
    add('teams', name, words(FIGURE_LABELS.firstResponseMedian), minutesOf(row.firstResponse.median));
    add('teams', name, words(FIGURE_LABELS.firstResponseP90), minutesOf(row.firstResponse.p90));
    add('teams', name, words(FIGURE_LABELS.resolutionMedian), hoursOf(row.resolution.median));
    add('teams', name, words(FIGURE_LABELS.slaCompliance), percentOf(row.sla.compliance));
    add('teams', name, words(FIGURE_LABELS.csatScore), percentOf(row.csat.score));
  }

  for (const issue of content.issues.issues) {
    const terms = issue.terms.slice(0, 4).join(' ');
    add('issues', terms, words(REPORT_WORDS.size), issue.size);
    add('issues', terms, words(REPORT_WORDS.trend), words(REPORT_WORDS[issue.trend]));
  }

  for (const { label, band } of backlogBands(content)) {
    add('backlog', label, words(REPORT_WORDS.statusNew), band.new);
    add('backlog', label, words(REPORT_WORDS.statusOpen), band.open);
    add('backlog', label, words(REPORT_WORDS.statusPending), band.pending);
  }
  add('backlog', words(REPORT_WORDS.allAges), words(REPORT_WORDS.size), content.backlog.total);

  for (const action of content.actions ?? []) {
    add('actions', action.title, words(REPORT_WORDS.status), words(REPORT_WORDS[action.status]));
  }

  const header = csvHeader(
    [CSV_HEADER.section, CSV_HEADER.item, CSV_HEADER.measure, CSV_HEADER.value].map(words),
  );
  return header + lines.map((line) => csvLine(line)).join('');
}
