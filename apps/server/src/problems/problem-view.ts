// A problem as the API shows it: names for the people, the linked cases, actions and notes.
import type {
  ProblemAction,
  ProblemActionStatus,
  ProblemDetail,
  ProblemStatus,
  ProblemSummary,
} from '@sada/contracts';
import {
  type Executor,
  listProblemActions,
  listProblemCases,
  listProblemNotes,
  listProblems,
  listUsers,
  type ProblemActionRow,
  type ProblemListRow,
  type ProblemRow,
} from '@sada/db';

/** The most linked cases the problem's page lists (the count covers them all). */
export const LISTED_CASES = 1000;

type Names = Map<string, string>;

const personOf = (names: Names, id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);

export async function userNames(executor: Executor, workspaceId: string): Promise<Names> {
  return new Map((await listUsers(executor, workspaceId)).map((user) => [user.id, user.name]));
}

export const isActionOpen = (status: string) => status === 'todo' || status === 'in_progress';

export function actionView(row: ProblemActionRow, names: Names, now: Date): ProblemAction {
  return {
    id: row.id,
    title: row.title,
    owner: personOf(names, row.ownerUserId),
    dueAt: row.dueAt,
    status: row.status as ProblemActionStatus,
    completedAt: row.completedAt,
    isOverdue: isActionOpen(row.status) && row.dueAt !== null && row.dueAt.getTime() < now.getTime(),
    createdAt: row.createdAt,
  };
}

export function summaryView(row: ProblemListRow, names: Names): ProblemSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status as ProblemStatus,
    source: row.source as 'cases' | 'issue',
    owner: personOf(names, row.ownerUserId),
    linkedCases: row.linkedCases,
    actions: row.actions,
    openActions: row.openActions,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    closedAt: row.closedAt,
  };
}

export async function listSummaries(
  executor: Executor,
  workspaceId: string,
  statuses: ProblemStatus[] | undefined,
): Promise<ProblemSummary[]> {
  const rows = await listProblems(executor, { workspaceId, statuses, limit: 500 });
  const names = await userNames(executor, workspaceId);
  return rows.map((row) => summaryView(row, names));
}

/** The whole problem; one query after another, as inside a transaction they share one connection. */
export async function detailOf(executor: Executor, row: ProblemRow, now: Date): Promise<ProblemDetail> {
  const { workspaceId, id } = row;
  const names = await userNames(executor, workspaceId);
  const cases = await listProblemCases(executor, workspaceId, id, { limit: LISTED_CASES + 1 });
  const actions = await listProblemActions(executor, workspaceId, [id]);
  const notes = await listProblemNotes(executor, workspaceId, id);
  const [counted] = await listProblems(executor, { workspaceId, limit: 1, ids: [id] });
  return {
    id,
    title: row.title,
    rootCause: row.rootCause,
    status: row.status as ProblemStatus,
    source: row.source as 'cases' | 'issue',
    issueTerms: row.issueTerms,
    owner: personOf(names, row.ownerUserId),
    createdBy: personOf(names, row.createdBy),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    closedAt: row.closedAt,
    cases: cases.slice(0, LISTED_CASES).map((item) => ({
      referenceNumber: item.referenceNumber,
      subject: item.subject,
      status: item.status,
      channel: item.channel,
      customerName: item.customerName,
      createdAt: item.createdAt,
      linkedAt: item.linkedAt,
      notifiedAt: item.notifiedAt,
    })),
    linkedCases: counted?.linkedCases ?? cases.length,
    notified: counted?.notified ?? 0,
    actions: actions.map((action) => actionView(action, names, now)),
    notes: notes.map((note) => ({
      id: note.id,
      body: note.body,
      author: note.authorUserId ? { id: note.authorUserId, name: note.authorName ?? '' } : null,
      createdAt: note.createdAt,
    })),
  };
}

/** The actions of several problems by problem, with their owners' names: two reads in all. */
export async function actionsOf(
  executor: Executor,
  workspaceId: string,
  problemIds: string[],
  now: Date,
): Promise<Map<string, ProblemAction[]>> {
  const [rows, names] = await Promise.all([
    listProblemActions(executor, workspaceId, problemIds),
    userNames(executor, workspaceId),
  ]);
  const byProblem = new Map<string, ProblemAction[]>();
  for (const row of rows) {
    const list = byProblem.get(row.problemId) ?? [];
    list.push(actionView(row, names, now));
    byProblem.set(row.problemId, list);
  }
  return byProblem;
}
