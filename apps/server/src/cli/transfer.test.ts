import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type Database, openDatabase } from '@sada/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiResponse,
  createCase,
  createTestWorkspace,
  signInOverHttp,
  startTestServer,
  TEST_PASSWORD,
  type TestServer,
  testDatabaseKind,
} from '../../test/harness.ts';
import { exportWorkspace, importFile } from './transfer.ts';

/** An empty, migrated database of the kind under test, and how to throw it away afterwards. */
async function openEmptyDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  if (testDatabaseKind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite' });
    return { database, drop: () => database.close() };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const name = `sada_import_${randomBytes(6).toString('hex')}`;
  const server = await openDatabase({ kind: 'postgres', url, poolSize: 1 }, { migrate: false });
  await server.query(`CREATE DATABASE ${name}`);
  const targetUrl = new URL(url);
  targetUrl.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: targetUrl.toString(), poolSize: 5 });
  return {
    database,
    async drop() {
      // A server started on this database has closed it already.
      await database.close().catch(() => {});
      await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await server.close();
    },
  };
}

async function withEmptyDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const { database, drop } = await openEmptyDatabase();
  try {
    return await work(database);
  } finally {
    await drop();
  }
}

function ok<T>(response: ApiResponse<T>): T {
  if (response.status >= 300) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

const workspaceCount = async (database: Database) =>
  (await database.query<{ total: number }>('SELECT count(*)::int AS total FROM workspace'))[0]!.total;

let directory: string;
let source: TestServer;
let exportFile: string;
let built: Awaited<ReturnType<typeof buildWorkspace>>;

/** A workspace with the variety a real one has, built through the HTTP API only. */
async function buildWorkspace(server: TestServer) {
  const workspace = await createTestWorkspace(server, { referencePrefix: 'MOVE' });
  const { admin } = workspace;
  const agent = await workspace.signIn('agent', { name: 'نورة' });
  const supervisor = await workspace.signIn('supervisor');
  ok(await admin.post('/api/me/tokens', { name: 'integration' }));
  const baggage = ok(
    await admin.post('/api/teams', { name: 'الأمتعة', memberIds: [agent.userId, workspace.adminId] }),
  );
  ok(await admin.post('/api/teams', { name: 'Refunds', memberIds: [supervisor.userId] }));
  ok(
    await admin.post('/api/fields', {
      key: 'flight_number',
      labelAr: 'رقم الرحلة',
      labelEn: 'Flight number',
      type: 'text',
    }),
  );
  ok(
    await admin.post('/api/fields', {
      key: 'cabin',
      labelAr: 'الدرجة',
      labelEn: 'Cabin',
      type: 'select',
      options: ['economy', 'business'],
      position: 1,
    }),
  );
  const sara = ok(
    await admin.post('/api/customers', {
      name: 'سارة العتيبي',
      email: 'sara@example.com',
      phone: '+966500000001',
      language: 'ar',
      tags: ['vip'],
      notes: 'تفضل التواصل عبر واتساب',
      identities: [
        { channel: 'whatsapp', externalId: '+966500000001' },
        { channel: 'x', externalId: '4411', handle: '@sara' },
      ],
    }),
  );
  const saraAgain = ok(
    await admin.post('/api/customers', {
      name: 'Sara O.',
      tags: ['instagram'],
      identities: [{ channel: 'instagram', externalId: 'sara.o', handle: 'sara.o' }],
    }),
  );
  const john = ok(await admin.post('/api/customers', { name: 'John Carter', email: 'john@example.com' }));

  const lost = await createCase(admin, {
    subject: 'الأمتعة المفقودة',
    description: 'لم تصل حقيبتي مع رحلة الرياض',
    channel: 'whatsapp',
    language: 'ar',
    priority: 'P2',
    teamId: baggage.id,
    tags: ['baggage'],
    customFields: { flight_number: 'SV1020', cabin: 'business' },
    customer: { id: saraAgain.id },
  });
  const at = (reference: string) => `/api/cases/${reference}`;
  ok(await admin.post(`${at(lost.referenceNumber)}/messages`, { type: 'inbound', body: 'أرجو التحديث' }));
  ok(await admin.post(`${at(lost.referenceNumber)}/assign`, { assigneeId: agent.userId }));
  ok(
    await agent.client.post(`${at(lost.referenceNumber)}/messages`, {
      type: 'reply',
      body: 'نعتذر، وجدنا الحقيبة وستصلك غدًا',
      attachments: [{ name: 'tag.pdf', contentType: 'application/pdf', size: 1200 }],
    }),
  );
  ok(
    await admin.post(`${at(lost.referenceNumber)}/messages`, { type: 'note', body: 'Checked with handling' }),
  );
  for (const to of ['pending', 'resolved', 'closed']) {
    ok(await agent.client.post(`${at(lost.referenceNumber)}/transition`, { to }));
  }

  const refund = await createCase(admin, {
    subject: 'Refund not received',
    description: 'The flight was cancelled three weeks ago.',
    channel: 'email',
    language: 'en',
    priority: 'P1',
    sentiment: 'negative',
    customer: { id: john.id },
  });
  ok(
    await admin.patch(at(refund.referenceNumber), {
      subject: 'Refund not received after cancellation',
      customFields: { flight_number: 'SV300' },
    }),
  );
  ok(
    await admin.post(`${at(refund.referenceNumber)}/messages`, {
      type: 'reply',
      body: 'We escalated your refund to our finance desk.',
    }),
  );
  ok(await admin.post(`${at(refund.referenceNumber)}/transition`, { to: 'resolved', reason: 'refunded' }));
  ok(await admin.post(`${at(refund.referenceNumber)}/transition`, { to: 'open' }));

  await createCase(admin, {
    subject: 'تأخر الرحلة',
    description: 'تأخرت أربع ساعات',
    customer: { id: sara.id },
  });
  await createCase(admin, { subject: 'Lost and found', description: '' });
  ok(await admin.post(`/api/customers/${sara.id}/merge`, { sourceId: saraAgain.id }));

  return {
    slug: workspace.slug,
    workspaceId: workspace.workspaceId,
    agentEmail: agent.email,
    lostReference: lost.referenceNumber as string,
    refundReference: refund.referenceNumber as string,
    customerIds: { sara: sara.id as string, john: john.id as string },
  };
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'sada-transfer-'));
  source = await startTestServer();
  built = await buildWorkspace(source);
  exportFile = join(directory, 'export.jsonl');
  await exportWorkspace({ database: source.database, slug: built.slug, out: exportFile });
});

