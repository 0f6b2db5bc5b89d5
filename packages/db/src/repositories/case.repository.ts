import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gt,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  or,
  type SQL,
  type SQLWrapper,
  sql,
} from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { createBatchQueue } from '../batch-queue.ts';
import { type Database, type Executor, rowsOf } from '../database.ts';
import { caseEvent, customer, message, supportCase } from '../schema.ts';

const { searchVector: _searchVector, ...caseColumns } = getTableColumns(supportCase);
// A page of the list carries no triage reading: a few kilobytes of JSON per row nobody shows there.
const { triage: _triage, triagedAt: _triagedAt, triageLocked: _triageLocked, ...listColumns } = caseColumns;

export type CaseRow = Omit<typeof supportCase.$inferSelect, 'searchVector'>;
/** A row of the case list: the case without what only its own page shows (triage's reading). */
export type CaseListRow = Omit<CaseRow, 'triage' | 'triagedAt' | 'triageLocked'> & {
  customerName: string | null;
};
export type MessageRow = typeof message.$inferSelect;
export type CaseEventRow = typeof caseEvent.$inferSelect;

/** What manual intake writes: the case, who it is about, and who opened it. */
export type OpenCaseValues = {
  id: string;
  workspaceId: string;
  referencePrefix: string;
  /** The year of the workspace's time zone whose numbers the case takes. */
  referenceYear: number;
  subject: string;
  description: string;
  channel: string;
  kind: string;
  category: string | null;
  product: string | null;
  orderReference: string | null;
  region: string | null;
  priority: string;
  sentiment: string | null;
  language: string | null;
  teamId: string | null;
  assigneeId: string | null;
  tags: string[];
  customFields: Record<string, unknown>;
  /** Subject and description, normalised: indexed with the simple, Arabic and English configurations. */
  searchDocument: string;
  createdAt: Date;
  /** An existing customer already checked, or one to find by identity or create (or none: all null). */
  customer:
    | { id: string }
    | {
        name: string;
        email: string | null;
        phone: string | null;
        searchText: string;
        identity: { channel: string; externalId: string; handle: string | null } | null;
        /** The ids a new customer and its identity take, when none is found. */
        newIds: { customer: string; identity: string };
      }
    | null;
  actor: { userId: string | null; label: string };
  /** The case.created event's changes, without the reference number and customer (added when known). */
  eventChanges: Record<string, unknown>;
};

export type OpenedCase =
  | { problem: 'team' }
  | {
      problem: null;
      referenceNumber: string;
      customerId: string | null;
      /** The name of the customer found or created; null when the caller named an existing one. */
      customerName: string | null;
      eventId: number;
    };

/** The JSON sada_open_cases reads for one intake (see migrations/0003_open_cases_in_batches.sql). */
function intakeJson(values: OpenCaseValues) {
  const { customer } = values;
  const found = customer && 'id' in customer ? customer : undefined;
  const named = customer && !('id' in customer) ? customer : undefined;
  return {
    case_id: values.id,
    workspace_id: values.workspaceId,
    reference_prefix: values.referencePrefix,
    reference_year: values.referenceYear,
    subject: values.subject,
    description: values.description,
    channel: values.channel,
    kind: values.kind,
    category: values.category,
    product: values.product,
    order_reference: values.orderReference,
    region: values.region,
    priority: values.priority,
    sentiment: values.sentiment,
    language: values.language,
    team_id: values.teamId,
    assignee_id: values.assigneeId,
    tags: values.tags,
    custom_fields: values.customFields,
    search_document: values.searchDocument,
    created_at: values.createdAt,
    customer_id: found?.id ?? null,
    customer_name: named?.name ?? null,
    customer_email: named?.email ?? null,
    customer_phone: named?.phone ?? null,
    customer_search_text: named?.searchText ?? null,
    identity_channel: named?.identity?.channel ?? null,
    identity_external_id: named?.identity?.externalId ?? null,
    identity_handle: named?.identity?.handle ?? null,
    new_customer_id: named?.newIds.customer ?? null,
    new_identity_id: named?.newIds.identity ?? null,
    actor_user_id: values.actor.userId,
    actor_label: values.actor.label,
    event_changes: values.eventChanges,
  };
}

/**
 * Opens cases in one round trip: takes their numbers, finds or creates their customers, inserts each
 * with its case.created event and announces them. It commits on its own, so it takes the database,
 * never a transaction. One outcome per intake, in order.
 */
export async function openCases(database: Database, intakes: OpenCaseValues[]): Promise<OpenedCase[]> {
  const [row] = await database.query<{ p_outcomes: OpenedCase[] }>(
    'CALL sada_open_cases($1, NULL)',
    [JSON.stringify(intakes.map(intakeJson))],
    { name: 'sada_open_cases' },
  );
  return row!.p_outcomes;
}

