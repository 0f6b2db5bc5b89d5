import type { Clock } from '@sada/core';
import { describe, expect, it } from 'vitest';
import { type ApiClient, createTestWorkspace, type TestWorkspace, useTestServer } from './harness.ts';

// Friday 22:00 and Thursday 09:00 in Riyadh (UTC+3); the desk works Sunday to Thursday, 08:00–20:00.
const FRIDAY_NIGHT = new Date('2026-03-06T19:00:00Z');
const THURSDAY_MORNING = new Date('2026-03-05T06:00:00Z');

let current = FRIDAY_NIGHT;
const clock: Clock = { now: () => current };
const server = useTestServer({ clock });

let ipCounter = 0;
const freshIp = () => `10.77.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

async function workspaceWithWorkWeek(at: Date): Promise<TestWorkspace> {
  current = at;
  const workspace = await createTestWorkspace(server());
  const calendar = await workspace.admin.post('/api/calendars', {
    name: 'Riyadh office',
    timeZone: 'Asia/Riyadh',
    hours: [0, 1, 2, 3, 4].map((day) => ({ day, from: '08:00', to: '20:00' })),
  });
  expect(calendar.status, JSON.stringify(calendar.body)).toBe(201);
  const chosen = await workspace.admin.patch('/api/calendars/default', { calendarId: calendar.body.id });
  expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
  return workspace;
}

async function complain(slug: string, language: 'ar' | 'en') {
  const response = await fetch(`${server().baseUrl}/api/public/${slug}/complaints`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': freshIp() },
    body: JSON.stringify({
      name: language === 'ar' ? 'نورة العتيبي' : 'Sam Carter',
      email: 'customer@example.com',
      description: language === 'ar' ? 'وصل الطلب ناقصًا.' : 'The order arrived incomplete.',
      language,
    }),
  });
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body as { reference: string; statusUrl: string; expectedResponseBy: string };
}

async function acknowledgementOf(admin: ApiClient, reference: string): Promise<string> {
  const detail = await admin.get(`/api/cases/${reference}`);
  const automatic = detail.body.messages.filter((message: { isAutomatic: boolean }) => message.isAutomatic);
  expect(automatic).toHaveLength(1);
  return automatic[0].body;
}

describe('the first reply out of hours', () => {
  it('tells a customer who writes on Friday night the hours and that the desk opens on Sunday at 08:00', async () => {
    const { slug, admin } = await workspaceWithWorkWeek(FRIDAY_NIGHT);

    const created = await complain(slug, 'ar');

    const body = await acknowledgementOf(admin, created.reference);
    expect(body).toContain(created.reference);
    expect(body).toContain('خارج ساعات العمل');
    expect(body).toContain('من الأحد إلى الخميس، 08:00–20:00');
    expect(body).toContain('الأحد 08:00');
    expect(body).toContain('نورة');
    // 24 hours of open time from Sunday 08:00: all of Sunday and Monday, so Monday 20:00 in Riyadh.
    expect(created.expectedResponseBy).toBe('2026-03-09T17:00:00.000Z');
    expect(body).toContain('9 مارس 2026');
    expect(body).not.toContain('{{');
  });

  it('sends the usual acknowledgement while the desk is open, promising open hours only', async () => {
    const { slug, admin } = await workspaceWithWorkWeek(THURSDAY_MORNING);

    const created = await complain(slug, 'en');

    const body = await acknowledgementOf(admin, created.reference);
    expect(body).toContain('Our team will review it and answer you by');
    expect(body).not.toContain('out of the office');
    // Thursday 09:00–20:00 is 11 hours, Sunday 12 more, then one on Monday: Monday 09:00 in Riyadh.
    expect(created.expectedResponseBy).toBe('2026-03-09T06:00:00.000Z');
  });

  it('uses the channel’s own out-of-hours text when the admin wrote one', async () => {
    const { slug, admin } = await workspaceWithWorkWeek(FRIDAY_NIGHT);
    const saved = await admin.patch('/api/channels/settings', {
      outOfHours: {
        byChannel: {
          web_form: {
            subject: { ar: 'خارج الدوام', en: 'Out of hours' },
            body: {
              ar: 'شكواك {{case.reference}} وصلت. نعود {{opens_at}}.',
              en: 'Got {{case.reference}}. We work {{hours}} and are back {{opens_at}}.',
            },
          },
        },
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.outOfHours.body.en).toContain('{{hours}}');

    const created = await complain(slug, 'en');

    expect(await acknowledgementOf(admin, created.reference)).toBe(
      `Got ${created.reference}. We work Sunday to Thursday, 08:00–20:00 and are back Sunday 08:00.`,
    );
  });

  it('shows the same expected time on the status page', async () => {
    const { slug } = await workspaceWithWorkWeek(FRIDAY_NIGHT);
    const created = await complain(slug, 'ar');
    current = new Date(FRIDAY_NIGHT.getTime() + 3_600_000);

    const token = new URL(created.statusUrl, 'http://x').searchParams.get('t')!;
    const view = await fetch(`${server().baseUrl}/api/public/${slug}/status?t=${encodeURIComponent(token)}`);

    const body = (await view.json()) as { expectedResponseBy: string | null };
    expect(body.expectedResponseBy).toBe('2026-03-09T17:00:00.000Z');
  });
});