afterAll(async () => {
  await source?.stop();
  if (directory) await rm(directory, { recursive: true, force: true });
});

async function exportedLines(file = exportFile): Promise<string[]> {
  return (await readFile(file, 'utf8')).split('\n').slice(0, -1);
}

describe('sada export', () => {
  it('writes a header, then the workspace in dependency order, with password hashes but no tokens or sessions', async () => {
    const lines = await exportedLines();
    expect(JSON.parse(lines[0]!)).toEqual({ type: 'sada-export', version: 1 });
    const records = lines.slice(1).map((line) => JSON.parse(line));
    const types = records.map((record) => record.type);
    expect([...new Set(types)]).toEqual([
      'workspace',
      'user',
      'team',
      'field-definition',
      'customer',
      'case-counter',
      'case',
      'audit-record',
    ]);
    expect(types.filter((type) => type === 'case')).toHaveLength(4);
    for (const user of records.filter((record) => record.type === 'user')) {
      expect(user.passwordHash).toMatch(/^scrypt\$/);
    }
    const merged = records.find((record) => record.type === 'customer' && record.name === 'Sara O.');
    expect(merged).toMatchObject({ mergedIntoId: built.customerIds.sara });
    const lost = records.find((record) => record.referenceNumber === built.lostReference);
    expect(lost).not.toHaveProperty('searchVector');
    expect(lost.messages.map((message: { direction: string }) => message.direction)).toEqual([
      'inbound',
      'outbound',
      'note',
    ]);
    expect(lost.events.map((event: { id: number }) => event.id)).toEqual(
      lost.events.map((event: { id: number }) => event.id).toSorted((a: number, b: number) => a - b),
    );

    const secrets = await source.database.query<{ hash: string }>(
      `SELECT token_hash AS hash FROM api_token WHERE workspace_id = $1
       UNION ALL SELECT token_hash FROM user_session WHERE workspace_id = $1`,
      [built.workspaceId],
    );
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    const text = lines.join('\n');
    for (const { hash } of secrets) expect(text).not.toContain(hash);
  });

  it('writes the same bytes twice for the same data', async () => {
    const again = join(directory, 'again.jsonl');
    await exportWorkspace({ database: source.database, slug: built.slug, out: again });
    expect(await readFile(again, 'utf8')).toBe(await readFile(exportFile, 'utf8'));
  });
});

