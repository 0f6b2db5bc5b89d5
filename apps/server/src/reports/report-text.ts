// The words of a report in both languages, and how its numbers, durations and dates are written.
import type { ReportKind } from '@sada/contracts';
import { formatLocalDay, localDayOf, type UiLanguage } from '@sada/core';

type Phrase = { en: string; ar: string };

export const REPORT_TITLES: Record<ReportKind, Phrase> = {
  weekly: { en: 'Weekly complaints report', ar: 'تقرير الشكاوى الأسبوعي' },
  monthly: { en: 'Monthly complaints report', ar: 'تقرير الشكاوى الشهري' },
  'on-demand': { en: 'Complaints report', ar: 'تقرير الشكاوى' },
};

export const REPORT_WORDS = {
  period: { en: 'Period', ar: 'الفترة' },
  generated: { en: 'Made', ar: 'أُعدّ في' },
  page: { en: 'Page {page} of {pages}', ar: 'صفحة {page} من {pages}' },
  keyFigures: { en: 'Key figures', ar: 'الأرقام الرئيسية' },
  measure: { en: 'Measure', ar: 'المقياس' },
  thisPeriod: { en: 'This period', ar: 'هذه الفترة' },
  previousPeriod: { en: 'Previous period', ar: 'الفترة السابقة' },
  volumeTrend: { en: 'Cases received', ar: 'الحالات الواردة' },
  perDay: { en: 'per day', ar: 'يوميًا' },
  perWeek: { en: 'per week (weeks start on Sunday)', ar: 'أسبوعيًا (يبدأ الأسبوع يوم الأحد)' },
  topCategories: { en: 'Top categories', ar: 'أكثر التصنيفات' },
  category: { en: 'Category', ar: 'التصنيف' },
  share: { en: 'Share', ar: 'النسبة' },
  noCategory: { en: 'No category', ar: 'بلا تصنيف' },
  handlingByTeam: { en: 'Handling by team', ar: 'المعالجة حسب الفريق' },
  team: { en: 'Team', ar: 'الفريق' },
  noTeam: { en: 'No team', ar: 'بلا فريق' },
  total: { en: 'All teams', ar: 'كل الفرق' },
  allAges: { en: 'All ages', ar: 'كل الأعمار' },
  owner: { en: 'Owner', ar: 'المسؤول' },
  todo: { en: 'To do', ar: 'للتنفيذ' },
  in_progress: { en: 'In progress', ar: 'قيد التنفيذ' },
  done: { en: 'Done', ar: 'تم' },
  cancelled: { en: 'Cancelled', ar: 'أُلغي' },
  noActions: {
    en: 'No corrective action open or completed in this period.',
    ar: 'لا إجراءات تصحيحية مفتوحة أو منجزة في هذه الفترة.',
  },
  emergingIssues: { en: 'Top emerging issues', ar: 'أبرز القضايا الناشئة' },
  issue: { en: 'Issue (top words)', ar: 'القضية (أبرز الكلمات)' },
  size: { en: 'Cases', ar: 'الحالات' },
  trend: { en: 'Trend', ar: 'الاتجاه' },
  example: { en: 'Example', ar: 'مثال' },
  rising: { en: 'rising', ar: 'متصاعدة' },
  steady: { en: 'steady', ar: 'مستقرة' },
  falling: { en: 'falling', ar: 'متراجعة' },
  noIssues: {
    en: 'No group of similar complaints in this period.',
    ar: 'لا مجموعات من الشكاوى المتشابهة في هذه الفترة.',
  },
  backlog: { en: 'Backlog (open cases now)', ar: 'المتراكم (الحالات المفتوحة الآن)' },
  age: { en: 'Age', ar: 'العمر' },
  statusNew: { en: 'New', ar: 'جديدة' },
  statusOpen: { en: 'Open', ar: 'مفتوحة' },
  statusPending: { en: 'Pending', ar: 'معلّقة' },
  actions: { en: 'Corrective actions', ar: 'الإجراءات التصحيحية' },
  action: { en: 'Action', ar: 'الإجراء' },
  status: { en: 'Status', ar: 'الحالة' },
  due: { en: 'Due', ar: 'الموعد' },
  report: { en: 'Report', ar: 'التقرير' },
  from: { en: 'From', ar: 'من' },
  to: { en: 'To (exclusive)', ar: 'إلى (دون احتسابه)' },
  timeZone: { en: 'Time zone', ar: 'المنطقة الزمنية' },
  day: { en: 'Day', ar: 'اليوم' },
  weekOf: { en: 'Week of', ar: 'أسبوع' },
} satisfies Record<string, Phrase>;

