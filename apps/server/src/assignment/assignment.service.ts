import {
  type AgentCapacity,
  type AgentSkills,
  AppError,
  type AssignmentCandidate,
  type AssignmentMode,
  type Availability,
  assertCan,
  CHANNEL_TYPES,
  type Channel,
  type ChannelType,
  channelTypeOf,
  chooseAgent,
  type Language,
  type Role,
  type ShiftSpan,
} from '@sada/core';
import {
  announceCaseUpdated,
  claimQueuedCases,
  countOpenCasesByChannel,
  type Executor,
  findUserById,
  insertCaseEvent,
  lastAssignedAtOf,
  listTeamCircle,
  listTeamsWithQueuedCases,
  lockAssigningTeam,
  lockOnlineMembers,
  setTeamLastAssigned,
  setUserAvailability,
  type UserRow,
  unassignWaitingCases,
  updateCaseRow,
} from '@sada/db';
import type { Actor } from '../auth/actor.ts';
import type { ServiceContext } from '../services.ts';

/** The timeline's name for the engine when it assigns a case. */
export const ASSIGNMENT_ACTOR_LABEL = 'Sada assignment';
/** Cases claimed per team and transaction: a case nobody may take does not hide those behind it. */
const QUEUE_BATCH = 50;

/** An agent's skills, capacity and shifts as stored (jsonb), read defensively. */
export function agentProfileOf(row: Pick<UserRow, 'skills' | 'capacity' | 'shifts'>) {
  const skills = row.skills as Partial<Record<keyof AgentSkills, string[]>>;
  return {
    skills: {
      languages: (skills.languages ?? []) as Language[],
      channels: (skills.channels ?? []) as Channel[],
      categories: skills.categories ?? [],
    },
    capacity: row.capacity as AgentCapacity,
    shifts: row.shifts as ShiftSpan[],
  };
}

function userNotFound() {
  return new AppError('not_found', {
    en: 'No user with this id in this workspace.',
    ar: 'لا يوجد مستخدم بهذا المعرّف في مساحة العمل هذه.',
  });
}

