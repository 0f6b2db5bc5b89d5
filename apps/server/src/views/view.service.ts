import { randomUUID } from 'node:crypto';
import { BUILT_IN_VIEWS, type CaseFilters, caseFilters } from '@sada/contracts';
import { AppError, assertCan } from '@sada/core';
import {
  countCases,
  countViewsOf,
  deleteView,
  findVisibleView,
  insertView,
  listVisibleViews,
  type SavedViewRow,
  updateView,
} from '@sada/db';
import type { Actor } from '../auth/actor.ts';
import { caseFilterFor } from '../cases/case-filters.ts';
import type { ServiceDeps } from '../services.ts';

// Each view is one COUNT on every counter refresh; a cap keeps the refresh cheap.
const MAX_VIEWS_PER_OWNER = 50;

// Filters are stored as the API parsed them; reading them back through the same schema types them.
function filtersOf(row: SavedViewRow): CaseFilters | undefined {
  const parsed = caseFilters.safeParse(row.filters);
  return parsed.success ? parsed.data : undefined;
}

function publicView(row: SavedViewRow) {
  return {
    id: row.id,
    name: row.name,
    filters: filtersOf(row) ?? caseFilters.parse({}),
    isShared: row.ownerId === null,
    ownerId: row.ownerId,
    position: row.position,
    createdAt: row.createdAt,
  };
}

const notFound = () =>
  new AppError('not_found', {
    en: 'No saved view with this id that you can see.',
    ar: 'لا يوجد عرض محفوظ بهذا المعرّف متاح لك.',
  });

/** Saved views: private to their owner, or shared with the workspace by a supervisor or admin. */
export function createViewService({ database, clock }: ServiceDeps) {
  const db = database.orm;

  async function assertRoomFor(actor: Actor, ownerId: string | null) {
    if ((await countViewsOf(db, actor.workspace.id, ownerId)) < MAX_VIEWS_PER_OWNER) return;
    throw new AppError('conflict', {
      en: `There are already ${MAX_VIEWS_PER_OWNER} ${ownerId ? 'views of yours' : 'shared views'}; delete one first.`,
      ar: `يوجد ${MAX_VIEWS_PER_OWNER} ${ownerId ? 'عرضًا خاصًا بك' : 'عرضًا مشتركًا'} بالفعل؛ احذف أحدها أولًا.`,
    });
  }

  // Your own private views are yours to change; shared ones need a supervisor or an admin.
  async function changeableView(actor: Actor, id: string) {
    assertCan(actor.role, 'view:write');
    const row = await findVisibleView(db, actor.workspace.id, actor.userId, id);
    if (!row) throw notFound();
    if (row.ownerId === null) assertCan(actor.role, 'view:share');
    return row;
  }

  return {
    async list(actor: Actor) {
      assertCan(actor.role, 'case:read');
      return { items: (await listVisibleViews(db, actor.workspace.id, actor.userId)).map(publicView) };
    },

    async create(options: {
      actor: Actor;
      name: string;
      filters: CaseFilters;
      isShared: boolean;
      position?: number | undefined;
    }) {
      const { actor } = options;
      assertCan(actor.role, options.isShared ? 'view:share' : 'view:write');
      const ownerId = options.isShared ? null : actor.userId;
      await assertRoomFor(actor, ownerId);
      const position =
        options.position ?? (await listVisibleViews(db, actor.workspace.id, actor.userId)).length;
      const row = await insertView(db, {
        id: randomUUID(),
        workspaceId: actor.workspace.id,
        ownerId,
        name: options.name,
        filters: options.filters,
        position,
        createdAt: clock.now(),
      });
      return publicView(row);
    },

    async update(options: {
      actor: Actor;
      id: string;
      changes: {
        name?: string | undefined;
        filters?: CaseFilters | undefined;
        isShared?: boolean | undefined;
        position?: number | undefined;
      };
    }) {
      const { actor, changes } = options;
      const current = await changeableView(actor, options.id);
      const isShared = changes.isShared ?? current.ownerId === null;
      // Sharing hands the view to the workspace; unsharing makes it the private view of whoever did it.
      if (isShared !== (current.ownerId === null)) {
        assertCan(actor.role, 'view:share');
        await assertRoomFor(actor, isShared ? null : actor.userId);
      }
      const row = await updateView(db, actor.workspace.id, current.id, {
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.filters !== undefined && { filters: changes.filters }),
        ...(changes.position !== undefined && { position: changes.position }),
        ownerId: isShared ? null : (current.ownerId ?? actor.userId),
      });
      return publicView(row);
    },

    async remove(options: { actor: Actor; id: string }) {
      const row = await changeableView(options.actor, options.id);
      await deleteView(db, options.actor.workspace.id, row.id);
    },

    /**
     * How many cases each view lists, keyed by built-in key or saved view id: one COUNT per view
     * (5 built-in + at most 50 own + 50 shared), each through the list's own filter and indexes.
     */
    async counts(actor: Actor) {
      assertCan(actor.role, 'case:read');
      const saved = await listVisibleViews(db, actor.workspace.id, actor.userId);
      const views: [string, Partial<CaseFilters>][] = [
        ...Object.values(BUILT_IN_VIEWS).map((view): [string, Partial<CaseFilters>] => [
          view.key,
          view.filters,
        ]),
        ...saved.flatMap((row): [string, CaseFilters][] => {
          const filters = filtersOf(row);
          return filters ? [[row.id, filters]] : [];
        }),
      ];
      const totals = await Promise.all(
        views.map(([, filters]) => countCases(db, caseFilterFor(actor, filters, clock.now()))),
      );
      return { counts: Object.fromEntries(views.map(([key], index) => [key, totals[index] ?? 0])) };
    },
  };
}
