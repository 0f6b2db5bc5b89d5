import {
  and,
  asc,
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
  sql,
} from 'drizzle-orm';
import { type Executor, rowsOf } from '../database.ts';
import { caseEvent, customer, message, supportCase } from '../schema.ts';

const { searchVector: _searchVector, ...caseColumns } = getTableColumns(supportCase);

export type CaseRow = Omit<typeof supportCase.$inferSelect, 'searchVector'>;
export type CaseListRow = CaseRow & { customerName: string | null };
export type MessageRow = typeof message.$inferSelect;
export type CaseEventRow = typeof caseEvent.$inferSelect;
export type NewCase = Omit<typeof supportCase.$inferInsert, 'searchVector' | 'referenceNumber'>;

/**
 * Takes the next sequence number of a workspace's year, in a statement of its own (never inside the
 * case's transaction). The counter row is locked only while this one statement runs, so concurrent
 * intakes do not queue behind each other's commits.
 *
 * Its commit does not wait for the disk (synchronous_commit off for this statement only). That is
 * safe: the case that uses the number commits later, durably, and WAL is flushed in order, so a
 * case that survives a crash always finds its number's increment survived too. A number whose case
 * was never committed may be handed out again after a crash; nobody was ever told it.
 */
export async function allocateCaseSequence(
  executor: Executor,
  workspaceId: string,
  year: number,
): Promise<number> {
  const result = await executor.execute<{ last_value: number }>(sql`
    INSERT INTO case_counter (workspace_id, year, last_value)
    SELECT ${workspaceId}, ${year}, 1 FROM (SELECT set_config('synchronous_commit', 'off', true)) AS settings
    ON CONFLICT ON CONSTRAINT case_counter_pkey DO UPDATE SET last_value = case_counter.last_value + 1
    RETURNING last_value`);
  return Number(rowsOf<{ last_value: number }>(result)[0]!.last_value);
}

export async function insertCase(
  executor: Executor,
  values: NewCase & { referenceNumber: string; searchDocument: string },
): Promise<CaseRow> {
  const { searchDocument, ...row } = values;
  const [inserted] = await executor
    .insert(supportCase)
    .values({ ...row, searchVector: sql`sada_search_vector(${searchDocument})` })
    .returning(caseColumns);
  return inserted!;
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

export async function insertMessage(
  executor: Executor,
  values: typeof message.$inferInsert,
): Promise<MessageRow> {
  const [row] = await executor.insert(message).values(values).returning();
  return row!;
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

export type CaseListQuery = {
  workspaceId: string;
  statuses?: string[] | undefined;
  /** `null` in the list stands for "no team" / "unassigned". */
  teamIds?: (string | null)[] | undefined;
  assigneeIds?: (string | null)[] | undefined;
  priorities?: string[] | undefined;
  channels?: string[] | undefined;
  kinds?: string[] | undefined;
  categories?: string[] | undefined;
  tags?: string[] | undefined;
  customerId?: string | undefined;
  createdFrom?: Date | undefined;
  createdTo?: Date | undefined;
  normalizedQuery?: string | undefined;
  sort: CaseSortKey;
  order: 'asc' | 'desc';
  limit: number;
  /** Keyset cursor: the sort value and id of the last row of the previous page. */
  after?: { value: string; id: string } | undefined;
};

function oneOf(
  column: typeof supportCase.teamId | typeof supportCase.assigneeId,
  values: (string | null)[],
): SQL {
  const present = values.filter((value): value is string => value !== null);
  const parts: SQL[] = [];
  if (present.length > 0) parts.push(inArray(column, present));
  if (present.length !== values.length) parts.push(isNull(column));
  return parts.length === 1 ? parts[0]! : or(...parts)!;
}

export async function listCases(executor: Executor, query: CaseListQuery): Promise<CaseListRow[]> {
  const conditions: SQL[] = [eq(supportCase.workspaceId, query.workspaceId)];
  if (query.statuses?.length) conditions.push(inArray(supportCase.status, query.statuses));
  if (query.teamIds?.length) conditions.push(oneOf(supportCase.teamId, query.teamIds));
  if (query.assigneeIds?.length) conditions.push(oneOf(supportCase.assigneeId, query.assigneeIds));
  if (query.priorities?.length) conditions.push(inArray(supportCase.priority, query.priorities));
  if (query.channels?.length) conditions.push(inArray(supportCase.channel, query.channels));
  if (query.kinds?.length) conditions.push(inArray(supportCase.kind, query.kinds));
  if (query.categories?.length) conditions.push(inArray(supportCase.category, query.categories));
  if (query.tags?.length) conditions.push(sql`${supportCase.tags} && ${sql.param(query.tags)}::text[]`);
  if (query.customerId) conditions.push(eq(supportCase.customerId, query.customerId));
  if (query.createdFrom) conditions.push(gte(supportCase.createdAt, query.createdFrom));
  if (query.createdTo) conditions.push(lte(supportCase.createdAt, query.createdTo));
  const isRareText = query.normalizedQuery
    ? await isRareSearch(executor, query.workspaceId, query.normalizedQuery)
    : false;
  if (query.normalizedQuery) {
    conditions.push(sql`${supportCase.searchVector} @@ sada_search_query(${query.normalizedQuery})`);
  }
  const sortColumn = {
    createdAt: supportCase.createdAt,
    updatedAt: supportCase.updatedAt,
    priority: supportCase.priority,
  }[query.sort];
  if (query.after) {
    const value = query.sort === 'priority' ? query.after.value : new Date(query.after.value);
    const beyond = query.order === 'desc' ? lt : gt;
    conditions.push(
      or(beyond(sortColumn, value), and(eq(sortColumn, value), beyond(supportCase.id, query.after.id)))!,
    );
  }
  const direction = query.order === 'desc' ? desc : asc;
  // For rare words, sorting by an expression keeps PostgreSQL off the date index: it takes the few
  // hits from the text index and sorts them, instead of walking every case newest-first looking for them.
  const sortKey = isRareText
    ? query.sort === 'priority'
      ? sql`(${sortColumn} || '')`
      : sql`(${sortColumn} + interval '0 seconds')`
    : sortColumn;
  // The page is chosen first and only its rows are joined to their customers' names.
  const page = executor
    .select(caseColumns)
    .from(supportCase)
    .where(and(...conditions))
    .orderBy(direction(sortKey), direction(supportCase.id))
    .limit(query.limit)
    .as('page');
  const pageSort = { createdAt: page.createdAt, updatedAt: page.updatedAt, priority: page.priority }[
    query.sort
  ];
  return executor
    .select({ ...page._.selectedFields, customerName: customer.name })
    .from(page)
    .leftJoin(customer, eq(customer.id, page.customerId))
    .orderBy(direction(pageSort), direction(page.id));
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
