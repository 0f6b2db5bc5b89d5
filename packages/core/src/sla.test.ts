import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, type BusinessCalendar } from './business-hours.ts';
import type { CaseStatus } from './case-status.ts';
import {
  businessTimeOf,
  choosePolicy,
  consumedBy,
  escalationReached,
  planSlaClocks,
  raisedPriority,
  type SlaCaseState,
  type SlaClock,
  type SlaTargetSeconds,
  slaStanding,
} from './sla.ts';

const HOUR = 3600;
const wall = businessTimeOf(ALWAYS_OPEN);
const riyadh: BusinessCalendar = {
  timeZone: 'Asia/Riyadh',
  isAlwaysOpen: false,
  hours: [0, 1, 2, 3, 4].map((day) => ({ day, from: '08:00', to: '20:00' })),
  holidays: [{ date: '2026-12-02', name: 'National Day' }],
};
const office = businessTimeOf(riyadh);
const targets: SlaTargetSeconds = {
  first_response: HOUR,
  next_response: 2 * HOUR,
  update: 24 * HOUR,
  resolution: 48 * HOUR,
};
const t0 = new Date('2026-11-26T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const state = (overrides: Partial<SlaCaseState> = {}): SlaCaseState => ({
  createdAt: t0,
  status: 'new',
  firstReplyAt: null,
  lastReplyAt: null,
  waitingSince: t0,
  ...overrides,
});

function step(clocks: SlaClock[], caseState: SlaCaseState, now: Date, time = wall, warnAtPercent = 75) {
  return planSlaClocks({ clocks, targets, warnAtPercent, state: caseState, now, time });
}
const clockOf = (clocks: SlaClock[], target: SlaClock['target']) => clocks.find((c) => c.target === target);

describe('choosing a policy', () => {
  const policies = [
    { id: 'off', isEnabled: false, conditions: {} },
    { id: 'vip', isEnabled: true, conditions: { customerTags: ['vip'] } },
    {
      id: 'urgent-email',
      isEnabled: true,
      conditions: { priorities: ['P1' as const], channels: ['email' as const] },
    },
    { id: 'rest', isEnabled: true, conditions: {} },
  ];
  const facts = {
    priority: 'P3' as const,
    channel: 'email' as const,
    kind: 'complaint' as const,
    teamId: null,
  };

  it('takes the first enabled policy whose conditions all hold', () => {
    expect(choosePolicy(policies, { ...facts, customerTags: ['vip'] })?.id).toBe('vip');
    expect(choosePolicy(policies, { ...facts, priority: 'P1', customerTags: [] })?.id).toBe('urgent-email');
    expect(choosePolicy(policies, { ...facts, priority: 'P1', channel: 'x', customerTags: [] })?.id).toBe(
      'rest',
    );
  });

  it('chooses none when no enabled policy matches', () => {
    expect(choosePolicy(policies.slice(0, 3), { ...facts, customerTags: [] })).toBeUndefined();
  });

  it('raises priority one step and stops at P1', () => {
    expect(raisedPriority('P3')).toBe('P2');
    expect(raisedPriority('P1')).toBe('P1');
  });
});

