import type { Clock } from '@sada/core';
import { describe, expect, it } from 'vitest';
import { createCase, createTestWorkspace, useTestServer } from './harness.ts';

// The server's clock, moved by the test to create cases at chosen instants.
let now = new Date('2026-11-26T12:00:00Z'); // a Thursday
const clock: Clock = { now: () => now };
const server = useTestServer({ clock });

type Cell = {
  weekday: number;
  hour: number;
  arrivalsPerHour: number;
  agentsNeeded: number;
  agentsScheduled: number;
};
const cellOf = (cells: Cell[], weekday: number, hour: number) =>
  cells.find((cell) => cell.weekday === weekday && cell.hour === hour);

describe('staffing hint', () => {
  it('averages cases by weekday and hour in Riyadh and sizes each hour with Erlang C', async () => {
    now = new Date('2026-11-26T12:00:00Z');
    const workspace = await createTestWorkspace(server()); // Asia/Riyadh, UTC+3
    const { admin } = workspace;
    const { client: supervisor } = await workspace.signIn('supervisor');
    const { userId: early } = await workspace.signIn('agent');
    const { userId: late } = await workspace.signIn('agent');
    await admin.patch(`/api/users/${early}`, { shifts: [{ day: 0, from: '08:00', to: '12:00' }] });
    await admin.patch(`/api/users/${late}`, { shifts: [{ day: 0, from: '09:30', to: '17:00' }] });

    const at = async (iso: string, count: number) => {
      now = new Date(iso);
      for (let i = 0; i < count; i += 1) await createCase(admin);
    };
    await at('2026-11-22T06:15:00Z', 4); // Sunday 09:15 in Riyadh
    await at('2026-11-15T06:40:00Z', 2); // Sunday 09:40, a week earlier
    await at('2026-11-23T20:30:00Z', 1); // Monday 23:30 in Riyadh (Monday 20:30 UTC)
    await at('2026-11-08T06:15:00Z', 5); // three weeks ago: outside a two-week look-back
    now = new Date('2026-11-26T12:00:00Z');

    const response = await supervisor.get('/api/staffing?weeks=2&handleMinutes=60');

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      timeZone: 'Asia/Riyadh',
      weeks: 2,
      handleMinutes: 60,
      targetMinutes: 60, // no SLA policy: an hour
      serviceLevel: 0.8,
    });
    const cells = response.body.cells as Cell[];
    expect(cells).toHaveLength(168);
    // Sunday 09: 6 cases in 2 weeks = 3 an hour × 1 h handling = 3 erlangs. By hand, 4 agents:
    // Erlang B 0.2061 → Pw 0.5094 → 1 − 0.5094·e^(−(4−3)·60/60) = 81.3 % ≥ 80 % (3 agents cannot keep up).
    // On shift: the early agent all hour, the late one from 09:30: 1.5.
    expect(cellOf(cells, 0, 9)).toEqual({
      weekday: 0,
      hour: 9,
      arrivalsPerHour: 3,
      agentsNeeded: 4,
      agentsScheduled: 1.5,
    });
    // Monday 23: 1 case in 2 weeks = 0.5 erlang. One agent: Pw 0.5, 1 − 0.5·e^(−0.5) = 69.7 %;
    // two: Pw 0.1, 1 − 0.1·e^(−1.5) = 97.8 %.
    expect(cellOf(cells, 1, 23)).toEqual({
      weekday: 1,
      hour: 23,
      arrivalsPerHour: 0.5,
      agentsNeeded: 2,
      agentsScheduled: 0,
    });
    expect(cellOf(cells, 0, 8)).toEqual({
      weekday: 0,
      hour: 8,
      arrivalsPerHour: 0,
      agentsNeeded: 0,
      agentsScheduled: 1,
    });
    const busyCells = cells.filter((cell) => cell.arrivalsPerHour > 0);
    expect(busyCells).toHaveLength(2);

    // With the default 10 minutes of handling, Sunday 09 is half an erlang and one agent suffices.
    const light = await supervisor.get('/api/staffing?weeks=2');
    expect(cellOf(light.body.cells, 0, 9)?.agentsNeeded).toBe(1);
    // Over four weeks the case of three weeks ago counts too: (6 + 5) / 4 an hour on Sunday 09.
    const month = await supervisor.get('/api/staffing?weeks=4');
    expect(cellOf(month.body.cells, 0, 9)?.arrivalsPerHour).toBe(2.75);
  });

  it("counts only the team's cases and members when asked, and only its own workspace's", async () => {
    now = new Date('2026-11-26T12:00:00Z');
    const a = await createTestWorkspace(server());
    const b = await createTestWorkspace(server());
    const { userId: member } = await a.signIn('agent');
    await a.admin.patch(`/api/users/${member}`, { shifts: [{ day: 4, from: '10:00', to: '11:00' }] });
    const team = (await a.admin.post('/api/teams', { name: 'Billing', memberIds: [member] })).body;
    const { userId: outsider } = await a.signIn('agent');
    await a.admin.patch(`/api/users/${outsider}`, { shifts: [{ day: 4, from: '10:00', to: '11:00' }] });
    now = new Date('2026-11-26T07:10:00Z'); // Thursday 10:10 in Riyadh
    await createCase(a.admin, { teamId: team.id });
    await createCase(a.admin);
    await createCase(b.admin);
    now = new Date('2026-11-26T12:00:00Z');

    const all = await a.admin.get('/api/staffing?weeks=1');
    const ofTeam = await a.admin.get(`/api/staffing?weeks=1&team=${team.id}`);
    const otherTeam = await b.admin.get(`/api/staffing?weeks=1&team=${team.id}`);
    const bad = await a.admin.get('/api/staffing?weeks=0&handleMinutes=abc');

    expect(cellOf(all.body.cells, 4, 10)).toMatchObject({ arrivalsPerHour: 2, agentsScheduled: 2 });
    expect(cellOf(ofTeam.body.cells, 4, 10)).toMatchObject({ arrivalsPerHour: 1, agentsScheduled: 1 });
    expect(otherTeam.status).toBe(404);
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.map((field: { path: string }) => field.path).sort()).toEqual([
      'querystring.handleMinutes',
      'querystring.weeks',
    ]);
  });
});
