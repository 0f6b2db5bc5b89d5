import { randomUUID } from 'node:crypto';
import {
  type AgentCapacity,
  type AgentSkills,
  AppError,
  type AssignmentMode,
  type Availability,
  assertCan,
  type FieldType,
  type Role,
  type ShiftSpan,
} from '@sada/core';
import {
  deleteSessionsOfUser,
  findTeamById,
  findUserByEmail,
  insertFieldDefinition,
  insertTeam,
  insertUser,
  listFieldDefinitions,
  listTeams,
  listUsers,
  renameTeam,
  setTeamAssignmentMode,
  setTeamMembers,
  setTeamRoutingNotice,
  type UserRow,
  updateFieldDefinition,
  updateUser,
} from '@sada/db';
import { agentProfileOf } from '../assignment/assignment.service.ts';
import type { Actor } from '../auth/actor.ts';
import { hashPassword } from '../auth/password.ts';
import { isUniqueViolation } from '../http/database-errors.ts';
import type { ServiceContext, ServiceDeps } from '../services.ts';

function publicUser(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    isActive: row.isActive,
    createdAt: row.createdAt,
    availability: row.availability as Availability,
    ...agentProfileOf(row),
  };
}

function publicTeam<T extends { assignmentMode: string }>(row: T) {
  return { ...row, assignmentMode: row.assignmentMode as AssignmentMode };
}

function publicField(row: Awaited<ReturnType<typeof listFieldDefinitions>>[number]) {
  return {
    key: row.key,
    labelAr: row.labelAr,
    labelEn: row.labelEn,
    type: row.type as FieldType,
    isRequired: row.isRequired,
    isActive: row.isActive,
    options: row.options,
    position: row.position,
  };
}

function teamNameTaken(name: string): AppError {
  return new AppError('conflict', {
    en: `A team named "${name}" already exists.`,
    ar: `يوجد فريق باسم "${name}" مسبقًا.`,
  });
}

/** Adds a user to a workspace; the one place a password is hashed for a new account (API, CLI, demo). */
export async function addUser(
  { database, clock }: Pick<ServiceDeps, 'database' | 'clock'>,
  options: { workspaceId: string; email: string; name: string; role: Role; password: string },
) {
  const email = options.email.trim().toLowerCase();
  const conflict = new AppError('conflict', {
    en: `A user with the e-mail ${email} already exists in this workspace.`,
    ar: `يوجد مستخدم بالبريد ${email} في مساحة العمل هذه مسبقًا.`,
  });
  if (await findUserByEmail(database.orm, options.workspaceId, email)) throw conflict;
  try {
    return await insertUser(database.orm, {
      id: randomUUID(),
      workspaceId: options.workspaceId,
      email,
      name: options.name,
      role: options.role,
      passwordHash: await hashPassword(options.password),
      createdAt: clock.now(),
    });
  } catch (error) {
    throw isUniqueViolation(error) ? conflict : error;
  }
}