describe('the clocks of a case', () => {
  it('starts first response and resolution at creation, due by the targets', () => {
    const { clocks } = step([], state(), t0);
    expect(clockOf(clocks, 'first_response')?.dueAt).toEqual(at(60));
    expect(clockOf(clocks, 'first_response')?.warnAt).toEqual(at(45));
    expect(clockOf(clocks, 'resolution')?.dueAt).toEqual(at(48 * 60));
    expect(clockOf(clocks, 'next_response')).toBeUndefined();
  });

  it('meets first response with the first reply, and a late reply breaches it by the time over', () => {
    const opened = step([], state(), t0).clocks;
    const onTime = step(
      opened,
      state({ status: 'open', firstReplyAt: at(30), lastReplyAt: at(30), waitingSince: null }),
      at(30),
    );
    expect(slaStanding(clockOf(onTime.clocks, 'first_response')!, at(30), wall)).toEqual({
      status: 'met',
      secondsLeft: 30 * 60,
      secondsOver: null,
    });
    const late = step(
      opened,
      state({ status: 'open', firstReplyAt: at(90), lastReplyAt: at(90), waitingSince: null }),
      at(90),
    );
    expect(slaStanding(clockOf(late.clocks, 'first_response')!, at(90), wall)).toMatchObject({
      status: 'breached',
      secondsOver: 30 * 60,
    });
  });

  it('restarts next response when the customer writes after our reply, keeping first response as it was', () => {
    const replied = step(
      step([], state(), t0).clocks,
      state({ status: 'open', firstReplyAt: at(10), lastReplyAt: at(10), waitingSince: null }),
      at(10),
    ).clocks;
    const wrote = step(
      replied,
      state({ status: 'open', firstReplyAt: at(10), lastReplyAt: at(10), waitingSince: at(50) }),
      at(50),
    ).clocks;
    expect(clockOf(wrote, 'next_response')).toMatchObject({
      startedAt: at(50),
      dueAt: at(170),
      completedAt: null,
    });
    expect(clockOf(wrote, 'first_response')).toEqual(clockOf(replied, 'first_response'));
  });

  it('pauses resolution while pending and resumes with the time consumed', () => {
    const opened = step([], state(), t0).clocks;
    const pending = step(opened, state({ status: 'pending' }), at(60)).clocks;
    expect(clockOf(pending, 'resolution')).toMatchObject({
      consumedSeconds: HOUR,
      runningSince: null,
      dueAt: null,
    });
    const resumed = step(pending, state({ status: 'open', waitingSince: at(600) }), at(600)).clocks;
    expect(clockOf(resumed, 'resolution')?.dueAt).toEqual(at(600 + 47 * 60));
  });

  it('keeps the resolution time consumed across a reopen', () => {
    const opened = step([], state(), t0).clocks;
    const resolved = step(opened, state({ status: 'resolved' }), at(120)).clocks;
    expect(slaStanding(clockOf(resolved, 'resolution')!, at(120), wall).status).toBe('met');
    const reopened = step(resolved, state({ status: 'open' }), at(1000)).clocks;
    expect(clockOf(reopened, 'resolution')).toMatchObject({ consumedSeconds: 2 * HOUR, completedAt: null });
    expect(clockOf(reopened, 'resolution')?.dueAt).toEqual(at(1000 + 46 * 60));
  });

  it('is due on Sunday for a Thursday-evening case on a Sunday–Thursday 08:00–20:00 Riyadh calendar', () => {
    // Thursday 26 November 2026, 19:30 in Riyadh (16:30 UTC): 30 minutes today, 30 on Sunday.
    const thursday = new Date('2026-11-26T16:30:00Z');
    const { clocks } = planSlaClocks({
      clocks: [],
      targets,
      warnAtPercent: null,
      state: state({ createdAt: thursday }),
      now: thursday,
      time: office,
    });
    expect(clockOf(clocks, 'first_response')?.dueAt).toEqual(new Date('2026-11-29T05:30:00Z'));
  });

  it('clears the warning of a clock when the reply comes', () => {
    const opened = step([], state(), t0).clocks.map((c) => ({
      ...c,
      escalationLevel: c.target === 'first_response' ? 1 : 0,
    }));
    const plan = step(
      opened,
      state({ status: 'open', firstReplyAt: at(50), lastReplyAt: at(50), waitingSince: null }),
      at(50),
    );
    expect(plan.cleared).toEqual(['first_response']);
    expect(clockOf(plan.clocks, 'first_response')?.escalationLevel).toBe(0);
  });

  it('removes a clock the policy no longer sets, clearing its escalation', () => {
    const opened = step([], state(), t0).clocks.map((c) => ({ ...c, escalationLevel: 2 }));
    const plan = planSlaClocks({
      clocks: opened,
      targets: { ...targets, resolution: null },
      warnAtPercent: null,
      state: state(),
      now: at(5),
      time: wall,
    });
    expect(plan.removed).toEqual(['resolution']);
    expect(plan.cleared).toContain('resolution');
  });
});

// A random life of a case: statuses, replies and customer messages at increasing instants.
const eventArbitrary = fc.record({
  minutes: fc.integer({ min: 1, max: 3 * 24 * 60 }),
  kind: fc.constantFrom('reply', 'customer', 'pending', 'open', 'resolved', 'retarget'),
  newTarget: fc.integer({ min: 1, max: 100 * HOUR }),
});

