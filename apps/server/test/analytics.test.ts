import type { Clock } from '@sada/core';
import { describe, expect, it } from 'vitest';
import { createCase, createTestWorkspace, useTestServer } from './harness.ts';

// Cases are created at chosen instants: the figures are computed by hand from them.
let now = new Date('2026-11-01T12:00:00Z');
const clock: Clock = { now: () => now };
const server = useTestServer({ clock });
const at = (iso: string) => {
  now = new Date(iso);
};

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF) into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let isQuoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (isQuoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') isQuoted = false;
      else cell += char;
    } else if (char === '"') isQuoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else cell += char;
  }
  return rows;
}

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
