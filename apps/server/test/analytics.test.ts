import { type Clock, parseCsv } from '@sada/core';
import { describe, expect, it } from 'vitest';
import { createCase, createTestWorkspace, useTestServer } from './harness.ts';

// Cases are created at chosen instants: the figures are computed by hand from them.
let now = new Date('2026-11-01T12:00:00Z');
const clock: Clock = { now: () => now };
const server = useTestServer({ clock });
const at = (iso: string) => {
  now = new Date(iso);
};

describe('volume over time', () => {
  // Riyadh is UTC+3 all year: its days start at 21:00 UTC the evening before.
  async function seed() {
    const workspace = await createTestWorkspace(server());
    const { client: admin } = await workspace.withToken('admin');
    at('2026-11-01T20:00:00Z'); // 1 Nov, 23:00 in Riyadh
    await createCase(admin, { channel: 'phone' });
    at('2026-11-01T22:30:00Z'); // 2 Nov, 01:30 in Riyadh
    await createCase(admin, { channel: 'email', category: 'الشحن' });
    at('2026-11-03T10:00:00Z'); // 3 Nov
    await createCase(admin, { channel: 'email', category: 'billing' });
    at('2026-11-05T10:00:00Z'); // after the range
    await createCase(admin, { channel: 'email', category: 'billing' });
    return { admin };
  }
  const range = `from=${encodeURIComponent('2026-11-01T00:00:00+03:00')}&to=${encodeURIComponent('2026-11-04T00:00:00+03:00')}`;
  const days = ['2026-10-31T21:00:00.000Z', '2026-11-01T21:00:00.000Z', '2026-11-02T21:00:00.000Z'];

  it("counts cases per day of the workspace's zone, one series per channel, with the empty days", async () => {
    const { admin } = await seed();
    const report = await admin.get(`/api/analytics/volume?${range}&by=channel`);
    expect(report.status).toBe(200);
    expect(report.body).toEqual({
      interval: 'day',
      timeZone: 'Asia/Riyadh',
      series: [
        {
          key: 'email',
          label: 'email',
          total: 2,
          points: [
            { t: days[0], count: 0 },
            { t: days[1], count: 1 },
            { t: days[2], count: 1 },
          ],
        },
        {
          key: 'phone',
          label: 'phone',
          total: 1,
          points: [
            { t: days[0], count: 1 },
            { t: days[1], count: 0 },
            { t: days[2], count: 0 },
          ],
        },
      ],
    });
  });

  it('groups by an Arabic category, keeps cases without one as null, and applies the list filters', async () => {
    const { admin } = await seed();
    const byCategory = await admin.get(`/api/analytics/volume?${range}&by=category`);
    const counts = Object.fromEntries(
      byCategory.body.series.map((series: any) => [
        String(series.key),
        series.points.map((point: any) => point.count),
      ]),
    );
    expect(counts).toEqual({ الشحن: [0, 1, 0], billing: [0, 0, 1], null: [1, 0, 0] });

    const emailOnly = await admin.get(`/api/analytics/volume?${range}&by=category&channel=email`);
    expect(emailOnly.body.series.map((series: any) => series.key).sort()).toEqual(['billing', 'الشحن']);
  });

  it('counts weeks starting on Sunday, names teams, and keeps other workspaces out', async () => {
    const { admin } = await seed();
    const other = await (await createTestWorkspace(server())).withToken('admin');
    at('2026-11-02T10:00:00Z');
    await createCase(other.client, { channel: 'email' });
    const team = await admin.post('/api/teams', { name: 'الفواتير' });
    at('2026-11-02T11:00:00Z');
    await createCase(admin, { channel: 'live_chat', teamId: team.body.id });

    // 1 Nov 2026 is a Sunday: one week holds all five cases of the fortnight's first week.
    const weeks = await admin.get(
      `/api/analytics/volume?from=${encodeURIComponent('2026-11-01T00:00:00+03:00')}&to=${encodeURIComponent('2026-11-15T00:00:00+03:00')}&by=team&interval=week`,
    );
    expect(weeks.status).toBe(200);
    const byLabel = Object.fromEntries(
      weeks.body.series.map((series: any) => [String(series.label), series.points]),
    );
    expect(byLabel).toEqual({
      null: [
        { t: '2026-10-31T21:00:00.000Z', count: 4 },
        { t: '2026-11-07T21:00:00.000Z', count: 0 },
      ],
      الفواتير: [
        { t: '2026-10-31T21:00:00.000Z', count: 1 },
        { t: '2026-11-07T21:00:00.000Z', count: 0 },
      ],
    });
  });

  it('counts the peak hours per weekday and hour of the zone, with the list filters', async () => {
    const { admin } = await seed();
    const heatmap = await admin.get(`/api/analytics/heatmap?${range}`);
    expect(heatmap.status).toBe(200);
    expect(heatmap.body).toMatchObject({ timeZone: 'Asia/Riyadh', total: 3 });
    const cells = heatmap.body.counts.flatMap((hours: number[], weekday: number) =>
      hours.flatMap((count, hour) => (count > 0 ? [{ weekday, hour, count }] : [])),
    );
    // Sunday 23:00, Monday 01:30 and Tuesday 13:00 in Riyadh; the case of 5 November is outside.
    expect(cells).toEqual([
      { weekday: 0, hour: 23, count: 1 },
      { weekday: 1, hour: 1, count: 1 },
      { weekday: 2, hour: 13, count: 1 },
    ]);
    const email = await admin.get(`/api/analytics/heatmap?${range}&channel=email`);
    expect(email.body.total).toBe(2);
    expect(email.body.counts[0][23]).toBe(0);
  });

  it('refuses a range that ends before it starts, or is too long, saying why', async () => {
    const { client: admin } = await (await createTestWorkspace(server())).withToken('admin');
    const backwards = await admin.get(
      '/api/analytics/volume?from=2026-11-05T00:00:00Z&to=2026-11-01T00:00:00Z&by=channel',
    );
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.fields).toEqual([
      { path: 'querystring.to', message: expect.stringContaining('"to" must be after "from"') },
    ]);
    const tooLong = await admin.get(
      '/api/analytics/volume?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&by=channel&interval=day',
    );
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.fields[0].message).toContain('at most 366 days');
    const unknown = await admin.get(
      '/api/analytics/volume?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&by=colour',
    );
    expect(unknown.status).toBe(422);
  });
});

