import { describe, expect, it } from 'vitest';
import { maintenanceJob } from '../src/jobs/job-runner.ts';
import { createTestWorkspace, useTestServer, waitFor } from './harness.ts';

describe('background jobs on the same database', () => {
  const server = useTestServer({ jobs: true });

  it('purges expired sessions and keeps live ones when the maintenance job runs', async () => {
    const workspace = await createTestWorkspace(server());
    const [user] = await server().database.query<{ id: string }>(
      'SELECT id FROM app_user WHERE workspace_id = $1',
      [workspace.workspaceId],
    );
    await server().database.query(
      `INSERT INTO user_session (token_hash, user_id, workspace_id, csrf_token, expires_at) VALUES ($1, $2, $3, 'x', now() - interval '1 hour')`,
      ['expired-session', user!.id, workspace.workspaceId],
    );
    const jobId = await server().jobs!.send(maintenanceJob(server().database, { now: () => new Date() }), {});
    expect(jobId).toEqual(expect.any(String));
    await waitFor(async () => {
      const rows = await server().database.query('SELECT 1 FROM user_session WHERE token_hash = $1', [
        'expired-session',
      ]);
      return rows.length === 0 ? true : undefined;
    }, 20_000);
    expect((await workspace.admin.get('/api/me')).status).toBe(200);
  });

  it('keeps the maintenance schedule registered in pg-boss', async () => {
    const schedules = await server().jobs!.boss.getSchedules();
    expect(schedules.map((schedule) => schedule.name)).toContain('maintenance.purge-expired');
  });
});
