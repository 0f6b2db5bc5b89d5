// The corrective actions a report lists (issue 9's problem management): the actions of the problems
// still open during the period that were open then or completed in it, read through the problems
// service (the same rules as its pages).
import type { ProblemService } from '../problems/problem.service.ts';
import type { ReportAction, ReportActionsReader } from './report-content.ts';

/** At most this many problems are read for one report, the most recently changed first. */
const MAX_PROBLEMS = 15;

export function problemActionsReader(
  problems: Pick<ProblemService, 'list' | 'actionsOf'>,
): ReportActionsReader {
  return async (actor, { from, to }) => {
    const { items } = await problems.list(actor, undefined);
    const during = items
      .filter((problem) => problem.createdAt < to && (problem.closedAt === null || problem.closedAt >= from))
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
      .slice(0, MAX_PROBLEMS);
    const actionsByProblem = await problems.actionsOf(
      actor,
      during.map((problem) => problem.id),
    );
    const actions: ReportAction[] = [];
    for (const problem of during) {
      for (const action of actionsByProblem.get(problem.id) ?? []) {
        const isOpen = action.status === 'todo' || action.status === 'in_progress';
        const isDoneInPeriod =
          action.status === 'done' &&
          action.completedAt !== null &&
          action.completedAt >= from &&
          action.completedAt < to;
        if (action.createdAt >= to || !(isOpen || isDoneInPeriod)) continue;
        actions.push({
          title: `${problem.title}: ${action.title}`,
          status: action.status,
          owner: action.owner?.name ?? null,
          dueAt: action.dueAt,
        });
      }
    }
    return actions;
  };
}
