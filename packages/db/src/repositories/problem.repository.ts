// Problems (issue 9): the cause behind many complaints, its linked cases, corrective actions and notes.
// Every query is scoped by workspace.
import { and, asc, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../database.ts';
import {
  appUser,
  customer,
  problem,
  problemAction,
  problemCase,
  problemNote,
  supportCase,
} from '../schema.ts';

export type ProblemRow = typeof problem.$inferSelect;
export type ProblemActionRow = typeof problemAction.$inferSelect;
export type ProblemNoteRow = typeof problemNote.$inferSelect & { authorName: string | null };

/** A problem of the list with its counts. */
export type ProblemListRow = ProblemRow & {
  linkedCases: number;
  actions: number;
  openActions: number;
  notified: number;
};

/** A linked case as the problem's page and the close notice read it. */
export type ProblemCaseRow = {
  caseId: string;
  referenceNumber: string;
  subject: string;
  description: string;
  status: string;
  channel: string;
  createdAt: Date;
  customerName: string | null;
  linkedAt: Date;
  notifiedAt: Date | null;
};

export async function insertProblem(
  executor: Executor,
  row: typeof problem.$inferInsert,
): Promise<ProblemRow> {
  const [inserted] = await executor.insert(problem).values(row).returning();
  return inserted!;
}

export async function findProblem(
  executor: Executor,
  workspaceId: string,
  id: string,
): Promise<ProblemRow | undefined> {
  const [row] = await executor
    .select()
    .from(problem)
    .where(and(eq(problem.workspaceId, workspaceId), eq(problem.id, id)));
  return row;
}

/** findProblem, locking the row until the transaction ends: changes to one problem apply one after another. */
export async function lockProblem(
  executor: Executor,
  workspaceId: string,
  id: string,
): Promise<ProblemRow | undefined> {
  const [row] = await executor
    .select()
    .from(problem)
    .where(and(eq(problem.workspaceId, workspaceId), eq(problem.id, id)))
    .for('update');
  return row;
}

export async function updateProblem(
  executor: Executor,
  workspaceId: string,
  id: string,
  patch: Partial<Omit<ProblemRow, 'id' | 'workspaceId'>>,
): Promise<ProblemRow> {
  const [row] = await executor
    .update(problem)
    .set(patch)
    .where(and(eq(problem.workspaceId, workspaceId), eq(problem.id, id)))
    .returning();
  return row!;
}

/** The workspace's problems, the most recently changed first, with their counts. */
export async function listProblems(
  executor: Executor,
  options: { workspaceId: string; statuses?: string[] | undefined; ids?: string[]; limit: number },
): Promise<ProblemListRow[]> {
  const linkedCases = sql<number>`(SELECT count(*)::int FROM ${problemCase} WHERE ${problemCase.problemId} = ${problem.id})`;
  const actions = sql<number>`(SELECT count(*)::int FROM ${problemAction} WHERE ${problemAction.problemId} = ${problem.id} AND ${problemAction.status} <> 'cancelled')`;
  const openActions = sql<number>`(SELECT count(*)::int FROM ${problemAction} WHERE ${problemAction.problemId} = ${problem.id} AND ${problemAction.status} IN ('todo', 'in_progress'))`;
  const notified = sql<number>`(SELECT count(*)::int FROM ${problemCase} WHERE ${problemCase.problemId} = ${problem.id} AND ${problemCase.notifiedAt} IS NOT NULL)`;
  return executor
    .select({ ...getTableColumns(problem), linkedCases, actions, openActions, notified })
    .from(problem)
    .where(
      and(
        eq(problem.workspaceId, options.workspaceId),
        options.statuses?.length ? inArray(problem.status, options.statuses) : undefined,
        options.ids ? inArray(problem.id, options.ids) : undefined,
      ),
    )
    .orderBy(desc(problem.updatedAt), asc(problem.id))
    .limit(options.limit);
}

/** The cases of the workspace with these reference numbers (upper case), with their ids. */
export async function findCasesByReferences(
  executor: Executor,
  workspaceId: string,
  referenceNumbers: string[],
): Promise<{ id: string; referenceNumber: string; subject: string; status: string }[]> {
  if (referenceNumbers.length === 0) return [];
  return executor
    .select({
      id: supportCase.id,
      referenceNumber: supportCase.referenceNumber,
      subject: supportCase.subject,
      status: supportCase.status,
    })
    .from(supportCase)
    .where(
      and(eq(supportCase.workspaceId, workspaceId), inArray(supportCase.referenceNumber, referenceNumbers)),
    );
}

/** The problem each of these cases is linked to, if any. */
export async function findProblemLinksOfCases(
  executor: Executor,
  workspaceId: string,
  caseIds: string[],
): Promise<{ caseId: string; problemId: string; title: string; status: string }[]> {
  if (caseIds.length === 0) return [];
  return executor
    .select({
      caseId: problemCase.caseId,
      problemId: problemCase.problemId,
      title: problem.title,
      status: problem.status,
    })
    .from(problemCase)
    .innerJoin(problem, eq(problem.id, problemCase.problemId))
    .where(and(eq(problemCase.workspaceId, workspaceId), inArray(problemCase.caseId, caseIds)));
}

/** Links cases to a problem; a case already linked (to it) is left as it is. Answers the ids newly linked. */
export async function linkProblemCases(
  executor: Executor,
  input: { workspaceId: string; problemId: string; caseIds: string[]; linkedBy: string | null; now: Date },
): Promise<string[]> {
  if (input.caseIds.length === 0) return [];
  const rows = await executor
    .insert(problemCase)
    .values(
      input.caseIds.map((caseId) => ({
        workspaceId: input.workspaceId,
        problemId: input.problemId,
        caseId,
        linkedBy: input.linkedBy,
        linkedAt: input.now,
      })),
    )
    .onConflictDoNothing()
    .returning({ caseId: problemCase.caseId });
  return rows.map((row) => row.caseId);
}

export async function unlinkProblemCase(
  executor: Executor,
  workspaceId: string,
  problemId: string,
  caseId: string,
): Promise<boolean> {
  const rows = await executor
    .delete(problemCase)
    .where(
      and(
        eq(problemCase.workspaceId, workspaceId),
        eq(problemCase.problemId, problemId),
        eq(problemCase.caseId, caseId),
      ),
    )
    .returning({ caseId: problemCase.caseId });
  return rows.length > 0;
}

/** The cases linked to a problem, the newest first (at most `limit`). */
export async function listProblemCases(
  executor: Executor,
  workspaceId: string,
  problemId: string,
  options: { limit: number; onlyUnnotified?: boolean } = { limit: 1000 },
): Promise<ProblemCaseRow[]> {
  return executor
    .select({
      caseId: supportCase.id,
      referenceNumber: supportCase.referenceNumber,
      subject: supportCase.subject,
      description: supportCase.description,
      status: supportCase.status,
      channel: supportCase.channel,
      createdAt: supportCase.createdAt,
      customerName: customer.name,
      linkedAt: problemCase.linkedAt,
      notifiedAt: problemCase.notifiedAt,
    })
    .from(problemCase)
    .innerJoin(supportCase, eq(supportCase.id, problemCase.caseId))
    .leftJoin(customer, eq(customer.id, supportCase.customerId))
    .where(
      and(
        eq(problemCase.workspaceId, workspaceId),
        eq(problemCase.problemId, problemId),
        options.onlyUnnotified ? isNull(problemCase.notifiedAt) : undefined,
      ),
    )
    .orderBy(desc(supportCase.createdAt), asc(supportCase.id))
    .limit(options.limit);
}

/** Records that "the cause was fixed" was queued for this case (in the transaction that queued it). */
export async function markProblemCaseNotified(
  executor: Executor,
  input: { workspaceId: string; problemId: string; caseId: string; messageId: string | null; now: Date },
): Promise<void> {
  await executor
    .update(problemCase)
    .set({ notifiedAt: input.now, notifiedMessageId: input.messageId })
    .where(
      and(
        eq(problemCase.workspaceId, input.workspaceId),
        eq(problemCase.problemId, input.problemId),
        eq(problemCase.caseId, input.caseId),
      ),
    );
}

/** Of these cases, those linked to any problem of the workspace. */
export async function listLinkedCaseIds(
  executor: Executor,
  workspaceId: string,
  caseIds: string[],
): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await executor
    .select({ caseId: problemCase.caseId })
    .from(problemCase)
    .where(and(eq(problemCase.workspaceId, workspaceId), inArray(problemCase.caseId, caseIds)));
  return new Set(rows.map((row) => row.caseId));
}

