import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import {
  customer,
  message,
  satisfactionSurvey,
  solutionOffer,
  successStory,
  supportCase,
} from '../schema.ts';

export type StoryRecord = typeof successStory.$inferSelect;

/** A story with what its text is anonymised against: the case's reference and its customer. */
export type StoryView = StoryRecord & {
  referenceNumber: string;
  orderReference: string | null;
  customerName: string | null;
  customerEmail: string | null;
  customerPhone: string | null;
};

export async function insertStory(executor: Executor, values: typeof successStory.$inferInsert) {
  const [row] = await executor.insert(successStory).values(values).returning();
  return row!;
}

export async function updateStory(
  executor: Executor,
  workspaceId: string,
  id: string,
  values: Partial<Omit<StoryRecord, 'id' | 'workspaceId' | 'caseId' | 'createdBy' | 'createdAt'>>,
): Promise<StoryRecord> {
  const [row] = await executor
    .update(successStory)
    .set(values)
    .where(and(eq(successStory.workspaceId, workspaceId), eq(successStory.id, id)))
    .returning();
  return row!;
}

/** Reads a story and locks it until the transaction ends: one consent answer at a time. */
export async function lockStory(executor: Executor, workspaceId: string, id: string) {
  const [row] = await executor
    .select()
    .from(successStory)
    .where(and(eq(successStory.workspaceId, workspaceId), eq(successStory.id, id)))
    .for('update');
  return row;
}

function selectStoryViews(executor: Executor) {
  return executor
    .select({
      story: successStory,
      referenceNumber: supportCase.referenceNumber,
      orderReference: supportCase.orderReference,
      customerName: customer.name,
      customerEmail: customer.email,
      customerPhone: customer.phone,
    })
    .from(successStory)
    .innerJoin(
      supportCase,
      and(eq(supportCase.id, successStory.caseId), eq(supportCase.workspaceId, successStory.workspaceId)),
    )
    .leftJoin(customer, eq(customer.id, supportCase.customerId));
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof selectStoryViews>['execute']>>[number];
const toView = ({ story, ...rest }: ViewRow): StoryView => ({ ...story, ...rest });

export async function findStoryView(executor: Executor, workspaceId: string, id: string) {
  const [row] = await selectStoryViews(executor).where(
    and(eq(successStory.workspaceId, workspaceId), eq(successStory.id, id)),
  );
  return row && toView(row);
}

export async function findStoryViewOfCase(executor: Executor, workspaceId: string, caseId: string) {
  const [row] = await selectStoryViews(executor).where(
    and(eq(successStory.workspaceId, workspaceId), eq(successStory.caseId, caseId)),
  );
  return row && toView(row);
}

/** A workspace's stories, newest first, optionally of one status. */
export async function listStoryViews(executor: Executor, workspaceId: string, status?: string) {
  const rows = await selectStoryViews(executor)
    .where(
      and(eq(successStory.workspaceId, workspaceId), status ? eq(successStory.status, status) : undefined),
    )
    .orderBy(desc(successStory.createdAt), desc(successStory.id))
    .limit(500);
  return rows.map(toView);
}

/** The rating and comment of the case's newest answered survey. */
export async function findLatestAnsweredSurvey(executor: Executor, workspaceId: string, caseId: string) {
  const [row] = await executor
    .select({ rating: satisfactionSurvey.rating, comment: satisfactionSurvey.comment })
    .from(satisfactionSurvey)
    .where(
      and(
        eq(satisfactionSurvey.workspaceId, workspaceId),
        eq(satisfactionSurvey.caseId, caseId),
        eq(satisfactionSurvey.status, 'answered'),
      ),
    )
    .orderBy(desc(satisfactionSurvey.answeredAt), desc(satisfactionSurvey.createdAt))
    .limit(1);
  return row;
}

/** The first message the customer wrote on the case. */
export async function findFirstCustomerMessage(executor: Executor, workspaceId: string, caseId: string) {
  const [row] = await executor
    .select({ body: message.body })
    .from(message)
    .where(
      and(eq(message.workspaceId, workspaceId), eq(message.caseId, caseId), eq(message.direction, 'inbound')),
    )
    .orderBy(message.createdAt, message.id)
    .limit(1);
  return row?.body;
}

/** The last public reply a person (not Sada) sent the customer. */
export async function findLastAgentReply(executor: Executor, workspaceId: string, caseId: string) {
  const [row] = await executor
    .select({ body: message.body })
    .from(message)
    .where(
      and(
        eq(message.workspaceId, workspaceId),
        eq(message.caseId, caseId),
        eq(message.direction, 'outbound'),
        eq(message.visibility, 'public'),
        eq(message.isAutomatic, false),
        isNotNull(message.authorUserId),
      ),
    )
    .orderBy(desc(message.createdAt), desc(message.id))
    .limit(1);
  return row?.body;
}

/** The case's newest offer the customer chose an option of. */
export async function findChosenOfferOfCase(executor: Executor, workspaceId: string, caseId: string) {
  const [row] = await executor
    .select()
    .from(solutionOffer)
    .where(
      and(
        eq(solutionOffer.workspaceId, workspaceId),
        eq(solutionOffer.caseId, caseId),
        isNotNull(solutionOffer.chosenOptionId),
        sql`${solutionOffer.status} = 'chosen'`,
      ),
    )
    .orderBy(desc(solutionOffer.chosenAt))
    .limit(1);
  return row;
}
