import { randomUUID } from 'node:crypto';
import { AppError, assertCan, type Channel } from '@sada/core';
import {
  type CustomerWithIdentities,
  countCasesOf,
  type Executor,
  findCustomer,
  findLookalikeCustomers,
  insertAuditRecord,
  insertCaseEvent,
  insertCustomer,
  insertIdentity,
  listIdentitiesOf,
  mergeCustomerRows,
  searchCustomers,
  updateCustomer,
} from '@sada/db';
import { normalizeForSearch } from '@sada/triage';
import type { Actor } from '../auth/actor.ts';
import { createdAtValue, decodeTimeCursor, nextCursorOf } from '../http/cursor.ts';
import { isUniqueViolation } from '../http/database-errors.ts';
import type { ServiceDeps } from '../services.ts';
import { resyncCustomerCases } from '../sla/sla-sync.ts';

export type IdentityInput = { channel: Channel; externalId: string; handle?: string | undefined };
export type NewCustomer = {
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
  language?: string | undefined;
  tags?: string[] | undefined;
  notes?: string | undefined;
  identities?: IdentityInput[] | undefined;
};

/** What a customer is found by in the customer search: name, e-mail, phone and identities, normalised. */
export function searchTextOf(
  customer: { name: string; email?: string | null | undefined; phone?: string | null | undefined },
  identities: { externalId: string; handle?: string | null | undefined }[],
) {
  const parts = [
    customer.name,
    customer.email,
    customer.phone,
    ...identities.flatMap((identity) => [identity.externalId, identity.handle]),
  ];
  return normalizeForSearch(parts.filter(Boolean).join(' '));
}

