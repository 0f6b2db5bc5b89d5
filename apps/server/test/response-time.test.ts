import type { Clock } from '@sada/core';
import { describe, expect, it } from 'vitest';
import {
  type ApiClient,
  createCase,
  createTestWorkspace,
  type TestWorkspace,
  useTestServer,
} from './harness.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// The server's clock, moved by each test: cases are opened and answered at chosen instants.
let current = new Date('2026-03-02T12:00:00Z');
const clock: Clock = { now: () => current };
const server = useTestServer({ clock });

/** A new workspace, its admin signed in at `at` (sessions are read on the same clock). */
async function workspaceAt(at: Date): Promise<TestWorkspace> {
  current = at;
  return createTestWorkspace(server());
}

/** A case opened at `openedAt` and first answered by a person `waitMinutes` later. */
async function answeredCase(
  admin: ApiClient,
  o: { channel: string; openedAt: Date; waitMinutes: number },
): Promise<string> {
  current = o.openedAt;
  const created = await createCase(admin, { channel: o.channel });
  current = new Date(o.openedAt.getTime() + o.waitMinutes * MINUTE);
  const reply = await admin.post(`/api/cases/${created.referenceNumber}/messages`, {
    type: 'reply',
    body: 'Thank you, we are on it.',
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return created.referenceNumber;
}

async function publicGet(path: string) {
  const response = await fetch(server().baseUrl + path);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const json = async (slug: string) => {
  const response = await publicGet(`/w/${slug}/response-time.json`);
  return { ...response, body: JSON.parse(response.text) };
};

/** Sunday to Thursday, 08:00–20:00 in Riyadh, as the workspace's calendar. */
async function riyadhWorkWeek(admin: ApiClient) {
  const calendar = await admin.post('/api/calendars', {
    name: 'Riyadh office',
    timeZone: 'Asia/Riyadh',
    hours: [0, 1, 2, 3, 4].map((day) => ({ day, from: '08:00', to: '20:00' })),
  });
  expect(calendar.status, JSON.stringify(calendar.body)).toBe(201);
  const chosen = await admin.patch('/api/calendars/default', { calendarId: calendar.body.id });
  expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
}

describe('first response', () => {
  it('is the first reply a person wrote: notes do not count, and a later reply does not move it', async () => {
    const start = new Date('2026-03-02T09:00:00Z');
    const { admin } = await workspaceAt(start);
    const created = await createCase(admin);
    current = new Date(start.getTime() + 5 * MINUTE);
    await admin.post(`/api/cases/${created.referenceNumber}/messages`, {
      type: 'note',
      body: 'Calling them.',
    });
    expect((await admin.get(`/api/cases/${created.referenceNumber}`)).body.firstResponseAt).toBeNull();

    current = new Date(start.getTime() + 20 * MINUTE);
    await admin.post(`/api/cases/${created.referenceNumber}/messages`, { type: 'reply', body: 'Hello' });
    current = new Date(start.getTime() + 50 * MINUTE);
    await admin.post(`/api/cases/${created.referenceNumber}/messages`, { type: 'reply', body: 'Again' });

    const detail = await admin.get(`/api/cases/${created.referenceNumber}`);
    expect(detail.body.firstResponseAt).toBe(new Date(start.getTime() + 20 * MINUTE).toISOString());
  });
});

describe('public live response time', () => {
  it('gives the median of the last hour per channel, and the last 24 hours where the hour has too few', async () => {
    const now = new Date('2026-03-02T15:00:00Z');
    const workspace = await workspaceAt(new Date(now.getTime() - 26 * HOUR));
    // Answered 26 hours ago: outside both windows.
    await answeredCase(workspace.admin, { channel: 'walk_in', openedAt: current, waitMinutes: 5 });
    // A sign-in lasts a day: the rest is done by a colleague who signs in later.
    current = new Date(now.getTime() - 20 * HOUR);
    const { slug } = workspace;
    const { client: admin } = await workspace.signIn('agent');
    // Phone: five first answers in the last hour (2, 4, 6, 8 and 30 minutes) → median 6 minutes.
    for (const waitMinutes of [2, 4, 6, 8, 30]) {
      await answeredCase(admin, {
        channel: 'phone',
        openedAt: new Date(now.getTime() - 45 * MINUTE),
        waitMinutes,
      });
    }
    // Answered three hours ago: outside the hour, so it does not count here.
    await answeredCase(admin, {
      channel: 'phone',
      openedAt: new Date(now.getTime() - 5 * HOUR),
      waitMinutes: 100,
    });
    // Walk-in: one answer in the hour (too few), so the day: 10, 20, 40 minutes → median 20.
    await answeredCase(admin, {
      channel: 'walk_in',
      openedAt: new Date(now.getTime() - 30 * MINUTE),
      waitMinutes: 10,
    });
    await answeredCase(admin, {
      channel: 'walk_in',
      openedAt: new Date(now.getTime() - 10 * HOUR),
      waitMinutes: 20,
    });
    await answeredCase(admin, {
      channel: 'walk_in',
      openedAt: new Date(now.getTime() - 19 * HOUR),
      waitMinutes: 40,
    });
    // Opened but not answered: no first response yet.
    current = new Date(now.getTime() - 10 * MINUTE);
    await createCase(admin, { channel: 'phone' });
    current = now;

    const answer = await json(slug);

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      channels: [
        { channel: 'phone', medianSeconds: 6 * 60, sampleSize: 5, window: '1h', open: true },
        { channel: 'walk_in', medianSeconds: 20 * 60, sampleSize: 3, window: '24h', open: true },
      ],
      updatedAt: now.toISOString(),
    });
  });

  it('takes the middle of an even count of answers as the mean of the two in the middle', async () => {
    const now = new Date('2026-03-02T18:00:00Z');
    const { slug, admin } = await workspaceAt(new Date(now.getTime() - 6 * HOUR));
    // Four in the hour (1, 2, 3, 4 minutes) are too few: the day's six give (3 + 4) / 2 = 3.5 minutes.
    for (const waitMinutes of [1, 2, 3, 4]) {
      await answeredCase(admin, {
        channel: 'phone',
        openedAt: new Date(now.getTime() - 20 * MINUTE),
        waitMinutes,
      });
    }
    for (const waitMinutes of [20, 40]) {
      await answeredCase(admin, {
        channel: 'phone',
        openedAt: new Date(now.getTime() - 5 * HOUR),
        waitMinutes,
      });
    }
    current = now;

    const answer = await json(slug);

    expect(answer.body.channels).toEqual([
      { channel: 'phone', medianSeconds: 210, sampleSize: 6, window: '24h', open: true },
    ]);
  });

  it('shows the figures of the last recomputation until the job runs again', async () => {
    const now = new Date('2026-03-03T10:00:00Z');
    const { slug, admin } = await workspaceAt(new Date(now.getTime() - 2 * HOUR));
    await answeredCase(admin, {
      channel: 'phone',
      openedAt: new Date(now.getTime() - 30 * MINUTE),
      waitMinutes: 10,
    });
    current = now;
    expect((await json(slug)).body.channels[0]).toMatchObject({ medianSeconds: 600, sampleSize: 1 });

    await answeredCase(admin, {
      channel: 'phone',
      openedAt: new Date(now.getTime() - 20 * MINUTE),
      waitMinutes: 2,
    });
    await answeredCase(admin, {
      channel: 'phone',
      openedAt: new Date(now.getTime() - 20 * MINUTE),
      waitMinutes: 4,
    });
    current = new Date(now.getTime() + 5 * MINUTE);
    expect((await json(slug)).body.channels[0]).toMatchObject({ medianSeconds: 600, sampleSize: 1 });

    await server().services.responseTime.refreshAll();

    const refreshed = await json(slug);
    expect(refreshed.body.channels[0]).toMatchObject({ medianSeconds: 240, sampleSize: 3 });
    expect(refreshed.body.updatedAt).toBe(current.toISOString());
  });

  it('may be read from any site, and cached for at most five minutes', async () => {
    const { slug } = await workspaceAt(new Date('2026-03-03T12:00:00Z'));

    const answer = await json(slug);

    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    const maxAge = Number(/max-age=(\d+)/.exec(answer.headers.get('cache-control') ?? '')?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(300);
  });

  it('keeps each workspace to its own cases', async () => {
    const now = new Date('2026-03-03T14:00:00Z');
    const busy = await workspaceAt(new Date(now.getTime() - HOUR));
    const quiet = await createTestWorkspace(server());
    await answeredCase(busy.admin, {
      channel: 'phone',
      openedAt: new Date(now.getTime() - 30 * MINUTE),
      waitMinutes: 5,
    });
    current = now;
    await server().services.responseTime.refreshAll();

    expect((await json(quiet.slug)).body.channels).toEqual([]);
    expect((await json(busy.slug)).body.channels).toHaveLength(1);
    expect((await publicGet('/w/no-such-workspace/response-time.json')).status).toBe(404);
  });
});

describe('the badge and the page', () => {
  it('says the figure in Arabic, right to left, and in English, light or dark', async () => {
    const now = new Date('2026-03-03T16:00:00Z');
    const { slug, admin } = await workspaceAt(new Date(now.getTime() - HOUR));
    for (const waitMinutes of [11, 12, 13]) {
      await answeredCase(admin, {
        channel: 'phone',
        openedAt: new Date(now.getTime() - 30 * MINUTE),
        waitMinutes,
      });
    }
    current = now;

    const arabic = await publicGet(`/w/${slug}/response-time.svg?lang=ar`);
    expect(arabic.status).toBe(200);
    expect(arabic.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(arabic.text).toContain('>نرد خلال 12 دقيقة تقريبًا</text>');
    expect(arabic.text).toMatch(/<text [^>]*direction="rtl"/);

    const english = await publicGet(`/w/${slug}/response-time.svg?lang=en&theme=dark`);
    expect(english.text).toContain('>We answer in about 12 minutes</text>');
    expect(english.text).toMatch(/<text [^>]*direction="ltr"/);
    expect(english.text).toContain('fill="#1b1f24"');
    // Wider text, wider badge.
    const width = (svg: string) => Number(/<svg [^>]*width="(\d+)"/.exec(svg)?.[1]);
    expect(width(english.text)).toBeGreaterThan(width(arabic.text));

    const bad = await publicGet(`/w/${slug}/response-time.svg?theme=pink`);
    expect(bad.status).toBe(422);
    expect(JSON.parse(bad.text).error.code).toBe('validation_failed');
  });

  it('says when the desk opens while it is closed', async () => {
    // Friday 22:00 in Riyadh; the desk works Sunday to Thursday.
    const fridayNight = new Date('2026-03-06T19:00:00Z');
    const { slug, admin } = await workspaceAt(fridayNight);
    await riyadhWorkWeek(admin);
    await answeredCase(admin, {
      channel: 'phone',
      openedAt: new Date(fridayNight.getTime() - 40 * MINUTE),
      waitMinutes: 30,
    });
    current = fridayNight;

    const answer = await json(slug);
    expect(answer.body.channels).toEqual([
      {
        channel: 'phone',
        medianSeconds: 1800,
        sampleSize: 1,
        window: '24h',
        open: false,
        opensAt: '2026-03-08T05:00:00.000Z',
      },
    ]);
    expect((await publicGet(`/w/${slug}/response-time.svg?lang=en`)).text).toContain(
      '>Closed now · opens Sunday 08:00</text>',
    );
    expect((await publicGet(`/w/${slug}/response-time.svg?lang=ar`)).text).toContain(
      '>مغلق الآن · نفتح الأحد 08:00</text>',
    );
  });

  it('serves a page in Arabic with each channel’s figure and the opening hours', async () => {
    const now = new Date('2026-03-05T06:00:00Z'); // Thursday 09:00 in Riyadh: open
    const { slug, admin } = await workspaceAt(new Date(now.getTime() - HOUR));
    await riyadhWorkWeek(admin);
    await answeredCase(admin, {
      channel: 'walk_in',
      openedAt: new Date(now.getTime() - 30 * MINUTE),
      waitMinutes: 2,
    });
    current = now;

    const page = await publicGet(`/w/${slug}/response-time?lang=ar`);

    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'nonce-/);
    expect(page.text).toContain('lang="ar" dir="rtl"');
    expect(page.text).toContain('الحضور شخصيًا');
    expect(page.text).toContain('نرد خلال دقيقتين تقريبًا');
    expect(page.text).toContain('من الأحد إلى الخميس، 08:00–20:00');
    expect(page.text).toContain('مفتوح الآن');

    const english = await publicGet(`/w/${slug}/response-time?lang=en`);
    expect(english.text).toContain('Sunday to Thursday, 08:00–20:00');
    expect((await publicGet('/w/no-such-workspace/response-time')).status).toBe(404);
  });
});
