import { canonicalTimeZone } from '@sada/core';
import { z } from 'zod';
import { localizedMessage, nonEmptyText, uuid } from './common.ts';

const clockTime = z
  .string()
  .regex(
    /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/,
    localizedMessage(
      'Use a time as HH:MM (00:00 to 24:00).',
      'اكتب الوقت بالصيغة HH:MM (من 00:00 إلى 24:00).',
    ),
  );

/** One weekly opening in the calendar's zone: day 0 = Sunday … 6 = Saturday; `to` may be "24:00". */
export const calendarSpan = z
  .strictObject({ day: z.number().int().min(0).max(6), from: clockTime, to: clockTime })
  .refine((span) => span.from < span.to, {
    path: ['to'],
    message: localizedMessage(
      'An opening must end after it starts; split one that crosses midnight into 22:00–24:00 and 00:00–06:00 of the next day.',
      'يجب أن تنتهي فترة العمل بعد بدايتها؛ قسّم الفترة التي تتجاوز منتصف الليل إلى 22:00–24:00 و00:00–06:00 من اليوم التالي.',
    ),
  })
  .meta({ id: 'CalendarSpan' });

/** A whole local day closed. */
export const calendarHoliday = z
  .strictObject({
    date: z.iso.date(localizedMessage('Use a date as YYYY-MM-DD.', 'اكتب التاريخ بالصيغة YYYY-MM-DD.')),
    name: nonEmptyText(100),
  })
  .meta({ id: 'CalendarHoliday' });

const timeZone = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((zone) => canonicalTimeZone(zone) !== undefined, {
    message: localizedMessage(
      'Unknown time zone; use an IANA name such as Asia/Riyadh or Africa/Cairo.',
      'منطقة زمنية غير معروفة؛ استخدم اسمًا من قاعدة IANA مثل Asia/Riyadh أو Africa/Cairo.',
    ),
  })
  .transform((zone) => canonicalTimeZone(zone) ?? zone);

const DAY_NAMES = [
  ['Sunday', 'الأحد'],
  ['Monday', 'الاثنين'],
  ['Tuesday', 'الثلاثاء'],
  ['Wednesday', 'الأربعاء'],
  ['Thursday', 'الخميس'],
  ['Friday', 'الجمعة'],
  ['Saturday', 'السبت'],
] as const;

/** A week of openings: no two spans of one day overlap. */
export const calendarHours = z
  .array(calendarSpan)
  .max(100)
  .superRefine((spans, context) => {
    const sorted = spans
      .map((span, index) => ({ ...span, index }))
      .sort((a, b) => a.day - b.day || a.from.localeCompare(b.from));
    for (let i = 1; i < sorted.length; i += 1) {
      const previous = sorted[i - 1];
      const span = sorted[i];
      if (!previous || !span || previous.day !== span.day || span.from >= previous.to) continue;
      const [en, ar] = DAY_NAMES[span.day] ?? ['', ''];
      context.addIssue({
        code: 'custom',
        path: [span.index],
        message: localizedMessage(
          `${en}: ${previous.from}–${previous.to} and ${span.from}–${span.to} overlap; join them into one opening.`,
          `${ar}: الفترتان ${previous.from}–${previous.to} و${span.from}–${span.to} متداخلتان؛ اجمعهما في فترة واحدة.`,
        ),
      });
    }
  });

/** Holidays, one per date. */
export const calendarHolidays = z
  .array(calendarHoliday)
  .max(400)
  .superRefine((holidays, context) => {
    const seen = new Set<string>();
    holidays.forEach((holiday, index) => {
      if (seen.has(holiday.date)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'date'],
          message: localizedMessage(
            `${holiday.date} is listed twice; keep one holiday per date.`,
            `التاريخ ${holiday.date} مذكور مرتين؛ أبقِ عطلة واحدة لكل تاريخ.`,
          ),
        });
      }
      seen.add(holiday.date);
    });
  });

const needsHours = {
  path: ['hours'],
  message: localizedMessage(
    'Add at least one opening, or make the calendar open 24/7.',
    'أضف فترة عمل واحدة على الأقل، أو اجعل التقويم مفتوحًا على مدار الساعة.',
  ),
};

/** A business calendar: when a desk works, for SLA clocks, out-of-hours replies and staffing. */
export const businessCalendar = z
  .object({
    id: uuid,
    name: z.string(),
    timeZone: z.string(),
    isAlwaysOpen: z.boolean(),
    hours: z.array(z.object({ day: z.number(), from: z.string(), to: z.string() })),
    holidays: z.array(z.object({ date: z.string(), name: z.string() })),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'BusinessCalendar' });

/** The workspace's calendars, which one is the workspace's (null: open around the clock), and each team's. */
export const calendarList = z.object({
  items: z.array(businessCalendar),
  workspaceCalendarId: uuid.nullable(),
  teams: z.array(z.object({ id: uuid, name: z.string(), calendarId: uuid.nullable() })),
});

export const createCalendarRequest = z
  .strictObject({
    name: nonEmptyText(100),
    timeZone,
    isAlwaysOpen: z.boolean().default(false),
    hours: calendarHours.default([]),
    holidays: calendarHolidays.default([]),
  })
  .refine((calendar) => calendar.isAlwaysOpen || calendar.hours.length > 0, needsHours);

/** Fields left out stay; `hours` and `holidays` replace the whole list. */
export const updateCalendarRequest = z.strictObject({
  name: nonEmptyText(100).optional(),
  timeZone: timeZone.optional(),
  isAlwaysOpen: z.boolean().optional(),
  hours: calendarHours.optional(),
  holidays: calendarHolidays.optional(),
});

/** Choose the workspace's calendar (null: open around the clock) or a team's (null: the workspace's). */
export const chooseCalendarRequest = z.strictObject({ calendarId: uuid.nullable() });

/** `GET /api/staffing`: inbound volume of the last `weeks` weeks, optionally one team's, and the handling time to plan with. */
export const staffingQuery = z.object({
  weeks: z.coerce.number().int().min(1).max(26).default(4),
  team: uuid.optional(),
  handleMinutes: z.coerce.number().min(1).max(480).default(10),
});

/** One hour of the week in the workspace's zone: weekday 0 = Sunday, hour 0–23. */
export const staffingCell = z.object({
  weekday: z.number().int(),
  hour: z.number().int(),
  /** Cases created in this hour of the week, averaged over the weeks. */
  arrivalsPerHour: z.number(),
  /** Erlang C: agents answering `serviceLevel` of them within the first-response target. */
  agentsNeeded: z.number().int(),
  /** Agents on shift, counting the part of the hour each shift covers. */
  agentsScheduled: z.number(),
});

export const staffingGrid = z
  .object({
    timeZone: z.string(),
    weeks: z.number().int(),
    since: z.date(),
    handleMinutes: z.number(),
    /** The first-response target of the first SLA policy that has one, else 60 minutes. */
    targetMinutes: z.number(),
    serviceLevel: z.number(),
    /** 168 cells, by weekday then hour. */
    cells: z.array(staffingCell),
  })
  .meta({ id: 'StaffingGrid' });