function live(events: { minutes: number; kind: string; newTarget: number }[], time = wall) {
  let caseState = state();
  let clockTargets = { ...targets };
  let now = t0;
  let clocks = planSlaClocks({
    clocks: [],
    targets: clockTargets,
    warnAtPercent: 50,
    state: caseState,
    now,
    time,
  }).clocks;
  const history: { clocks: SlaClock[]; now: Date; caseState: SlaCaseState; kind: string }[] = [];
  for (const event of events) {
    now = new Date(now.getTime() + event.minutes * 60_000);
    const status = caseState.status as CaseStatus;
    switch (event.kind) {
      case 'reply':
        caseState = {
          ...caseState,
          firstReplyAt: caseState.firstReplyAt ?? now,
          lastReplyAt: now,
          waitingSince: null,
          status: status === 'new' ? 'open' : status,
        };
        break;
      case 'customer':
        caseState = {
          ...caseState,
          waitingSince: caseState.waitingSince ?? now,
          status: status === 'pending' || status === 'resolved' ? 'open' : status,
        };
        break;
      case 'retarget':
        clockTargets = { ...clockTargets, resolution: event.newTarget, update: event.newTarget };
        break;
      default:
        caseState = { ...caseState, status: event.kind as CaseStatus };
    }
    clocks = planSlaClocks({
      clocks,
      targets: clockTargets,
      warnAtPercent: 50,
      state: caseState,
      now,
      time,
    }).clocks;
    history.push({ clocks, now, caseState, kind: event.kind });
    // The escalation job runs now and then: it marks what is past the warning or the due time.
    clocks = clocks.map((clock) => ({
      ...clock,
      escalationLevel: Math.max(clock.escalationLevel, escalationReached(clock, now)),
    }));
  }
  return history;
}

describe('properties of the clocks', () => {
  const calendars = [wall, office];

  it('never loses or adds business time to resolution across pauses, resumes and retargets', () => {
    fc.assert(
      fc.property(
        fc.array(eventArbitrary, { maxLength: 12 }),
        fc.constantFrom(...calendars),
        (events, time) => {
          const history = live(events, time);
          // Resolution runs whenever the case is neither pending nor resolved: sum those stretches.
          let expected = 0;
          let previous = { status: 'new' as CaseStatus, now: t0 };
          for (const entry of history) {
            if (previous.status !== 'pending' && previous.status !== 'resolved') {
              expected += time.secondsBetween(previous.now, entry.now);
            }
            previous = { status: entry.caseState.status, now: entry.now };
            const resolution = clockOf(entry.clocks, 'resolution')!;
            // Whole seconds are floored per stretch: allow one second per stretch.
            expect(Math.abs(consumedBy(resolution, entry.now, time) - expected)).toBeLessThanOrEqual(
              history.length,
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never changes the first response clock once met, whatever next response does', () => {
    fc.assert(
      fc.property(fc.array(eventArbitrary, { maxLength: 12 }), (events) => {
        const history = live(events);
        const firstMet = history.find((entry) => clockOf(entry.clocks, 'first_response')?.completedAt);
        if (!firstMet) return;
        const frozen = clockOf(firstMet.clocks, 'first_response');
        for (const entry of history.slice(history.indexOf(firstMet))) {
          expect(clockOf(entry.clocks, 'first_response')).toEqual(frozen);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('brings the escalation of every response and update clock back to 0 after a reply', () => {
    fc.assert(
      fc.property(fc.array(eventArbitrary, { maxLength: 12 }), (events) => {
        const history = live(events.map((event) => ({ ...event })));
        for (const entry of history) {
          if (entry.kind !== 'reply') continue;
          for (const target of ['first_response', 'next_response', 'update'] as const) {
            expect(clockOf(entry.clocks, target)?.escalationLevel ?? 0).toBe(0);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('starts next response at the customer message that follows a reply', () => {
    fc.assert(
      fc.property(fc.array(eventArbitrary, { maxLength: 12 }), (events) => {
        const history = live(events);
        for (const [index, entry] of history.entries()) {
          const before = history[index - 1];
          const isWaitingAnew =
            entry.kind === 'customer' &&
            before?.caseState.firstReplyAt &&
            before.caseState.waitingSince === null &&
            before.caseState.status !== 'resolved';
          if (!isWaitingAnew) continue;
          expect(clockOf(entry.clocks, 'next_response')).toMatchObject({
            startedAt: entry.now,
            completedAt: null,
          });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('puts due time exactly the remaining business seconds after the run started', () => {
    fc.assert(
      fc.property(
        fc.array(eventArbitrary, { maxLength: 10 }),
        fc.constantFrom(...calendars),
        (events, time) => {
          for (const entry of live(events, time)) {
            for (const clock of entry.clocks) {
              if (!clock.runningSince || clock.completedAt) continue;
              const left = Math.max(0, clock.targetSeconds - clock.consumedSeconds);
              expect(time.secondsBetween(clock.runningSince, clock.dueAt!)).toBe(left);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
