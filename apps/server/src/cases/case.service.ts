import { randomUUID } from 'node:crypto';
import type { SendTemplateRequest } from '@sada/contracts';
import {
  AppError,
  assertCan,
  assertTransition,
  type CaseEventType,
  type CaseKind,
  type CaseStatus,
  type Channel,
  diffFields,
  type FieldDefinition,
  type FieldType,
  isReopen,
  type Language,
  type Priority,
  type Sentiment,
  statusAfterMessage,
  TRIAGE_FIELDS,
  validateCustomFields,
  yearIn,
} from '@sada/core';
import {
  announce,
  announceCaseUpdated,
  appendCaseSearchText,
  type CaseRow,
  createCaseOpener,
  type Executor,
  findCaseByReference,
  findCustomerSummary,
  findTeamById,
  findUserById,
  insertCaseEvent,
  insertMessageOnce,
  listCases,
  listEventsOfCase,
  listFieldDefinitions,
  listMessagesOfCase,
  listOutboxOfMessages,
  lockCaseByReference,
  type MessageRow,
  setCaseSearchDocument,
  splitQueueCursor,
  timeOrderedId,
  updateCaseRow,
} from '@sada/db';
import { normalizeForSearch } from '@sada/triage';
import type { Actor } from '../auth/actor.ts';
import { assertSocialReplySendable, planDelivery, planTemplateDelivery } from '../channels/delivery.ts';
import type { IdentityInput } from '../customers/customer.service.ts';
import { decodeCursor, nextCursorOf } from '../http/cursor.ts';
import { assertMentionable, notifyMentions } from '../notifications/mentions.ts';
import { tellCustomerTeamHasCase } from '../routing/team-notice.ts';
import type { ServiceContext } from '../services.ts';
import { caseSlaOf, syncCaseSla, withSlaSummaries } from '../sla/sla-sync.ts';
import { afterCaseStatusChange, caseSurveyOf, surveyDepsOf } from '../surveys/survey-lifecycle.ts';
import { recordPersonChanges } from '../triage/corrections.ts';
import {
  lastPrivateInboundOf,
  publicCase,
  publicEvent,
  publicMessage,
  publicTriage,
  socialOf,
} from './case.mapper.ts';
import { type CaseFilterOptions, caseFilterFor } from './case-filters.ts';
import { intakeCustomer, teamNotInWorkspace } from './case-intake.ts';

export type NewCaseInput = {
  subject: string;
  description: string;
  channel: Channel;
  kind?: CaseKind | undefined;
  category?: string | undefined;
  product?: string | undefined;
  orderReference?: string | undefined;
  region?: string | undefined;
  priority?: Priority | undefined;
  sentiment?: Sentiment | undefined;
  language?: Language | undefined;
  teamId?: string | undefined;
  assigneeId?: string | undefined;
  tags: string[];
  customFields: Record<string, unknown>;
  customer?:
    | {
        id?: string | undefined;
        name?: string | undefined;
        email?: string | undefined;
        phone?: string | undefined;
        identity?: IdentityInput | undefined;
      }
    | undefined;
};

export type CaseChanges = Partial<{
  subject: string;
  description: string;
  kind: CaseKind;
  category: string | null;
  product: string | null;
  orderReference: string | null;
  region: string | null;
  priority: Priority;
  sentiment: Sentiment | null;
  language: Language | null;
  tags: string[];
  customFields: Record<string, unknown>;
  customerId: string;
}>;

export type CaseListOptions = CaseFilterOptions & {
  sort: string;
  limit: number;
  cursor?: string | undefined;
};

/** Whether a cursor's value has the shape its sort writes (a time, or a priority and a queue time). */
function isCursorValueOf(sort: 'createdAt' | 'updatedAt' | 'priority', value: string): boolean {
  if (sort !== 'priority') return !Number.isNaN(Date.parse(value));
  try {
    splitQueueCursor(value);
    return true;
  } catch {
    return false;
  }
}

function toDefinitions(rows: Awaited<ReturnType<typeof listFieldDefinitions>>): FieldDefinition[] {
  return rows.map((row) => ({
    key: row.key,
    type: row.type as FieldType,
    isRequired: row.isRequired,
    isActive: row.isActive,
    options: row.options,
  }));
}

