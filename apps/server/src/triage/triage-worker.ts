// Reads every new case and inbound message in the background and writes what triage made of it
// onto the case. The queue is the data itself (rows whose triaged_at is NULL), so nothing is lost
// when a process stops halfway: a batch's transaction either records all its readings or none.

import type { Clock } from '@sada/core';
import { TRIAGE_FIELDS, type TriageField } from '@sada/core';
import {
  announce,
  claimPendingCaseTexts,
  claimPendingMessages,
  countCasesOf,
  customersTagged,
  type Database,
  type Executor,
  insertCaseEvent,
  markMessageTriaged,
  type PendingCaseFields,
  updateCaseRow,
} from '@sada/db';
import { classifyWithModel, loadBundledModel } from '@sada/triage';
import { createDrainLoop } from '../jobs/drain-loop.ts';
import { queueTriageReading } from '../moderation/moderation-queue.ts';
import { syncCaseSla } from '../sla/sla-sync.ts';
import { applyReading, type CaseTriageState, type StoredTriage } from './case-triage.ts';
import type { TriageContexts } from './triage-context.ts';

/** Channels whose public posts others can read; a private message there is still private. */
const PUBLIC_CHANNELS = new Set(['x', 'facebook', 'instagram']);
const BATCH = 64;
/** The customer tag that marks a customer whose cases weigh more. */
export const VIP_TAG = 'vip';

type PendingText = PendingCaseFields & {
  caseId: string;
  workspaceId: string;
  messageId: string | null;
  text: string;
  isPublic: boolean;
  channel: string;
  customerId: string | null;
  setByPerson: string[] | null;
};

type CaseFields = CaseTriageState & { referenceNumber: string };

export type TriageWorker = ReturnType<typeof createTriageWorker>;

