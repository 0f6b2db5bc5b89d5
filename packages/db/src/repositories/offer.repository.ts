import { and, desc, eq, isNotNull, lte } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import { appUser, solutionOffer } from '../schema.ts';

export type OfferRecord = typeof solutionOffer.$inferSelect;
export type OfferView = OfferRecord & { createdByName: string };

export async function insertOffer(executor: Executor, values: typeof solutionOffer.$inferInsert) {
  const [row] = await executor.insert(solutionOffer).values(values).returning();
  return row!;
}

/** Reads an offer and locks it until the transaction ends: one choice, one decision at a time. */
export async function lockOffer(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select()
    .from(solutionOffer)
    .where(and(eq(solutionOffer.workspaceId, workspaceId), eq(solutionOffer.id, id)))
    .for('update');
  return row;
}

export async function findOffer(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select()
    .from(solutionOffer)
    .where(and(eq(solutionOffer.workspaceId, workspaceId), eq(solutionOffer.id, id)));
  return row;
}

export async function updateOffer(
  executor: Executor,
  workspaceId: string,
  id: string,
  values: Partial<
    Pick<OfferRecord, 'status' | 'chosenOptionId' | 'chosenAt' | 'chosenVia' | 'sentAt' | 'expiresAt'>
  >,
): Promise<OfferRecord> {
  const [row] = await executor
    .update(solutionOffer)
    .set(values)
    .where(and(eq(solutionOffer.workspaceId, workspaceId), eq(solutionOffer.id, id)))
    .returning();
  return row!;
}

/** A case's offers, newest first, with their creator's name. */
export async function listOffersOfCase(
  executor: Executor,
  workspaceId: string,
  caseId: string,
): Promise<OfferView[]> {
  const rows = await executor
    .select({ offer: solutionOffer, createdByName: appUser.name })
    .from(solutionOffer)
    .innerJoin(appUser, eq(appUser.id, solutionOffer.createdBy))
    .where(and(eq(solutionOffer.workspaceId, workspaceId), eq(solutionOffer.caseId, caseId)))
    .orderBy(desc(solutionOffer.createdAt), desc(solutionOffer.id));
  return rows.map((row) => ({ ...row.offer, createdByName: row.createdByName }));
}

/** The newest offer of a case that reached the customer (what the signed page shows). */
export async function findLatestSentOffer(executor: Executor, workspaceId: string, caseId: string) {
  const [row] = await executor
    .select()
    .from(solutionOffer)
    .where(
      and(
        eq(solutionOffer.workspaceId, workspaceId),
        eq(solutionOffer.caseId, caseId),
        isNotNull(solutionOffer.sentAt),
      ),
    )
    .orderBy(desc(solutionOffer.sentAt), desc(solutionOffer.id))
    .limit(1);
  return row;
}

/** Sent offers past their expiry, locked for the caller to expire (every workspace). */
export async function claimExpiredOffers(executor: Executor, now: Date, limit: number) {
  return executor
    .select()
    .from(solutionOffer)
    .where(and(eq(solutionOffer.status, 'sent'), lte(solutionOffer.expiresAt, now)))
    .orderBy(solutionOffer.expiresAt)
    .limit(limit)
    .for('update', { skipLocked: true });
}