export function caseNotFound(referenceNumber: string) {
  return new AppError('not_found', {
    en: `No case ${referenceNumber} in this workspace.`,
    ar: `لا توجد حالة برقم ${referenceNumber} في مساحة العمل هذه.`,
  });
}

/** The actor's workspace's case with this reference (any case), or not_found. */
export async function readCase(executor: Executor, actor: Actor, referenceNumber: string): Promise<CaseRow> {
  const row = await findCaseByReference(executor, actor.workspace.id, referenceNumber.toUpperCase());
  if (!row) throw caseNotFound(referenceNumber);
  return row;
}

/** What a case is found by: subject, description and every message body, normalised. Import builds the same. */
export function caseSearchDocument(subject: string, description: string, messages: string[] = []): string {
  return normalizeForSearch([subject, description, ...messages].join('\n'));
}

/** Who a message is from on the timeline: a user, or a channel (the complaint form, e-mail…). */
export type MessageAuthor = { userId: string | null; label: string; customerId?: string | null };

/**
 * Stores one message on a locked case with everything that goes with it: the search text, the status
 * the message moves the case to, the timeline and the live notice. Undefined when the channel already
 * delivered a message with this external id (a retried webhook, a mail delivered twice).
 */
export async function recordMessage(
  tx: Executor,
  current: CaseRow,
  input: {
    author: MessageAuthor;
    direction: 'inbound' | 'outbound' | 'note';
    visibility: 'public' | 'private';
    body: string;
    attachments: MessageRow['attachments'];
    now: Date;
    id?: string | undefined;
    externalId?: string | null | undefined;
    isAutomatic?: boolean | undefined;
    mentions?: string[] | undefined;
  },
): Promise<{ message: MessageRow; row: CaseRow } | undefined> {
  const { author, direction, visibility, now } = input;
  const message = await insertMessageOnce(tx, {
    id: input.id ?? randomUUID(),
    workspaceId: current.workspaceId,
    caseId: current.id,
    direction,
    visibility,
    channel: current.channel,
    body: input.body,
    authorUserId: direction === 'inbound' ? null : author.userId,
    authorCustomerId: direction === 'inbound' ? (author.customerId ?? current.customerId) : null,
    externalId: input.externalId ?? null,
    attachments: input.attachments,
    createdAt: now,
    isAutomatic: input.isAutomatic ?? false,
    // Sada's own words need no reading.
    ...(input.isAutomatic && { triagedAt: now }),
  });
  if (!message) return undefined;
  await appendCaseSearchText(tx, current.id, normalizeForSearch(input.body));
  const from = current.status as CaseStatus;
  // An acknowledgement is not an answer: the case stays where it was.
  const status = input.isAutomatic
    ? from
    : statusAfterMessage(from, { direction, isPublic: visibility === 'public' });
  // The first reply a person writes is the case's first response (the live response time reads it).
  const isFirstResponse =
    direction === 'outbound' && !input.isAutomatic && author.userId !== null && !current.firstResponseAt;
  const row = await updateCaseRow(tx, current.id, {
    status,
    updatedAt: now,
    ...(isFirstResponse && { firstResponseAt: now }),
  });
  const event = (type: CaseEventType, changes: Record<string, unknown>) =>
    insertCaseEvent(tx, {
      workspaceId: current.workspaceId,
      caseId: current.id,
      type,
      actorUserId: author.userId,
      actorLabel: author.label,
      changes,
      createdAt: now,
    });
  await event('message.added', {
    messageId: message.id,
    direction,
    visibility,
    ...(input.isAutomatic && { isAutomatic: true }),
    ...(input.mentions?.length && { mentions: input.mentions }),
  });
  if (status !== from) {
    await event('case.status_changed', {
      status: { before: from, after: status },
      reason: direction === 'inbound' ? 'the customer wrote' : 'an agent replied',
    });
  }
  await syncCaseSla(tx, row, now);
  await announce(tx, {
    workspaceId: row.workspaceId,
    type: 'message.created',
    caseId: row.id,
    referenceNumber: row.referenceNumber,
    messageId: message.id,
  });
  return { message, row };
}

