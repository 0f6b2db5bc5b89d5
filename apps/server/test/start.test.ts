import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@sada/db';
import { afterAll, describe, expect, it } from 'vitest';
import { signInOverHttp, testDatabaseKind } from './harness.ts';
import { runSada, spawnSada } from './processes.ts';

// The two commands a newcomer runs: these start the real `sada` process on an embedded database.
describe.runIf(testDatabaseKind === 'pglite')('sada start on a fresh machine', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sada-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates the demo workspace, prints the admin password once, and serves the API', async () => {
    const first = await spawnSada({ SADA_DATA_DIR: dataDir, SADA_JOBS: 'true' });
    const password = /password:\s+(\S+)/.exec(first.output())?.[1];
    expect(password).toBeDefined();
    expect(first.output()).toContain('admin@demo.sada.local');
    const health = await fetch(`${first.url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const { client } = await signInOverHttp(first.url, {
      email: 'admin@demo.sada.local',
      password: password!,
      workspace: 'demo',
    });
    const cases = (await client.get('/api/cases?limit=100')).body.items;
    expect(cases.length).toBeGreaterThanOrEqual(10);
    expect(cases.some((item: any) => item.language === 'ar')).toBe(true);
    expect(cases.some((item: any) => item.language === 'en')).toBe(true);
    expect(
      (await client.get(`/api/cases?q=${encodeURIComponent('امتعه')}`)).body.items.length,
    ).toBeGreaterThan(0);
    // What follows the first answer is there to try: a refund to approve, an offer, a plan.
    const pending = (await client.get('/api/compensations/pending')).body.items;
    expect(pending).toMatchObject([{ type: 'service_credit', amount: 150, currency: 'SAR' }]);
    const broken = cases.find((item: any) => item.subject === 'المنتج وصل مكسور');
    const offers = (await client.get(`/api/cases/${broken.referenceNumber}/offers`)).body.items;
    expect(offers.map((offer: any) => offer.options.length)).toEqual([2]);
    const charged = cases.find((item: any) => item.subject === 'تم خصم المبلغ مرتين من بطاقتي');
    expect((await client.get(`/api/cases/${charged.referenceNumber}/plan`)).body.steps).toHaveLength(2);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await spawnSada({ SADA_DATA_DIR: dataDir, SADA_JOBS: 'true' });
    expect(second.output()).not.toContain('password:');
    const again = await signInOverHttp(second.url, {
      email: 'admin@demo.sada.local',
      password: password!,
      workspace: 'demo',
    });
    expect((await again.client.get('/api/cases?limit=100')).body.items).toHaveLength(cases.length);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 120_000);

  it('finishes the requests in flight on SIGTERM, then closes the database cleanly', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'sada-stop-'));
    try {
      await runSada(
        [
          'create-user',
          '--workspace',
          'stop',
          '--email',
          'a@stop.test',
          '--password',
          'a long password',
          '--role',
          'agent',
        ],
        {
          SADA_DATA_DIR: fresh,
        },
      );
      const sada = await spawnSada({ SADA_DATA_DIR: fresh, SADA_DEMO: 'false' });
      const { client } = await signInOverHttp(sada.url, {
        email: 'a@stop.test',
        password: 'a long password',
        workspace: 'stop',
      });
      const requests = Array.from({ length: 20 }, (_, index) =>
        client.post('/api/cases', { subject: `In flight ${index}` }),
      );
      const first = await Promise.race(requests);
      sada.child.kill('SIGTERM');
      const answers = await Promise.all(
        requests.map((request) =>
          request.catch((error: unknown) => ({ status: String((error as Error).cause ?? error) })),
        ),
      );
      expect(first.status).toBe(201);
      expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(201));
      expect(await sada.exited).toBe(0);
      await expect(fetch(`${sada.url}/api/health`)).rejects.toThrow();
      const database = await openDatabase({ kind: 'pglite', dataDir: fresh });
      const [row] = await database.query<{ total: number }>(
        'SELECT count(*)::int AS total FROM support_case',
      );
      await database.close();
      expect(row!.total).toBe(20);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 90_000);

  it('applies migrations on demand and says when there is nothing to do', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'sada-migrate-'));
    try {
      const first = await runSada(['migrate'], { SADA_DATA_DIR: fresh });
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('Applied: 0001_create_core_schema');
      const second = await runSada(['migrate'], { SADA_DATA_DIR: fresh });
      expect(second.stdout).toContain('The database is up to date.');
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 60_000);

  it('creates a user and its workspace from the command line', async () => {
    const env = { SADA_DATA_DIR: dataDir };
    const created = await runSada(
      [
        'create-user',
        '--workspace',
        'acme',
        '--email',
        'Lead@Acme.test',
        '--password',
        'a long password',
        '--role',
        'supervisor',
      ],
      env,
    );
    expect(created.stdout).toContain(
      'Created workspace acme (prefix ACM). Created supervisor lead@acme.test.',
    );
    const duplicate = await runSada(
      [
        'create-user',
        '--workspace',
        'acme',
        '--email',
        'lead@acme.test',
        '--password',
        'a long password',
        '--role',
        'agent',
      ],
      env,
    );
    expect(duplicate.code).not.toBe(0);
    expect(duplicate.stderr).toContain('already exists');
    const badRole = await runSada(
      [
        'create-user',
        '--workspace',
        'acme',
        '--email',
        'x@acme.test',
        '--password',
        'a long password',
        '--role',
        'boss',
      ],
      env,
    );
    expect(badRole.stderr).toContain('--role must be one of admin, supervisor, agent, analyst');
    const help = await runSada(['--help'], env);
    expect(help.stdout).toContain('create-user');
  }, 60_000);
});
