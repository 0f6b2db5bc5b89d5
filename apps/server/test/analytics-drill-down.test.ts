import { type Clock, parseCsv } from '@sada/core';
import { describe, expect, it } from 'vitest';
import { type ApiClient, createCase, createTestWorkspace, queryOf, useTestServer } from './harness.ts';

// Every figure of the analytics page drills down to the inbox (issue 9): the "not set" series
// (`none`) and the peak hours' cells (`weekday` and `hour` in the workspace's zone), checked against
// cases created at chosen instants.
let now = new Date('2026-11-01T12:00:00Z');
const clock: Clock = { now: () => now };
const at = (iso: string) => {
  now = new Date(iso);
};

const server = useTestServer({ clock });

// Sunday 1 to Saturday 7 November in Riyadh (UTC+3, the workspace's zone).
const range = { from: '2026-11-01T00:00:00+03:00', to: '2026-11-08T00:00:00+03:00' };
const listRange = {
  createdFrom: new Date(range.from).toISOString(),
  createdTo: new Date(Date.parse(range.to) - 1).toISOString(),
};
const SET = { category: 'billing', product: 'بطاقة ائتمان', region: 'الرياض', sentiment: 'negative' };

async function seed() {
  const workspace = await createTestWorkspace(server());
  const { client: admin } = await workspace.withToken('admin');
  const cases: Record<string, string> = {};
  for (const [name, iso, fields] of [
    // Sunday 14:15 and 14:50 in Riyadh: one with every field, one with none.
    ['sunday14Set', '2026-11-01T11:15:00Z', SET],
    ['sunday14Bare', '2026-11-01T11:50:00Z', {}],
    // Sunday 13:59 in Riyadh, the hour before; a category but nothing else.
    ['sunday13', '2026-11-01T10:59:00Z', { category: 'delivery' }],
    // Saturday 22:30 in UTC is already Sunday 01:30 in Riyadh.
    ['sunday01', '2026-10-31T22:30:00Z', { product: 'تمويل شخصي', sentiment: 'neutral' }],
    // Monday 14:30 in Riyadh: the same hour, another day.
    ['monday14', '2026-11-02T11:30:00Z', { ...SET, category: 'delivery' }],
    // The next Sunday at 14:20: the same cell, after the range.
    ['laterSunday14', '2026-11-08T11:20:00Z', {}],
  ] as const) {
    at(iso);
    cases[name] = (await createCase(admin, { ...fields })).referenceNumber;
  }
  // Another workspace's case in the same cell, without a category, stays out of every list.
  at('2026-11-01T11:30:00Z');
  await createCase((await (await createTestWorkspace(server())).withToken('admin')).client);
  at('2026-11-09T12:00:00Z');
  return { workspace, admin, cases };
}

