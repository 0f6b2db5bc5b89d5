import type { PresenceViewer } from '@sada/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useCurrentUser } from '../auth/session.ts';
import { useLive, useLiveEvent } from '../live/LiveProvider.tsx';

// The server forgets a presence 30 s after its last notice; a heartbeat every 15 s keeps it.
const HEARTBEAT_MS = 15_000;
// Typing is announced once when it starts (and again with the heartbeat), not on every key; it
// turns back into viewing after a few quiet seconds.
const TYPING_IDLE_MS = 6_000;

type PresenceState = PresenceViewer['state'];

/**
 * Tells the workspace that this console has a case open (and whether its agent is typing), and
 * answers who else has it open, so two agents do not answer the same customer at once.
 */
export function usePresence(reference: string) {
  const { send, status } = useLive();
  const me = useCurrentUser();
  const [viewers, setViewers] = useState<PresenceViewer[]>([]);
  const state = useRef<PresenceState>('viewing');
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const announce = useCallback(
    (next: PresenceState) => {
      state.current = next;
      send({ type: 'presence', referenceNumber: reference, state: next });
    },
    [send, reference],
  );

  // On opening the case, on every reconnect, and as a heartbeat while it stays open.
  useEffect(() => {
    if (status !== 'open') return;
    announce(state.current);
    const heartbeat = setInterval(() => announce(state.current), HEARTBEAT_MS);
    return () => clearInterval(heartbeat);
  }, [status, announce]);

  // Leaving the case takes this console off its list at once (the page remounts for another case).
  useEffect(() => {
    return () => {
      clearTimeout(idleTimer.current);
      state.current = 'viewing';
      send({ type: 'presence', referenceNumber: null, state: 'viewing' });
    };
  }, [send]);

  useLiveEvent((event) => {
    if (event.type !== 'presence' || event.referenceNumber.toUpperCase() !== reference.toUpperCase()) return;
    setViewers(event.viewers.filter((viewer) => viewer.userId !== me.id));
  });

  /** Call on every keystroke in the composer; it sends only when the state changes. */
  const typing = useCallback(() => {
    if (state.current !== 'typing') announce('typing');
    clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(() => announce('viewing'), TYPING_IDLE_MS);
  }, [announce]);

  /** Stops the typing state at once (after sending). */
  const stopTyping = useCallback(() => {
    clearTimeout(idleTimer.current);
    if (state.current === 'typing') announce('viewing');
  }, [announce]);

  return { viewers: status === 'open' ? viewers : [], typing, stopTyping };
}