describe('sada import', () => {
  it('round-trips exactly: export, import into an empty database, export again gives the same bytes', async () => {
    await withEmptyDatabase(async (database) => {
      // Tiny batches and pages cross every batch and keyset boundary the defaults (500) would hide.
      const summary = await importFile({ database, file: exportFile, batchSize: 2 });
      expect(summary).toMatchObject({ workspaces: 1, users: 3, teams: 2, fieldDefinitions: 2, cases: 4 });
      expect(summary).toMatchObject({ customers: 3, identities: 3, caseCounters: 1, auditRecords: 1 });
      const again = join(directory, `round-trip-${randomBytes(4).toString('hex')}.jsonl`);
      const exported = await exportWorkspace({ database, slug: built.slug, out: again, pageSize: 1 });
      expect(exported).toEqual(summary);
      expect(await readFile(again, 'utf8')).toBe(await readFile(exportFile, 'utf8'));
    });
  });

  it('lets people sign in with their old password and finds imported cases by full-text search', async () => {
    await withEmptyDatabase(async (database) => {
      await importFile({ database, file: exportFile });
      const server = await startTestServer({ database });
      try {
        const { client } = await signInOverHttp(server.baseUrl, {
          email: built.agentEmail,
          password: TEST_PASSWORD,
          workspace: built.slug,
        });
        const found = async (q: string) =>
          ok(await client.get(`/api/cases?q=${encodeURIComponent(q)}`)).items.map(
            (item: { referenceNumber: string }) => item.referenceNumber,
          );
        expect(await found('امتعه')).toEqual([built.lostReference]);
        // Words only a reply holds are indexed too: the vector is rebuilt from every message.
        expect(await found('finance')).toEqual([built.refundReference]);
      } finally {
        await server.stop();
      }
    });
  });

  it('hands out the next reference number and fresh timeline and audit ids after an import', async () => {
    await withEmptyDatabase(async (database) => {
      await importFile({ database, file: exportFile });
      const server = await startTestServer({ database });
      try {
        const { client } = await signInOverHttp(server.baseUrl, {
          email: `admin@${built.slug}.test`,
          password: TEST_PASSWORD,
          workspace: built.slug,
        });
        const created = await createCase(client, { subject: 'After the move' });
        // Four cases were opened this year before the move (a new year would start again at 1).
        const [prefix, year] = built.lostReference.split('-');
        expect([`${prefix}-${year}-000005`, `${prefix}-${Number(year) + 1}-000001`]).toContain(
          created.referenceNumber,
        );
        const lines = (await exportedLines()).map((line) => JSON.parse(line));
        const eventIds = lines.flatMap(
          (record) => record.events?.map((event: { id: number }) => event.id) ?? [],
        );
        const reply = ok(
          await client.post(`/api/cases/${built.refundReference}/messages`, { type: 'note', body: 'Moved.' }),
        );
        expect(reply.body).toBe('Moved.');
        const timeline = ok(await client.get(`/api/cases/${built.refundReference}`)).timeline;
        expect(timeline.at(-1).id).toBeGreaterThan(Math.max(...eventIds));
        ok(
          await client.post(`/api/customers/${built.customerIds.sara}/merge`, {
            sourceId: built.customerIds.john,
          }),
        );
      } finally {
        await server.stop();
      }
    });
  });

  it.each([
    ['is not JSON', () => '{"type":"user","id":'],
    ['breaks the schema', (line: string) => JSON.stringify({ ...JSON.parse(line), role: 'pilot' })],
  ])('refuses a file whose line 3 %s and writes nothing', async (_, corrupt) => {
    const lines = await exportedLines();
    lines[2] = corrupt(lines[2]!);
    const file = join(directory, `broken-${randomBytes(4).toString('hex')}.jsonl`);
    await writeFile(file, `${lines.join('\n')}\n`);
    await withEmptyDatabase(async (database) => {
      await expect(importFile({ database, file })).rejects.toThrow(/^line 3 /);
      expect(await workspaceCount(database)).toBe(0);
    });
  });

  it('names the lines the database refused and keeps nothing of the file', async () => {
    const lines = await exportedLines();
    const index = lines.findIndex((line) => line.includes(`"referenceNumber":"${built.refundReference}"`));
    lines[index] = JSON.stringify({
      ...JSON.parse(lines[index]!),
      teamId: '00000000-0000-4000-8000-000000000000',
    });
    const file = join(directory, `dangling-${randomBytes(4).toString('hex')}.jsonl`);
    await writeFile(file, `${lines.join('\n')}\n`);
    await withEmptyDatabase(async (database) => {
      await expect(importFile({ database, file })).rejects.toThrow(
        /^lines \d+–\d+ could not be imported: .*team/,
      );
      expect(await workspaceCount(database)).toBe(0);
    });
  });

  it('refuses to import a workspace whose slug already exists', async () => {
    await withEmptyDatabase(async (database) => {
      await importFile({ database, file: exportFile });
      await expect(importFile({ database, file: exportFile })).rejects.toThrow(
        `line 2: a workspace "${built.slug}" already exists in this database`,
      );
      expect(await workspaceCount(database)).toBe(1);
    });
  });
});