/** The key figures, each with its unit, in the order the report shows them. */
export const FIGURE_LABELS = {
  cases: { en: 'Cases received', ar: 'الحالات الواردة' },
  resolved: { en: 'Resolved', ar: 'المحلولة' },
  open: { en: 'Still open', ar: 'ما زالت مفتوحة' },
  firstResponseMedian: { en: 'Median first response (minutes)', ar: 'وسيط أول رد (دقائق)' },
  firstResponseP90: { en: '90th percentile first response (minutes)', ar: 'المئين 90 لأول رد (دقائق)' },
  resolutionMedian: { en: 'Median resolution (hours)', ar: 'وسيط زمن الحل (ساعات)' },
  slaCompliance: { en: 'SLA compliance (%)', ar: 'الالتزام باتفاقية الخدمة (%)' },
  csatScore: { en: 'CSAT, rated 4 or 5 (%)', ar: 'رضا العملاء، تقييم 4 أو 5 (%)' },
  nps: { en: 'NPS', ar: 'صافي نقاط الترويج' },
  reopenRate: { en: 'Reopen rate (%)', ar: 'نسبة إعادة الفتح (%)' },
} satisfies Record<string, Phrase>;
export type FigureKey = keyof typeof FIGURE_LABELS;

/** The sections of the CSV, one per block of the PDF. */
export const CSV_SECTIONS = {
  figures: { en: 'Key figures', ar: 'الأرقام الرئيسية' },
  previous: { en: 'Previous period', ar: 'الفترة السابقة' },
  volume: { en: 'Cases received', ar: 'الحالات الواردة' },
  categories: { en: 'Categories', ar: 'التصنيفات' },
  teams: { en: 'Teams', ar: 'الفرق' },
  issues: { en: 'Emerging issues', ar: 'القضايا الناشئة' },
  backlog: { en: 'Backlog', ar: 'المتراكم' },
  actions: { en: 'Corrective actions', ar: 'الإجراءات التصحيحية' },
} satisfies Record<string, Phrase>;

export const CSV_HEADER = {
  section: { en: 'Section', ar: 'القسم' },
  item: { en: 'Item', ar: 'البند' },
  measure: { en: 'Measure', ar: 'المقياس' },
  value: { en: 'Value', ar: 'القيمة' },
} satisfies Record<string, Phrase>;

export function say(phrase: Phrase, language: UiLanguage, values: Record<string, string | number> = {}) {
  return phrase[language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Figures in Western digits in both languages, as the console writes them. */
export function formatNumber(value: number, language: UiLanguage, fractionDigits = 0): string {
  const key = `${language}:${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language === 'ar' ? 'ar-u-nu-latn' : 'en', {
      maximumFractionDigits: fractionDigits,
      minimumFractionDigits: 0,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Seconds as minutes, one decimal (the CSV's unit for first response). */
export const minutesOf = (seconds: number | null) => (seconds === null ? null : round(seconds / 60, 1));
/** Seconds as hours, one decimal (the CSV's unit for resolution). */
export const hoursOf = (seconds: number | null) => (seconds === null ? null : round(seconds / 3600, 1));
/** A share (0–1) as a percentage, one decimal. */
export const percentOf = (share: number | null) => (share === null ? null : round(share * 100, 1));

/** A duration for people: minutes under an hour, hours under two days, then days. */
export function formatDuration(seconds: number | null, language: UiLanguage): string {
  if (seconds === null) return '—';
  const [value, unit] =
    seconds < 3600
      ? [seconds / 60, { en: 'min', ar: 'دقيقة' }]
      : seconds < 48 * 3600
        ? [seconds / 3600, { en: 'h', ar: 'ساعة' }]
        : [seconds / 86_400, { en: 'd', ar: 'يوم' }];
  return `${formatNumber(value, language, 1)} ${unit[language]}`;
}

/** The calendar date of an instant in a zone, YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  return formatLocalDay(localDayOf(timeZone, instant));
}

/** The last day a period covers (its end is exclusive). */
export function lastDayOf(periodEnd: Date): Date {
  return new Date(periodEnd.getTime() - 1);
}

/**
 * A date for people: 2026-11-01 in English, 01/11/2026 in Arabic. After Arabic letters the bidi
 * algorithm reads digits as Arabic numbers, which a slash keeps together and a hyphen splits apart.
 */
export function displayDate(instant: Date, timeZone: string, language: UiLanguage): string {
  const date = localDate(instant, timeZone);
  if (language === 'en') return date;
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** `acme-weekly-2026-11-01-2026-11-07`: the workspace, the kind and the days covered. */
export function reportFileName(
  slug: string,
  report: { kind: string; periodStart: Date; periodEnd: Date; timeZone: string },
): string {
  const first = localDate(report.periodStart, report.timeZone);
  const last = localDate(lastDayOf(report.periodEnd), report.timeZone);
  return `${slug}-${report.kind}-${first}-${last}`;
}
