import { useCallback, useEffect, useState } from 'react';

/** What the composer sends: a public or private reply to the customer, or an internal note. */
export type ComposerMode = 'public' | 'private' | 'note';
export type MentionedUser = { id: string; name: string };
export type Draft = { mode: ComposerMode; body: string; mentions: MentionedUser[] };

const EMPTY: Draft = { mode: 'public', body: '', mentions: [] };
const keyOf = (reference: string) => `sada.draft.${reference.toUpperCase()}`;

function readDraft(reference: string, firstMode: ComposerMode): Draft {
  const empty = { ...EMPTY, mode: firstMode };
  try {
    const stored = JSON.parse(
      globalThis.localStorage?.getItem(keyOf(reference)) ?? 'null',
    ) as Partial<Draft> | null;
    if (!stored || typeof stored.body !== 'string') return empty;
    const mode = stored.mode === 'private' || stored.mode === 'note' ? stored.mode : 'public';
    const mentions = Array.isArray(stored.mentions)
      ? stored.mentions.filter((user) => typeof user?.id === 'string' && typeof user.name === 'string')
      : [];
    return { mode, body: stored.body, mentions };
  } catch {
    return empty;
  }
}

/**
 * The composer's unsent text for one case, kept in this browser: leaving the case and coming back
 * (or reloading) finds it again; sending clears it. Only a draft with text is stored. Without a
 * draft, the composer starts in `firstMode` (a private reply in a private social conversation).
 */
export function useDraft(reference: string, firstMode: ComposerMode = 'public') {
  const [draft, setDraftState] = useState<Draft>(() => readDraft(reference, firstMode));
  const [wasRestored, setWasRestored] = useState(() => readDraft(reference, firstMode).body !== '');

  useEffect(() => {
    const restored = readDraft(reference, firstMode);
    setDraftState(restored);
    setWasRestored(restored.body !== '');
  }, [reference, firstMode]);

  const setDraft = useCallback(
    (change: Partial<Draft>) => {
      // The "draft is back" word has been read once the agent writes on.
      if (change.body !== undefined) setWasRestored(false);
      setDraftState((current) => {
        const next = { ...current, ...change };
        try {
          if (next.body.trim() === '') globalThis.localStorage?.removeItem(keyOf(reference));
          else globalThis.localStorage?.setItem(keyOf(reference), JSON.stringify(next));
        } catch {
          // A full or disabled storage only costs the draft's survival, not the typing.
        }
        return next;
      });
    },
    [reference],
  );

  const clearDraft = useCallback(() => {
    globalThis.localStorage?.removeItem(keyOf(reference));
    setWasRestored(false);
    setDraftState((current) => ({ ...EMPTY, mode: current.mode }));
  }, [reference]);

  return { draft, setDraft, clearDraft, wasRestored };
}