export async function insertProblemAction(
  executor: Executor,
  row: typeof problemAction.$inferInsert,
): Promise<ProblemActionRow> {
  const [inserted] = await executor.insert(problemAction).values(row).returning();
  return inserted!;
}

export async function findProblemAction(
  executor: Executor,
  workspaceId: string,
  problemId: string,
  id: string,
): Promise<ProblemActionRow | undefined> {
  const [row] = await executor
    .select()
    .from(problemAction)
    .where(
      and(
        eq(problemAction.workspaceId, workspaceId),
        eq(problemAction.problemId, problemId),
        eq(problemAction.id, id),
      ),
    );
  return row;
}

export async function updateProblemAction(
  executor: Executor,
  workspaceId: string,
  id: string,
  patch: Partial<Omit<ProblemActionRow, 'id' | 'workspaceId' | 'problemId'>>,
): Promise<ProblemActionRow> {
  const [row] = await executor
    .update(problemAction)
    .set(patch)
    .where(and(eq(problemAction.workspaceId, workspaceId), eq(problemAction.id, id)))
    .returning();
  return row!;
}

/** The actions of one or several problems, oldest first. */
export async function listProblemActions(
  executor: Executor,
  workspaceId: string,
  problemIds: string[],
): Promise<ProblemActionRow[]> {
  if (problemIds.length === 0) return [];
  return executor
    .select()
    .from(problemAction)
    .where(and(eq(problemAction.workspaceId, workspaceId), inArray(problemAction.problemId, problemIds)))
    .orderBy(asc(problemAction.createdAt), asc(problemAction.id));
}

export async function insertProblemNote(
  executor: Executor,
  row: typeof problemNote.$inferInsert,
): Promise<void> {
  await executor.insert(problemNote).values(row);
}

/** The notes of a problem, oldest first, with their authors' names. */
export async function listProblemNotes(
  executor: Executor,
  workspaceId: string,
  problemId: string,
): Promise<ProblemNoteRow[]> {
  return executor
    .select({
      id: problemNote.id,
      workspaceId: problemNote.workspaceId,
      problemId: problemNote.problemId,
      body: problemNote.body,
      authorUserId: problemNote.authorUserId,
      createdAt: problemNote.createdAt,
      authorName: appUser.name,
    })
    .from(problemNote)
    .leftJoin(appUser, eq(appUser.id, problemNote.authorUserId))
    .where(and(eq(problemNote.workspaceId, workspaceId), eq(problemNote.problemId, problemId)))
    .orderBy(asc(problemNote.createdAt), asc(problemNote.id));
}