/** Users, teams and custom field definitions of a workspace. */
export function createPeopleService({
  database,
  clock,
  caches,
  onAssignmentChange,
}: ServiceContext & { onAssignmentChange?: () => void }) {
  const db = database.orm;

  async function assertMembersOfWorkspace(workspaceId: string, userIds: string[]) {
    const known = new Set((await listUsers(db, workspaceId)).map((user) => user.id));
    const unknown = userIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new AppError(
        'validation_failed',
        {
          en: 'Some team members are not users of this workspace.',
          ar: 'بعض أعضاء الفريق ليسوا مستخدمين في مساحة العمل هذه.',
        },
        {
          fields: unknown.map((id) => ({
            path: 'memberIds',
            message: { en: `no user ${id} in this workspace`, ar: `لا يوجد المستخدم ${id} في مساحة العمل` },
          })),
        },
      );
    }
  }

  return {
    async listUsers(actor: Actor) {
      assertCan(actor.role, 'user:read');
      return (await listUsers(db, actor.workspace.id)).map(publicUser);
    },

    async createUser(options: { actor: Actor; email: string; name: string; role: Role; password: string }) {
      assertCan(options.actor.role, 'user:manage');
      const { actor, ...user } = options;
      return publicUser(await addUser({ database, clock }, { workspaceId: actor.workspace.id, ...user }));
    },

    async updateUser(options: {
      actor: Actor;
      id: string;
      changes: {
        name?: string | undefined;
        role?: Role | undefined;
        isActive?: boolean | undefined;
        password?: string | undefined;
        skills?: AgentSkills | undefined;
        capacity?: AgentCapacity | undefined;
        shifts?: ShiftSpan[] | undefined;
      };
    }) {
      assertCan(options.actor.role, 'user:manage');
      const { actor, id, changes } = options;
      if (
        id === actor.userId &&
        ((changes.role !== undefined && changes.role !== 'admin') || changes.isActive === false)
      ) {
        throw new AppError('conflict', {
          en: 'You cannot demote or deactivate yourself; ask another admin.',
          ar: 'لا يمكنك خفض دورك أو تعطيل حسابك بنفسك؛ اطلب ذلك من مدير آخر.',
        });
      }
      const values = {
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.role !== undefined && { role: changes.role }),
        ...(changes.isActive !== undefined && { isActive: changes.isActive }),
        ...(changes.password !== undefined && { passwordHash: await hashPassword(changes.password) }),
        ...(changes.skills !== undefined && { skills: changes.skills }),
        ...(changes.capacity !== undefined && { capacity: changes.capacity }),
        ...(changes.shifts !== undefined && { shifts: changes.shifts }),
      };
      const row = await database.orm.transaction(async (tx) => {
        const updated = await updateUser(tx, actor.workspace.id, id, values);
        // A deactivated user or a new password ends every open session of that user.
        if (updated && (changes.isActive === false || changes.password !== undefined))
          await deleteSessionsOfUser(tx, id);
        return updated;
      });
      // A new role, name or deactivation holds for the user's API tokens from the next request on.
      caches.tokenActors.forgetWhere((cached) => cached.actor.userId === id);
      // New skills, capacity or shifts may let the agent take queued cases now.
      onAssignmentChange?.();
      if (!row)
        throw new AppError('not_found', {
          en: 'No user with this id in this workspace.',
          ar: 'لا يوجد مستخدم بهذا المعرّف في مساحة العمل هذه.',
        });
      return publicUser(row);
    },

    async listTeams(actor: Actor) {
      assertCan(actor.role, 'team:read');
      return (await listTeams(db, actor.workspace.id)).map(publicTeam);
    },

    async createTeam(options: { actor: Actor; name: string; memberIds: string[] }) {
      assertCan(options.actor.role, 'team:manage');
      const workspaceId = options.actor.workspace.id;
      await assertMembersOfWorkspace(workspaceId, options.memberIds);
      try {
        return await database.orm.transaction(async (tx) => {
          const row = await insertTeam(tx, {
            id: randomUUID(),
            workspaceId,
            name: options.name,
            createdAt: clock.now(),
          });
          await setTeamMembers(tx, row.id, [...new Set(options.memberIds)]);
          return publicTeam({ ...row, memberIds: [...new Set(options.memberIds)] });
        });
      } catch (error) {
        throw isUniqueViolation(error) ? teamNameTaken(options.name ?? '') : error;
      }
    },

    async updateTeam(options: {
      actor: Actor;
      id: string;
      name?: string | undefined;
      memberIds?: string[] | undefined;
      assignmentMode?: AssignmentMode | undefined;
      isRoutingNoticeOn?: boolean | undefined;
    }) {
      assertCan(options.actor.role, 'team:manage');
      const workspaceId = options.actor.workspace.id;
      if (!(await findTeamById(db, workspaceId, options.id))) {
        throw new AppError('not_found', {
          en: 'No team with this id in this workspace.',
          ar: 'لا يوجد فريق بهذا المعرّف في مساحة العمل هذه.',
        });
      }
      if (options.memberIds) await assertMembersOfWorkspace(workspaceId, options.memberIds);
      try {
        await database.orm.transaction(async (tx) => {
          if (options.name !== undefined) await renameTeam(tx, workspaceId, options.id, options.name);
          if (options.memberIds) await setTeamMembers(tx, options.id, [...new Set(options.memberIds)]);
          if (options.assignmentMode)
            await setTeamAssignmentMode(tx, workspaceId, options.id, options.assignmentMode);
          if (options.isRoutingNoticeOn !== undefined)
            await setTeamRoutingNotice(tx, workspaceId, options.id, options.isRoutingNoticeOn);
        });
        onAssignmentChange?.();
      } catch (error) {
        throw isUniqueViolation(error) ? teamNameTaken(options.name ?? '') : error;
      }
      const teams = await listTeams(db, workspaceId);
      return publicTeam(teams.find((team) => team.id === options.id)!);
    },

    async listFields(actor: Actor) {
      assertCan(actor.role, 'field:read');
      return (await listFieldDefinitions(db, actor.workspace.id)).map(publicField);
    },

    async createField(options: {
      actor: Actor;
      field: {
        key: string;
        labelAr: string;
        labelEn: string;
        type: FieldType;
        isRequired: boolean;
        options: string[];
        position: number;
      };
    }) {
      assertCan(options.actor.role, 'field:manage');
      try {
        const row = await insertFieldDefinition(db, {
          id: randomUUID(),
          workspaceId: options.actor.workspace.id,
          ...options.field,
          createdAt: clock.now(),
        });
        caches.fieldDefinitions.forget(options.actor.workspace.id);
        return publicField(row);
      } catch (error) {
        if (isUniqueViolation(error))
          throw new AppError('conflict', {
            en: `A field with the key "${options.field.key}" already exists.`,
            ar: `يوجد حقل بالمفتاح "${options.field.key}" مسبقًا.`,
          });
        throw error;
      }
    },

    async updateField(options: {
      actor: Actor;
      key: string;
      changes: Partial<{
        labelAr: string;
        labelEn: string;
        isRequired: boolean;
        isActive: boolean;
        options: string[];
        position: number;
      }>;
    }) {
      assertCan(options.actor.role, 'field:manage');
      const row = await updateFieldDefinition(db, options.actor.workspace.id, options.key, options.changes);
      caches.fieldDefinitions.forget(options.actor.workspace.id);
      if (!row)
        throw new AppError('not_found', {
          en: `No custom field "${options.key}" in this workspace.`,
          ar: `لا يوجد حقل مخصص "${options.key}" في مساحة العمل هذه.`,
        });
      return publicField(row);
    },
  };
}
