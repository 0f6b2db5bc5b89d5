import {
  messengerMessage,
  pageComment,
  type Simulator,
  startPlatformSimulator,
} from '@sada/channels/simulator';
import { type Clock, parseCsv } from '@sada/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  createCase,
  createTestWorkspace,
  queryOf,
  startTestServer,
  type TestServer,
  useTestServer,
  waitFor,
} from './harness.ts';
import { connectFacebookPage } from './social-harness.ts';

// The dashboards' product and region filters and the acceptance of move-to-private, against figures
// computed by hand from cases created at chosen instants.
let now = new Date('2026-11-01T12:00:00Z');
const clock: Clock = { now: () => now };
const at = (iso: string) => {
  now = new Date(iso);
};

const CARD = 'بطاقة ائتمان';
const LOAN = 'تمويل شخصي';
const RIYADH = 'الرياض';
const JEDDAH = 'جدة';
const DAMMAM = 'الدمام';

describe('product and region filters', () => {
  const server = useTestServer({ clock });

  // Riyadh is UTC+3: the range is 2, 3 and 4 November of the workspace's zone.
  const range = { from: '2026-11-02T00:00:00+03:00', to: '2026-11-05T00:00:00+03:00' };
  const days = ['2026-11-01T21:00:00.000Z', '2026-11-02T21:00:00.000Z', '2026-11-03T21:00:00.000Z'];

  async function seed() {
    const workspace = await createTestWorkspace(server());
    const { client: admin } = await workspace.withToken('admin');
    const cases: Record<string, string> = {};
    for (const [name, iso, fields] of [
      ['card1', '2026-11-02T08:00:00Z', { product: CARD, region: RIYADH, channel: 'email' }],
      ['card2', '2026-11-02T09:00:00Z', { product: CARD, region: JEDDAH, channel: 'phone' }],
      ['loan', '2026-11-03T08:00:00Z', { product: LOAN, region: RIYADH, channel: 'email' }],
      ['cardNoRegion', '2026-11-03T10:00:00Z', { product: CARD, channel: 'email' }],
      ['noProduct', '2026-11-04T08:00:00Z', { region: DAMMAM, channel: 'phone' }],
      ['cardLater', '2026-11-06T08:00:00Z', { product: CARD, region: RIYADH, channel: 'email' }],
    ] as const) {
      at(iso);
      cases[name] = (await createCase(admin, fields)).referenceNumber;
    }
    // Another workspace's case of the same product stays out of every figure.
    at('2026-11-02T08:00:00Z');
    const other = await (await createTestWorkspace(server())).withToken('admin');
    await createCase(other.client, { product: CARD, region: RIYADH });
    at('2026-11-07T12:00:00Z');
    return { workspace, admin, cases };
  }

  const listed = async (client: ApiClient, params: Record<string, string | string[]>) => {
    const response = await client.get(`/api/cases?${queryOf({ limit: '100', ...params })}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return (response.body.items as { referenceNumber: string }[]).map((item) => item.referenceNumber).sort();
  };

  it('lists, exports and counts the cases of an Arabic product and region, several values meaning any of them', async () => {
    const { admin, cases } = await seed();
    const cardCases = [cases.card1, cases.card2, cases.cardNoRegion, cases.cardLater].sort();
    expect(await listed(admin, { product: CARD })).toEqual(cardCases);
    expect(await listed(admin, { product: CARD, region: RIYADH })).toEqual(
      [cases.card1, cases.cardLater].sort(),
    );
    // Repeated or comma-separated: any of the values.
    const riyadhOrJeddah = [cases.card1, cases.card2, cases.loan, cases.cardLater].sort();
    expect(await listed(admin, { region: [RIYADH, JEDDAH] })).toEqual(riyadhOrJeddah);
    expect(await listed(admin, { region: `${RIYADH},${JEDDAH}` })).toEqual(riyadhOrJeddah);
    expect(await listed(admin, { product: 'غير موجود' })).toEqual([]);

    // The export selects the same cases, oldest first, with the values as stored.
    const csv = parseCsv(
      (await admin.get(`/api/cases/export.csv?${queryOf({ product: CARD, lang: 'en' })}`)).body,
    );
    const [header, ...rows] = csv;
    const column = (name: string) => header!.indexOf(name);
    expect(rows.map((row) => row[column('Reference')])).toEqual([
      cases.card1,
      cases.card2,
      cases.cardNoRegion,
      cases.cardLater,
    ]);
    expect(rows.map((row) => row[column('Region')])).toEqual([RIYADH, JEDDAH, '', RIYADH]);

    // A saved view keeps the filters, and its counter counts what its list shows.
    const view = await admin.post('/api/views', {
      name: 'بطاقات الرياض',
      filters: { product: [CARD], region: [RIYADH] },
    });
    expect(view.status, JSON.stringify(view.body)).toBe(201);
    expect(view.body.filters).toMatchObject({ product: [CARD], region: [RIYADH] });
    expect((await admin.get('/api/views/counts')).body.counts[view.body.id]).toBe(2);
  });

  it('splits and filters the volume by product and region, each point counting the cases its list shows', async () => {
    const { admin } = await seed();
    const volume = async (params: Record<string, string | string[]>) => {
      const response = await admin.get(`/api/analytics/volume?${queryOf({ ...range, ...params })}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return Object.fromEntries(
        (response.body.series as { key: string | null; points: { t: string; count: number }[] }[]).map(
          (series) => [String(series.key), series.points.map((point) => point.count)],
        ),
      );
    };
    // card1 and card2 on 2 Nov, loan and cardNoRegion on 3 Nov, noProduct on 4 Nov; cardLater is after.
    expect(await volume({ by: 'product' })).toEqual({
      [CARD]: [2, 1, 0],
      [LOAN]: [0, 1, 0],
      null: [0, 0, 1],
    });
    expect(await volume({ by: 'region', product: CARD })).toEqual({
      [RIYADH]: [1, 0, 0],
      [JEDDAH]: [1, 0, 0],
      null: [0, 1, 0],
    });
    expect(await volume({ by: 'product', region: RIYADH })).toEqual({ [CARD]: [1, 0, 0], [LOAN]: [0, 1, 0] });
    expect(await volume({ by: 'channel', product: [CARD, LOAN], region: [RIYADH, JEDDAH] })).toEqual({
      email: [1, 1, 0],
      phone: [1, 0, 0],
    });

    // Every point of every product drills down to a list of exactly that many cases: its product, its day.
    const report = (await admin.get(`/api/analytics/volume?${queryOf({ ...range, by: 'product' })}`)).body;
    for (const series of report.series as { key: string | null; points: { t: string; count: number }[] }[]) {
      if (series.key === null) continue;
      for (const [index, point] of series.points.entries()) {
        const end = days[index + 1] ?? new Date(range.to).toISOString();
        const createdTo = new Date(Date.parse(end) - 1).toISOString();
        const list = await listed(admin, { product: series.key, createdFrom: point.t, createdTo });
        expect(list, `${series.key} ${point.t}`).toHaveLength(point.count);
        const csv = parseCsv(
          (
            await admin.get(
              `/api/cases/export.csv?${queryOf({ product: series.key, createdFrom: point.t, createdTo })}`,
            )
          ).body,
        );
        expect(csv).toHaveLength(1 + point.count);
      }
    }
  });

  it('narrows the handling figures, the peak hours and the backlog, and offers the values of the range', async () => {
    const { admin } = await seed();
    const handling = await admin.get(`/api/analytics/handling?${queryOf({ ...range, product: CARD })}`);
    expect(handling.body.total).toMatchObject({ cases: 3, open: 3 });
    const heatmap = await admin.get(`/api/analytics/heatmap?${queryOf({ ...range, region: RIYADH })}`);
    // card1 on Monday 2 Nov at 11:00, loan on Tuesday 3 Nov at 11:00 in Riyadh.
    expect(heatmap.body.total).toBe(2);
    expect([heatmap.body.counts[1][11], heatmap.body.counts[2][11]]).toEqual([1, 1]);
    const backlog = await admin.get(
      `/api/analytics/backlog?${queryOf({ product: CARD, region: [RIYADH, JEDDAH] })}`,
    );
    expect(backlog.body.total).toBe(3);

    const products = await admin.get(`/api/analytics/values?${queryOf({ field: 'product', ...range })}`);
    expect(products.status, JSON.stringify(products.body)).toBe(200);
    expect(products.body).toEqual({
      field: 'product',
      items: [
        { value: CARD, count: 3 },
        { value: LOAN, count: 1 },
      ],
    });
    const regions = await admin.get(`/api/analytics/values?${queryOf({ field: 'region', ...range })}`);
    expect(regions.body.items).toEqual([
      { value: RIYADH, count: 2 },
      { value: DAMMAM, count: 1 },
      { value: JEDDAH, count: 1 },
    ]);
    expect((await admin.get(`/api/analytics/values?${queryOf({ field: 'colour', ...range })}`)).status).toBe(
      422,
    );
  });
});

