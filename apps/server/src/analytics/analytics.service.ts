import type {
  BacklogQuery,
  BacklogReport,
  CaseExportQuery,
  CaseFieldValues,
  CaseFieldValuesQuery,
  EmergingIssues,
  HandlingQuery,
  HandlingReport,
  HeatmapQuery,
  HeatmapReport,
  VolumeQuery,
  VolumeReport,
} from '@sada/contracts';
import { assertCan, type Clock, type CsvValue, csvHeader, csvLine } from '@sada/core';
import {
  BACKLOG_AGE_DAYS,
  countBacklogByAge,
  countByWeekdayHour,
  countCaseFieldValues,
  countCaseVolume,
  type Database,
  type HandlingRow,
  listCaseSatisfaction,
  listCases,
  listCaseTexts,
  listFieldDefinitions,
  listTeams,
  listUsers,
  reportCaseHandling,
} from '@sada/db';
import { findEmergingIssues } from '@sada/triage';
import type { Actor } from '../auth/actor.ts';
import { caseFilterFor } from '../cases/case-filters.ts';
import { PRIVATE_INVITATION_DAYS } from '../channels/social-channels.service.ts';
import { withSlaSummaries } from '../sla/sla-sync.ts';

/** The newest cases of a range that the emerging issues read. */
const ISSUE_CASES = 2000;

/** The most values of a field the page's filters offer. */
const FIELD_VALUES = 200;

/** Cases read per query while exporting: the file streams out page by page. */
const EXPORT_PAGE = 500;

type ExportColumn = { en: string; ar: string };

const EXPORT_COLUMNS = {
  reference: { en: 'Reference', ar: 'المرجع' },
  subject: { en: 'Subject', ar: 'الموضوع' },
  status: { en: 'Status', ar: 'الحالة' },
  channel: { en: 'Channel', ar: 'القناة' },
  kind: { en: 'Kind', ar: 'النوع' },
  category: { en: 'Category', ar: 'التصنيف' },
  product: { en: 'Product', ar: 'المنتج' },
  region: { en: 'Region', ar: 'المنطقة' },
  priority: { en: 'Priority', ar: 'الأولوية' },
  sentiment: { en: 'Sentiment', ar: 'المشاعر' },
  language: { en: 'Language', ar: 'اللغة' },
  team: { en: 'Team', ar: 'الفريق' },
  assignee: { en: 'Assignee', ar: 'المسؤول' },
  customer: { en: 'Customer', ar: 'العميل' },
  tags: { en: 'Tags', ar: 'الوسوم' },
  createdAt: { en: 'Created (UTC)', ar: 'أُنشئت (UTC)' },
  firstResponseAt: { en: 'First response (UTC)', ar: 'أول رد (UTC)' },
  firstResponseMinutes: { en: 'Minutes to first response', ar: 'دقائق حتى أول رد' },
  resolvedAt: { en: 'Resolved (UTC)', ar: 'حُلّت (UTC)' },
  closedAt: { en: 'Closed (UTC)', ar: 'أُغلقت (UTC)' },
  slaStatus: { en: 'SLA', ar: 'اتفاقية الخدمة' },
  slaDueAt: { en: 'SLA due (UTC)', ar: 'موعد اتفاقية الخدمة (UTC)' },
  csatRating: { en: 'CSAT (1-5)', ar: 'الرضا (1-5)' },
  nps: { en: 'NPS (0-10)', ar: 'صافي نقاط الترويج (0-10)' },
  csatComment: { en: 'Survey comment', ar: 'تعليق الاستبيان' },
} satisfies Record<string, ExportColumn>;

