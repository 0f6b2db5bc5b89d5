// Did the corrective action work? The problem's complaints per week before and after the action date,
// in seven-day buckets counted from that date (so no week straddles it), and as a share of all
// complaints of the same weeks (a quieter month is not mistaken for a fix). A week still running is
// shown but left out of the rates.
import type { ProblemEffectiveness } from '@sada/contracts';

const WEEK_MS = 7 * 86_400_000;

export type CountedCase = { createdAt: Date; isMatching: boolean };

/** The range of cases the effectiveness reads: `weeks` on each side of the action date, or the last `weeks` without one. */
export function effectivenessRange(
  actionAt: Date | null,
  weeks: number,
  now: Date,
): { from: Date; to: Date } {
  if (!actionAt) return { from: new Date(now.getTime() - weeks * WEEK_MS), to: now };
  const from = new Date(actionAt.getTime() - weeks * WEEK_MS);
  const end = Math.min(actionAt.getTime() + weeks * WEEK_MS, now.getTime());
  // At least the week that starts at the action, even when it has only just been done.
  return { from, to: new Date(Math.max(end, actionAt.getTime() + 1)) };
}

type Bucket = ProblemEffectiveness['points'][number];

function rateOf(buckets: Bucket[]) {
  const full = buckets.filter((bucket) => !bucket.isPartial);
  const matching = full.reduce((sum, bucket) => sum + bucket.matching, 0);
  const total = full.reduce((sum, bucket) => sum + bucket.total, 0);
  return {
    weeks: full.length,
    matching,
    total,
    perWeek: full.length === 0 ? null : matching / full.length,
    share: total === 0 ? null : matching / total,
  };
}

/** Weekly counts and the rates before and after `actionAt`, from the cases of effectivenessRange. */
export function measureEffectiveness(input: {
  actionAt: Date | null;
  weeks: number;
  now: Date;
  cases: readonly CountedCase[];
}): ProblemEffectiveness {
  const { actionAt, weeks, now } = input;
  const { from, to } = effectivenessRange(actionAt, weeks, now);
  const points: Bucket[] = [];
  for (let start = from.getTime(); start < to.getTime(); start += WEEK_MS) {
    points.push({
      t: new Date(start),
      matching: 0,
      total: 0,
      isAfter: actionAt !== null && start >= actionAt.getTime(),
      isPartial: start + WEEK_MS > now.getTime(),
    });
  }
  for (const row of input.cases) {
    const offset = row.createdAt.getTime() - from.getTime();
    if (offset < 0 || row.createdAt.getTime() >= to.getTime()) continue;
    const bucket = points[Math.floor(offset / WEEK_MS)];
    if (!bucket) continue;
    bucket.total += 1;
    if (row.isMatching) bucket.matching += 1;
  }
  if (!actionAt) return { actionAt: null, points, before: null, after: null, change: null };
  const before = rateOf(points.filter((point) => !point.isAfter));
  const after = rateOf(points.filter((point) => point.isAfter));
  const change =
    before.perWeek && after.perWeek !== null ? (after.perWeek - before.perWeek) / before.perWeek : null;
  return { actionAt, points, before, after, change };
}