/**
 * Opens one case; intakes handed in while an earlier call is on its way go together in the next one.
 * When a call fails, each of its cases is tried again alone, so one bad intake fails only itself; a
 * case the failed call had stored after all is answered as stored, never stored twice.
 */
export function createCaseOpener(database: Database): (intake: OpenCaseValues) => Promise<OpenedCase> {
  const queue = createBatchQueue<OpenCaseValues, OpenedCase>({
    run: (intakes) => openCases(database, intakes),
    maxItems: 32,
    // One call at a time: the cases that arrive meanwhile make the next call bigger, and fewer
    // calls cost PostgreSQL less than calls overlapping (measured with the bench at concurrency 16).
    maxInFlight: 1,
  });
  return (intake) => queue.submit(intake);
}

export async function findCaseByReference(executor: Executor, workspaceId: string, referenceNumber: string) {
  const [row] = await executor
    .select(caseColumns)
    .from(supportCase)
    .where(and(eq(supportCase.workspaceId, workspaceId), eq(supportCase.referenceNumber, referenceNumber)));
  return row;
}

/** Reads a case and locks its row until the transaction ends, so concurrent changes apply one after another. */
export async function lockCaseByReference(executor: Executor, workspaceId: string, referenceNumber: string) {
  const [row] = await executor
    .select(caseColumns)
    .from(supportCase)
    .where(and(eq(supportCase.workspaceId, workspaceId), eq(supportCase.referenceNumber, referenceNumber)))
    .for('update');
  return row;
}

/** lockCaseByReference by id, within a workspace. */
export async function lockCaseById(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select(caseColumns)
    .from(supportCase)
    .where(and(eq(supportCase.workspaceId, workspaceId), eq(supportCase.id, id)))
    .for('update');
  return row;
}

export async function findCaseById(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select(caseColumns)
    .from(supportCase)
    .where(and(eq(supportCase.workspaceId, workspaceId), eq(supportCase.id, id)));
  return row;
}

export async function updateCaseRow(
  executor: Executor,
  id: string,
  values: Partial<Omit<CaseRow, 'id' | 'workspaceId' | 'referenceNumber' | 'createdAt'>>,
): Promise<CaseRow> {
  const [row] = await executor
    .update(supportCase)
    .set(values)
    .where(eq(supportCase.id, id))
    .returning(caseColumns);
  return row!;
}

/** Replaces the search document of a case (subject, description and every message, normalised). */
export async function setCaseSearchDocument(executor: Executor, caseId: string, normalizedDocument: string) {
  await executor
    .update(supportCase)
    .set({ searchVector: sql`sada_search_vector(${normalizedDocument})` })
    .where(eq(supportCase.id, caseId));
}

/** Adds a message's (normalised) text to its case's search document. */
export async function appendCaseSearchText(executor: Executor, caseId: string, normalizedText: string) {
  await executor
    .update(supportCase)
    .set({ searchVector: sql`${supportCase.searchVector} || sada_search_vector(${normalizedText})` })
    .where(eq(supportCase.id, caseId));
}

export async function listMessagesOfCase(executor: Executor, caseId: string): Promise<MessageRow[]> {
  return executor
    .select()
    .from(message)
    .where(eq(message.caseId, caseId))
    .orderBy(asc(message.createdAt), asc(message.id));
}

export async function insertCaseEvent(
  executor: Executor,
  values: typeof caseEvent.$inferInsert,
): Promise<CaseEventRow> {
  const [row] = await executor.insert(caseEvent).values(values).returning();
  return row!;
}

export async function listEventsOfCase(executor: Executor, caseId: string): Promise<CaseEventRow[]> {
  return executor.select().from(caseEvent).where(eq(caseEvent.caseId, caseId)).orderBy(asc(caseEvent.id));
}

export type CaseSortKey = 'createdAt' | 'updatedAt' | 'priority';

/** Which cases of a workspace the list (and a view's counter) shows. */
export type CaseFilter = {
  workspaceId: string;
  statuses?: string[] | undefined;
  /** `null` in the list stands for "no team" / "unassigned". */
  teamIds?: (string | null)[] | undefined;
  assigneeIds?: (string | null)[] | undefined;
  priorities?: string[] | undefined;
  channels?: string[] | undefined;
  kinds?: string[] | undefined;
  /** `null` in these lists stands for "not set". */
  categories?: (string | null)[] | undefined;
  products?: (string | null)[] | undefined;
  regions?: (string | null)[] | undefined;
  sentiments?: (string | null)[] | undefined;
  tags?: string[] | undefined;
  customerId?: string | undefined;
  createdFrom?: Date | undefined;
  createdTo?: Date | undefined;
  /** Created on one of `weekdays` (0 = Sunday) and within one of `hours` of a time zone's clock. */
  createdLocally?: CreatedLocally | undefined;
  normalizedQuery?: string | undefined;
  /** Only cases with a running SLA clock due before this instant (see sla.repository.ts). */
  slaDueBefore?: Date | undefined;
};

