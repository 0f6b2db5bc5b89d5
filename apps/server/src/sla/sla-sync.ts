// The one place a case's SLA clocks follow the case: every path that changes a case (the API, e-mail,
// the form, the status page, chat, social, bulk actions, triage and routing) calls syncCaseSla in its
// own transaction, after the change. The clocks are derived from the case's state, so calling it
// again changes nothing. See README.md in this folder for the rules.
import {
  businessTimeOf,
  type CaseKind,
  type CaseStatus,
  type Channel,
  type Clock,
  choosePolicy,
  type Priority,
  planSlaClocks,
  type SlaClock,
  type SlaConditions,
  type SlaEscalation,
  type SlaTarget,
  type SlaTargetSeconds,
  slaStanding,
} from '@sada/core';
import {
  announceCaseUpdated,
  type CaseListRow,
  type CaseRow,
  type CaseSlaRow,
  type Database,
  type Executor,
  findCaseById,
  findSlaFactsOfCase,
  insertCaseEvent,
  listClocksOfCase,
  listClocksOfCases,
  listOpenCaseIds,
  listOpenCaseIdsOfCustomer,
  listSlaPolicies,
  lockCaseById,
  type SlaPolicyRow,
  saveClocksOfCase,
} from '@sada/db';
import { calendarOfCase } from '../calendars/calendar-of.ts';
import { publicCase } from '../cases/case.mapper.ts';

/** Who the timeline says changed the clocks. */
export const SLA_LABEL = 'Sada SLA';

export function conditionsOf(row: SlaPolicyRow): SlaConditions {
  return row.conditions as SlaConditions;
}

export function escalationOf(row: SlaPolicyRow): SlaEscalation {
  const stored = row.escalation as Partial<SlaEscalation>;
  return {
    warnAtPercent: stored.warnAtPercent ?? null,
    notifySupervisors: stored.notifySupervisors ?? false,
    raisePriority: stored.raisePriority ?? false,
    returnToQueue: stored.returnToQueue ?? false,
  };
}

function targetSecondsOf(row: SlaPolicyRow): SlaTargetSeconds {
  const seconds = (minutes: number | null) => (minutes === null ? null : minutes * 60);
  return {
    first_response: seconds(row.firstResponseMinutes),
    next_response: seconds(row.nextResponseMinutes),
    update: seconds(row.updateMinutes),
    resolution: seconds(row.resolutionMinutes),
  };
}

export function clockOf(row: CaseSlaRow): SlaClock {
  return {
    target: row.target as SlaTarget,
    targetSeconds: row.targetSeconds,
    consumedSeconds: row.consumedSeconds,
    startedAt: row.startedAt,
    runningSince: row.runningSince,
    dueAt: row.dueAt,
    warnAt: row.warnAt,
    completedAt: row.completedAt,
    escalationLevel: row.escalationLevel,
  };
}

const isClosed = (status: string) => status === 'resolved' || status === 'closed';
// Rows compared column by column in one order: nothing changed, nothing is written or announced.
const CLOCK_COLUMNS: (keyof CaseSlaRow)[] = [
  'target',
  'policyId',
  'targetSeconds',
  'consumedSeconds',
  'startedAt',
  'runningSince',
  'dueAt',
  'warnAt',
  'completedAt',
  'breachedAt',
  'escalationLevel',
];
const canonical = (rows: CaseSlaRow[]) =>
  JSON.stringify(
    [...rows]
      .sort((x, y) => x.target.localeCompare(y.target))
      .map((row) => CLOCK_COLUMNS.map((column) => row[column] ?? null)),
  );
const sameClocks = (a: CaseSlaRow[], b: CaseSlaRow[]) => canonical(a) === canonical(b);

/**
 * Brings a (locked) case's clocks in line with the case: chooses the policy (an open case's is chosen
 * again each time; a resolved or closed case keeps the one it had), moves each clock, and records on
 * the timeline a policy newly applied and escalations that no longer hold. Returns whether anything changed.
 */
