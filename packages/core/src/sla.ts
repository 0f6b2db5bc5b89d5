// The SLA clocks of a case, as pure functions of the case's state: which policy applies, what each
// clock does when the case changes, and how each clock stands at an instant. No I/O; business time
// comes in as a `BusinessTime` (the calendar's arithmetic), so any calendar and any instant can be tested.
import { addBusinessSeconds, type BusinessCalendar, businessSecondsBetween } from './business-hours.ts';
import type { CaseStatus } from './case-status.ts';
import type { CaseKind, Channel, Priority } from './vocabulary.ts';
import { PRIORITIES } from './vocabulary.ts';

export const SLA_TARGETS = ['first_response', 'next_response', 'update', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

export const SLA_STATUSES = ['running', 'paused', 'met', 'breached'] as const;
export type SlaStatus = (typeof SLA_STATUSES)[number];

/** A policy's conditions: every given list must contain the case's value; an empty list matches anything. */
export type SlaConditions = {
  priorities?: Priority[] | undefined;
  channels?: Channel[] | undefined;
  kinds?: CaseKind[] | undefined;
  teamIds?: string[] | undefined;
  customerTags?: string[] | undefined;
};

/** What happens as a clock runs out: warn the assignee at a percentage, then act at breach. */
export type SlaEscalation = {
  warnAtPercent: number | null;
  notifySupervisors: boolean;
  raisePriority: boolean;
  returnToQueue: boolean;
};

/** Business seconds per target; null: the policy sets no such target. */
export type SlaTargetSeconds = Record<SlaTarget, number | null>;

/** The case fields a policy is chosen by. */
export type SlaCaseFacts = {
  priority: Priority;
  channel: Channel;
  kind: CaseKind;
  teamId: string | null;
  customerTags: string[];
};

/** The calendar's arithmetic, in business seconds. */
export type BusinessTime = {
  addSeconds(from: Date, seconds: number): Date;
  secondsBetween(from: Date, to: Date): number;
};

/** One clock of a case, as stored (case_sla). */
export type SlaClock = {
  target: SlaTarget;
  targetSeconds: number;
  /** Business seconds spent up to `runningSince` (or in all, once paused or completed). */
  consumedSeconds: number;
  startedAt: Date;
  runningSince: Date | null;
  dueAt: Date | null;
  /** When the warning is due (warnAtPercent of the target); null without a warning or when not running. */
  warnAt: Date | null;
  completedAt: Date | null;
  /** 0 none, 1 warned, 2 escalated at breach. */
  escalationLevel: number;
};

/** What the clocks need to know of the case now. */
export type SlaCaseState = {
  createdAt: Date;
  status: CaseStatus;
  /** The first reply by a person to the customer (outbound, not automatic). */
  firstReplyAt: Date | null;
  /** The latest such reply. */
  lastReplyAt: Date | null;
  /** The customer's first message since the latest reply (since creation when none): they wait. */
  waitingSince: Date | null;
};

type PolicyLike = { isEnabled: boolean; conditions: SlaConditions };

const matches = <T>(allowed: readonly T[] | undefined, value: T) =>
  !allowed || allowed.length === 0 || allowed.includes(value);

export function policyMatches(conditions: SlaConditions, facts: SlaCaseFacts): boolean {
  return (
    matches(conditions.priorities, facts.priority) &&
    matches(conditions.channels, facts.channel) &&
    matches(conditions.kinds, facts.kind) &&
    (!conditions.teamIds?.length || (facts.teamId !== null && conditions.teamIds.includes(facts.teamId))) &&
    (!conditions.customerTags?.length ||
      conditions.customerTags.some((tag) => facts.customerTags.includes(tag)))
  );
}

/** The first enabled policy, in the given (position) order, whose conditions all hold. */
export function choosePolicy<P extends PolicyLike>(
  policies: readonly P[],
  facts: SlaCaseFacts,
): P | undefined {
  return policies.find((policy) => policy.isEnabled && policyMatches(policy.conditions, facts));
}

/** One step more urgent (P4 → P3 … P1 stays P1). */
export function raisedPriority(priority: Priority): Priority {
  const index = PRIORITIES.indexOf(priority);
  return PRIORITIES[Math.max(0, index - 1)]!;
}

const isClosedStatus = (status: CaseStatus) => status === 'resolved' || status === 'closed';

/** Business seconds a clock has used by `now` (up to its completion). */
export function consumedBy(clock: SlaClock, now: Date, time: BusinessTime): number {
  if (!clock.runningSince) return clock.consumedSeconds;
  const end = clock.completedAt && clock.completedAt < now ? clock.completedAt : now;
  return clock.consumedSeconds + Math.max(0, time.secondsBetween(clock.runningSince, end));
}

/** The escalation a clock has reached at `now`: 2 past due, 1 past the warning, else 0. */
export function escalationReached(clock: SlaClock, now: Date): 0 | 1 | 2 {
  if (clock.completedAt || !clock.runningSince || !clock.dueAt) return 0;
  if (now.getTime() > clock.dueAt.getTime()) return 2;
  if (clock.warnAt && now.getTime() >= clock.warnAt.getTime()) return 1;
  return 0;
}

/** Sets due and warning instants of a running clock from its start of run and what it consumed. */
function schedule(clock: SlaClock, time: BusinessTime, warnAtPercent: number | null): SlaClock {
  if (clock.completedAt) return { ...clock, warnAt: null };
  if (!clock.runningSince) return { ...clock, dueAt: null, warnAt: null };
  const left = Math.max(0, clock.targetSeconds - clock.consumedSeconds);
  const warnSeconds = warnAtPercent === null ? null : Math.ceil((clock.targetSeconds * warnAtPercent) / 100);
  return {
    ...clock,
    dueAt: time.addSeconds(clock.runningSince, left),
    warnAt:
      warnSeconds === null || warnSeconds >= clock.targetSeconds
        ? null
        : time.addSeconds(clock.runningSince, Math.max(0, warnSeconds - clock.consumedSeconds)),
  };
}

function started(target: SlaTarget, targetSeconds: number, at: Date): SlaClock {
  return {
    target,
    targetSeconds,
    consumedSeconds: 0,
    startedAt: at,
    runningSince: at,
    dueAt: null,
    warnAt: null,
    completedAt: null,
    escalationLevel: 0,
  };
}

/** Stops the run: the business time since `runningSince` (up to `at`) joins the consumed seconds. */
function paused(clock: SlaClock, at: Date, time: BusinessTime): SlaClock {
  if (!clock.runningSince) return clock;
  const until = at < clock.runningSince ? clock.runningSince : at;
  return {
    ...clock,
    consumedSeconds: clock.consumedSeconds + time.secondsBetween(clock.runningSince, until),
    runningSince: null,
    dueAt: null,
    warnAt: null,
  };
}

/** Met (or missed) at `at`: it keeps its due time, so whether it was met stays readable. */
function completed(clock: SlaClock, at: Date, time: BusinessTime): SlaClock {
  const dueAt =
    clock.dueAt ??
    (clock.runningSince &&
      time.addSeconds(clock.runningSince, Math.max(0, clock.targetSeconds - clock.consumedSeconds)));
  return { ...paused(clock, at, time), dueAt, completedAt: at, escalationLevel: 0 };
}

/** Runs again from `at` with what it consumed, towards the policy's target of now. */
function resumed(clock: SlaClock, at: Date, targetSeconds: number): SlaClock {
  return { ...clock, targetSeconds, runningSince: at, completedAt: null };
}

/** A clock's next state given the case's state; undefined: no such clock. */
function nextClock(
  target: SlaTarget,
  clock: SlaClock | undefined,
  targetSeconds: number,
  state: SlaCaseState,
  now: Date,
  time: BusinessTime,
): SlaClock | undefined {
  const isClosed = isClosedStatus(state.status);
  const isPending = state.status === 'pending';
  switch (target) {
    case 'first_response': {
      let next = clock ?? started(target, targetSeconds, state.createdAt);
      if (!next.completedAt && state.firstReplyAt) next = completed(next, state.firstReplyAt, time);
      // A case resolved without an answer waits on nobody any more.
      if (!next.completedAt && isClosed) next = completed(next, now, time);
      return next;
    }
    case 'next_response': {
      let next = clock;
      if (next && !next.completedAt && state.lastReplyAt && state.lastReplyAt >= next.startedAt) {
        next = completed(next, state.lastReplyAt, time);
      }
      if (next && !next.completedAt && isClosed) next = completed(next, now, time);
      // The customer wrote after we answered them (first_response covers the wait before any answer).
      const isWaiting = !isClosed && state.firstReplyAt !== null && state.waitingSince !== null;
      if (isWaiting && (!next || (next.completedAt && state.waitingSince! > next.completedAt))) {
        next = started(target, targetSeconds, state.waitingSince!);
      }
      return next;
    }
    case 'update': {
      if (!state.lastReplyAt) return clock;
      if (isClosed) return clock && (clock.completedAt ? clock : completed(clock, now, time));
      let next = clock;
      // Each reply meets the update and starts the next period; a reopened case starts one now.
      if (!next || next.startedAt < state.lastReplyAt)
        next = started(target, targetSeconds, state.lastReplyAt);
      else if (next.completedAt) next = started(target, targetSeconds, now);
      if (isPending) return paused(next, now, time);
      return next.runningSince ? next : resumed(next, now, targetSeconds);
    }
    case 'resolution': {
      let next = clock ?? started(target, targetSeconds, state.createdAt);
      if (isClosed) return next.completedAt ? next : completed(next, now, time);
      // Reopened: the time already consumed stays.
      if (next.completedAt) next = resumed(next, now, targetSeconds);
      if (isPending) return paused(next, now, time);
      return next.runningSince ? next : resumed(next, now, targetSeconds);
    }
  }
}

export type SlaPlan = {
  /** Every clock the case has after the change (insert or update). */
  clocks: SlaClock[];
  /** Targets whose clock goes away (the policy has no such target any more). */
  removed: SlaTarget[];
  /** Targets whose escalation no longer holds (answered, met, rescheduled or removed). */
  cleared: SlaTarget[];
};

/**
 * The clocks after a change of the case (or of its policy): each target set by the policy follows the
 * case's state; a changed target keeps the business time consumed and is due anew; an escalation
 * whose condition no longer holds goes back to 0.
 */
export function planSlaClocks(input: {
  clocks: readonly SlaClock[];
  targets: SlaTargetSeconds;
  warnAtPercent: number | null;
  state: SlaCaseState;
  now: Date;
  time: BusinessTime;
}): SlaPlan {
  const { targets, state, now, time } = input;
  const plan: SlaPlan = { clocks: [], removed: [], cleared: [] };
  for (const target of SLA_TARGETS) {
    const current = input.clocks.find((clock) => clock.target === target);
    const targetSeconds = targets[target];
    if (targetSeconds === null) {
      if (current) plan.removed.push(target);
      if (current && current.escalationLevel > 0) plan.cleared.push(target);
      continue;
    }
    const retargeted = current && {
      ...current,
      targetSeconds: current.completedAt ? current.targetSeconds : targetSeconds,
    };
    const moved = nextClock(target, retargeted, targetSeconds, state, now, time);
    if (!moved) continue;
    const next = schedule(moved, time, input.warnAtPercent);
    const level = Math.min(next.escalationLevel, escalationReached(next, now));
    if (current && current.escalationLevel > 0 && level < current.escalationLevel) plan.cleared.push(target);
    plan.clocks.push({ ...next, escalationLevel: level });
  }
  return plan;
}

/** How a clock stands at `now`, for the API: due time, status, and by how much (business seconds). */
export function slaStanding(
  clock: SlaClock,
  now: Date,
  time: BusinessTime,
): { status: SlaStatus; secondsLeft: number | null; secondsOver: number | null } {
  const used = consumedBy(clock, now, time);
  if (clock.completedAt) {
    // Met when completed by the due time (or, completed while paused, within the target).
    const isLate = clock.dueAt ? clock.completedAt > clock.dueAt : used > clock.targetSeconds;
    return isLate
      ? { status: 'breached', secondsLeft: null, secondsOver: Math.max(0, used - clock.targetSeconds) }
      : { status: 'met', secondsLeft: Math.max(0, clock.targetSeconds - used), secondsOver: null };
  }
  if (!clock.runningSince || !clock.dueAt) {
    return used > clock.targetSeconds
      ? { status: 'breached', secondsLeft: null, secondsOver: used - clock.targetSeconds }
      : { status: 'paused', secondsLeft: clock.targetSeconds - used, secondsOver: null };
  }
  if (now > clock.dueAt) {
    return { status: 'breached', secondsLeft: null, secondsOver: time.secondsBetween(clock.dueAt, now) };
  }
  return { status: 'running', secondsLeft: time.secondsBetween(now, clock.dueAt), secondsOver: null };
}

/** A calendar's arithmetic in whole business seconds (the clocks store integers). */
export function businessTimeOf(calendar: BusinessCalendar): BusinessTime {
  return {
    addSeconds: (from, seconds) => addBusinessSeconds(calendar, from, seconds),
    secondsBetween: (from, to) => Math.floor(businessSecondsBetween(calendar, from, to)),
  };
}