/** Days of the week and hours of the day in a zone (the analytics' peak-hours cells); empty: any. */
export type CreatedLocally = { timeZone: string; weekdays: number[]; hours: number[] };

export type CaseListQuery = CaseFilter & {
  sort: CaseSortKey;
  order: 'asc' | 'desc';
  limit: number;
  /** Keyset cursor: the sort value and id of the last row of the previous page. */
  after?: { value: string; id: string } | undefined;
};

function oneOf(column: AnyPgColumn, values: (string | null)[]): SQL {
  const present = values.filter((value): value is string => value !== null);
  const parts: SQL[] = [];
  if (present.length > 0) parts.push(inArray(column, present));
  if (present.length !== values.length) parts.push(isNull(column));
  return parts.length === 1 ? parts[0]! : or(...parts)!;
}

// The same local clock as the analytics' peak hours: the weekday (0 = Sunday) and hour of the zone.
function createdLocallyConditions(createdAt: AnyPgColumn, when: CreatedLocally): SQL[] {
  const local = sql`(${createdAt} AT TIME ZONE ${when.timeZone})`;
  const conditions: SQL[] = [];
  if (when.weekdays.length > 0) {
    conditions.push(inArray(sql`extract(dow FROM ${local})::int`, when.weekdays));
  }
  if (when.hours.length > 0) conditions.push(inArray(sql`extract(hour FROM ${local})::int`, when.hours));
  return conditions;
}

/**
 * The columns a case filter reads: support_case's own, or the analytics' narrow copy of it
 * (case_metric), which lacks tags, customer, text and SLA clocks; those are then read from the cases.
 */
export type CaseFilterColumns = Record<
  | 'id'
  | 'workspaceId'
  | 'status'
  | 'teamId'
  | 'assigneeId'
  | 'priority'
  | 'channel'
  | 'kind'
  | 'category'
  | 'product'
  | 'region'
  | 'sentiment'
  | 'createdAt',
  AnyPgColumn
>;

export function caseFilterConditions(filter: CaseFilter, on: CaseFilterColumns = supportCase): SQL[] {
  const conditions: SQL[] = [eq(on.workspaceId, filter.workspaceId)];
  if (filter.statuses?.length) conditions.push(inArray(on.status, filter.statuses));
  if (filter.teamIds?.length) conditions.push(oneOf(on.teamId, filter.teamIds));
  if (filter.assigneeIds?.length) conditions.push(oneOf(on.assigneeId, filter.assigneeIds));
  if (filter.priorities?.length) conditions.push(inArray(on.priority, filter.priorities));
  if (filter.channels?.length) conditions.push(inArray(on.channel, filter.channels));
  if (filter.kinds?.length) conditions.push(inArray(on.kind, filter.kinds));
  if (filter.categories?.length) conditions.push(oneOf(on.category, filter.categories));
  if (filter.products?.length) conditions.push(oneOf(on.product, filter.products));
  if (filter.regions?.length) conditions.push(oneOf(on.region, filter.regions));
  if (filter.sentiments?.length) conditions.push(oneOf(on.sentiment, filter.sentiments));
  if (filter.createdFrom) conditions.push(gte(on.createdAt, filter.createdFrom));
  if (filter.createdTo) conditions.push(lte(on.createdAt, filter.createdTo));
  if (filter.createdLocally)
    conditions.push(...createdLocallyConditions(on.createdAt, filter.createdLocally));
  const onCases: SQL[] = [];
  if (filter.tags?.length) onCases.push(sql`${supportCase.tags} && ${sql.param(filter.tags)}::text[]`);
  if (filter.customerId) onCases.push(eq(supportCase.customerId, filter.customerId));
  if (filter.normalizedQuery) {
    onCases.push(sql`${supportCase.searchVector} @@ sada_search_query(${filter.normalizedQuery})`);
  }
  if (filter.slaDueBefore) {
    onCases.push(sql`EXISTS (SELECT 1 FROM case_sla AS s WHERE s.case_id = ${supportCase.id}
      AND s.completed_at IS NULL AND s.due_at < ${filter.slaDueBefore.toISOString()}::timestamptz)`);
  }
  if (on === supportCase) conditions.push(...onCases);
  else if (onCases.length > 0) {
    conditions.push(sql`${on.id} IN (SELECT ${supportCase.id} FROM ${supportCase}
      WHERE ${and(eq(supportCase.workspaceId, filter.workspaceId), ...onCases)})`);
  }
  return conditions;
}

/**
 * How many cases match a filter: one COUNT over the same indexes the list uses (workspace with
 * status, team or assignee; the text index for `q`), so its cost grows with the matching cases.
 */