export async function syncCaseSla(
  tx: Executor,
  caseOrId: CaseRow | { id: string; workspaceId: string },
  now: Date,
): Promise<boolean> {
  const row =
    'status' in caseOrId ? (caseOrId as CaseRow) : await findCaseById(tx, caseOrId.workspaceId, caseOrId.id);
  if (!row) return false;
  const [policies, before] = await Promise.all([
    listSlaPolicies(tx, row.workspaceId),
    listClocksOfCase(tx, row.id),
  ]);
  if (policies.length === 0 && before.length === 0) return false;
  const facts = await findSlaFactsOfCase(tx, row.id, row.customerId);
  const previousPolicyId = before[0]?.policyId ?? null;
  const policy = isClosed(row.status)
    ? policies.find((candidate) => candidate.id === previousPolicyId)
    : choosePolicy(
        policies.map((candidate) => ({ ...candidate, conditions: conditionsOf(candidate) })),
        {
          priority: row.priority as Priority,
          channel: row.channel as Channel,
          kind: row.kind as CaseKind,
          teamId: row.teamId,
          customerTags: facts.customerTags,
        },
      );
  const event = (type: 'sla.policy_applied' | 'sla.cleared', changes: Record<string, unknown>) =>
    insertCaseEvent(tx, {
      workspaceId: row.workspaceId,
      caseId: row.id,
      type,
      actorUserId: null,
      actorLabel: SLA_LABEL,
      changes,
      createdAt: now,
    });
  if (!policy) {
    if (before.length === 0) return false;
    await saveClocksOfCase(tx, row.id, []);
    await event('sla.cleared', {
      reason: 'no_policy',
      policyId: previousPolicyId,
      targets: before.filter((clock) => clock.escalationLevel > 0).map((clock) => clock.target),
    });
    return true;
  }
  const calendar = await calendarOfCase(tx, row.workspaceId, row.teamId, policy.calendarId);
  const plan = planSlaClocks({
    clocks: before.map(clockOf),
    targets: targetSecondsOf(policy),
    warnAtPercent: escalationOf(policy).warnAtPercent,
    state: {
      createdAt: row.createdAt,
      status: row.status as CaseStatus,
      firstReplyAt: facts.firstReplyAt,
      lastReplyAt: facts.lastReplyAt,
      waitingSince: facts.waitingSince,
    },
    now,
    time: businessTimeOf(calendar),
  });
  const after: CaseSlaRow[] = plan.clocks.map((clock) => {
    const previous = before.find((stored) => stored.target === clock.target);
    const isSameRun = previous && previous.startedAt.getTime() === clock.startedAt.getTime();
    return {
      ...clock,
      caseId: row.id,
      workspaceId: row.workspaceId,
      policyId: policy.id,
      breachedAt: isSameRun && clock.escalationLevel === 2 ? (previous.breachedAt ?? null) : null,
    };
  });
  if (sameClocks(before, after)) return false;
  await saveClocksOfCase(tx, row.id, after);
  if (policy.id !== previousPolicyId) {
    await event('sla.policy_applied', { policyId: policy.id, policyName: policy.name, previousPolicyId });
  }
  if (plan.cleared.length > 0) {
    await event('sla.cleared', { reason: 'condition_gone', policyId: policy.id, targets: plan.cleared });
  }
  return true;
}

/** A case's clocks as the API shows them: due time, status, and by how much in business time. */
export async function caseSlaOf(executor: Executor, row: CaseRow, now: Date) {
  const clocks = await listClocksOfCase(executor, row.id);
  if (clocks.length === 0) return [];
  const policies = await listSlaPolicies(executor, row.workspaceId);
  const policy = policies.find((candidate) => candidate.id === clocks[0]!.policyId);
  const calendar = await calendarOfCase(executor, row.workspaceId, row.teamId, policy?.calendarId ?? null);
  const time = businessTimeOf(calendar);
  const order = ['first_response', 'next_response', 'update', 'resolution'];
  return clocks
    .sort((a, b) => order.indexOf(a.target) - order.indexOf(b.target))
    .map((stored) => {
      const clock = clockOf(stored);
      return {
        target: clock.target,
        dueAt: clock.dueAt,
        startedAt: clock.startedAt,
        completedAt: clock.completedAt,
        escalationLevel: clock.escalationLevel,
        ...slaStanding(clock, now, time),
      };
    });
}

