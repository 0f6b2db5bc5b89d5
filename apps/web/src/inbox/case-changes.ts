import type { LiveEvent } from '@sada/contracts';
import { useLiveEvent } from '../live/LiveProvider.tsx';

// Cases that changed while no inbox list was on screen (an agent was on a case page, say): the list
// cached behind it refreshes exactly those rows when it comes back.
const changedWhileAway = new Set<string>();
let mountedLists = 0;

/** The reference number a live event is about, when it changes what a case list shows. */
export function changedCaseOf(event: LiveEvent): string | undefined {
  switch (event.type) {
    case 'case.created':
    case 'case.updated':
    case 'message.created':
      return event.referenceNumber;
    default:
      return undefined;
  }
}

/** Listens for case changes for as long as the console is open (mounted once, in the navigation). */
export function useTrackCaseChanges() {
  useLiveEvent((event) => {
    const reference = changedCaseOf(event);
    if (reference && mountedLists === 0) changedWhileAway.add(reference);
  });
}

/** Marks a list as on screen; returns what changed while none was, and a function to unmark. */
export function enterList(): { changed: string[]; leave: () => void } {
  mountedLists += 1;
  const changed = [...changedWhileAway];
  changedWhileAway.clear();
  return {
    changed,
    leave: () => {
      mountedLists -= 1;
    },
  };
}