const execFileAsync = promisify(execFile);
const sadaBin = fileURLToPath(new URL('../../bin/sada.mjs', import.meta.url));

/** Runs the real `sada` command on an embedded database kept in `dataDir`. */
function sada(args: string[], dataDir: string) {
  const { DATABASE_URL: _, ...environment } = process.env;
  return execFileAsync(process.execPath, [sadaBin, ...args], {
    env: { ...environment, SADA_DATA_DIR: dataDir, SADA_DEMO: 'false', SADA_JOBS: 'false' },
    maxBuffer: 16 * 1024 * 1024,
  });
}

// The command line is the same on both databases (it uses its own embedded one), so it runs once.
describe.skipIf(testDatabaseKind === 'postgres')('sada export on the command line', () => {
  it('writes the workspace as JSON lines to standard output, ready to import', async () => {
    const dataDir = join(directory, 'cli-data');
    await sada(
      [
        'create-user',
        '--workspace',
        'cli-move',
        '--email',
        'ops@example.com',
        '--password',
        TEST_PASSWORD,
        '--role',
        'admin',
      ],
      dataDir,
    );
    const { stdout } = await sada(['export', '--workspace', 'cli-move'], dataDir);
    const lines = stdout.split('\n');
    expect(lines.at(-1)).toBe('');
    const records = lines.slice(0, -1).map((line) => JSON.parse(line));
    expect(records[0]).toEqual({ type: 'sada-export', version: 1 });
    expect(records.slice(1).map((record) => record.type)).toEqual(['workspace', 'user']);
    expect(records[2]).toMatchObject({ email: 'ops@example.com', role: 'admin' });

    const file = join(directory, 'cli.jsonl');
    await writeFile(file, stdout);
    await withEmptyDatabase(async (database) => {
      expect(await importFile({ database, file })).toMatchObject({ workspaces: 1, users: 1, cases: 0 });
    });
  }, 60_000);
});
