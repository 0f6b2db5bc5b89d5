// Who gets the next case of a team: the pure part of automatic assignment. The server reads the
// team's members and their open cases under row locks, asks `chooseAgent`, and writes the answer.
import { type CalendarSpan, isOpenAt } from './business-hours.ts';
import type { Channel, Language, Role } from './vocabulary.ts';

export const AVAILABILITIES = ['online', 'away', 'offline'] as const;
/** An agent's presence: only an online agent receives cases. */
export type Availability = (typeof AVAILABILITIES)[number];

export const ASSIGNMENT_MODES = ['manual', 'round_robin', 'least_open', 'skills'] as const;
/** How a team's unassigned cases find an agent. */
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

export const CHANNEL_TYPES = ['social', 'email', 'chat'] as const;
/** The kinds of work an agent's capacity is counted in. */
export type ChannelType = (typeof CHANNEL_TYPES)[number];

const CHANNEL_TYPE_OF: Record<Channel, ChannelType> = {
  facebook: 'social',
  instagram: 'social',
  whatsapp: 'social',
  telegram: 'social',
  x: 'social',
  email: 'email',
  web_form: 'email',
  api: 'email',
  phone: 'email',
  walk_in: 'email',
  live_chat: 'chat',
};

/** The channel type a case's channel counts against (an unknown channel counts as e-mail). */
export function channelTypeOf(channel: string): ChannelType {
  return CHANNEL_TYPE_OF[channel as Channel] ?? 'email';
}

/** What an agent handles; an empty list means anything. */
export type AgentSkills = { languages: Language[]; channels: Channel[]; categories: string[] };
/** Most open cases per channel type; a type left out has no limit. */
export type AgentCapacity = Partial<Record<ChannelType, number>>;
/** A weekly shift in the workspace's zone, as business-calendar spans. */
export type ShiftSpan = CalendarSpan;

/** A team member as the engine sees them at one instant. */
export type AssignmentCandidate = {
  userId: string;
  role: Role;
  isActive: boolean;
  availability: Availability;
  shifts: ShiftSpan[];
  skills: AgentSkills;
  capacity: AgentCapacity;
  /** Open cases assigned now, per channel type. */
  openCases: Record<ChannelType, number>;
  /** When they were last given a case (null: not recently). */
  lastAssignedAt: Date | null;
};

/** The facts of a case that choose its agent. */
export type AssignableCase = { channel: string; language: string | null; category: string | null };

/** Whether an agent with this shift plan works at `at` (no plan: whenever online). */
export function isInShift(shifts: ShiftSpan[], at: Date, timeZone: string): boolean {
  if (shifts.length === 0) return true;
  return isOpenAt({ timeZone, isAlwaysOpen: false, hours: shifts, holidays: [] }, at);
}

export function totalOpen(candidate: Pick<AssignmentCandidate, 'openCases'>): number {
  return CHANNEL_TYPES.reduce((sum, type) => sum + candidate.openCases[type], 0);
}

/** Whether the agent may take one more case of this channel type. */
export function hasRoomFor(candidate: AssignmentCandidate, type: ChannelType): boolean {
  const limit = candidate.capacity[type];
  return limit === undefined || candidate.openCases[type] < limit;
}

/**
 * How well the agent's skills fit the case: -1 when a skill list they keep excludes the case's
 * value, else the number of lists that name it. A case value not known yet excludes nobody.
 */
export function skillMatch(skills: AgentSkills, item: AssignableCase): number {
  let score = 0;
  const facts: [readonly string[], string | null][] = [
    [skills.languages, item.language],
    [skills.channels, item.channel],
    [skills.categories, item.category],
  ];
  for (const [list, value] of facts) {
    if (list.length === 0 || value === null) continue;
    if (!list.includes(value)) return -1;
    score += 1;
  }
  return score;
}

/** Members who may take this case now: active agents or supervisors, online, in shift, with room. */
export function eligibleAgents(
  candidates: AssignmentCandidate[],
  item: AssignableCase,
  options: { mode: AssignmentMode; at: Date; timeZone: string },
): AssignmentCandidate[] {
  const type = channelTypeOf(item.channel);
  return candidates.filter(
    (candidate) =>
      candidate.isActive &&
      (candidate.role === 'agent' || candidate.role === 'supervisor') &&
      candidate.availability === 'online' &&
      isInShift(candidate.shifts, options.at, options.timeZone) &&
      hasRoomFor(candidate, type) &&
      (options.mode !== 'skills' || skillMatch(candidate.skills, item) >= 0),
  );
}

// Fewest open cases first, then whoever waited longest since their last case, then the stable order.
function byLeastOpen(a: AssignmentCandidate, b: AssignmentCandidate): number {
  return (
    totalOpen(a) - totalOpen(b) ||
    (a.lastAssignedAt?.getTime() ?? 0) - (b.lastAssignedAt?.getTime() ?? 0) ||
    (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)
  );
}

/**
 * The agent to give this case to, or undefined when nobody may take it. `memberOrder` is the team's
 * stable circle for round robin (every member's id, eligible or not); `lastAssignedUserId` its place.
 */
export function chooseAgent(options: {
  mode: AssignmentMode;
  candidates: AssignmentCandidate[];
  item: AssignableCase;
  at: Date;
  timeZone: string;
  memberOrder: string[];
  lastAssignedUserId: string | null;
}): string | undefined {
  const { mode, item } = options;
  if (mode === 'manual') return undefined;
  const eligible = eligibleAgents(options.candidates, item, options);
  if (eligible.length === 0) return undefined;
  switch (mode) {
    case 'round_robin': {
      const ids = new Set(eligible.map((candidate) => candidate.userId));
      const circle = options.memberOrder;
      const start = options.lastAssignedUserId ? circle.indexOf(options.lastAssignedUserId) + 1 : 0;
      for (let step = 0; step < circle.length; step += 1) {
        const id = circle[(start + step) % circle.length]!;
        if (ids.has(id)) return id;
      }
      return undefined;
    }
    case 'least_open':
      return [...eligible].sort(byLeastOpen)[0]?.userId;
    case 'skills':
      return [...eligible].sort(
        (a, b) => skillMatch(b.skills, item) - skillMatch(a.skills, item) || byLeastOpen(a, b),
      )[0]?.userId;
  }
}
