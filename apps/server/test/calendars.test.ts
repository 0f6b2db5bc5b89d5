import { randomUUID } from 'node:crypto';
import { ALWAYS_OPEN, addBusinessSeconds } from '@sada/core';
import { describe, expect, it } from 'vitest';
import { calendarOfCase } from '../src/calendars/calendar-of.ts';
import { type ApiClient, createTestWorkspace, useTestServer } from './harness.ts';

const server = useTestServer();

const sundayToThursday = {
  name: 'Riyadh office',
  timeZone: 'asia/riyadh',
  hours: [0, 1, 2, 3, 4].map((day) => ({ day, from: '08:00', to: '20:00' })),
  holidays: [{ date: '2026-12-02', name: 'National Day' }],
};

async function newTeam(admin: ApiClient, name = `Team ${randomUUID().slice(0, 6)}`) {
  const response = await admin.post('/api/teams', { name });
  expect(response.status).toBe(201);
  return response.body as { id: string; name: string };
}

describe('business calendars', () => {
  it('lets an admin add a calendar that supervisors read, with the zone spelt as Intl does', async () => {
    const workspace = await createTestWorkspace(server());
    const { client: supervisor } = await workspace.signIn('supervisor');

    const created = await workspace.admin.post('/api/calendars', sundayToThursday);

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Riyadh office',
      timeZone: 'Asia/Riyadh',
      isAlwaysOpen: false,
      hours: sundayToThursday.hours,
      holidays: sundayToThursday.holidays,
    });
    const listed = await supervisor.get('/api/calendars');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ items: [created.body], workspaceCalendarId: null, teams: [] });
    const forbidden = await supervisor.post('/api/calendars', { ...sundayToThursday, name: 'Mine' });
    expect(forbidden.status).toBe(403);
  });

  it('refuses overlapping openings, a bad zone, a reversed span, a repeated holiday, and no hours', async () => {
    const { admin } = await createTestWorkspace(server());
    const arabic = { 'accept-language': 'ar' };

    const overlap = await admin.post(
      '/api/calendars',
      {
        ...sundayToThursday,
        hours: [
          { day: 0, from: '08:00', to: '14:00' },
          { day: 0, from: '13:00', to: '20:00' },
        ],
      },
      arabic,
    );
    const zone = await admin.post('/api/calendars', { ...sundayToThursday, timeZone: 'Mars/Olympus' });
    const reversed = await admin.post('/api/calendars', {
      ...sundayToThursday,
      hours: [{ day: 1, from: '22:00', to: '06:00' }],
    });
    const holiday = await admin.post('/api/calendars', {
      ...sundayToThursday,
      holidays: [
        { date: '2026-12-02', name: 'A' },
        { date: '2026-12-02', name: 'B' },
      ],
    });
    const empty = await admin.post('/api/calendars', { ...sundayToThursday, hours: [] });

    expect(overlap.status).toBe(422);
    expect(overlap.body.error.fields[0].message).toBe(
      'الأحد: الفترتان 08:00–14:00 و13:00–20:00 متداخلتان؛ اجمعهما في فترة واحدة.',
    );
    expect(zone.status).toBe(422);
    expect(zone.body.error.fields[0].message).toContain('Unknown time zone');
    expect(reversed.status).toBe(422);
    expect(reversed.body.error.fields[0].message).toContain('crosses midnight');
    expect(holiday.status).toBe(422);
    expect(holiday.body.error.fields[0].message).toBe(
      '2026-12-02 is listed twice; keep one holiday per date.',
    );
    expect(empty.status).toBe(422);
    expect(empty.body.error.fields[0].message).toContain('24/7');
    expect((await admin.get('/api/calendars')).body.items).toEqual([]);
  });

  it('changes a calendar, refuses a taken name and emptying its hours, and deletes it', async () => {
    const { admin } = await createTestWorkspace(server());
    const calendar = (await admin.post('/api/calendars', sundayToThursday)).body;
    await admin.post('/api/calendars', { name: 'Around the clock', timeZone: 'UTC', isAlwaysOpen: true });

    const changed = await admin.patch(`/api/calendars/${calendar.id}`, {
      hours: [{ day: 6, from: '10:00', to: '14:00' }],
    });
    const taken = await admin.patch(`/api/calendars/${calendar.id}`, { name: 'Around the clock' });
    const emptied = await admin.patch(`/api/calendars/${calendar.id}`, { hours: [] });

    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: 'Riyadh office',
      hours: [{ day: 6, from: '10:00', to: '14:00' }],
      holidays: sundayToThursday.holidays,
    });
    expect(taken.status).toBe(409);
    expect(emptied.status).toBe(422);
    expect((await admin.delete(`/api/calendars/${calendar.id}`)).status).toBe(204);
    expect((await admin.patch(`/api/calendars/${calendar.id}`, { name: 'x' })).status).toBe(404);
    expect((await admin.get('/api/calendars')).body.items.map((c: { name: string }) => c.name)).toEqual([
      'Around the clock',
    ]);
  });

  it("runs a team's cases on its calendar, else the workspace's, else around the clock", async () => {
    const { admin, workspaceId } = await createTestWorkspace(server());
    const db = server().database.orm;
    const office = (await admin.post('/api/calendars', sundayToThursday)).body;
    const night = (
      await admin.post('/api/calendars', {
        name: 'Night desk',
        timeZone: 'Africa/Cairo',
        hours: [
          { day: 4, from: '22:00', to: '24:00' },
          { day: 5, from: '00:00', to: '06:00' },
        ],
      })
    ).body;
    const billing = await newTeam(admin);
    const shipping = await newTeam(admin);
    expect(await calendarOfCase(db, workspaceId, billing.id)).toEqual(ALWAYS_OPEN);

    const chosen = await admin.patch('/api/calendars/default', { calendarId: office.id });
    const teamChosen = await admin.patch(`/api/teams/${billing.id}/calendar`, { calendarId: night.id });

    expect(chosen.status).toBe(200);
    expect(teamChosen.status).toBe(200);
    expect(teamChosen.body.workspaceCalendarId).toBe(office.id);
    expect(teamChosen.body.teams).toEqual(
      expect.arrayContaining([
        { id: billing.id, name: billing.name, calendarId: night.id },
        { id: shipping.id, name: shipping.name, calendarId: null },
      ]),
    );
    const ofBilling = await calendarOfCase(db, workspaceId, billing.id);
    const ofShipping = await calendarOfCase(db, workspaceId, shipping.id);
    expect(ofBilling.timeZone).toBe('Africa/Cairo');
    expect(ofShipping.timeZone).toBe('Asia/Riyadh');
    expect(await calendarOfCase(db, workspaceId, null)).toEqual(ofShipping);
    // a Thursday-evening complaint in Riyadh, with a two-hour target, falls due Sunday 09:00
    expect(addBusinessSeconds(ofShipping, new Date('2026-11-26T19:00:00+03:00'), 7200)).toEqual(
      new Date('2026-11-29T09:00:00+03:00'),
    );

    // deleting the workspace's calendar leaves the workspace open around the clock
    await admin.delete(`/api/calendars/${office.id}`);
    expect(await calendarOfCase(db, workspaceId, shipping.id)).toEqual(ALWAYS_OPEN);
    expect((await admin.get('/api/calendars')).body.workspaceCalendarId).toBeNull();
    await admin.patch(`/api/teams/${billing.id}/calendar`, { calendarId: null });
    expect(await calendarOfCase(db, workspaceId, billing.id)).toEqual(ALWAYS_OPEN);
  });

  it("never reads, changes or chooses another workspace's calendar or team", async () => {
    const a = await createTestWorkspace(server());
    const b = await createTestWorkspace(server());
    const ofB = (await b.admin.post('/api/calendars', sundayToThursday)).body;
    const teamOfB = await newTeam(b.admin);
    const teamOfA = await newTeam(a.admin);

    expect((await a.admin.get('/api/calendars')).body.items).toEqual([]);
    expect((await a.admin.patch(`/api/calendars/${ofB.id}`, { name: 'Taken' })).status).toBe(404);
    expect((await a.admin.delete(`/api/calendars/${ofB.id}`)).status).toBe(404);
    expect((await a.admin.patch('/api/calendars/default', { calendarId: ofB.id })).status).toBe(404);
    expect((await a.admin.patch(`/api/teams/${teamOfA.id}/calendar`, { calendarId: ofB.id })).status).toBe(
      404,
    );
    expect((await a.admin.patch(`/api/teams/${teamOfB.id}/calendar`, { calendarId: null })).status).toBe(404);
    expect(await calendarOfCase(server().database.orm, a.workspaceId, teamOfA.id)).toEqual(ALWAYS_OPEN);
    expect((await b.admin.get('/api/calendars')).body.items).toHaveLength(1);
  });
});