describe('the one-row-per-case export', () => {
  it('writes a header and one line per case, Arabic intact, custom fields as columns, formulas as text', async () => {
    const { client: admin } = await (await createTestWorkspace(server())).withToken('admin');
    const field = await admin.post('/api/fields', {
      key: 'branch',
      labelAr: 'الفرع',
      labelEn: 'Branch',
      type: 'text',
    });
    expect(field.status).toBe(201);
    at('2026-11-10T08:00:00Z');
    const arabic = await createCase(admin, {
      subject: 'تأخر الشحنة، والطلب "عاجل"',
      channel: 'email',
      category: 'الشحن',
      customFields: { branch: 'الرياض' },
      tags: ['vip', 'late'],
    });
    at('2026-11-10T09:00:00Z');
    const formula = await createCase(admin, { subject: '=HYPERLINK("http://evil.test")', channel: 'phone' });
    const other = await (await createTestWorkspace(server())).withToken('admin');
    await createCase(other.client, { subject: 'Not ours' });

    const response = await admin.get('/api/cases/export.csv?lang=en');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename=".+-cases-2026-11-10\.csv"/,
    );
    // (fetch's text() drops the byte-order mark the file starts with; csv.test.ts checks it is there.)
    const [header, ...rows] = parseCsv(response.body as string);
    expect(header).toContain('Reference');
    expect(header).toContain('CSAT (1-5)');
    expect(header!.at(-1)).toBe('Branch');
    expect(rows).toHaveLength(2);
    const column = (name: string) => header!.indexOf(name);
    const [first, second] = rows;
    expect(first![column('Reference')]).toBe(arabic.referenceNumber);
    expect(first![column('Subject')]).toBe('تأخر الشحنة، والطلب "عاجل"');
    expect(first![column('Category')]).toBe('الشحن');
    expect(first![column('Tags')]).toBe('vip; late');
    expect(first![column('Created (UTC)')]).toBe('2026-11-10T08:00:00.000Z');
    expect(first![column('Branch')]).toBe('الرياض');
    expect(second![column('Reference')]).toBe(formula.referenceNumber);
    expect(second![column('Subject')]).toBe(`'=HYPERLINK("http://evil.test")`);

    const arabicHeader = parseCsv((await admin.get('/api/cases/export.csv?lang=ar')).body as string)[0];
    expect(arabicHeader![0]).toBe('المرجع');
    expect(arabicHeader!.at(-1)).toBe('الفرع');
  });

  it('exports what the case-list filters select', async () => {
    const { client: admin } = await (await createTestWorkspace(server())).withToken('admin');
    at('2026-11-12T08:00:00Z');
    for (let index = 0; index < 3; index += 1) await createCase(admin, { channel: 'email' });
    await createCase(admin, { channel: 'phone' });
    const emailOnly = parseCsv((await admin.get('/api/cases/export.csv?channel=email')).body as string);
    expect(emailOnly).toHaveLength(1 + 3);
  });
});

