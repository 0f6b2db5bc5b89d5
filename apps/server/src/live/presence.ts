import type { PresenceViewer } from '@sada/contracts';
import type { PresenceNotice } from '@sada/db';

/** Who has one case open now, as sent to the consoles of its workspace. */
export type PresenceChange = { workspaceId: string; referenceNumber: string; viewers: PresenceViewer[] };

type Entry = { userId: string; name: string; state: PresenceViewer['state']; expiresAt: number };
type Place = { workspaceId: string; referenceNumber: string };

const placeKey = (place: Place) => `${place.workspaceId}\n${place.referenceNumber}`;

// One line per user even with several tabs open; typing wins over viewing.
function viewersOf(entries: Map<string, Entry> | undefined): PresenceViewer[] {
  const byUser = new Map<string, PresenceViewer>();
  for (const entry of entries?.values() ?? []) {
    const seen = byUser.get(entry.userId);
    if (!seen || (seen.state === 'viewing' && entry.state === 'typing'))
      byUser.set(entry.userId, { userId: entry.userId, name: entry.name, state: entry.state });
  }
  return [...byUser.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId),
  );
}

/**
 * Who views or types on which case, per socket, merged from every process's notices. An entry lasts
 * `ttlMs` after its socket's last notice, so a console that vanished without a word drops off too.
 * Each method answers the cases whose viewers changed.
 */
export function createPresenceBoard(ttlMs: number) {
  const places = new Map<string, { place: Place; entries: Map<string, Entry> }>();
  const socketPlaces = new Map<string, Place>();

  // Runs a change on the entries of one case and reports it when the viewers differ afterwards.
  function changing(place: Place, change: (entries: Map<string, Entry>) => void): PresenceChange[] {
    const key = placeKey(place);
    const slot = places.get(key) ?? { place, entries: new Map<string, Entry>() };
    const before = JSON.stringify(viewersOf(slot.entries));
    change(slot.entries);
    if (slot.entries.size === 0) places.delete(key);
    else places.set(key, slot);
    const viewers = viewersOf(slot.entries);
    return JSON.stringify(viewers) === before ? [] : [{ ...place, viewers }];
  }

  return {
    apply(notice: PresenceNotice & { workspaceId: string }, now: number): PresenceChange[] {
      const changes: PresenceChange[] = [];
      const previous = socketPlaces.get(notice.socketId);
      if (previous && previous.referenceNumber !== notice.referenceNumber) {
        changes.push(...changing(previous, (entries) => entries.delete(notice.socketId)));
        socketPlaces.delete(notice.socketId);
      }
      if (notice.referenceNumber !== null) {
        const place = { workspaceId: notice.workspaceId, referenceNumber: notice.referenceNumber };
        socketPlaces.set(notice.socketId, place);
        changes.push(
          ...changing(place, (entries) =>
            entries.set(notice.socketId, {
              userId: notice.userId,
              name: notice.name,
              state: notice.state,
              expiresAt: now + ttlMs,
            }),
          ),
        );
      }
      return changes;
    },

    /** Drops the entries whose time is up. */
    sweep(now: number): PresenceChange[] {
      const changes: PresenceChange[] = [];
      for (const { place, entries } of [...places.values()]) {
        const expired = [...entries]
          .filter(([, entry]) => entry.expiresAt <= now)
          .map(([socketId]) => socketId);
        if (expired.length === 0) continue;
        changes.push(
          ...changing(place, (current) => {
            for (const socketId of expired) current.delete(socketId);
          }),
        );
        for (const socketId of expired) socketPlaces.delete(socketId);
      }
      return changes;
    },

    /** Every case of a workspace that someone has open, for a console that just connected. */
    snapshot(workspaceId: string): PresenceChange[] {
      return [...places.values()]
        .filter(({ place }) => place.workspaceId === workspaceId)
        .map(({ place, entries }) => ({ ...place, viewers: viewersOf(entries) }));
    },
  };
}
