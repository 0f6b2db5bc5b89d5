// What triage needs to know about a workspace: its categories, its priority rules and the model
// adapted to it. Read from the database, kept for a moment (see read-cache.ts).
import { triageCategory } from '@sada/contracts';
import type { Clock } from '@sada/core';
import { type Database, type Executor, findTriageAdaptation, findWorkspaceById } from '@sada/db';
import {
  DEFAULT_WORKSPACE_CATEGORIES,
  loadBundledModel,
  type PriorityRules,
  priorityRulesSchema,
  type TriageModel,
  type WorkspaceCategory,
  type WorkspaceOverlay,
  workspaceOverlaySchema,
} from '@sada/triage';
import { z } from 'zod';
import { createReadCache } from '../read-cache.ts';

/** workspace.triage_settings as stored: whatever the admin set; absent parts are the defaults. */
export const storedTriageSettings = z.object({
  isAutomatic: z.boolean().optional(),
  categories: z.array(triageCategory).min(1).optional(),
  priorityRules: z.record(z.string(), z.unknown()).optional(),
});
export type StoredTriageSettings = z.infer<typeof storedTriageSettings>;

export type WorkspaceTriage = {
  isAutomatic: boolean;
  categories: WorkspaceCategory[];
  rules: PriorityRules;
  overlay: WorkspaceOverlay | undefined;
  adaptation: { trainedAt: Date; corrections: number; gain: Record<string, unknown> } | undefined;
  /** e.g. "base-3" or "base-3+ws-2026-11-26T02:00:00.000Z" */
  modelVersion: string;
};

export function baseModelVersion(model: TriageModel): string {
  return `base-${model.version}`;
}

/** The settings of a workspace with the defaults filled in (bad stored parts fall back to defaults). */
export function resolveTriageSettings(raw: unknown): {
  isAutomatic: boolean;
  categories: WorkspaceCategory[];
  rules: PriorityRules;
} {
  const parsed = storedTriageSettings.safeParse(raw ?? {});
  const stored = parsed.success ? parsed.data : {};
  const rules = priorityRulesSchema.safeParse(stored.priorityRules ?? {});
  return {
    isAutomatic: stored.isAutomatic ?? true,
    categories: (stored.categories as WorkspaceCategory[] | undefined) ?? DEFAULT_WORKSPACE_CATEGORIES,
    rules: rules.success ? rules.data : priorityRulesSchema.parse({}),
  };
}

export type TriageContexts = ReturnType<typeof createTriageContexts>;

export function createTriageContexts(options: { database: Database; clock: Clock; ttlMs: number }) {
  const cache = createReadCache<WorkspaceTriage>({
    clock: options.clock,
    ttlMs: options.ttlMs,
    maxEntries: 1000,
  });

  async function load(workspaceId: string, db: Executor): Promise<WorkspaceTriage | undefined> {
    const [workspace, adaptation] = await Promise.all([
      findWorkspaceById(db, workspaceId),
      findTriageAdaptation(db, workspaceId),
    ]);
    if (!workspace) return undefined;
    const model = loadBundledModel();
    const overlay = adaptation ? workspaceOverlaySchema.safeParse(adaptation.overlay) : undefined;
    // An adaptation learnt on another base model no longer fits it: it waits for the next retrain.
    const usable =
      overlay?.success && overlay.data.baseModelVersion === model.version ? overlay.data : undefined;
    return {
      ...resolveTriageSettings(workspace.triageSettings),
      overlay: usable,
      adaptation: adaptation
        ? { trainedAt: adaptation.trainedAt, corrections: adaptation.corrections, gain: adaptation.gain }
        : undefined,
      modelVersion:
        usable && adaptation
          ? `${baseModelVersion(model)}+ws-${adaptation.trainedAt.toISOString()}`
          : baseModelVersion(model),
    };
  }

  return {
    /** `executor`: the transaction the caller is in (PGlite has one connection: reading beside it would wait forever). */
    async get(workspaceId: string, executor: Executor = options.database.orm): Promise<WorkspaceTriage> {
      const found = await cache.get(workspaceId, () => load(workspaceId, executor));
      if (!found) throw new Error(`No workspace ${workspaceId}`);
      return found;
    },
    forget(workspaceId: string) {
      cache.forget(workspaceId);
    },
  };
}