describe('the backlog', () => {
  it('counts the open cases now by age band and status, leaving out resolved ones', async () => {
    const workspace = await createTestWorkspace(server());
    const created: Record<string, string> = {};
    for (const [name, iso] of [
      ['hours', '2026-11-20T06:00:00Z'], // 6 hours old
      ['twoDays', '2026-11-18T12:00:00Z'], // 2 days
      ['fiveDays', '2026-11-15T12:00:00Z'], // 5 days
      ['tenDays', '2026-11-10T12:00:00Z'], // 10 days
      ['old', '2026-09-01T12:00:00Z'], // 80 days
      ['resolved', '2026-11-19T12:00:00Z'],
    ] as const) {
      at(iso);
      created[name] = (
        await createCase((await workspace.withToken('admin')).client, { channel: 'email' })
      ).referenceNumber;
    }
    at('2026-11-20T12:00:00Z');
    const { client } = await workspace.withToken('admin');
    await client.post(`/api/cases/${created.resolved}/transition`, { to: 'resolved' });
    await client.post(`/api/cases/${created.twoDays}/transition`, { to: 'pending' });
    const backlog = await client.get('/api/analytics/backlog');
    expect(backlog.status).toBe(200);
    expect(backlog.body.total).toBe(5);
    expect(
      backlog.body.bands.map((band: any) => [band.underDays, band.new + band.open, band.pending, band.total]),
    ).toEqual([
      [1, 1, 0, 1],
      [3, 0, 1, 1],
      [7, 1, 0, 1],
      [30, 1, 0, 1],
      [null, 1, 0, 1],
    ]);
    expect((await client.get('/api/analytics/backlog?channel=phone')).body.total).toBe(0);
  });
});