/**
 * The list's SLA columns for a page of cases: the earliest due time of running clocks and the worst
 * standing (breached before running before paused before met), read from due times alone.
 */
async function slaSummariesOf(executor: Executor, rows: CaseListRow[], now: Date) {
  const clocks = await listClocksOfCases(
    executor,
    rows.map((row) => row.id),
  );
  const summaries = new Map<string, { slaDueAt: Date | null; slaStatus: SlaSummaryStatus | null }>();
  for (const row of rows) {
    const own = clocks.filter((clock) => clock.caseId === row.id);
    // Running and paused clocks speak for the case now; completed ones only when nothing runs.
    const open = own.filter((clock) => !clock.completedAt);
    const deciding = open.length > 0 ? open : own;
    const dueTimes = open.flatMap((clock) => (clock.dueAt ? [clock.dueAt.getTime()] : []));
    const worst = deciding
      .map((clock) => quickStatusOf(clock, now))
      .sort((a, b) => SEVERITY.indexOf(b) - SEVERITY.indexOf(a))[0];
    summaries.set(row.id, {
      slaDueAt: dueTimes.length > 0 ? new Date(Math.min(...dueTimes)) : null,
      slaStatus: worst ?? null,
    });
  }
  return summaries;
}

type SlaSummaryStatus = 'running' | 'paused' | 'met' | 'breached';
const SEVERITY: SlaSummaryStatus[] = ['met', 'paused', 'running', 'breached'];

function quickStatusOf(clock: CaseSlaRow, now: Date): SlaSummaryStatus {
  if (clock.completedAt) {
    const isLate = clock.dueAt
      ? clock.completedAt > clock.dueAt
      : clock.consumedSeconds > clock.targetSeconds;
    return isLate ? 'breached' : 'met';
  }
  if (!clock.dueAt) return clock.consumedSeconds > clock.targetSeconds ? 'breached' : 'paused';
  return now > clock.dueAt ? 'breached' : 'running';
}

/** The list's rows with their SLA columns (slaDueAt, slaStatus). */
export async function withSlaSummaries(executor: Executor, rows: CaseListRow[], now: Date) {
  const summaries = await slaSummariesOf(executor, rows, now);
  return rows.map((row) => ({
    ...publicCase(row),
    ...(summaries.get(row.id) ?? { slaDueAt: null, slaStatus: null }),
  }));
}

/** Syncs one case under its lock, in a transaction of its own; announces it when its clocks changed. */
async function resyncCase(database: Database, workspaceId: string, caseId: string, now: Date) {
  await database.orm.transaction(async (tx) => {
    const row = await lockCaseById(tx, workspaceId, caseId);
    if (row && (await syncCaseSla(tx, row, now))) await announceCaseUpdated(tx, row);
  });
}

/** After a customer's tags changed (or customers merged): their open cases may fall under another policy. */
export async function resyncCustomerCases(
  database: Database,
  workspaceId: string,
  customerId: string,
  now: Date,
) {
  for (const id of await listOpenCaseIdsOfCustomer(database.orm, workspaceId, customerId)) {
    await resyncCase(database, workspaceId, id, now);
  }
}

const RESYNC_BATCH = 200;

/**
 * Every open case of the workspace chooses its policy again and is due anew (after policies or
 * calendars changed), a batch at a time, each case on its own, before the caller answers.
 */
export async function resyncOpenCases(database: Database, workspaceId: string, clock: Clock) {
  let afterId: string | null = null;
  for (;;) {
    const ids = await listOpenCaseIds(database.orm, workspaceId, { afterId, limit: RESYNC_BATCH });
    for (const id of ids) await resyncCase(database, workspaceId, id, clock.now());
    if (ids.length < RESYNC_BATCH) return;
    afterId = ids.at(-1)!;
  }
}