export function publicCustomer(row: CustomerWithIdentities) {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    language: row.language,
    tags: row.tags,
    notes: row.notes,
    mergedIntoId: row.mergedIntoId,
    identities: row.identities.map((identity) => ({
      id: identity.id,
      channel: identity.channel as Channel,
      externalId: identity.externalId,
      handle: identity.handle,
    })),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Inserts a customer with identities inside the caller's transaction; an identity already taken is a conflict. */
export async function insertCustomerWithIdentities(
  executor: Executor,
  options: { workspaceId: string; customer: NewCustomer; now: Date },
): Promise<CustomerWithIdentities> {
  const { workspaceId, customer, now } = options;
  const identities = customer.identities ?? [];
  const row = await insertCustomer(executor, {
    id: randomUUID(),
    workspaceId,
    name: customer.name,
    email: customer.email?.toLowerCase() ?? null,
    phone: customer.phone ?? null,
    language: customer.language ?? null,
    tags: customer.tags ?? [],
    notes: customer.notes ?? '',
    searchText: searchTextOf(customer, identities),
    createdAt: now,
    updatedAt: now,
  });
  const inserted = [];
  for (const identity of identities) {
    inserted.push(
      await insertIdentity(executor, {
        id: randomUUID(),
        workspaceId,
        customerId: row.id,
        channel: identity.channel,
        externalId: identity.externalId,
        handle: identity.handle ?? null,
        createdAt: now,
      }),
    );
  }
  return { ...row, identities: inserted };
}

export function createCustomerService({ database, clock }: ServiceDeps) {
  const db = database.orm;

  async function get(actor: Actor, id: string) {
    const row = await findCustomer(db, actor.workspace.id, id);
    if (!row)
      throw new AppError('not_found', {
        en: 'No customer with this id in this workspace.',
        ar: 'لا يوجد عميل بهذا المعرّف في مساحة العمل هذه.',
      });
    return row;
  }

  return {
    async search(options: {
      actor: Actor;
      q?: string | undefined;
      limit: number;
      cursor?: string | undefined;
    }) {
      assertCan(options.actor.role, 'customer:read');
      const after = options.cursor ? decodeTimeCursor(options.cursor) : undefined;
      const rows = await searchCustomers(db, {
        workspaceId: options.actor.workspace.id,
        normalizedQuery: options.q ? normalizeForSearch(options.q) : undefined,
        limit: options.limit,
        after: after && { createdAt: after.at, id: after.id },
      });
      const ids = rows.map((row) => row.id);
      const [identities, caseCounts] = await Promise.all([listIdentitiesOf(db, ids), countCasesOf(db, ids)]);
      const items = rows.map((row) => ({
        ...publicCustomer({
          ...row,
          identities: identities.filter((identity) => identity.customerId === row.id),
        }),
        caseCount: caseCounts.get(row.id) ?? 0,
      }));
      return { items, nextCursor: nextCursorOf(rows, options.limit, createdAtValue) };
    },

    async get(options: { actor: Actor; id: string }) {
      assertCan(options.actor.role, 'customer:read');
      return publicCustomer(await get(options.actor, options.id));
    },

    /**
     * Customers who may be the same person seen on another channel: the same e-mail, phone, handle,
     * or full name (two words or more). Suggested only; an agent merges them.
     */
    async lookalikes(options: { actor: Actor; id: string }) {
      assertCan(options.actor.role, 'customer:read');
      const me = await get(options.actor, options.id);
      const name = normalizeForSearch(me.name);
      const normalizedName = name.split(' ').filter(Boolean).length >= 2 ? name : '';
      const rows = await findLookalikeCustomers(db, {
        workspaceId: options.actor.workspace.id,
        customerId: me.id,
        normalizedName,
        limit: 10,
      });
      return rows
        .map((row) => ({
          customer: { id: row.id, name: row.name, email: row.email, phone: row.phone },
          // The name matched on its search form's start: kept only when the whole name is the same.
          reasons: row.reasons.filter(
            (reason) => reason !== 'name' || normalizeForSearch(row.name) === normalizedName,
          ),
        }))
        .filter((item) => item.reasons.length > 0)
        .slice(0, 5);
    },

    async create(options: { actor: Actor; customer: NewCustomer }) {
      assertCan(options.actor.role, 'customer:write');
      try {
        const row = await db.transaction((tx) =>
          insertCustomerWithIdentities(tx, {
            workspaceId: options.actor.workspace.id,
            customer: options.customer,
            now: clock.now(),
          }),
        );
        return publicCustomer(row);
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppError('conflict', {
            en: 'One of these identities already belongs to another customer.',
            ar: 'إحدى هذه الهويات تخص عميلًا آخر.',
          });
        throw error;
      }
    },

    async update(options: {
      actor: Actor;
      id: string;
      changes: {
        name?: string | undefined;
        email?: string | null | undefined;
        phone?: string | null | undefined;
        language?: string | null | undefined;
        tags?: string[] | undefined;
        notes?: string | undefined;
        addIdentities?: IdentityInput[] | undefined;
      };
    }) {
      assertCan(options.actor.role, 'customer:write');
      const { actor, id, changes } = options;
      const current = await get(actor, id);
      if (current.mergedIntoId)
        throw new AppError('conflict', {
          en: 'This customer was merged into another; change that one.',
          ar: 'دُمج هذا العميل في عميل آخر؛ عدّل ذلك العميل.',
        });
      const { addIdentities = [], ...fields } = changes;
      const next = { ...current, ...fields };
      const now = clock.now();
      try {
        await db.transaction(async (tx) => {
          for (const identity of addIdentities) {
            await insertIdentity(tx, {
              id: randomUUID(),
              workspaceId: actor.workspace.id,
              customerId: id,
              channel: identity.channel,
              externalId: identity.externalId,
              handle: identity.handle ?? null,
              createdAt: now,
            });
          }
          await updateCustomer(tx, actor.workspace.id, id, {
            ...fields,
            email: fields.email === undefined ? undefined : (fields.email?.toLowerCase() ?? null),
            searchText: searchTextOf(next, [...current.identities, ...addIdentities]),
            updatedAt: now,
          });
        });
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppError('conflict', {
            en: 'One of these identities already belongs to another customer.',
            ar: 'إحدى هذه الهويات تخص عميلًا آخر.',
          });
        throw error;
      }
      if (fields.tags) await resyncCustomerCases(database, actor.workspace.id, id, now);
      return publicCustomer(await get(actor, id));
    },

    /** Moves the source's identities and cases to the target, marks the source merged, and audits it. */
    async merge(options: { actor: Actor; targetId: string; sourceId: string }) {
      assertCan(options.actor.role, 'customer:merge');
      const { actor, targetId, sourceId } = options;
      if (targetId === sourceId)
        throw new AppError('conflict', {
          en: 'A customer cannot be merged into itself.',
          ar: 'لا يمكن دمج العميل في نفسه.',
        });
      const [target, source] = await Promise.all([get(actor, targetId), get(actor, sourceId)]);
      if (target.mergedIntoId || source.mergedIntoId) {
        throw new AppError('conflict', {
          en: 'One of these customers was already merged into another.',
          ar: 'أحد هذين العميلين مدموج مسبقًا في عميل آخر.',
        });
      }
      const now = clock.now();
      const identities = [...target.identities, ...source.identities];
      await db.transaction(async (tx) => {
        const moved = await mergeCustomerRows(tx, {
          workspaceId: actor.workspace.id,
          sourceId,
          targetId,
          now,
          mergedTags: [...new Set([...target.tags, ...source.tags])],
          searchText: searchTextOf(target, identities),
        });
        for (const movedCase of moved) {
          await insertCaseEvent(tx, {
            workspaceId: actor.workspace.id,
            caseId: movedCase.id,
            type: 'case.customer_changed',
            actorUserId: actor.userId,
            actorLabel: actor.name,
            changes: { customerId: { before: sourceId, after: targetId }, reason: 'customers merged' },
            createdAt: now,
          });
        }
        await insertAuditRecord(tx, {
          workspaceId: actor.workspace.id,
          actorUserId: actor.userId,
          action: 'customer.merged',
          subjectType: 'customer',
          subjectId: targetId,
          details: {
            sourceId,
            sourceName: source.name,
            movedIdentityIds: source.identities.map((identity) => identity.id),
            movedCaseReferences: moved.map((movedCase) => movedCase.referenceNumber),
          },
          createdAt: now,
        });
      });
      // The merged customer's tags now choose the SLA policy of all their open cases.
      await resyncCustomerCases(database, actor.workspace.id, targetId, now);
      return publicCustomer(await get(actor, targetId));
    },
  };
}