/** Figures across the workspace for analysts, supervisors and admins: volume and the case export. */
export function createAnalyticsService({ database, clock }: { database: Database; clock: Clock }) {
  const db = database.orm;

  return {
    /** Cases per day or week of the workspace's zone, one series per value of a field, zeros kept. */
    async volume(actor: Actor, query: VolumeQuery): Promise<VolumeReport> {
      assertCan(actor.role, 'analytics:read');
      const { timeZone } = actor.workspace;
      const [counted, teams] = await Promise.all([
        countCaseVolume(db, {
          filter: caseFilterFor(actor, query),
          by: query.by,
          interval: query.interval,
          timeZone,
          from: new Date(query.from),
          to: new Date(query.to),
        }),
        query.by === 'team' ? listTeams(db, actor.workspace.id) : [],
      ]);
      const teamNames = new Map(teams.map((team) => [team.id, team.name]));
      const series = new Map<string | null, number[]>();
      for (const { key, bucket, count } of counted.counts) {
        const counts = series.get(key) ?? counted.buckets.map(() => 0);
        counts[bucket] = (counts[bucket] ?? 0) + count;
        series.set(key, counts);
      }
      return {
        interval: query.interval,
        timeZone,
        series: [...series]
          .map(([key, counts]) => ({
            key,
            label: key === null ? null : query.by === 'team' ? (teamNames.get(key) ?? key) : key,
            total: counts.reduce((sum, count) => sum + count, 0),
            points: counted.buckets.map((start, index) => ({
              t: start.toISOString(),
              count: counts[index] ?? 0,
            })),
          }))
          .sort((a, b) => b.total - a.total || String(a.key).localeCompare(String(b.key))),
      };
    },

    /**
     * How the cases created in the range were handled, one row per team, agent or channel (the
     * biggest first) and a total over all of them: medians and percentiles are not summed, the
     * total is read from the cases themselves.
     */
    async handling(actor: Actor, query: HandlingQuery): Promise<HandlingReport> {
      assertCan(actor.role, 'analytics:read');
      const range = {
        filter: caseFilterFor(actor, query),
        from: new Date(query.from),
        to: new Date(query.to),
        invitationsOpenSince: new Date(clock.now().getTime() - PRIVATE_INVITATION_DAYS * 86_400_000),
      };
      const [{ groups, total }, teams, users] = await Promise.all([
        reportCaseHandling(db, { ...range, by: query.by }),
        query.by === 'team' ? listTeams(db, actor.workspace.id) : [],
        query.by === 'agent' ? listUsers(db, actor.workspace.id) : [],
      ]);
      const names = new Map<string, string>([
        ...teams.map((team) => [team.id, team.name] as const),
        ...users.map((user) => [user.id, user.name] as const),
      ]);
      return {
        rows: groups
          .map((row) => handlingView(row, row.key === null ? null : (names.get(row.key) ?? row.key)))
          .sort((a, b) => b.cases - a.cases || String(a.label).localeCompare(String(b.label))),
        total: handlingView(total, null),
      };
    },

    /** The products or regions of the cases created in the range, most frequent first: the filters' choices. */
    async fieldValues(actor: Actor, query: CaseFieldValuesQuery): Promise<CaseFieldValues> {
      assertCan(actor.role, 'analytics:read');
      const items = await countCaseFieldValues(db, {
        workspaceId: actor.workspace.id,
        field: query.field,
        from: new Date(query.from),
        to: new Date(query.to),
        limit: FIELD_VALUES,
      });
      return { field: query.field, items };
    },

    /** The open cases now, per age band (under 1, 3, 7, 30 days, and older) and status. */
    async backlog(actor: Actor, query: BacklogQuery): Promise<BacklogReport> {
      assertCan(actor.role, 'analytics:read');
      const now = clock.now();
      const counted = await countBacklogByAge(db, { filter: caseFilterFor(actor, query, now), now });
      const bands = [...BACKLOG_AGE_DAYS, null].map((underDays) => ({
        underDays,
        new: 0,
        open: 0,
        pending: 0,
        total: 0,
      }));
      for (const { status, band, count } of counted) {
        const row = bands[band]!;
        if (status === 'new' || status === 'open' || status === 'pending') row[status] += count;
        row.total += count;
      }
      return { asOf: now, total: bands.reduce((sum, band) => sum + band.total, 0), bands };
    },

    /**
     * What the complaints of the range are about: the newest 2000 (spam and abuse left out) grouped
     * by their words (findEmergingIssues in @sada/triage), the ten biggest groups with examples.
     */
    async issues(actor: Actor, query: HeatmapQuery): Promise<EmergingIssues> {
      assertCan(actor.role, 'analytics:read');
      const from = new Date(query.from);
      const to = new Date(query.to);
      const cases = await listCaseTexts(db, {
        filter: caseFilterFor(actor, query),
        from,
        to,
        limit: ISSUE_CASES,
      });
      const byId = new Map(cases.map((row) => [row.id, row]));
      const issues = findEmergingIssues(
        cases.map((row) => ({ id: row.id, text: `${row.subject}\n${row.description}`, at: row.createdAt })),
        { from, to },
      );
      return {
        cases: cases.length,
        issues: issues.slice(0, 10).map((issue) => ({
          terms: issue.terms,
          size: issue.size,
          earlier: issue.earlier,
          later: issue.later,
          trend: issue.trend,
          examples: issue.ids.slice(0, 3).map((id) => {
            const row = byId.get(id)!;
            return { referenceNumber: row.referenceNumber, subject: row.subject };
          }),
        })),
      };
    },

    /** When complaints arrive: cases per weekday and hour of the workspace's zone (peak hours). */
    async heatmap(actor: Actor, query: HeatmapQuery): Promise<HeatmapReport> {
      assertCan(actor.role, 'analytics:read');
      const { timeZone } = actor.workspace;
      const cells = await countByWeekdayHour(db, {
        filter: caseFilterFor(actor, query),
        timeZone,
        from: new Date(query.from),
        to: new Date(query.to),
      });
      const counts = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
      for (const cell of cells) counts[cell.weekday]![cell.hour] = cell.count;
      return { timeZone, counts, total: cells.reduce((sum, cell) => sum + cell.count, 0) };
    },

    /**
     * The cases the list's filters select, one CSV line each, oldest first: every field, the SLA
     * standing, the latest survey answer and one column per custom field. The role is checked at
     * once; the lines stream out page by page.
     */
    exportCases(actor: Actor, query: CaseExportQuery): { fileName: string; lines: AsyncGenerator<string> } {
      assertCan(actor.role, 'analytics:read');
      const day = clock.now().toISOString().slice(0, 10);
      return { fileName: `${actor.workspace.slug}-cases-${day}.csv`, lines: exportLines(actor, query) };
    },
  };

  async function* exportLines(actor: Actor, query: CaseExportQuery): AsyncGenerator<string> {
    const language = query.lang ?? actor.language;
    const workspaceId = actor.workspace.id;
    const [fields, teams, users] = await Promise.all([
      listFieldDefinitions(db, workspaceId),
      listTeams(db, workspaceId),
      listUsers(db, workspaceId),
    ]);
    const teamNames = new Map(teams.map((team) => [team.id, team.name]));
    const userNames = new Map(users.map((user) => [user.id, user.name]));
    yield csvHeader([
      ...Object.values(EXPORT_COLUMNS).map((column) => column[language]),
      ...fields.map((field) => (language === 'ar' ? field.labelAr : field.labelEn)),
    ]);
    const filter = caseFilterFor(actor, query, clock.now());
    let after: { value: string; id: string } | undefined;
    for (;;) {
      const rows = await listCases(db, {
        ...filter,
        sort: 'createdAt',
        order: 'asc',
        limit: EXPORT_PAGE,
        after,
      });
      if (rows.length === 0) return;
      const [summaries, satisfaction] = await Promise.all([
        withSlaSummaries(db, rows, clock.now()),
        listCaseSatisfaction(
          db,
          workspaceId,
          rows.map((row) => row.id),
        ),
      ]);
      const answers = new Map(satisfaction.map((answer) => [answer.caseId, answer]));
      let chunk = '';
      rows.forEach((row, index) => {
        const sla = summaries[index];
        const answer = answers.get(row.id);
        const values: CsvValue[] = [
          row.referenceNumber,
          row.subject,
          row.status,
          row.channel,
          row.kind,
          row.category,
          row.product,
          row.region,
          row.priority,
          row.sentiment,
          row.language,
          row.teamId ? (teamNames.get(row.teamId) ?? '') : '',
          row.assigneeId ? (userNames.get(row.assigneeId) ?? '') : '',
          row.customerName,
          row.tags.join('; '),
          row.createdAt,
          row.firstResponseAt,
          row.firstResponseAt
            ? Math.round((row.firstResponseAt.getTime() - row.createdAt.getTime()) / 60_000)
            : null,
          row.resolvedAt,
          row.closedAt,
          sla?.slaStatus ?? null,
          sla?.slaDueAt ?? null,
          answer?.rating ?? null,
          answer?.nps ?? null,
          answer?.comment ?? null,
          ...fields.map((field) => exportValue(row.customFields[field.key])),
        ];
        chunk += csvLine(values);
      });
      yield chunk;
      const last = rows.at(-1)!;
      if (rows.length < EXPORT_PAGE) return;
      after = { value: last.createdAt.toISOString(), id: last.id };
    }
  }
}

