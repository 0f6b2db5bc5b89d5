// How one reading of a text (a case's own, or an inbound message) changes what a case says about
// itself. Pure: the worker feeds it rows and writes back what it returns.
import type { CaseTriage } from '@sada/contracts';
import { PRIORITIES, type Priority, type TriageField } from '@sada/core';
import type { Classification, PriorityContext, PriorityResult, Signal } from '@sada/triage';
import { scorePriority } from '@sada/triage';

/** CaseTriage as stored in support_case.triage (dates as ISO strings; lockedFields live in their own column). */
export type StoredTriage = Omit<CaseTriage, 'classifiedAt' | 'lockedFields'> & { classifiedAt: string };

/** The triage fields of a case as they are now. */
export type CaseTriageState = {
  kind: string;
  category: string | null;
  sentiment: string | null;
  language: string | null;
  priority: string;
  triage: StoredTriage | null;
  locked: readonly TriageField[];
};

export type Reading = {
  messageId: string | null;
  text: string;
  classification: Classification;
  modelVersion: string;
  at: Date;
};

type SignalWithSource = StoredTriage['signals'][number];

function withSource(signals: readonly Signal[], messageId: string | null): SignalWithSource[] {
  return signals.map((signal) => ({
    type: signal.type,
    confidence: signal.confidence,
    triggers: signal.triggers,
    fromHistory: signal.fromHistory ?? false,
    messageId,
  }));
}

/** Every signal type seen in any text of the case, each with its most confident sighting. */
export function mergeSignals(
  earlier: readonly SignalWithSource[],
  latest: readonly SignalWithSource[],
): SignalWithSource[] {
  const byType = new Map<string, SignalWithSource>();
  for (const signal of [...earlier, ...latest]) {
    const known = byType.get(signal.type);
    if (!known || signal.confidence > known.confidence) byType.set(signal.type, signal);
  }
  return [...byType.values()];
}

const rank = (priority: string) => PRIORITIES.indexOf(priority as Priority);

/**
 * The case after one more reading:
 * - kind and category come from the first text that says what the case is about: the case's own
 *   text, or a later message when triage had only found `other` so far;
 * - sentiment and language follow the latest text (how the customer sounds now);
 * - signals of all texts add up, and the priority is scored on them; triage may raise a priority it
 *   set, never lower it after the first reading (an agent can);
 * - a field a person set (`locked`) is left as it is.
 */
export function applyReading(
  state: CaseTriageState,
  reading: Reading,
  priorityContext: PriorityContext,
): { triage: StoredTriage; changes: Partial<Record<TriageField, string>> } {
  const { classification } = reading;
  const previous = state.triage;
  const isLocked = (field: TriageField) => state.locked.includes(field);
  const signals = mergeSignals(
    previous?.signals ?? [],
    withSource(classification.signals, reading.messageId),
  );
  const scored: PriorityResult = scorePriority({ ...classification, signals }, priorityContext);
  const takesKind = !previous || previous.kind.label === 'other';
  const kind = takesKind
    ? { label: classification.kind.label, confidence: classification.kind.confidence }
    : previous.kind;
  const category = takesKind
    ? { id: classification.category.id, confidence: classification.category.confidence }
    : previous.category;
  const priority =
    previous && rank(previous.priority.level) < rank(scored.priority)
      ? previous.priority
      : {
          level: scored.priority,
          points: scored.points,
          reasons: scored.reasons,
          summary: scored.summary,
        };
  const triage: StoredTriage = {
    source: { messageId: reading.messageId, text: reading.text },
    basis: takesKind ? { messageId: reading.messageId, text: reading.text } : previous.basis,
    modelVersion: reading.modelVersion,
    classifiedAt: reading.at.toISOString(),
    language: {
      code: classification.language.label,
      confidence: classification.language.confidence,
      script: classification.language.script,
      isMixed: classification.language.isMixed,
    },
    dialect: classification.dialect,
    kind,
    sentiment: {
      label: classification.sentiment.label,
      confidence: classification.sentiment.confidence,
      score: classification.sentiment.score,
    },
    category,
    signals,
    hasAbusiveLanguage: classification.hasAbusiveLanguage,
    abusiveSpans: classification.abusiveSpans,
    priority,
  };
  const wanted: Record<TriageField, string> = {
    kind: kind.label,
    category: category.id,
    sentiment: triage.sentiment.label,
    language: triage.language.code,
    priority: priority.level,
  };
  const changes: Partial<Record<TriageField, string>> = {};
  for (const field of Object.keys(wanted) as TriageField[]) {
    if (isLocked(field) || state[field] === wanted[field]) continue;
    // After its first reading, triage never lowers a priority (rules or automations may have raised it).
    if (field === 'priority' && previous && rank(wanted.priority) > rank(state.priority)) continue;
    changes[field] = wanted[field];
  }
  return { triage, changes };
}
