import { randomUUID } from 'node:crypto';
import {
  AppError,
  assertCan,
  assertReferencePrefix,
  assertTimeZone,
  diffFields,
  type Role,
  type UiLanguage,
} from '@sada/core';
import {
  findWorkspaceById,
  findWorkspaceBySlug,
  insertAuditRecord,
  insertWorkspace,
  lockWorkspace,
  updateWorkspace,
  type WorkspaceRow,
} from '@sada/db';
import { type Actor, actorFor, asUiLanguage } from '../auth/actor.ts';
import { addUser } from '../people/people.service.ts';
import type { ServiceContext } from '../services.ts';

const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

export type WorkspaceChanges = {
  name?: string | undefined;
  referencePrefix?: string | undefined;
  defaultLanguage?: UiLanguage | undefined;
  timeZone?: string | undefined;
};

function publicSettings(row: WorkspaceRow) {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    referencePrefix: row.referencePrefix,
    defaultLanguage: asUiLanguage(row.defaultLanguage),
    timeZone: row.timeZone,
  };
}

const workspaceGone = () =>
  new AppError('not_found', { en: 'This workspace no longer exists.', ar: 'مساحة العمل هذه لم تعد موجودة.' });

/**
 * Workspaces are provisioned by the operator (CLI, demo, import), not through the tenant API; an admin
 * changes the settings of their own.
 */
export function createWorkspaceService({ database, clock, caches }: ServiceContext) {
  const db = database.orm;
  return {
    async ensureWorkspace(options: {
      slug: string;
      name?: string;
      referencePrefix?: string;
      defaultLanguage?: string;
      timeZone?: string;
    }) {
      const slug = options.slug.trim().toLowerCase();
      if (!SLUG_PATTERN.test(slug)) {
        throw new AppError('validation_failed', {
          en: 'A workspace slug is 2–63 lower-case letters, digits or dashes.',
          ar: 'اسم مساحة العمل المختصر من 2 إلى 63 حرفًا لاتينيًا صغيرًا أو رقمًا أو شرطة.',
        });
      }
      const existing = await findWorkspaceBySlug(db, slug);
      if (existing) return { workspace: existing, isCreated: false };
      const referencePrefix =
        options.referencePrefix ??
        (slug
          .replace(/[^a-z]/g, '')
          .slice(0, 3)
          .toUpperCase() ||
          'SAD');
      assertReferencePrefix(referencePrefix.padEnd(2, 'X'));
      const workspace = await insertWorkspace(db, {
        id: randomUUID(),
        slug,
        name: options.name ?? slug,
        referencePrefix: referencePrefix.padEnd(2, 'X'),
        defaultLanguage: options.defaultLanguage ?? 'ar',
        timeZone: options.timeZone ?? 'Asia/Riyadh',
        createdAt: clock.now(),
      });
      return { workspace, isCreated: true };
    },

    async createUser(options: {
      workspace: WorkspaceRow;
      email: string;
      name: string;
      role: Role;
      password: string;
    }) {
      const { workspace, ...user } = options;
      return addUser({ database, clock }, { workspaceId: workspace.id, ...user });
    },

    async settings(actor: Actor) {
      assertCan(actor.role, 'workspace:read');
      const row = await findWorkspaceById(db, actor.workspace.id);
      if (!row) throw workspaceGone();
      return publicSettings(row);
    },

    /**
     * Changes name, reference prefix, default language or time zone, with an audit record. A new prefix
     * numbers the cases opened from now on (the year's sequence goes on); existing references stay.
     */
    async updateSettings(options: { actor: Actor; changes: WorkspaceChanges }) {
      const { actor, changes } = options;
      assertCan(actor.role, 'workspace:admin');
      if (changes.referencePrefix !== undefined) assertReferencePrefix(changes.referencePrefix);
      const patch = {
        ...changes,
        ...(changes.timeZone !== undefined && { timeZone: assertTimeZone(changes.timeZone) }),
      };
      const row = await db.transaction(async (tx) => {
        const current = await lockWorkspace(tx, actor.workspace.id);
        if (!current) throw workspaceGone();
        const diff = diffFields(current, patch);
        if (Object.keys(diff).length === 0) return current;
        const values = Object.fromEntries(
          Object.entries(diff).map(([field, change]) => [field, change.after]),
        );
        const updated = await updateWorkspace(tx, current.id, values);
        await insertAuditRecord(tx, {
          workspaceId: current.id,
          actorUserId: actor.userId,
          action: 'workspace.settings_changed',
          subjectType: 'workspace',
          subjectId: current.id,
          details: diff,
          createdAt: clock.now(),
        });
        return updated;
      });
      // API tokens carry their workspace's settings (the prefix, the time zone): read them afresh.
      caches.tokenActors.forgetWhere((cached) => cached.actor.workspace.id === actor.workspace.id);
      return publicSettings(row);
    },

    /** An actor for work the system does on a workspace's behalf (demo data, import). */
    systemActor(workspace: WorkspaceRow, user: { id: string; name: string; email: string }): Actor {
      return actorFor({ ...user, role: 'admin' }, workspace, 'token');
    },
  };
}