export function createTriageWorker(options: {
  database: Database;
  clock: Clock;
  contexts: TriageContexts;
  /** Runs in the batch's transaction once a case's own text is read (routing). */
  afterCaseRead?: (tx: Executor, target: { workspaceId: string; caseId: string; now: Date }) => Promise<void>;
  onError: (error: unknown) => void;
}) {
  const { database, clock, contexts } = options;

  async function readBatch(tx: Executor, pending: PendingText[]): Promise<void> {
    const customerIds = [...new Set(pending.map((p) => p.customerId).filter((id): id is string => !!id))];
    const [caseCounts, vips] = await Promise.all([
      countCasesOf(tx, customerIds),
      customersTagged(tx, customerIds, VIP_TAG),
    ]);
    // A case's fields as claimed, then as this batch changed them (a case may have several texts here).
    const cases = new Map<string, CaseFields>();
    for (const item of pending) {
      if (cases.has(item.caseId)) continue;
      cases.set(item.caseId, {
        referenceNumber: item.referenceNumber,
        kind: item.kind,
        category: item.category,
        sentiment: item.sentiment,
        language: item.language,
        priority: item.priority,
        triage: item.triage as StoredTriage | null,
        locked: item.triageLocked as TriageField[],
      });
    }
    const model = loadBundledModel();
    const now = clock.now();
    for (const item of pending) {
      const current = cases.get(item.caseId);
      if (!current) continue;
      const workspace = await contexts.get(item.workspaceId, tx);
      if (!workspace.isAutomatic) {
        // Automatic triage is off here: the text passes as read, unclassified.
        if (item.messageId) await markMessageTriaged(tx, item.messageId, null, now);
        else await updateCaseRow(tx, item.caseId, { triagedAt: now });
        if (!item.messageId)
          await options.afterCaseRead?.(tx, { workspaceId: item.workspaceId, caseId: item.caseId, now });
        await syncCaseSla(tx, { id: item.caseId, workspaceId: item.workspaceId }, now);
        continue;
      }
      const previousCaseCount = item.customerId ? Math.max(0, (caseCounts.get(item.customerId) ?? 1) - 1) : 0;
      const classification = classifyWithModel(model, item.text, {
        channel: item.channel,
        isPublic: item.isPublic,
        previousCaseCount,
        categories: workspace.categories,
        ...(workspace.overlay && { overlay: workspace.overlay }),
      });
      const locked = [
        ...new Set([
          ...current.locked,
          ...(item.setByPerson ?? []).filter((f): f is TriageField =>
            TRIAGE_FIELDS.includes(f as TriageField),
          ),
        ]),
      ];
      const { triage, changes } = applyReading(
        { ...current, locked },
        {
          messageId: item.messageId,
          text: item.text,
          classification,
          modelVersion: workspace.modelVersion,
          at: now,
        },
        {
          isPublic: item.isPublic,
          isVip: item.customerId ? vips.has(item.customerId) : false,
          previousCaseCount,
          rules: workspace.rules,
        },
      );
      const newSignals = triage.signals
        .filter((signal) => !current.triage?.signals.some((known) => known.type === signal.type))
        .map((signal) => signal.type);
      await updateCaseRow(tx, item.caseId, {
        ...changes,
        triage: triage as unknown as Record<string, unknown>,
        triageLocked: locked,
        ...(item.messageId === null && { triagedAt: now }),
      });
      if (item.messageId)
        await markMessageTriaged(tx, item.messageId, triage as unknown as Record<string, unknown>, now);
      cases.set(item.caseId, { ...current, ...changes, triage, locked });
      await queueTriageReading(tx, {
        ...item,
        caseKind: changes.kind ?? current.kind,
        textKind: classification.kind.label,
        now,
      });
      if (!current.triage || Object.keys(changes).length > 0 || newSignals.length > 0) {
        await insertCaseEvent(tx, {
          workspaceId: item.workspaceId,
          caseId: item.caseId,
          type: 'case.triaged',
          actorUserId: null,
          actorLabel: 'Sada triage',
          changes: {
            ...Object.fromEntries(
              Object.entries(changes).map(([field, after]) => [
                field,
                { before: current[field as TriageField] ?? null, after },
              ]),
            ),
            ...(newSignals.length > 0 && { signals: newSignals }),
            ...(item.messageId && { messageId: item.messageId }),
            reason: triage.priority.summary,
          },
          createdAt: now,
        });
        await announce(tx, {
          workspaceId: item.workspaceId,
          type: 'case.updated',
          caseId: item.caseId,
          referenceNumber: current.referenceNumber,
        });
      }
      if (!item.messageId)
        await options.afterCaseRead?.(tx, { workspaceId: item.workspaceId, caseId: item.caseId, now });
      // Triage's priority or kind, and routing's team, may choose another SLA policy.
      await syncCaseSla(tx, { id: item.caseId, workspaceId: item.workspaceId }, now);
    }
  }

  /** Claims one batch and reads it, in one transaction; the number of texts read. */
  function readClaimed(claim: (tx: Executor) => Promise<PendingText[]>): Promise<number> {
    return database.orm.transaction(async (tx) => {
      const claimed = await claim(tx);
      await readBatch(tx, claimed);
      return claimed.length;
    });
  }

  /** Reads one batch of case texts, then one of messages; the number of texts read. */
  async function readOnce(): Promise<number> {
    const caseTexts = await readClaimed(async (tx) =>
      (await claimPendingCaseTexts(tx, BATCH)).map((row) => ({
        ...row,
        messageId: null,
        isPublic: PUBLIC_CHANNELS.has(row.channel),
      })),
    );
    const messages = await readClaimed(async (tx) =>
      (await claimPendingMessages(tx, BATCH)).map((row) => ({
        ...row,
        isPublic: row.visibility === 'public' && PUBLIC_CHANNELS.has(row.channel),
        setByPerson: null,
      })),
    );
    return caseTexts + messages;
  }

  return createDrainLoop(readOnce, options.onError);
}