/** Agents' availability and the engine that gives teams' queued cases to them. */
export function createAssignmentService({ database, clock }: ServiceContext) {
  const db = database.orm;
  const changeListeners = new Set<() => void>();

  /** Something that decides who may take cases changed: the engine should look again. */
  function signalChange() {
    for (const listener of changeListeners) listener();
  }

  function candidateOf(
    row: UserRow,
    counts: { assigneeId: string; channel: string; total: number }[],
    lastAssigned: Map<string, Date>,
  ): AssignmentCandidate {
    const openCases = Object.fromEntries(CHANNEL_TYPES.map((type) => [type, 0])) as Record<
      ChannelType,
      number
    >;
    for (const count of counts) {
      if (count.assigneeId === row.id) openCases[channelTypeOf(count.channel)] += count.total;
    }
    return {
      userId: row.id,
      role: row.role as Role,
      isActive: row.isActive,
      availability: row.availability as Availability,
      ...agentProfileOf(row),
      openCases,
      lastAssignedAt: lastAssigned.get(row.id) ?? null,
    };
  }

  /** One round for one team, in one transaction; the number of cases assigned. */
  function assignTeam(teamId: string): Promise<number> {
    return db.transaction(async (tx) => {
      const team = await lockAssigningTeam(tx, teamId);
      if (!team || team.assignmentMode === 'manual') return 0;
      const members = await lockOnlineMembers(tx, team.workspaceId, teamId);
      if (members.length === 0) return 0;
      const ids = members.map((member) => member.id);
      // One connection per transaction: these run one after the other.
      const counts = await countOpenCasesByChannel(tx, team.workspaceId, ids);
      const lastAssigned = await lastAssignedAtOf(tx, team.workspaceId, ids);
      const circle = await listTeamCircle(tx, teamId);
      const candidates = members.map((member) => candidateOf(member, counts, lastAssigned));
      const queued = await claimQueuedCases(tx, team.workspaceId, teamId, QUEUE_BATCH);
      const now = clock.now();
      let lastAssignedUserId = team.lastAssignedUserId;
      let assigned = 0;
      for (const item of queued) {
        const userId = chooseAgent({
          mode: team.assignmentMode as AssignmentMode,
          candidates,
          item,
          at: now,
          timeZone: team.timeZone,
          memberOrder: circle,
          lastAssignedUserId,
        });
        if (!userId) continue;
        await writeAssignment(tx, item, userId, now);
        const chosen = candidates.find((candidate) => candidate.userId === userId)!;
        chosen.openCases[channelTypeOf(item.channel)] += 1;
        chosen.lastAssignedAt = now;
        lastAssignedUserId = userId;
        assigned += 1;
      }
      if (lastAssignedUserId && lastAssignedUserId !== team.lastAssignedUserId)
        await setTeamLastAssigned(tx, teamId, lastAssignedUserId);
      return assigned;
    });
  }

  async function writeAssignment(
    tx: Executor,
    item: { id: string; workspaceId: string; referenceNumber: string },
    userId: string,
    now: Date,
  ) {
    await updateCaseRow(tx, item.id, { assigneeId: userId, updatedAt: now });
    await insertCaseEvent(tx, {
      workspaceId: item.workspaceId,
      caseId: item.id,
      type: 'case.assigned',
      actorUserId: null,
      actorLabel: ASSIGNMENT_ACTOR_LABEL,
      changes: { assigneeId: { before: null, after: userId }, isAutomatic: true },
      createdAt: now,
    });
    await announceCaseUpdated(tx, item);
  }

  return {
    /** Calls `listener` whenever availability, skills, capacity, shifts or a team's mode change here. */
    onChange(listener: () => void): () => void {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },

    signalChange,

    /** One round over every team with queued cases; the number of cases assigned. */
    async assignQueued(): Promise<number> {
      let assigned = 0;
      for (const team of await listTeamsWithQueuedCases(db)) assigned += await assignTeam(team.id);
      return assigned;
    },

    async getAvailability(actor: Actor) {
      const row = await findUserById(db, actor.workspace.id, actor.userId);
      if (!row) throw userNotFound();
      return {
        userId: row.id,
        availability: row.availability as Availability,
        availabilityChangedAt: row.availabilityChangedAt,
        returnedCases: 0,
      };
    },

    /**
     * Sets a user's availability (your own, or anyone's with `user:availability`). Going away or
     * offline with `returnWaitingCases` gives the cases still waiting for their reply back to the
     * team queue, each with a timeline event, in the same transaction.
     */
    async setAvailability(options: {
      actor: Actor;
      userId: string;
      availability: Availability;
      returnWaitingCases: boolean;
    }) {
      const { actor, userId, availability } = options;
      if (userId !== actor.userId) assertCan(actor.role, 'user:availability');
      const result = await db.transaction(async (tx) => {
        const now = clock.now();
        const row = await setUserAvailability(tx, actor.workspace.id, userId, availability, now);
        if (!row) throw userNotFound();
        const returned =
          availability !== 'online' && options.returnWaitingCases
            ? await unassignWaitingCases(tx, actor.workspace.id, userId, now)
            : [];
        for (const item of returned) {
          await insertCaseEvent(tx, {
            workspaceId: item.workspaceId,
            caseId: item.id,
            type: 'case.assigned',
            actorUserId: actor.userId,
            actorLabel: actor.name,
            changes: { assigneeId: { before: userId, after: null }, reason: `availability:${availability}` },
            createdAt: now,
          });
          await announceCaseUpdated(tx, item);
        }
        return {
          userId: row.id,
          availability: row.availability as Availability,
          availabilityChangedAt: row.availabilityChangedAt,
          returnedCases: returned.length,
        };
      });
      signalChange();
      return result;
    },
  };
}

export type AssignmentService = ReturnType<typeof createAssignmentService>;
