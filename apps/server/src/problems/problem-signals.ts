// What the words of the complaints say about a problem: the cases of the emerging issue it is made
// from, the recent cases that read like it (suggestions), and its complaints per week around the
// action date (effectiveness). Reads only; the service checks the actor first.
import type {
  CreateProblemRequest,
  ProblemEffectiveness,
  ProblemEffectivenessQuery,
  ProblemSuggestions,
} from '@sada/contracts';
import { AppError } from '@sada/core';
import {
  type Executor,
  findCasesByReferences,
  listCaseTexts,
  listLinkedCaseIds,
  listProblemActions,
  listProblemCases,
  type ProblemRow,
} from '@sada/db';
import { findEmergingIssues } from '@sada/triage';
import { effectivenessRange, measureEffectiveness } from './problem-effectiveness.ts';
import { PROBLEM_SIMILARITY, scoreAgainstProblem } from './problem-similarity.ts';

/** The newest cases of a range that an emerging issue is read from, as the analytics page reads them. */
const ISSUE_CASES = 2000;
/** The most recent cases compared with a problem for suggestions. */
const SUGGESTION_CASES = 2000;
/** The most cases of the weeks around the action date that effectiveness reads. */
const EFFECTIVENESS_CASES = 20_000;
/** The linked cases (newest) that make the problem's centroid. */
const CENTROID_CASES = 500;
const MAX_SUGGESTIONS = 50;
const DAY_MS = 86_400_000;

const textOf = (row: { subject: string; description: string }) => `${row.subject}\n${row.description}`;

/**
 * The cases of an emerging issue: the range regrouped as the analytics page groups it, and the group
 * that holds the issue's examples (else the one sharing most of its terms).
 */
export async function issueCaseIds(
  executor: Executor,
  workspaceId: string,
  issue: NonNullable<CreateProblemRequest['issue']>,
): Promise<string[]> {
  const from = new Date(issue.from);
  const to = new Date(issue.to);
  const cases = await listCaseTexts(executor, { filter: { workspaceId }, from, to, limit: ISSUE_CASES });
  const issues = findEmergingIssues(
    cases.map((row) => ({ id: row.id, text: textOf(row), at: row.createdAt })),
    { from, to },
  );
  const idOf = new Map(cases.map((row) => [row.referenceNumber, row.id]));
  const examples = new Set(issue.examples.map((ref) => idOf.get(ref.toUpperCase())).filter(Boolean));
  let best: { ids: string[]; score: number } | undefined;
  for (const candidate of issues) {
    const score =
      candidate.ids.filter((id) => examples.has(id)).length * 100 +
      candidate.terms.filter((term) => issue.terms.includes(term)).length;
    if (score > 0 && score > (best?.score ?? 0)) best = { ids: candidate.ids, score };
  }
  if (!best) {
    throw new AppError('validation_failed', {
      en: 'This emerging issue is no longer found in the range: refresh the analytics page and try again.',
      ar: 'لم تعد هذه المشكلة الناشئة موجودة في المدى: حدّث صفحة التحليلات وحاول مجددًا.',
    });
  }
  return best.ids;
}

/** The linked cases (newest first, up to CENTROID_CASES) as texts for similarity. */
async function linkedTexts(executor: Executor, row: ProblemRow) {
  const linked = await listProblemCases(executor, row.workspaceId, row.id, { limit: CENTROID_CASES });
  return linked.map((item) => ({ id: item.caseId, text: textOf(item) }));
}

/** Cases of the last `days` in no problem whose words are close to the problem's cases, closest first. */
export async function suggestSimilarCases(
  executor: Executor,
  row: ProblemRow,
  options: { days: number; now: Date },
): Promise<ProblemSuggestions> {
  const linked = await linkedTexts(executor, row);
  if (linked.length === 0) return { items: [] };
  const recent = await listCaseTexts(executor, {
    filter: { workspaceId: row.workspaceId },
    from: new Date(options.now.getTime() - options.days * DAY_MS),
    to: new Date(options.now.getTime() + 1),
    limit: SUGGESTION_CASES,
  });
  const taken = await listLinkedCaseIds(
    executor,
    row.workspaceId,
    recent.map((item) => item.id),
  );
  const candidates = recent.filter((item) => !taken.has(item.id));
  const scores = scoreAgainstProblem(
    linked,
    candidates.map((item) => ({ id: item.id, text: textOf(item) })),
  );
  const items = candidates
    .map((item) => ({ item, score: scores.get(item.id) ?? 0 }))
    .filter(({ score }) => score >= PROBLEM_SIMILARITY)
    .sort((a, b) => b.score - a.score || b.item.createdAt.getTime() - a.item.createdAt.getTime())
    .slice(0, MAX_SUGGESTIONS);
  const found = await findCasesByReferences(
    executor,
    row.workspaceId,
    items.map(({ item }) => item.referenceNumber),
  );
  const statuses = new Map(found.map((item) => [item.referenceNumber, item.status]));
  return {
    items: items.map(({ item, score }) => ({
      referenceNumber: item.referenceNumber,
      subject: item.subject,
      status: statuses.get(item.referenceNumber) ?? 'new',
      createdAt: item.createdAt,
      score: Math.round(score * 1000) / 1000,
    })),
  };
}

/** When the first action was done: the date the effectiveness is measured from by default. */
async function firstDoneAt(executor: Executor, row: ProblemRow): Promise<Date | null> {
  const done = (await listProblemActions(executor, row.workspaceId, [row.id]))
    .flatMap((action) => (action.status === 'done' && action.completedAt ? [action.completedAt] : []))
    .sort((a, b) => a.getTime() - b.getTime());
  return done[0] ?? null;
}

/** The problem's complaints (linked, or reading like the linked ones) per week around the action date. */
export async function problemEffectiveness(
  executor: Executor,
  row: ProblemRow,
  options: ProblemEffectivenessQuery & { now: Date },
): Promise<ProblemEffectiveness> {
  const { now, weeks } = options;
  const actionAt = options.at ? new Date(options.at) : await firstDoneAt(executor, row);
  const { from, to } = effectivenessRange(actionAt, weeks, now);
  const linked = await linkedTexts(executor, row);
  const cases = await listCaseTexts(executor, {
    filter: { workspaceId: row.workspaceId },
    from,
    to,
    limit: EFFECTIVENESS_CASES,
  });
  const linkedIds = new Set(linked.map((item) => item.id));
  const scores = scoreAgainstProblem(
    linked,
    cases.map((item) => ({ id: item.id, text: textOf(item) })),
  );
  return measureEffectiveness({
    actionAt,
    weeks,
    now,
    cases: cases.map((item) => ({
      createdAt: item.createdAt,
      isMatching: linkedIds.has(item.id) || (scores.get(item.id) ?? 0) >= PROBLEM_SIMILARITY,
    })),
  });
}
