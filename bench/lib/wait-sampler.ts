import type { Database } from '@sada/db';

/** Share of sampled busy server backends per wait ("Lock:transactionid", "CPU", …), largest first. */
export type WaitProfile = { wait: string; share: number }[];

// Each sample is a query to the server under test: often enough to see the waits, rarely enough not to add to them.
const SAMPLE_INTERVAL_MS = 50;

// What the server's connections are doing: running, waiting on a lock, on WAL, or on the client.
const SAMPLE = `
SELECT coalesce(wait_event_type || ':' || wait_event, 'CPU') || CASE WHEN state = 'idle in transaction'
         THEN ' (idle in transaction)' ELSE '' END AS wait, count(*) AS backends
  FROM pg_stat_activity
 WHERE datname = current_database() AND backend_type = 'client backend'
   AND pid <> pg_backend_pid() AND state <> 'idle' AND query NOT LIKE 'LISTEN%'
 GROUP BY 1`;

/** Samples pg_stat_activity until `stop()` is called (PostgreSQL only; PGlite has one connection). */
export function sampleWaits(database: Database): { stop(): Promise<WaitProfile> } {
  const counts = new Map<string, number>();
  let isRunning = true;
  const loop = (async () => {
    while (isRunning) {
      for (const row of await database.query<{ wait: string; backends: string }>(SAMPLE)) {
        counts.set(row.wait, (counts.get(row.wait) ?? 0) + Number(row.backends));
      }
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_INTERVAL_MS));
    }
  })();
  return {
    async stop() {
      isRunning = false;
      await loop;
      const total = [...counts.values()].reduce((sum, count) => sum + count, 0) || 1;
      return [...counts]
        .map(([wait, count]) => ({ wait, share: Math.round((count / total) * 1000) / 10 }))
        .sort((a, b) => b.share - a.share);
    },
  };
}
