import { and, desc, eq, ilike, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { type Executor, rowsOf } from '../database.ts';
import { auditRecord, customer, customerIdentity, supportCase } from '../schema.ts';

export type CustomerRow = typeof customer.$inferSelect;
export type IdentityRow = typeof customerIdentity.$inferSelect;
export type CustomerWithIdentities = CustomerRow & { identities: IdentityRow[] };

export async function insertCustomer(
  executor: Executor,
  values: typeof customer.$inferInsert,
): Promise<CustomerRow> {
  const [row] = await executor.insert(customer).values(values).returning();
  return row!;
}

export async function insertIdentity(executor: Executor, values: typeof customerIdentity.$inferInsert) {
  const [row] = await executor.insert(customerIdentity).values(values).returning();
  return row!;
}

/** A customer's id, name and merge target, without identities (for cases that only name their customer). */
export async function findCustomerSummary(
  executor: Executor,
  workspaceId: string,
  id: string,
): Promise<
  | {
      id: string;
      name: string;
      email: string | null;
      phone: string | null;
      language: string | null;
      mergedIntoId: string | null;
    }
  | undefined
> {
  const [row] = await executor
    .select({
      id: customer.id,
      name: customer.name,
      email: customer.email,
      phone: customer.phone,
      language: customer.language,
      mergedIntoId: customer.mergedIntoId,
    })
    .from(customer)
    .where(and(eq(customer.workspaceId, workspaceId), eq(customer.id, id)));
  return row;
}

export async function findCustomer(
  executor: Executor,
  workspaceId: string,
  id: string,
): Promise<CustomerWithIdentities | undefined> {
  const [row] = await executor
    .select()
    .from(customer)
    .where(and(eq(customer.workspaceId, workspaceId), eq(customer.id, id)));
  if (!row) return undefined;
  const identities = await executor
    .select()
    .from(customerIdentity)
    .where(eq(customerIdentity.customerId, id))
    .orderBy(customerIdentity.createdAt);
  return { ...row, identities };
}

export async function listIdentitiesOf(executor: Executor, customerIds: string[]): Promise<IdentityRow[]> {
  if (customerIds.length === 0) return [];
  return executor.select().from(customerIdentity).where(inArray(customerIdentity.customerId, customerIds));
}

/** Customers (not merged away) whose name, e-mail, phone or handles contain the normalised query; newest first. */
export async function searchCustomers(
  executor: Executor,
  options: {
    workspaceId: string;
    normalizedQuery?: string | undefined;
    limit: number;
    after?: { createdAt: Date; id: string } | undefined;
  },
): Promise<CustomerRow[]> {
  const conditions = [eq(customer.workspaceId, options.workspaceId), isNull(customer.mergedIntoId)];
  if (options.normalizedQuery) {
    const pattern = `%${options.normalizedQuery.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(ilike(customer.searchText, pattern));
  }
  if (options.after) {
    const { createdAt, id } = options.after;
    conditions.push(
      or(lt(customer.createdAt, createdAt), and(eq(customer.createdAt, createdAt), lt(customer.id, id)))!,
    );
  }
  return executor
    .select()
    .from(customer)
    .where(and(...conditions))
    .orderBy(desc(customer.createdAt), desc(customer.id))
    .limit(options.limit);
}

export async function updateCustomer(
  executor: Executor,
  workspaceId: string,
  id: string,
  values: Partial<
    Pick<CustomerRow, 'name' | 'email' | 'phone' | 'language' | 'tags' | 'notes' | 'searchText' | 'updatedAt'>
  >,
) {
  const [row] = await executor
    .update(customer)
    .set(values)
    .where(and(eq(customer.workspaceId, workspaceId), eq(customer.id, id)))
    .returning();
  return row;
}

/** Moves identities and cases of `sourceId` onto `targetId` and marks the source as merged. Returns the moved case ids. */
export async function mergeCustomerRows(
  executor: Executor,
  options: {
    workspaceId: string;
    sourceId: string;
    targetId: string;
    now: Date;
    mergedTags: string[];
    searchText: string;
  },
): Promise<{ id: string; referenceNumber: string }[]> {
  const { workspaceId, sourceId, targetId, now } = options;
  await executor
    .update(customerIdentity)
    .set({ customerId: targetId })
    .where(and(eq(customerIdentity.workspaceId, workspaceId), eq(customerIdentity.customerId, sourceId)));
  const moved = await executor
    .update(supportCase)
    .set({ customerId: targetId, updatedAt: now })
    .where(and(eq(supportCase.workspaceId, workspaceId), eq(supportCase.customerId, sourceId)))
    .returning({ id: supportCase.id, referenceNumber: supportCase.referenceNumber });
  await executor
    .update(customer)
    .set({ mergedIntoId: targetId, updatedAt: now })
    .where(and(eq(customer.workspaceId, workspaceId), eq(customer.id, sourceId)));
  await executor
    .update(customer)
    .set({ tags: options.mergedTags, searchText: options.searchText, updatedAt: now })
    .where(and(eq(customer.workspaceId, workspaceId), eq(customer.id, targetId)));
  return moved;
}

export async function insertAuditRecord(
  executor: Executor,
  values: typeof auditRecord.$inferInsert,
): Promise<void> {
  await executor.insert(auditRecord).values(values);
}

/** How many cases each customer has, for the customer list. */
export async function countCasesOf(executor: Executor, customerIds: string[]): Promise<Map<string, number>> {
  if (customerIds.length === 0) return new Map();
  const rows = await executor
    .select({ customerId: supportCase.customerId, total: sql<number>`count(*)::int` })
    .from(supportCase)
    .where(inArray(supportCase.customerId, customerIds))
    .groupBy(supportCase.customerId);
  return new Map(rows.map((row) => [row.customerId!, row.total]));
}

/** Why another customer may be the same person. */
export type LookalikeReason = 'email' | 'phone' | 'handle' | 'name';

/**
 * Other customers of the workspace who may be the same person as `customerId`: the same e-mail
 * (any case), the same phone (its last nine digits, so +966 50… and 050… meet), the same handle on
 * another channel (@ and case ignored), or a name whose search form starts the same way (the
 * caller confirms the name). Merged customers are left out; at most `limit`.
 */
export async function findLookalikeCustomers(
  executor: Executor,
  options: { workspaceId: string; customerId: string; normalizedName: string; limit: number },
): Promise<
  { id: string; name: string; email: string | null; phone: string | null; reasons: LookalikeReason[] }[]
> {
  const { workspaceId, customerId, normalizedName } = options;
  const result = await executor.execute(sql`
    WITH me AS (
      SELECT lower(email) AS email,
             right(regexp_replace(coalesce(phone, ''), '[^0-9]', '', 'g'), 9) AS phone_digits
      FROM ${customer} WHERE id = ${customerId} AND workspace_id = ${workspaceId}
    ),
    my_handles AS (
      SELECT lower(ltrim(handle, '@')) AS handle, channel FROM ${customerIdentity}
      WHERE customer_id = ${customerId} AND workspace_id = ${workspaceId}
        AND lower(ltrim(coalesce(handle, ''), '@')) <> ''
    ),
    matched AS (
      SELECT c.id, c.name, c.email, c.phone, c.updated_at,
        (c.email IS NOT NULL AND lower(c.email) = me.email) AS same_email,
        (length(me.phone_digits) = 9
          AND right(regexp_replace(coalesce(c.phone, ''), '[^0-9]', '', 'g'), 9) = me.phone_digits) AS same_phone,
        EXISTS (
          SELECT 1 FROM ${customerIdentity} AS theirs JOIN my_handles AS mine
            ON lower(ltrim(theirs.handle, '@')) = mine.handle AND theirs.channel <> mine.channel
          WHERE theirs.customer_id = c.id
        ) AS same_handle,
        (${normalizedName} <> ''
          AND (c.search_text = ${normalizedName} OR starts_with(c.search_text, ${`${normalizedName} `}))) AS same_name
      FROM ${customer} AS c CROSS JOIN me
      WHERE c.workspace_id = ${workspaceId} AND c.id <> ${customerId} AND c.merged_into_id IS NULL
    )
    SELECT * FROM matched WHERE same_email OR same_phone OR same_handle OR same_name
    ORDER BY updated_at DESC, id
    LIMIT ${options.limit}`);
  type Raw = {
    id: string;
    name: string;
    email: string | null;
    phone: string | null;
    same_email: boolean;
    same_phone: boolean;
    same_handle: boolean;
    same_name: boolean;
  };
  return rowsOf<Raw>(result).map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    reasons: [
      ...(row.same_email ? (['email'] as const) : []),
      ...(row.same_phone ? (['phone'] as const) : []),
      ...(row.same_handle ? (['handle'] as const) : []),
      ...(row.same_name ? (['name'] as const) : []),
    ],
  }));
}
