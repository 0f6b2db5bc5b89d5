// Export and import of one whole workspace (`sada export` / `sada import`). Rows travel with their
// original ids and timestamps; timestamps are ISO 8601 text carrying every digit PostgreSQL keeps.
import { asc, eq, getTableName, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../database.ts';
import {
  appUser,
  auditRecord,
  caseCounter,
  caseEvent,
  customer,
  customerIdentity,
  fieldDefinition,
  message,
  supportCase,
  team,
  teamMember,
  workspace,
} from '../schema.ts';

// Each record is its table's row without the workspace id (the file holds one workspace) and with
// timestamps as text; deriving them from the schema makes a new column a compile error here.
type Stamped<Row, Keys extends keyof Row> = Omit<Row, Keys> & {
  [Key in Keys]: null extends Row[Key] ? string | null : string;
};
type Select<Table extends { $inferSelect: unknown }> = Table['$inferSelect'];

/** Without the assistant settings: their key is sealed with the source installation's secret key. */
/** Without the settings that hold sealed secrets (assistant key, captcha secret) or point at this server. */
/** Business calendars do not travel yet: the calendar link stays behind (open around the clock). */
export type WorkspaceTransfer = Stamped<
  Omit<Select<typeof workspace>, 'assistantSettings' | 'channelSettings' | 'calendarId'>,
  'createdAt'
>;
/** Without presence (an imported agent starts offline). */
export type UserTransfer = Stamped<
  Omit<Select<typeof appUser>, 'workspaceId' | 'availability' | 'availabilityChangedAt'>,
  'createdAt'
>;
export type TeamTransfer = Stamped<
  Omit<Select<typeof team>, 'workspaceId' | 'calendarId' | 'lastAssignedUserId'>,
  'createdAt'
> & {
  memberIds: string[];
};
/** `type` is renamed `fieldType`: in the file, `type` names the kind of record. */
export type FieldDefinitionTransfer = Stamped<
  Omit<Select<typeof fieldDefinition>, 'workspaceId' | 'type'>,
  'createdAt'
> & { fieldType: string };
export type IdentityTransfer = Stamped<
  Omit<Select<typeof customerIdentity>, 'workspaceId' | 'customerId'>,
  'createdAt' | 'blockedAt'
>;
export type CustomerTransfer = Stamped<
  Omit<Select<typeof customer>, 'workspaceId'>,
  'createdAt' | 'updatedAt'
> & {
  identities: IdentityTransfer[];
};
export type CaseCounterTransfer = Omit<Select<typeof caseCounter>, 'workspaceId'>;
export type MessageTransfer = Stamped<
  Omit<Select<typeof message>, 'workspaceId' | 'caseId'>,
  'createdAt' | 'triagedAt'
>;
export type CaseEventTransfer = Stamped<
  Omit<Select<typeof caseEvent>, 'workspaceId' | 'caseId'>,
  'createdAt'
>;
/** A case without its search vector (rebuilt on import), with its messages and timeline. */
export type CaseTransfer = Stamped<
  // The social account a case came through stays behind with the accounts (their secrets are this server's).
  Omit<
    Select<typeof supportCase>,
    | 'workspaceId'
    | 'searchVector'
    | 'channelAccountId'
    | 'conversationKey'
    | 'movedPrivateAt'
    | 'privateAcceptedAt'
  >,
  | 'createdAt'
  | 'updatedAt'
  | 'resolvedAt'
  | 'closedAt'
  | 'triagedAt'
  | 'firstResponseAt'
  | 'routedAt'
  | 'lastUpdateSentAt'
> & { messages: MessageTransfer[]; events: CaseEventTransfer[] };
export type AuditRecordTransfer = Stamped<Omit<Select<typeof auditRecord>, 'workspaceId'>, 'createdAt'>;

/** Where the previous page of a (created_at, id) keyset ended. */
export type TransferCursor<Id = string> = { createdAt: string; id: Id };

// A JS Date keeps milliseconds only; values written by now() carry microseconds, and losing them could
// reorder rows with the same millisecond. Millisecond values read exactly like Date.toISOString().
function isoText(column: AnyPgColumn): SQL<string> {
  return sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.mapWith((text: string) =>
    text.replace(/(\.\d{3})000Z$/, '$1Z'),
  );
}
const isoTextOrNull = (column: AnyPgColumn): SQL<string | null> => isoText(column);

const at = (iso: string) => sql`${iso}::timestamptz`;
const atOrNull = (iso: string | null) => (iso === null ? null : at(iso));

function after(createdAt: AnyPgColumn, id: AnyPgColumn, cursor: TransferCursor<string | number>): SQL {
  const idValue = typeof cursor.id === 'number' ? sql`${cursor.id}::bigint` : sql`${cursor.id}::uuid`;
  return sql`(${createdAt}, ${id}) > (${at(cursor.createdAt)}, ${idValue})`;
}

function groupBy<Row extends { ownerId: string }>(rows: Row[]): Map<string, Omit<Row, 'ownerId'>[]> {
  const groups = new Map<string, Omit<Row, 'ownerId'>[]>();
  for (const { ownerId, ...rest } of rows) {
    const group = groups.get(ownerId) ?? [];
    group.push(rest);
    groups.set(ownerId, group);
  }
  return groups;
}

// Keeps each statement well under PostgreSQL's 65,535 bind parameters.
async function inChunks<Row>(rows: Row[], write: (chunk: Row[]) => Promise<unknown>, size = 500) {
  for (let start = 0; start < rows.length; start += size) await write(rows.slice(start, start + size));
}

// ---- export ----

export async function findWorkspaceForTransfer(
  executor: Executor,
  slug: string,
): Promise<WorkspaceTransfer | undefined> {
  const [row] = await executor
    .select({
      id: workspace.id,
      slug: workspace.slug,
      name: workspace.name,
      referencePrefix: workspace.referencePrefix,
      defaultLanguage: workspace.defaultLanguage,
      timeZone: workspace.timeZone,
      createdAt: isoText(workspace.createdAt),
      triageSettings: workspace.triageSettings,
      compensationSettings: workspace.compensationSettings,
      followUpSettings: workspace.followUpSettings,
    })
    .from(workspace)
    .where(eq(workspace.slug, slug));
  return row;
}

export async function listUsersForTransfer(executor: Executor, workspaceId: string): Promise<UserTransfer[]> {
  return executor
    .select({
      id: appUser.id,
      email: appUser.email,
      name: appUser.name,
      role: appUser.role,
      passwordHash: appUser.passwordHash,
      isActive: appUser.isActive,
      createdAt: isoText(appUser.createdAt),
      language: appUser.language,
      skills: appUser.skills,
      capacity: appUser.capacity,
      shifts: appUser.shifts,
    })
    .from(appUser)
    .where(eq(appUser.workspaceId, workspaceId))
    .orderBy(asc(appUser.createdAt), asc(appUser.id));
}

export async function listTeamsForTransfer(executor: Executor, workspaceId: string): Promise<TeamTransfer[]> {
  return executor
    .select({
      id: team.id,
      name: team.name,
      memberIds: sql<
        string[]
      >`array(SELECT ${teamMember.userId}::text FROM ${teamMember} WHERE ${teamMember.teamId} = ${team.id} ORDER BY ${teamMember.userId})`,
      createdAt: isoText(team.createdAt),
      assignmentMode: team.assignmentMode,
      isRoutingNoticeOn: team.isRoutingNoticeOn,
    })
    .from(team)
    .where(eq(team.workspaceId, workspaceId))
    .orderBy(asc(team.createdAt), asc(team.id));
}

export async function listFieldDefinitionsForTransfer(
  executor: Executor,
  workspaceId: string,
): Promise<FieldDefinitionTransfer[]> {
  return executor
    .select({
      id: fieldDefinition.id,
      key: fieldDefinition.key,
      labelAr: fieldDefinition.labelAr,
      labelEn: fieldDefinition.labelEn,
      fieldType: fieldDefinition.type,
      isRequired: fieldDefinition.isRequired,
      isActive: fieldDefinition.isActive,
      options: fieldDefinition.options,
      position: fieldDefinition.position,
      createdAt: isoText(fieldDefinition.createdAt),
    })
    .from(fieldDefinition)
    .where(eq(fieldDefinition.workspaceId, workspaceId))
    .orderBy(asc(fieldDefinition.createdAt), asc(fieldDefinition.id));
}

/** One keyset page of customers (merged ones too), oldest first, each with its identities. */
export async function listCustomersForTransfer(
  executor: Executor,
  options: { workspaceId: string; after?: TransferCursor | undefined; limit: number },
): Promise<CustomerTransfer[]> {
  const rows = await executor
    .select({
      id: customer.id,
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
      language: customer.language,
      tags: customer.tags,
      notes: customer.notes,
      mergedIntoId: customer.mergedIntoId,
      searchText: customer.searchText,
      createdAt: isoText(customer.createdAt),
      updatedAt: isoText(customer.updatedAt),
    })
    .from(customer)
    .where(
      options.after
        ? sql`${customer.workspaceId} = ${options.workspaceId} AND ${after(customer.createdAt, customer.id, options.after)}`
        : eq(customer.workspaceId, options.workspaceId),
    )
    .orderBy(asc(customer.createdAt), asc(customer.id))
    .limit(options.limit);
  if (rows.length === 0) return [];
  const identities = groupBy(
    await executor
      .select({
        ownerId: customerIdentity.customerId,
        id: customerIdentity.id,
        channel: customerIdentity.channel,
        externalId: customerIdentity.externalId,
        handle: customerIdentity.handle,
        createdAt: isoText(customerIdentity.createdAt),
        blockedAt: isoTextOrNull(customerIdentity.blockedAt),
        blockedReason: customerIdentity.blockedReason,
      })
      .from(customerIdentity)
      .where(
        inArray(
          customerIdentity.customerId,
          rows.map((row) => row.id),
        ),
      )
      .orderBy(asc(customerIdentity.createdAt), asc(customerIdentity.id)),
  );
  return rows.map((row) => ({ ...row, identities: identities.get(row.id) ?? [] }));
}

export async function listCaseCountersForTransfer(
  executor: Executor,
  workspaceId: string,
): Promise<CaseCounterTransfer[]> {
  return executor
    .select({ year: caseCounter.year, lastValue: caseCounter.lastValue })
    .from(caseCounter)
    .where(eq(caseCounter.workspaceId, workspaceId))
    .orderBy(asc(caseCounter.year));
}

/** One keyset page of cases, oldest first, each with its messages (in order) and timeline (by id). */
export async function listCasesForTransfer(
  executor: Executor,
  options: { workspaceId: string; after?: TransferCursor | undefined; limit: number },
): Promise<CaseTransfer[]> {
  const rows = await executor
    .select({
      id: supportCase.id,
      referenceNumber: supportCase.referenceNumber,
      subject: supportCase.subject,
      description: supportCase.description,
      status: supportCase.status,
      channel: supportCase.channel,
      kind: supportCase.kind,
      category: supportCase.category,
      product: supportCase.product,
      orderReference: supportCase.orderReference,
      region: supportCase.region,
      priority: supportCase.priority,
      sentiment: supportCase.sentiment,
      language: supportCase.language,
      teamId: supportCase.teamId,
      assigneeId: supportCase.assigneeId,
      customerId: supportCase.customerId,
      tags: supportCase.tags,
      customFields: supportCase.customFields,
      createdAt: isoText(supportCase.createdAt),
      updatedAt: isoText(supportCase.updatedAt),
      resolvedAt: isoTextOrNull(supportCase.resolvedAt),
      closedAt: isoTextOrNull(supportCase.closedAt),
      triage: supportCase.triage,
      triagedAt: isoTextOrNull(supportCase.triagedAt),
      triageLocked: supportCase.triageLocked,
      isFollowedByEmail: supportCase.isFollowedByEmail,
      firstResponseAt: isoTextOrNull(supportCase.firstResponseAt),
      routedAt: isoTextOrNull(supportCase.routedAt),
      updateEveryDays: supportCase.updateEveryDays,
      lastUpdateSentAt: isoTextOrNull(supportCase.lastUpdateSentAt),
    })
    .from(supportCase)
    .where(
      options.after
        ? sql`${supportCase.workspaceId} = ${options.workspaceId} AND ${after(supportCase.createdAt, supportCase.id, options.after)}`
        : eq(supportCase.workspaceId, options.workspaceId),
    )
    .orderBy(asc(supportCase.createdAt), asc(supportCase.id))
    .limit(options.limit);
  if (rows.length === 0) return [];
  const caseIds = rows.map((row) => row.id);
  const messages = groupBy(
    await executor
      .select({
        ownerId: message.caseId,
        id: message.id,
        direction: message.direction,
        visibility: message.visibility,
        channel: message.channel,
        body: message.body,
        authorUserId: message.authorUserId,
        authorCustomerId: message.authorCustomerId,
        externalId: message.externalId,
        attachments: message.attachments,
        createdAt: isoText(message.createdAt),
        triage: message.triage,
        triagedAt: isoTextOrNull(message.triagedAt),
        isAutomatic: message.isAutomatic,
        moderation: message.moderation,
      })
      .from(message)
      .where(inArray(message.caseId, caseIds))
      .orderBy(asc(message.createdAt), asc(message.id)),
  );
  const events = groupBy(
    await executor
      .select({
        ownerId: caseEvent.caseId,
        id: caseEvent.id,
        type: caseEvent.type,
        actorUserId: caseEvent.actorUserId,
        actorLabel: caseEvent.actorLabel,
        changes: caseEvent.changes,
        createdAt: isoText(caseEvent.createdAt),
      })
      .from(caseEvent)
      .where(inArray(caseEvent.caseId, caseIds))
      .orderBy(asc(caseEvent.id)),
  );
  return rows.map((row) => ({
    ...row,
    messages: messages.get(row.id) ?? [],
    events: events.get(row.id) ?? [],
  }));
}

export async function listAuditRecordsForTransfer(
  executor: Executor,
  options: { workspaceId: string; after?: TransferCursor<number> | undefined; limit: number },
): Promise<AuditRecordTransfer[]> {
  return executor
    .select({
      id: auditRecord.id,
      actorUserId: auditRecord.actorUserId,
      action: auditRecord.action,
      subjectType: auditRecord.subjectType,
      subjectId: auditRecord.subjectId,
      details: auditRecord.details,
      createdAt: isoText(auditRecord.createdAt),
    })
    .from(auditRecord)
    .where(
      options.after
        ? sql`${auditRecord.workspaceId} = ${options.workspaceId} AND ${after(auditRecord.createdAt, auditRecord.id, options.after)}`
        : eq(auditRecord.workspaceId, options.workspaceId),
    )
    .orderBy(asc(auditRecord.createdAt), asc(auditRecord.id))
    .limit(options.limit);
}

// ---- import ----

export async function insertWorkspaceForTransfer(executor: Executor, row: WorkspaceTransfer) {
  await executor.insert(workspace).values({ ...row, createdAt: at(row.createdAt) });
}

export async function insertUsersForTransfer(executor: Executor, workspaceId: string, rows: UserTransfer[]) {
  await inChunks(rows, (chunk) =>
    executor
      .insert(appUser)
      .values(chunk.map((row) => ({ ...row, workspaceId, createdAt: at(row.createdAt) }))),
  );
}

export async function insertTeamsForTransfer(executor: Executor, workspaceId: string, rows: TeamTransfer[]) {
  await inChunks(rows, (chunk) =>
    executor
      .insert(team)
      .values(
        chunk.map(({ memberIds: _, ...row }) => ({ ...row, workspaceId, createdAt: at(row.createdAt) })),
      ),
  );
  const members = rows.flatMap((row) => row.memberIds.map((userId) => ({ teamId: row.id, userId })));
  await inChunks(members, (chunk) => executor.insert(teamMember).values(chunk));
}

export async function insertFieldDefinitionsForTransfer(
  executor: Executor,
  workspaceId: string,
  rows: FieldDefinitionTransfer[],
) {
  await inChunks(rows, (chunk) =>
    executor.insert(fieldDefinition).values(
      chunk.map(({ fieldType, ...row }) => ({
        ...row,
        type: fieldType,
        workspaceId,
        createdAt: at(row.createdAt),
      })),
    ),
  );
}

/**
 * Inserts customers without their merge link (the customer merged into may come later in the file);
 * `linkMergedCustomers` sets it once every customer is in.
 */
export async function insertCustomersForTransfer(
  executor: Executor,
  workspaceId: string,
  rows: CustomerTransfer[],
) {
  await inChunks(rows, (chunk) =>
    executor.insert(customer).values(
      chunk.map(({ identities: _, ...row }) => ({
        ...row,
        workspaceId,
        mergedIntoId: null,
        createdAt: at(row.createdAt),
        updatedAt: at(row.updatedAt),
      })),
    ),
  );
  const identities = rows.flatMap((row) =>
    row.identities.map((identity) => ({
      ...identity,
      workspaceId,
      customerId: row.id,
      createdAt: at(identity.createdAt),
      blockedAt: atOrNull(identity.blockedAt),
    })),
  );
  await inChunks(identities, (chunk) => executor.insert(customerIdentity).values(chunk));
}

export async function linkMergedCustomers(executor: Executor, links: { id: string; mergedIntoId: string }[]) {
  await inChunks(links, (chunk) =>
    executor.execute(sql`
      UPDATE ${customer} SET merged_into_id = link.merged_into_id
      FROM unnest(${sql.param(chunk.map((link) => link.id))}::uuid[], ${sql.param(chunk.map((link) => link.mergedIntoId))}::uuid[])
        AS link(id, merged_into_id)
      WHERE ${customer.id} = link.id`),
  );
}

export async function insertCaseCountersForTransfer(
  executor: Executor,
  workspaceId: string,
  rows: CaseCounterTransfer[],
) {
  await inChunks(rows, (chunk) =>
    executor.insert(caseCounter).values(chunk.map((row) => ({ ...row, workspaceId }))),
  );
}

/**
 * Inserts cases with their messages and timeline. Events keep their ids (OVERRIDING SYSTEM VALUE);
 * `realignIdentitySequences` must run before the transaction ends. `searchDocuments` holds each
 * case's normalised search document by case id.
 */
export async function insertCasesForTransfer(
  executor: Executor,
  workspaceId: string,
  rows: CaseTransfer[],
  searchDocuments: Map<string, string>,
) {
  await inChunks(rows, (chunk) =>
    executor.insert(supportCase).values(
      chunk.map(({ messages: _m, events: _e, ...row }) => ({
        ...row,
        workspaceId,
        searchVector: sql`sada_search_vector(${searchDocuments.get(row.id) ?? ''})`,
        createdAt: at(row.createdAt),
        updatedAt: at(row.updatedAt),
        resolvedAt: atOrNull(row.resolvedAt),
        closedAt: atOrNull(row.closedAt),
        triagedAt: atOrNull(row.triagedAt),
        firstResponseAt: atOrNull(row.firstResponseAt),
        routedAt: atOrNull(row.routedAt),
        lastUpdateSentAt: atOrNull(row.lastUpdateSentAt),
      })),
    ),
  );
  const messages = rows.flatMap((row) =>
    row.messages.map((item) => ({
      ...item,
      workspaceId,
      caseId: row.id,
      createdAt: at(item.createdAt),
      triagedAt: atOrNull(item.triagedAt),
    })),
  );
  await inChunks(messages, (chunk) => executor.insert(message).values(chunk));
  const events = rows.flatMap((row) =>
    row.events.map((item) => ({ ...item, workspaceId, caseId: row.id, createdAt: at(item.createdAt) })),
  );
  await inChunks(events, (chunk) => executor.insert(caseEvent).overridingSystemValue().values(chunk));
}

export async function insertAuditRecordsForTransfer(
  executor: Executor,
  workspaceId: string,
  rows: AuditRecordTransfer[],
) {
  await inChunks(rows, (chunk) =>
    executor
      .insert(auditRecord)
      .overridingSystemValue()
      .values(chunk.map((row) => ({ ...row, workspaceId, createdAt: at(row.createdAt) }))),
  );
}

/**
 * Moves the identity sequences of case_event and audit_record past the highest id in use, so rows
 * inserted after an import that kept its ids do not collide. It never moves a sequence backwards.
 */
export async function realignIdentitySequences(executor: Executor) {
  for (const table of [caseEvent, auditRecord]) {
    await executor.execute(sql`
      SELECT setval(sequence.name, greatest(used.value, 1), used.value > 0)
      FROM (SELECT pg_get_serial_sequence(${getTableName(table)}, 'id') AS name) AS sequence,
      LATERAL (SELECT greatest(
        coalesce((SELECT max(${table.id}) FROM ${table}), 0),
        coalesce(pg_sequence_last_value(sequence.name::regclass), 0)
      ) AS value) AS used`);
  }
}
