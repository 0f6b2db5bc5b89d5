// case_rollup (migration 0019): the whole-workspace volume chart and heatmap read hourly counts kept by
// triggers and folded by a job. These check the counts follow every change, before and after a fold,
// and agree with the counts read from the cases (a filter every case meets takes that path).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { countByWeekdayHour, countCaseVolume, foldCaseRollup } from './analytics.repository.ts';
import { insertWorkspaceWithUser, openRepositoryTestDatabase } from './repository-test-setup.ts';

let database: Database;
beforeAll(async () => {
  database = await openRepositoryTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function insertCase(workspaceId: string, createdAt: string, category: string | null) {
  const id = randomUUID();
  await database.query(
    `INSERT INTO support_case (id, workspace_id, reference_number, subject, status, channel, kind, category,
       priority, search_vector, created_at, updated_at)
     VALUES ($1, $2, $3, 'الفاتورة مكررة', 'open', 'whatsapp', 'complaint', $4, 'P3', ''::tsvector, $5, $5)`,
    [id, workspaceId, `REP-${id.slice(0, 8)}`, category, createdAt],
  );
  return id;
}

/** Volume by category per day, as `{category: [day counts]}`, from the rollup and from the cases. */
async function volumeByCategory(workspaceId: string, timeZone: string, from: string, to: string) {
  const read = async (filter: { workspaceId: string; kinds?: string[] }) => {
    const counted = await countCaseVolume(database.orm, {
      filter,
      by: 'category',
      interval: 'day',
      timeZone,
      from: new Date(from),
      to: new Date(to),
    });
    const series: Record<string, number[]> = {};
    for (const { key, bucket, count } of counted.counts) {
      const counts = series[key ?? 'none'] ?? counted.buckets.map(() => 0);
      counts[bucket]! += count;
      series[key ?? 'none'] = counts;
    }
    return series;
  };
  const [rollup, cases] = await Promise.all([
    read({ workspaceId }),
    read({ workspaceId, kinds: ['complaint'] }),
  ]);
  expect(rollup).toEqual(cases);
  return rollup;
}

const pendingChanges = async (workspaceId: string) =>
  (
    await database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM case_rollup_change WHERE workspace_id = $1',
      [workspaceId],
    )
  )[0]!.n;

describe('case_rollup', () => {
  it('follows new, recategorised and deleted cases, before and after the fold', async () => {
    const { workspaceId } = await insertWorkspaceWithUser(database);
    // Riyadh is UTC+3: its 1 November runs from 31 October 21:00 UTC.
    const range = ['Asia/Riyadh', '2026-10-31T21:00:00Z', '2026-11-02T21:00:00Z'] as const;
    const moved = await insertCase(workspaceId, '2026-11-01T09:10:00Z', 'التوصيل');
    await insertCase(workspaceId, '2026-11-01T09:50:00Z', null);
    await insertCase(workspaceId, '2026-11-01T21:30:00Z', 'الفواتير');
    const deleted = await insertCase(workspaceId, '2026-11-02T05:00:00Z', 'التوصيل');
    await insertCase(workspaceId, '2026-11-02T21:00:00Z', 'التوصيل'); // 3 November in Riyadh

    expect(await volumeByCategory(workspaceId, ...range)).toEqual({
      التوصيل: [1, 1],
      الفواتير: [0, 1],
      none: [1, 0],
    });

    await database.query(`UPDATE support_case SET category = 'الفواتير' WHERE id = $1`, [moved]);
    await database.query('DELETE FROM support_case WHERE id = $1', [deleted]);
    const after = { الفواتير: [1, 1], none: [1, 0] };
    expect(await volumeByCategory(workspaceId, ...range)).toEqual(after);
    expect(await pendingChanges(workspaceId)).toBeGreaterThan(0);

    expect(await foldCaseRollup(database.orm)).toBeGreaterThan(0);
    expect(await pendingChanges(workspaceId)).toBe(0);
    expect(await volumeByCategory(workspaceId, ...range)).toEqual(after);
    // The counter of "التوصيل" at 09:00 went to zero and was dropped, not kept as an empty row.
    const empty = await database.query('SELECT 1 FROM case_rollup WHERE workspace_id = $1 AND cases = 0', [
      workspaceId,
    ]);
    expect(empty).toEqual([]);

    const heatmap = await countByWeekdayHour(database.orm, {
      filter: { workspaceId },
      timeZone: 'Asia/Riyadh',
      from: new Date(range[1]),
      to: new Date(range[2]),
    });
    // 1 November 2026 is a Sunday: 12:10 and 12:50 Riyadh time, then Monday 00:30.
    expect(heatmap).toEqual([
      { weekday: 0, hour: 12, count: 2 },
      { weekday: 1, hour: 0, count: 1 },
    ]);
  });

  it('counts the cases themselves where an hour falls in two days (India, UTC+5:30)', async () => {
    const { workspaceId } = await insertWorkspaceWithUser(database);
    // 18:20 UTC is 23:50 on 1 November in Kolkata, 18:40 UTC is 00:10 on 2 November.
    await insertCase(workspaceId, '2026-11-01T18:20:00Z', 'التوصيل');
    await insertCase(workspaceId, '2026-11-01T18:40:00Z', 'التوصيل');
    await foldCaseRollup(database.orm);
    expect(
      await volumeByCategory(workspaceId, 'Asia/Kolkata', '2026-11-01T00:00:00Z', '2026-11-03T00:00:00Z'),
    ).toEqual({ التوصيل: [1, 1, 0] });
  });
});