describe('how cases were handled', () => {
  // Three cases created at 10:00 UTC on 2 Nov; every later step at a chosen minute, so each figure
  // below is computed by hand.
  async function seed() {
    const workspace = await createTestWorkspace(server());
    const { client: admin } = await workspace.withToken('admin');
    expect(
      (await admin.patch('/api/workspace/settings', { survey: { delayMinutes: 0, askNps: true } })).status,
    ).toBe(200);
    at('2026-11-02T10:00:00Z');
    const customer = (name: string) => ({ name, email: `${name.toLowerCase()}@example.com` });
    const a = (await createCase(admin, { channel: 'email', customer: customer('Amal') })).referenceNumber;
    const b = (await createCase(admin, { channel: 'email', customer: customer('Badr') })).referenceNumber;
    await createCase(admin, { channel: 'phone', customer: customer('Ceren') });
    const step = async (iso: string, path: string, body: Record<string, unknown>) => {
      at(iso);
      const { client } = await workspace.withToken('admin');
      const response = await client.post(path, body);
      expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
      return response.body;
    };
    // A: answered after 30 min, resolved at 12:00, reopened at 13:00, resolved again at 15:00 (5 h).
    await step('2026-11-02T10:30:00Z', `/api/cases/${a}/messages`, { type: 'reply', body: 'On it' });
    await step('2026-11-02T12:00:00Z', `/api/cases/${a}/transition`, { to: 'resolved' });
    await step('2026-11-02T13:00:00Z', `/api/cases/${a}/transition`, { to: 'open' });
    await step('2026-11-02T15:00:00Z', `/api/cases/${a}/transition`, { to: 'resolved' });
    // B: answered after 90 min, a 50 SAR refund, resolved at 14:00 (4 h), rated 4 with an NPS of 10.
    await step('2026-11-02T11:30:00Z', `/api/cases/${b}/messages`, { type: 'reply', body: 'Refunding' });
    await step('2026-11-02T11:40:00Z', `/api/cases/${b}/compensations`, {
      type: 'refund',
      amount: 50,
      currency: 'SAR',
      reason: 'Charged twice',
    });
    const resolved = await step('2026-11-02T14:00:00Z', `/api/cases/${b}/transition`, { to: 'resolved' });
    const { pathname } = new URL(resolved.survey.url);
    const answered = await fetch(`${server().baseUrl}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ rating: '4', nps: '10' }).toString(),
    });
    expect(answered.status).toBe(200);
    at('2026-11-03T09:00:00Z');
    return (await workspace.withToken('analyst')).client;
  }
  const range = `from=${encodeURIComponent('2026-11-02T00:00:00Z')}&to=${encodeURIComponent('2026-11-03T00:00:00Z')}`;

  it('gives median and 90th percentile times, backlog, reopen rate, CSAT, NPS and compensation per channel', async () => {
    const analyst = await seed();
    const report = await analyst.get(`/api/analytics/handling?${range}&by=channel`);
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    const email = report.body.rows.find((row: { key: string }) => row.key === 'email');
    expect(email).toMatchObject({
      cases: 2,
      open: 0,
      resolved: 2,
      reopened: 1,
      reopenRate: 0.5,
      // 1800 s and 5400 s: the median halfway, the 90th percentile 90 % of the way.
      firstResponse: { count: 2, median: 3600, p90: 5040 },
      // 18000 s (to the last resolution) and 14400 s.
      resolution: { count: 2, median: 16200, p90: 17640 },
      csat: { answered: 1, average: 4, score: 1 },
      nps: { answered: 1, score: 100 },
      compensation: [{ currency: 'SAR', amount: 50 }],
    });
    const phone = report.body.rows.find((row: { key: string }) => row.key === 'phone');
    expect(phone).toMatchObject({
      cases: 1,
      open: 1,
      reopenRate: null,
      firstResponse: { count: 0, median: null, p90: null },
      csat: { answered: 0, average: null, score: null },
      compensation: [],
    });
    // The total is read from the cases, not summed from the rows.
    expect(report.body.total).toMatchObject({
      key: null,
      cases: 3,
      open: 1,
      firstResponse: { count: 2, median: 3600, p90: 5040 },
    });
    expect(report.body.rows.map((row: { key: string }) => row.key)).toEqual(['email', 'phone']);
  });

  it('counts only the cases of the range and the filters, and refuses a range backwards', async () => {
    const analyst = await seed();
    const later = await analyst.get(
      `/api/analytics/handling?from=${encodeURIComponent('2026-11-03T00:00:00Z')}&to=${encodeURIComponent('2026-11-04T00:00:00Z')}`,
    );
    expect(later.body).toMatchObject({ rows: [], total: { cases: 0, firstResponse: { median: null } } });
    const phoneOnly = await analyst.get(`/api/analytics/handling?${range}&channel=phone`);
    expect(phoneOnly.body.total).toMatchObject({ cases: 1, open: 1 });
    const backwards = await analyst.get(
      `/api/analytics/handling?from=${encodeURIComponent('2026-11-03T00:00:00Z')}&to=${encodeURIComponent('2026-11-02T00:00:00Z')}`,
    );
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.fields[0].path).toContain('to');
  });
});

describe('early warnings', () => {
  // The workspace is two months old; the watched hour is Tuesday 3 November, 09:00–10:00 UTC.
  async function seed() {
    at('2026-09-01T00:00:00Z');
    const workspace = await createTestWorkspace(server());
    const { client } = await workspace.withToken('admin');
    const complaint = async (iso: string, category: string, sentiment = 'negative') => {
      at(iso);
      return createCase(client, { channel: 'email', category, sentiment });
    };
    for (let week = 1; week <= 8; week += 1) {
      const sameHour = new Date(Date.parse('2026-11-03T09:30:00Z') - week * 7 * 86_400_000).toISOString();
      await complaint(sameHour, 'delivery'); // usually 1 an hour
      await complaint(sameHour, 'billing'); // usually 2 an hour
      await complaint(sameHour, 'billing');
    }
    const spiked: string[] = [];
    for (let minute = 0; minute < 12; minute += 1) {
      const created = await complaint(
        `2026-11-03T09:${String(5 + minute * 4).padStart(2, '0')}:00Z`,
        'delivery',
      );
      spiked.push(created.referenceNumber);
    }
    for (const minute of ['10', '20', '30']) await complaint(`2026-11-03T09:${minute}:00Z`, 'billing');
    for (const minute of ['15', '25']) await complaint(`2026-11-03T09:${minute}:00Z`, 'delivery', 'positive');
    return { workspace, spiked };
  }

  it('raises one alert for an injected spike, with examples, and tells the analytics readers', async () => {
    const { workspace, spiked } = await seed();
    const watch = server().services.spikes;
    at('2026-11-03T10:05:00Z');
    // Users there when the hour is read (withToken adds a user each time).
    const { client: analyst } = await workspace.withToken('analyst');
    const { client: agent } = await workspace.withToken('agent');
    // The server's own quarter-hour job may read the hour first: either way it is raised once.
    await watch.detect();
    expect(await watch.detect()).toBe(0);

    const alerts = (await analyst.get('/api/analytics/alerts')).body.items;
    const categories = alerts.filter((alert: { dimension: string }) => alert.dimension === 'category');
    // Delivery: 12 against a usual 1. Billing: 3 against a usual 2 is ordinary.
    expect(categories).toMatchObject([
      {
        key: 'delivery',
        count: 12,
        usual: 1,
        windowStart: '2026-11-03T09:00:00.000Z',
        windowEnd: '2026-11-03T10:00:00.000Z',
      },
    ]);
    expect(categories[0].examples).toHaveLength(3);
    for (const example of categories[0].examples) expect(spiked).toContain(example.referenceNumber);

    const notifications = (await analyst.get('/api/notifications')).body.items;
    expect(
      notifications.filter((item: { type: string }) => item.type === 'analytics.spike').length,
    ).toBeGreaterThanOrEqual(1);
    const agentNotifications = (await agent.get('/api/notifications')).body.items;
    expect(agentNotifications.filter((item: { type: string }) => item.type === 'analytics.spike')).toEqual(
      [],
    );
  });

  it('stays quiet in an ordinary hour', async () => {
    const { workspace } = await seed();
    at('2026-11-10T09:10:00Z');
    await createCase((await workspace.withToken('admin')).client, {
      channel: 'email',
      category: 'delivery',
      sentiment: 'negative',
    });
    at('2026-11-10T10:05:00Z');
    await server().services.spikes.detect();
    const { client: analyst } = await workspace.withToken('analyst');
    const alerts = (await analyst.get('/api/analytics/alerts')).body.items;
    expect(
      alerts.filter((alert: { windowStart: string }) => alert.windowStart === '2026-11-10T09:00:00.000Z'),
    ).toEqual([]);
  });
});

describe('emerging issues', () => {
  it('groups the complaints of the range by what they say, with examples, leaving one-offs out', async () => {
    const workspace = await createTestWorkspace(server());
    const created: Record<string, string> = {};
    for (const [name, iso, subject] of [
      ['late1', '2026-11-02T10:00:00Z', 'الطلب متأخر والتوصيل ما وصل'],
      ['late2', '2026-11-05T10:00:00Z', 'التوصيل متأخر جدا والطلب ما وصل'],
      ['late3', '2026-11-06T10:00:00Z', 'طلبي متأخر والتوصيل سيء'],
      ['other', '2026-11-04T10:00:00Z', 'الموظف في الفرع كان غير محترم'],
      ['outside', '2026-10-20T10:00:00Z', 'الطلب متأخر والتوصيل ما وصل'],
    ] as const) {
      at(iso);
      const { client } = await workspace.withToken('admin');
      created[name] = (await createCase(client, { subject, description: '' })).referenceNumber;
    }
    at('2026-11-08T09:00:00Z');
    const { client: analyst } = await workspace.withToken('analyst');
    const report = await analyst.get(
      `/api/analytics/issues?from=${encodeURIComponent('2026-11-01T00:00:00Z')}&to=${encodeURIComponent('2026-11-08T00:00:00Z')}`,
    );
    expect(report.status).toBe(200);
    expect(report.body.cases).toBe(4);
    expect(report.body.issues).toHaveLength(1);
    const [issue] = report.body.issues;
    // One in the first half of the week, two in the second: rising.
    expect(issue).toMatchObject({ size: 3, earlier: 1, later: 2, trend: 'rising' });
    expect(issue.terms).toEqual(expect.arrayContaining(['متاخر', 'التوصيل']));
    expect(issue.examples.map((example: { referenceNumber: string }) => example.referenceNumber)).toEqual([
      created.late3,
      created.late2,
      created.late1,
    ]);
  });
});