async function listed(client: ApiClient, params: Record<string, string | string[]>) {
  const response = await client.get(`/api/cases?${queryOf({ limit: '100', ...params })}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body.items as { referenceNumber: string }[]).map((item) => item.referenceNumber).sort();
}

async function exported(client: ApiClient, params: Record<string, string | string[]>) {
  const response = await client.get(`/api/cases/export.csv?${queryOf({ lang: 'en', ...params })}`);
  expect(response.status, String(response.body)).toBe(200);
  const [header, ...rows] = parseCsv(response.body as string);
  return rows.map((row) => row[header!.indexOf('Reference')]!).sort();
}

const pick = (cases: Record<string, string>, ...names: string[]) => names.map((name) => cases[name]!).sort();

describe('the "not set" value of a field', () => {
  it('lists, exports and counts the cases without a category, product, region or sentiment', async () => {
    const { admin, cases } = await seed();
    const bare = ['sunday14Bare', 'laterSunday14'];

    expect(await listed(admin, { category: 'none' })).toEqual(pick(cases, ...bare, 'sunday01'));
    expect(await listed(admin, { product: 'none' })).toEqual(pick(cases, ...bare, 'sunday13'));
    expect(await listed(admin, { region: 'none' })).toEqual(pick(cases, ...bare, 'sunday13', 'sunday01'));
    expect(await listed(admin, { sentiment: 'none' })).toEqual(pick(cases, ...bare, 'sunday13'));
    // With other values: any of them, "not set" included.
    expect(await listed(admin, { category: 'none,billing' })).toEqual(
      pick(cases, ...bare, 'sunday01', 'sunday14Set'),
    );
    expect(await listed(admin, { sentiment: ['none', 'neutral'], ...listRange })).toEqual(
      pick(cases, 'sunday14Bare', 'sunday13', 'sunday01'),
    );
    expect(await exported(admin, { region: 'none', category: 'none' })).toEqual(
      pick(cases, ...bare, 'sunday01'),
    );

    // A saved view keeps "not set", and its counter counts what its list shows.
    const view = await admin.post('/api/views', { name: 'بلا تصنيف', filters: { category: ['none'] } });
    expect(view.status, JSON.stringify(view.body)).toBe(201);
    expect(view.body.filters).toMatchObject({ category: ['none'] });
    expect((await admin.get('/api/views/counts')).body.counts[view.body.id]).toBe(3);
  });

  it('counts the "not set" series of the volume as its inbox list does, and narrows every figure by it', async () => {
    const { admin, cases } = await seed();
    for (const by of ['category', 'product', 'region', 'sentiment'] as const) {
      const volume = await admin.get(`/api/analytics/volume?${queryOf({ ...range, by })}`);
      expect(volume.status, JSON.stringify(volume.body)).toBe(200);
      const notSet = (volume.body.series as { key: string | null; total: number }[]).find(
        (series) => series.key === null,
      );
      const list = await listed(admin, { [by]: 'none', ...listRange });
      expect(list.length, by).toBeGreaterThan(0);
      expect(notSet?.total, by).toBe(list.length);
    }
    const heatmap = await admin.get(`/api/analytics/heatmap?${queryOf({ ...range, category: 'none' })}`);
    expect(heatmap.status, JSON.stringify(heatmap.body)).toBe(200);
    expect(heatmap.body.total).toBe(2);
    const handling = await admin.get(`/api/analytics/handling?${queryOf({ ...range, sentiment: 'none' })}`);
    expect(handling.body.total.cases).toBe(2);
    const backlog = await admin.get(`/api/analytics/backlog?${queryOf({ product: 'none' })}`);
    expect(backlog.body.total).toBe(pick(cases, 'sunday14Bare', 'laterSunday14', 'sunday13').length);
  });
});

describe('the weekday and hour of creation in the workspace’s zone', () => {
  it('lists and exports exactly the cases of a peak-hours cell, as many as the cell counts', async () => {
    const { admin, cases } = await seed();
    const heatmap = await admin.get(`/api/analytics/heatmap?${queryOf(range)}`);
    expect(heatmap.status, JSON.stringify(heatmap.body)).toBe(200);
    expect(heatmap.body.timeZone).toBe('Asia/Riyadh');
    const counts = heatmap.body.counts as number[][];
    expect([counts[0]![14], counts[0]![13], counts[0]![1], counts[1]![14]]).toEqual([2, 1, 1, 1]);

    // Sunday 14:00 in Riyadh, within the range: the two cases of the cell, not the next Sunday's.
    const sunday14 = { weekday: '0', hour: '14', ...listRange };
    expect(await listed(admin, sunday14)).toEqual(pick(cases, 'sunday14Set', 'sunday14Bare'));
    expect(await exported(admin, sunday14)).toEqual(pick(cases, 'sunday14Set', 'sunday14Bare'));
    // Without the range, every Sunday at 14:00.
    expect(await listed(admin, { weekday: '0', hour: '14' })).toEqual(
      pick(cases, 'sunday14Set', 'sunday14Bare', 'laterSunday14'),
    );
    // Saturday evening in UTC is Sunday in Riyadh.
    expect(await listed(admin, { weekday: '0', hour: '1' })).toEqual(pick(cases, 'sunday01'));
    expect(await listed(admin, { weekday: '6' })).toEqual([]);
    // One key alone, and several values meaning any of them.
    expect(await listed(admin, { hour: '14', ...listRange })).toEqual(
      pick(cases, 'sunday14Set', 'sunday14Bare', 'monday14'),
    );
    expect(await listed(admin, { weekday: '0', hour: ['13', '14'], ...listRange })).toEqual(
      pick(cases, 'sunday14Set', 'sunday14Bare', 'sunday13'),
    );
    // With another filter: the cell's cases without a category.
    expect(await listed(admin, { ...sunday14, category: 'none' })).toEqual(pick(cases, 'sunday14Bare'));

    // Every cell opens a list of exactly its count.
    for (const [weekday, hours] of counts.entries()) {
      for (const [hour, count] of hours.entries()) {
        if (count === 0) continue;
        const list = await listed(admin, { weekday: String(weekday), hour: String(hour), ...listRange });
        expect(list, `${weekday} ${hour}`).toHaveLength(count);
      }
    }

    // A saved view keeps the cell, and its counter counts what its list shows.
    const view = await admin.post('/api/views', { name: 'الأحد ١٤', filters: { weekday: '0', hour: '14' } });
    expect(view.status, JSON.stringify(view.body)).toBe(201);
    expect(view.body.filters).toMatchObject({ weekday: ['0'], hour: ['14'] });
    expect((await admin.get('/api/views/counts')).body.counts[view.body.id]).toBe(3);
  });

  it('reads the clock of the zone the workspace is set to', async () => {
    const { admin, cases } = await seed();
    const changed = await admin.patch('/api/workspace', { timeZone: 'Asia/Tokyo' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    // In Tokyo (UTC+9) the Sunday 14:15 Riyadh case arrived on Sunday at 20:15.
    const heatmap = (await admin.get(`/api/analytics/heatmap?${queryOf(range)}`)).body;
    expect(heatmap.timeZone).toBe('Asia/Tokyo');
    expect(heatmap.counts[0][20]).toBe(2);
    expect(await listed(admin, { weekday: '0', hour: '20', ...listRange })).toEqual(
      pick(cases, 'sunday14Set', 'sunday14Bare'),
    );
  });

  it('refuses a weekday or hour out of range with a message naming what it takes', async () => {
    const { admin } = await seed();
    for (const [path, params, expected] of [
      ['/api/cases', { weekday: '9' }, /0 \(Sunday\) to 6 \(Saturday\)/],
      ['/api/cases', { weekday: 'sunday' }, /0 \(Sunday\) to 6 \(Saturday\)/],
      ['/api/cases', { hour: '24' }, /0 to 23/],
      ['/api/cases', { hour: '14,-1' }, /0 to 23/],
      ['/api/cases/export.csv', { hour: '2.5' }, /0 to 23/],
      ['/api/analytics/heatmap', { ...range, weekday: '7' }, /0 \(Sunday\) to 6 \(Saturday\)/],
    ] as const) {
      const response = await admin.get(`${path}?${queryOf(params)}`);
      expect(response.status, `${path} ${JSON.stringify(params)}`).toBe(422);
      expect(response.body.error.code).toBe('validation_failed');
      expect(response.body.error.fields).toEqual([
        { path: expect.stringMatching(/^querystring\.(weekday|hour)\.\d$/), message: expect.any(String) },
      ]);
      expect(response.body.error.fields[0].message).toMatch(expected);
    }
    // In Arabic for a reader of Arabic.
    const arabic = await admin.get('/api/cases?hour=24', { 'accept-language': 'ar' });
    expect(arabic.body.error.fields[0].message).toContain('من 0 إلى 23');
  });
});