/** A custom field's value as a cell: lists joined, anything else as written. */
function exportValue(value: unknown): CsvValue {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/**
 * A group's figures with the rates a reader compares: reopen rate, SLA compliance, CSAT, NPS and
 * acceptance of move-to-private (invitations still waiting for an answer are left out of it).
 */
function handlingView(row: HandlingRow, label: string | null): HandlingReport['total'] {
  const { sla, csat, nps, privateMove } = row;
  return {
    key: row.key === 'all' ? null : row.key,
    label,
    cases: row.cases,
    open: row.open,
    resolved: row.resolved,
    reopened: row.reopened,
    reopenRate: ratio(row.reopened, row.everResolved),
    firstResponse: row.firstResponse,
    resolution: row.resolution,
    sla: { ...sla, compliance: ratio(sla.met, sla.met + sla.breached) },
    csat: { answered: csat.answered, average: csat.average, score: ratio(csat.satisfied, csat.answered) },
    nps: {
      answered: nps.answered,
      score: nps.answered === 0 ? null : Math.round(((nps.promoters - nps.detractors) / nps.answered) * 100),
    },
    compensation: row.compensation,
    privateMove: {
      ...privateMove,
      rate: ratio(privateMove.accepted, privateMove.invited - privateMove.waiting),
    },
  };
}
