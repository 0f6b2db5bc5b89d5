import { randomUUID } from 'node:crypto';
import { AppError, assertReferencePrefix, type Role } from '@sada/core';
import { findWorkspaceBySlug, insertWorkspace, type WorkspaceRow } from '@sada/db';
import { type Actor, actorFor } from '../auth/actor.ts';
import { addUser } from '../people/people.service.ts';
import type { ServiceDeps } from '../services.ts';

const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Workspaces are provisioned by the operator (CLI, demo, import), not through the tenant API. */
export function createWorkspaceService({ database, clock }: ServiceDeps) {
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

    /** An actor for work the system does on a workspace's behalf (demo data, import). */
    systemActor(workspace: WorkspaceRow, user: { id: string; name: string; email: string }): Actor {
      return actorFor({ ...user, role: 'admin' }, workspace, 'token');
    },
  };
}
