import { describe, expect, it } from 'vitest';
import {
  type AgentSkills,
  type AssignmentCandidate,
  type AssignmentMode,
  channelTypeOf,
  chooseAgent,
  isInShift,
  skillMatch,
} from './assignment.ts';
import { CHANNELS } from './vocabulary.ts';

// Thursday 26 November 2026, 10:00 in Riyadh (UTC+3).
const THURSDAY_10_RIYADH = new Date('2026-11-26T07:00:00Z');

function agent(userId: string, overrides: Partial<AssignmentCandidate> = {}): AssignmentCandidate {
  return {
    userId,
    role: 'agent',
    isActive: true,
    availability: 'online',
    shifts: [],
    skills: { languages: [], channels: [], categories: [] },
    capacity: {},
    openCases: { social: 0, email: 0, chat: 0 },
    lastAssignedAt: null,
    ...overrides,
  };
}

const emailCase = { channel: 'email', language: 'ar', category: 'billing' };

function choose(
  mode: AssignmentMode,
  candidates: AssignmentCandidate[],
  options: { item?: typeof emailCase; lastAssignedUserId?: string | null } = {},
) {
  return chooseAgent({
    mode,
    candidates,
    item: options.item ?? emailCase,
    at: THURSDAY_10_RIYADH,
    timeZone: 'Asia/Riyadh',
    memberOrder: candidates.map((candidate) => candidate.userId),
    lastAssignedUserId: options.lastAssignedUserId ?? null,
  });
}

describe('channelTypeOf', () => {
  it('counts social platforms, e-mail-like channels and live chat separately', () => {
    expect(['facebook', 'instagram', 'whatsapp', 'telegram', 'x'].map(channelTypeOf)).toEqual(
      Array(5).fill('social'),
    );
    expect(['email', 'web_form', 'api', 'phone', 'walk_in'].map(channelTypeOf)).toEqual(
      Array(5).fill('email'),
    );
    expect(channelTypeOf('live_chat')).toBe('chat');
  });

  it('gives every channel of the vocabulary a type', () => {
    for (const channel of CHANNELS) expect(['social', 'email', 'chat']).toContain(channelTypeOf(channel));
  });
});

describe('isInShift', () => {
  const sundayToThursday = [0, 1, 2, 3, 4].map((day) => ({ day, from: '08:00', to: '16:00' }));

  it('takes an agent without a shift plan as always on shift', () => {
    expect(isInShift([], THURSDAY_10_RIYADH, 'Asia/Riyadh')).toBe(true);
  });

  it('reads the shift in the workspace zone, not in UTC', () => {
    expect(isInShift(sundayToThursday, THURSDAY_10_RIYADH, 'Asia/Riyadh')).toBe(true);
    // 07:00 UTC is before 08:00 in London.
    expect(isInShift(sundayToThursday, THURSDAY_10_RIYADH, 'Europe/London')).toBe(false);
    // Friday is off.
    expect(isInShift(sundayToThursday, new Date('2026-11-27T07:00:00Z'), 'Asia/Riyadh')).toBe(false);
  });
});

describe('chooseAgent', () => {
  it('goes round the team after the last agent given a case, skipping those who may not take one', () => {
    const team = [agent('a'), agent('b', { availability: 'away' }), agent('c'), agent('d')];
    expect(choose('round_robin', team)).toBe('a');
    expect(choose('round_robin', team, { lastAssignedUserId: 'a' })).toBe('c');
    expect(choose('round_robin', team, { lastAssignedUserId: 'd' })).toBe('a');
  });

  it('gives least open to the agent with fewest open cases, then to whoever waited longest', () => {
    const busy = agent('a', { openCases: { social: 1, email: 1, chat: 0 } });
    const recent = agent('b', {
      openCases: { social: 0, email: 1, chat: 0 },
      lastAssignedAt: new Date(2000),
    });
    const earlier = agent('c', {
      openCases: { social: 1, email: 0, chat: 0 },
      lastAssignedAt: new Date(1000),
    });
    expect(choose('least_open', [busy, recent, earlier])).toBe('c');
    expect(choose('least_open', [busy, recent])).toBe('b');
  });

  it('prefers the closest skill match in skills mode and never gives a case outside an agent’s skills', () => {
    const english = agent('en', { skills: { languages: ['en'], channels: [], categories: [] } });
    const anyone = agent('any');
    const billing = agent('billing', {
      skills: { languages: ['ar'], channels: [], categories: ['billing'] },
    });
    expect(choose('skills', [english, anyone, billing])).toBe('billing');
    expect(choose('skills', [english, anyone])).toBe('any');
    expect(choose('skills', [english])).toBeUndefined();
    // Skills do not matter in the other modes.
    expect(choose('least_open', [english])).toBe('en');
  });

  it('respects capacity per channel type', () => {
    const full = agent('a', { capacity: { email: 2 }, openCases: { social: 0, email: 2, chat: 0 } });
    expect(choose('least_open', [full])).toBeUndefined();
    expect(choose('least_open', [full], { item: { ...emailCase, channel: 'whatsapp' } })).toBe('a');
  });

  it('gives nothing to analysts, admins, the inactive, the away, the offline or those off shift', () => {
    const offShift = agent('shift', { shifts: [{ day: 5, from: '08:00', to: '16:00' }] });
    const nobody = [
      agent('analyst', { role: 'analyst' }),
      agent('admin', { role: 'admin' }),
      agent('inactive', { isActive: false }),
      agent('away', { availability: 'away' }),
      agent('offline', { availability: 'offline' }),
      offShift,
    ];
    for (const mode of ['round_robin', 'least_open', 'skills'] as const)
      expect(choose(mode, nobody), mode).toBeUndefined();
    expect(choose('least_open', [...nobody, agent('lead', { role: 'supervisor' })])).toBe('lead');
  });

  it('leaves a manual team to people', () => {
    expect(choose('manual', [agent('a')])).toBeUndefined();
  });

  it('scores a skill list that does not know the case value as neither match nor exclusion', () => {
    const skills: AgentSkills = { languages: ['ar'], channels: ['email'], categories: [] };
    expect(skillMatch(skills, { channel: 'email', language: null, category: null })).toBe(1);
    expect(skillMatch(skills, { channel: 'x', language: 'ar', category: null })).toBe(-1);
  });
});