describe('acceptance of move-to-private', () => {
  let simulator: Simulator;
  let server: TestServer;

  beforeAll(async () => {
    simulator = await startPlatformSimulator({});
    server = await startTestServer({ jobs: true, platformUrl: simulator.url, isolated: true, clock });
  });
  afterAll(async () => {
    await server?.stop();
    await simulator?.close();
  });

  it('divides the invitations the customer accepted by those answered or expired, per channel and in total', async () => {
    at('2026-11-02T08:00:00Z');
    const workspace = await createTestWorkspace(server);
    // A token per step: a session signed in on 2 November would have expired by the 10th.
    const api = async () => (await workspace.withToken('admin')).client;
    const admin = await api();
    const pageId = await connectFacebookPage(admin, simulator.secrets.appSecret);
    const webhook = `${server.baseUrl}/webhooks/meta`;
    const authors = ['Amal', 'Badr', 'Ceren', 'Dana'].map((name, index) => ({ id: `79600${index}`, name }));
    for (const [index, author] of authors.entries()) {
      const comment = pageComment({
        pageId,
        postId: `900${index}`,
        from: author,
        message: 'لم يصل طلبي',
        at: now,
      });
      expect(await simulator.deliver(webhook, comment)).toBe(200);
    }
    const cases = await waitFor(async () => {
      const items = (await admin.get('/api/cases?channel=facebook')).body.items as {
        referenceNumber: string;
        customerName: string;
      }[];
      return items.length === 4 ? items : undefined;
    });
    const referenceOf = (name: string) => cases.find((item) => item.customerName === name)!.referenceNumber;
    await createCase(admin, { channel: 'phone' });
    const invite = async (name: string) => {
      const moved = await (await api()).post(`/api/cases/${referenceOf(name)}/move-to-private`, {});
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    };
    const answerPrivately = async (name: string) => {
      const author = authors.find((item) => item.name === name)!;
      const reader = await api();
      await simulator.deliver(
        webhook,
        messengerMessage({ pageId, psid: author.id, text: 'هذه التفاصيل', at: now }),
      );
      await waitFor(async () => {
        const found = (await reader.get(`/api/cases/${referenceOf(name)}`)).body;
        return found.privateMove?.acceptedAt ? found : undefined;
      });
    };

    // Amal and Badr are invited on 2 November; Amal answers in Messenger an hour later, Badr never.
    at('2026-11-02T09:00:00Z');
    await invite('Amal');
    await invite('Badr');
    at('2026-11-02T10:00:00Z');
    await answerPrivately('Amal');
    // Ceren is invited a week later; Dana never is.
    at('2026-11-09T09:00:00Z');
    await invite('Ceren');

    // On 10 November: Badr's invitation expired (over 7 days), Ceren's may still be taken up.
    at('2026-11-10T08:00:00Z');
    const range = queryOf({ from: '2026-11-02T00:00:00Z', to: '2026-11-03T00:00:00Z', by: 'channel' });
    const analyst = (await workspace.withToken('analyst')).client;
    const report = (await analyst.get(`/api/analytics/handling?${range}`)).body;
    const byChannel = Object.fromEntries(
      report.rows.map((row: { key: string; privateMove: unknown }) => [row.key, row.privateMove]),
    );
    expect(byChannel).toEqual({
      facebook: { invited: 3, accepted: 1, waiting: 1, rate: 0.5 },
      phone: { invited: 0, accepted: 0, waiting: 0, rate: null },
    });
    expect(report.total.privateMove).toEqual({ invited: 3, accepted: 1, waiting: 1, rate: 0.5 });

    // Ceren answers: two of three invitations accepted.
    at('2026-11-10T09:00:00Z');
    await answerPrivately('Ceren');
    const later = (await analyst.get(`/api/analytics/handling?${range}`)).body;
    expect(later.total.privateMove).toEqual({ invited: 3, accepted: 2, waiting: 0, rate: 2 / 3 });
  });
});