export async function countCases(executor: Executor, filter: CaseFilter): Promise<number> {
  const [row] = await executor
    .select({ total: count() })
    .from(supportCase)
    .where(and(...caseFilterConditions(filter)));
  return row?.total ?? 0;
}

/**
 * Where a case stands in its queue within its priority: the earliest due time of its running SLA
 * clocks, else its arrival (to the millisecond, as cursors carry it). The assignment engine serves
 * the queue in this order, and the case list's priority sort shows it so.
 */
export function queueTime(caseId: SQLWrapper, createdAt: SQLWrapper): SQL {
  return sql`date_trunc('milliseconds', coalesce((SELECT min(s.due_at) FROM case_sla AS s
    WHERE s.case_id = ${caseId} AND s.completed_at IS NULL), ${createdAt}))`;
}

/**
 * A page of the case list. The priority sort is the queue's order: priority, then queue time
 * (see queueTime), then id; its cursor value is `<priority> <queue time ISO>`.
 */
export async function listCases(
  executor: Executor,
  query: CaseListQuery,
): Promise<(CaseListRow & { queueAt: Date | null })[]> {
  const conditions = caseFilterConditions(query);
  const isRareText = query.normalizedQuery
    ? await isRareSearch(executor, query.workspaceId, query.normalizedQuery)
    : false;
  const isQueue = query.sort === 'priority';
  const queueAt = queueTime(supportCase.id, supportCase.createdAt);
  const sortColumn = isQueue ? supportCase.priority : supportCase[query.sort];
  const beyond = query.order === 'desc' ? '<' : '>';
  if (query.after && isQueue) {
    const [priority, at] = splitQueueCursor(query.after.value);
    conditions.push(
      sql`(${supportCase.priority}, ${queueAt}, ${supportCase.id}) ${sql.raw(beyond)} (${priority}, ${at}::timestamptz, ${query.after.id}::uuid)`,
    );
  } else if (query.after) {
    const value = new Date(query.after.value);
    const further = query.order === 'desc' ? lt : gt;
    conditions.push(
      or(further(sortColumn, value), and(eq(sortColumn, value), further(supportCase.id, query.after.id)))!,
    );
  }
  const direction = query.order === 'desc' ? desc : asc;
  // For rare words, sorting by an expression keeps PostgreSQL off the date index: it takes the few
  // hits from the text index and sorts them, instead of walking every case newest-first looking for them.
  const sortKey = isRareText
    ? isQueue
      ? sql`(${sortColumn} || '')`
      : sql`(${sortColumn} + interval '0 seconds')`
    : sortColumn;
  const order = isQueue
    ? [direction(sortKey), direction(queueAt), direction(supportCase.id)]
    : [direction(sortKey), direction(supportCase.id)];
  // The page is chosen first and only its rows are joined to their customers' names.
  const page = executor
    .select({
      ...listColumns,
      queueAt: isQueue ? sql<Date>`${queueAt}`.as('queue_at') : sql<null>`null`.as('queue_at'),
    })
    .from(supportCase)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(query.limit)
    .as('page');
  const pageOrder = isQueue
    ? [direction(page.priority), direction(page.queueAt), direction(page.id)]
    : [direction(page[query.sort]), direction(page.id)];
  const rows = await executor
    .select({ ...page._.selectedFields, customerName: customer.name })
    .from(page)
    .leftJoin(customer, eq(customer.id, page.customerId))
    .orderBy(...pageOrder);
  // A raw SQL column reads as text on some drivers: every row answers a Date or null.
  return rows.map((row) => ({ ...row, queueAt: row.queueAt === null ? null : new Date(row.queueAt) }));
}

/** A priority cursor's value, `<priority> <queue time ISO>`; throws on anything else. */
export function splitQueueCursor(value: string): [priority: string, at: string] {
  const [priority, at, extra] = value.split(' ');
  if (!priority || !at || extra !== undefined || Number.isNaN(Date.parse(at))) {
    throw new RangeError('not a queue cursor');
  }
  return [priority, new Date(at).toISOString()];
}

const RARE_SEARCH_HITS = 200;

/** Whether a text query matches fewer than 200 cases of the workspace (a cheap, capped count). */
async function isRareSearch(
  executor: Executor,
  workspaceId: string,
  normalizedQuery: string,
): Promise<boolean> {
  const result = await executor.execute<{ hits: number }>(sql`
    SELECT count(*)::int AS hits FROM (
      SELECT 1 FROM support_case
      WHERE workspace_id = ${workspaceId} AND search_vector @@ sada_search_query(${normalizedQuery})
      LIMIT ${RARE_SEARCH_HITS}
    ) AS probe`);
  return Number(rowsOf<{ hits: number }>(result)[0]?.hits ?? 0) < RARE_SEARCH_HITS;
}