export function createCaseService({ database, clock, caches, config }: ServiceContext) {
  const db = database.orm;
  const openCase = createCaseOpener(database);

  async function assertTeamAndAssignee(
    executor: Executor,
    workspaceId: string,
    teamId?: string | null,
    assigneeId?: string | null,
  ) {
    if (teamId && !(await findTeamById(executor, workspaceId, teamId))) throw teamNotInWorkspace();
    if (assigneeId) {
      const user = await findUserById(executor, workspaceId, assigneeId);
      if (!user || !user.isActive || user.role === 'analyst') {
        throw new AppError(
          'validation_failed',
          {
            en: 'The assignee must be an active agent, supervisor or admin of this workspace.',
            ar: 'يجب أن يكون المُسنَد إليه موظفًا أو مشرفًا أو مديرًا نشطًا في مساحة العمل هذه.',
          },
          {
            fields: [
              {
                path: 'assigneeId',
                message: { en: 'not an active agent of this workspace', ar: 'ليس موظفًا نشطًا في مساحة العمل' },
              },
            ],
          },
        );
      }
    }
  }

  async function assertCustomFields(
    workspaceId: string,
    values: Record<string, unknown>,
    isPartial: boolean,
  ) {
    const definitions =
      (await caches.fieldDefinitions.get(workspaceId, async () =>
        toDefinitions(await listFieldDefinitions(db, workspaceId)),
      )) ?? [];
    if (definitions.length === 0 && Object.keys(values).length === 0) return;
    const issues = validateCustomFields(definitions, values, { isPartial });
    if (issues.length > 0) {
      throw new AppError(
        'validation_failed',
        { en: 'Some custom fields are not valid.', ar: 'بعض الحقول المخصصة غير صحيحة.' },
        { fields: issues },
      );
    }
  }

  async function appendEvent(
    executor: Executor,
    actor: Actor,
    caseRow: CaseRow,
    type: CaseEventType,
    changes: Record<string, unknown>,
    now: Date,
  ) {
    return insertCaseEvent(executor, {
      workspaceId: caseRow.workspaceId,
      caseId: caseRow.id,
      type,
      actorUserId: actor.userId,
      actorLabel: actor.name,
      changes,
      createdAt: now,
    });
  }

  /** Runs a change on one locked case inside a transaction and announces it when it commits. */
  async function changeCase<T>(
    actor: Actor,
    referenceNumber: string,
    change: (
      tx: Executor,
      current: CaseRow,
      now: Date,
    ) => Promise<{ row: CaseRow; result: T; isChanged: boolean }>,
  ): Promise<T> {
    assertCan(actor.role, 'case:write');
    return db.transaction(async (tx) => {
      const current = await lockCaseByReference(tx, actor.workspace.id, referenceNumber.toUpperCase());
      if (!current) throw caseNotFound(referenceNumber);
      const now = clock.now();
      const { row, result, isChanged } = await change(tx, current, now);
      if (isChanged) {
        await syncCaseSla(tx, row, now);
        await announceCaseUpdated(tx, row);
      }
      return result;
    });
  }

  async function detail(actor: Actor, row: CaseRow) {
    const [messages, events, customer] = await Promise.all([
      listMessagesOfCase(db, row.id),
      listEventsOfCase(db, row.id),
      row.customerId ? findCustomerSummary(db, actor.workspace.id, row.customerId) : undefined,
    ]);
    const deliveries = new Map(
      (
        await listOutboxOfMessages(
          db,
          messages.map((item) => item.id),
        )
      ).map((item) => [item.messageId, item]),
    );
    return {
      ...publicCase({ ...row, customerName: customer?.name ?? null }),
      description: row.description,
      customFields: row.customFields,
      resolvedAt: row.resolvedAt,
      closedAt: row.closedAt,
      firstResponseAt: row.firstResponseAt,
      messages: messages.map((item) => publicMessage(item, deliveries.get(item.id))),
      timeline: events.map(publicEvent),
      triage: publicTriage(row),
      ...socialOf(row, lastPrivateInboundOf(messages), clock.now()),
      sla: await caseSlaOf(db, row, clock.now()),
      survey: await caseSurveyOf(db, surveyDepsOf(config), { workspace: actor.workspace, caseId: row.id }),
    };
  }

  return {
    /** Manual intake: a phone call, a walk-in, a form filled in on the customer's behalf. */
    async create(options: { actor: Actor; input: NewCaseInput }) {
      const { actor, input } = options;
      assertCan(actor.role, 'case:write');
      const workspaceId = actor.workspace.id;
      await assertCustomFields(workspaceId, input.customFields, false);
      // The team is checked where the case is written; an assignee at intake is rare.
      if (input.assigneeId) await assertTeamAndAssignee(db, workspaceId, undefined, input.assigneeId);
      const now = clock.now();
      const customer = await intakeCustomer(db, workspaceId, input.customer, now);
      const id = timeOrderedId(now);
      const recorded = {
        subject: input.subject,
        description: input.description,
        status: 'new' as const,
        channel: input.channel,
        kind: input.kind ?? 'complaint',
        category: input.category ?? null,
        product: input.product ?? null,
        orderReference: input.orderReference ?? null,
        region: input.region ?? null,
        priority: input.priority ?? 'P3',
        sentiment: input.sentiment ?? null,
        language: input.language ?? null,
        teamId: input.teamId ?? null,
        assigneeId: input.assigneeId ?? null,
        tags: [...new Set(input.tags)],
        customFields: input.customFields,
      };
      // What the person opening the case chose, triage leaves as it is.
      const setByPerson = TRIAGE_FIELDS.filter((field) => input[field] !== undefined);
      const opened = await openCase({
        ...recorded,
        id,
        workspaceId,
        referencePrefix: actor.workspace.referencePrefix,
        referenceYear: yearIn(now, actor.workspace.timeZone),
        searchDocument: caseSearchDocument(input.subject, input.description),
        createdAt: now,
        customer: customer.target,
        actor: { userId: actor.userId, label: actor.name },
        eventChanges: setByPerson.length > 0 ? { ...recorded, setByPerson } : recorded,
      });
      if (opened.problem === 'team') throw teamNotInWorkspace();
      const { referenceNumber, customerId } = opened;
      // A new case has no messages and one event: answer without reading it back.
      const row: CaseRow = {
        ...recorded,
        id,
        workspaceId,
        referenceNumber,
        customerId,
        createdAt: now,
        updatedAt: now,
        resolvedAt: null,
        closedAt: null,
        triage: null,
        triagedAt: null,
        triageLocked: [],
        isFollowedByEmail: false,
        channelAccountId: null,
        conversationKey: null,
        movedPrivateAt: null,
        privateAcceptedAt: null,
        firstResponseAt: null,
        routedAt: null,
        updateEveryDays: null,
        lastUpdateSentAt: null,
      };
      // The batch opener commits on its own: the clocks start right after, in their own transaction.
      const sla = await db.transaction(async (tx) => {
        await syncCaseSla(tx, row, now);
        return caseSlaOf(tx, row, now);
      });
      return {
        ...publicCase({ ...row, customerName: opened.customerName ?? customer.name }),
        description: row.description,
        customFields: row.customFields,
        resolvedAt: row.resolvedAt,
        closedAt: row.closedAt,
        firstResponseAt: null,
        messages: [],
        triage: null,
        conversationScope: null,
        privateMove: null,
        replyWindow: null,
        sla,
        timeline: [
          publicEvent({
            id: opened.eventId,
            workspaceId,
            caseId: id,
            type: 'case.created',
            actorUserId: actor.userId,
            actorLabel: actor.name,
            changes: {
              ...recorded,
              ...(setByPerson.length > 0 && { setByPerson }),
              referenceNumber,
              customerId,
            },
            createdAt: now,
          }),
        ],
      };
    },

    async get(options: { actor: Actor; referenceNumber: string }) {
      assertCan(options.actor.role, 'case:read');
      return detail(options.actor, await readCase(db, options.actor, options.referenceNumber));
    },

    async list(options: { actor: Actor; query: CaseListOptions }) {
      const { actor, query } = options;
      assertCan(actor.role, 'case:read');
      const descending = query.sort.startsWith('-');
      const sort = (descending ? query.sort.slice(1) : query.sort) as 'createdAt' | 'updatedAt' | 'priority';
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;
      if (after && !isCursorValueOf(sort, after.value)) {
        throw new AppError('bad_request', {
          en: 'The cursor does not belong to this sort order; start again without a cursor.',
          ar: 'المؤشر لا يخص ترتيب الفرز هذا؛ ابدأ من جديد دون مؤشر.',
        });
      }
      const rows = await listCases(db, {
        ...caseFilterFor(actor, query, clock.now()),
        sort,
        order: descending ? 'desc' : 'asc',
        limit: query.limit,
        after,
      });
      const sortValue = (row: (typeof rows)[number]) =>
        sort === 'priority' ? `${row.priority} ${row.queueAt?.toISOString()}` : row[sort].toISOString();
      return {
        items: await withSlaSummaries(db, rows, clock.now()),
        nextCursor: nextCursorOf(rows, query.limit, sortValue),
      };
    },

    async update(options: {
      actor: Actor;
      referenceNumber: string;
      changes: CaseChanges;
      /** Tags to add and remove, applied to the tags the locked case has (bulk tagging). */
      tagChanges?: { add: string[]; remove: string[] } | undefined;
    }) {
      const { actor, changes } = options;
      if (changes.customFields) await assertCustomFields(actor.workspace.id, changes.customFields, true);
      const result = await changeCase(actor, options.referenceNumber, async (tx, current, now) => {
        if (changes.customerId) {
          const customer = await findCustomerSummary(tx, actor.workspace.id, changes.customerId);
          if (!customer || customer.mergedIntoId) {
            throw new AppError(
              'validation_failed',
              {
                en: 'The customer is not an active customer of this workspace.',
                ar: 'هذا العميل ليس عميلًا نشطًا في مساحة العمل هذه.',
              },
              {
                fields: [
                  {
                    path: 'customerId',
                    message: {
                      en: 'no such customer in this workspace',
                      ar: 'لا يوجد عميل كهذا في مساحة العمل',
                    },
                  },
                ],
              },
            );
          }
        }
        const { customFields: customFieldChanges, ...fieldChanges } = changes;
        const patch: Record<string, unknown> = { ...fieldChanges };
        if (fieldChanges.tags) patch.tags = [...new Set(fieldChanges.tags)];
        if (options.tagChanges) {
          const { add, remove } = options.tagChanges;
          patch.tags = [...new Set([...current.tags, ...add])].filter((tag) => !remove.includes(tag));
        }
        if (customFieldChanges) {
          const merged: Record<string, unknown> = { ...current.customFields, ...customFieldChanges };
          for (const [key, value] of Object.entries(merged)) if (value === null) delete merged[key];
          patch.customFields = merged;
        }
        const diff = diffFields(current, patch);
        if (Object.keys(diff).length === 0) return { row: current, result: current, isChanged: false };
        const values = Object.fromEntries(
          Object.entries(diff).map(([field, change]) => [field, change.after]),
        );
        const locks = await recordPersonChanges(tx, {
          current,
          changedFields: Object.keys(diff),
          values,
          userId: actor.userId,
          now,
        });
        const row = await updateCaseRow(tx, current.id, { ...values, ...locks, updatedAt: now });
        if (diff.subject || diff.description) {
          const messages = await listMessagesOfCase(tx, current.id);
          await setCaseSearchDocument(
            tx,
            current.id,
            caseSearchDocument(
              row.subject,
              row.description,
              messages.map((m) => m.body),
            ),
          );
        }
        await appendEvent(
          tx,
          actor,
          row,
          diff.customerId ? 'case.customer_changed' : 'case.updated',
          diff,
          now,
        );
        return { row, result: row, isChanged: true };
      });
      return detail(actor, result);
    },

    async transition(options: {
      actor: Actor;
      referenceNumber: string;
      to: CaseStatus;
      reason?: string | undefined;
    }) {
      const { actor, to } = options;
      const result = await changeCase(actor, options.referenceNumber, async (tx, current, now) => {
        const from = current.status as CaseStatus;
        assertTransition(from, to);
        const row = await updateCaseRow(tx, current.id, {
          status: to,
          updatedAt: now,
          ...(to === 'resolved' && { resolvedAt: now }),
          ...(to === 'closed' && { closedAt: now }),
          ...(isReopen(from, to) && { resolvedAt: null, closedAt: null }),
        });
        await appendEvent(
          tx,
          actor,
          row,
          'case.status_changed',
          {
            status: { before: from, after: to },
            ...(options.reason && { reason: options.reason }),
            ...(isReopen(from, to) && { isReopen: true }),
          },
          now,
        );
        await afterCaseStatusChange(tx, surveyDepsOf(config), { from, row, now });
        return { row, result: row, isChanged: true };
      });
      return detail(actor, result);
    },

    async assign(options: {
      actor: Actor;
      referenceNumber: string;
      teamId?: string | null | undefined;
      assigneeId?: string | null | undefined;
    }) {
      const { actor } = options;
      const result = await changeCase(actor, options.referenceNumber, async (tx, current, now) => {
        await assertTeamAndAssignee(tx, actor.workspace.id, options.teamId, options.assigneeId);
        const diff = diffFields(current, { teamId: options.teamId, assigneeId: options.assigneeId });
        if (Object.keys(diff).length === 0) return { row: current, result: current, isChanged: false };
        const values = Object.fromEntries(
          Object.entries(diff).map(([field, change]) => [field, change.after]),
        );
        const row = await updateCaseRow(tx, current.id, { ...values, updatedAt: now });
        await appendEvent(tx, actor, row, 'case.assigned', diff, now);
        // The customer hears that a specialised team has the case (unless the team switched it off).
        if (diff.teamId && options.teamId)
          await tellCustomerTeamHasCase(tx, {
            caseRow: row,
            teamId: options.teamId,
            now,
            mailDomain: config.mailDomain,
          });
        return { row, result: row, isChanged: true };
      });
      return detail(actor, result);
    },

    /** A reply to the customer, an internal note, or a customer's words logged by an agent. */
    async addMessage(options: {
      actor: Actor;
      referenceNumber: string;
      type: 'reply' | 'note' | 'inbound';
      visibility: 'public' | 'private';
      body: string;
      attachments: { name: string; contentType: string; size: number; url?: string | undefined }[];
      /** Users to notify; only in notes. */
      mentions?: string[] | undefined;
    }) {
      const { actor } = options;
      const mentioned = options.mentions?.length
        ? await assertMentionable(db, actor, options.type, options.mentions)
        : [];
      const direction = options.type === 'reply' ? 'outbound' : options.type === 'note' ? 'note' : 'inbound';
      const visibility = options.type === 'note' ? 'private' : options.visibility;
      let created: MessageRow | undefined;
      await changeCase(actor, options.referenceNumber, async (tx, current, now) => {
        if (direction === 'outbound') {
          await assertSocialReplySendable(tx, current, { visibility, body: options.body, now });
        }
        const recorded = await recordMessage(tx, current, {
          author: { userId: actor.userId, label: actor.name },
          direction,
          visibility,
          body: options.body,
          attachments: options.attachments,
          now,
          mentions: mentioned,
        });
        if (!recorded) throw new Error('a message without an external id is never a repeat');
        created = recorded.message;
        if (direction === 'outbound') {
          await planDelivery(tx, {
            caseRow: recorded.row,
            message: created,
            now,
            mailDomain: config.mailDomain,
          });
        }
        await notifyMentions(tx, {
          actor,
          caseId: current.id,
          messageId: created.id,
          userIds: mentioned,
          now,
        });
        // message.created already tells consoles that this case changed.
        return { row: recorded.row, result: recorded.row, isChanged: false };
      });
      const [delivery] = await listOutboxOfMessages(db, [created!.id]);
      return publicMessage(created!, delivery);
    },

    /**
     * A WhatsApp template approved in WhatsApp Manager: the way to reach a customer after the 24-hour
     * window has closed. The case keeps a readable record of what went out.
     */
    async sendTemplate(options: { actor: Actor; referenceNumber: string; template: SendTemplateRequest }) {
      const { actor, template } = options;
      let created: MessageRow | undefined;
      await changeCase(actor, options.referenceNumber, async (tx, current, now) => {
        // Template name and language in brackets, then its parameters: no words of one UI language.
        const parameters = template.parameters.length ? ` ${template.parameters.join(' · ')}` : '';
        const recorded = await recordMessage(tx, current, {
          author: { userId: actor.userId, label: actor.name },
          direction: 'outbound',
          visibility: 'private',
          body: `[${template.name} · ${template.language}]${parameters}`,
          attachments: [],
          now,
          mentions: [],
        });
        if (!recorded) throw new Error('a message without an external id is never a repeat');
        created = recorded.message;
        await planTemplateDelivery(tx, { caseRow: recorded.row, message: created, template, now });
        return { row: recorded.row, result: recorded.row, isChanged: false };
      });
      const [delivery] = await listOutboxOfMessages(db, [created!.id]);
      return publicMessage(created!, delivery);
    },
  };
}
