import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SmtpSink, startSmtpSink } from '@sada/channels/testing';
import { type Clock, parseCsv } from '@sada/core';
import { countReports, updateWorkspace } from '@sada/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  createCase,
  createTestWorkspace,
  startTestServer,
  storeTestReport,
  type TestServer,
} from './harness.ts';

// Cases are created and answered at chosen instants, so every figure below is computed by hand.
let now = new Date('2026-10-20T09:00:00Z');
const clock: Clock = { now: () => now };
const at = (iso: string) => {
  now = new Date(iso);
};

let sink: SmtpSink;
let server: TestServer;
const work = mkdtempSync(join(tmpdir(), 'sada-reports-'));

beforeAll(async () => {
  sink = await startSmtpSink();
  // A database of its own on PostgreSQL too: the scheduled run reads every workspace of it.
  server = await startTestServer({ clock, smtpRelay: `smtp://127.0.0.1:${sink.port}`, isolated: true });
});
afterAll(async () => {
  await server?.stop();
  await sink?.close();
  rmSync(work, { recursive: true, force: true });
});

// Riyadh is UTC+3: the week of Sunday 1 November 2026 runs from 31 Oct 21:00 to 7 Nov 21:00 UTC.
const WEEK = { from: '2026-11-01T00:00:00+03:00', to: '2026-11-08T00:00:00+03:00' };

/**
 * An Arabic workspace (the default language) with two teams and five cases:
 *   A  Sun 1 Nov   الفواتير  الفوترة  answered after 30 min, resolved after 2 h
 *   B  Mon 2 Nov   الفواتير  الفوترة  answered after 90 min, resolved after 4 h
 *   C  Mon 2 Nov   الشحن     التوصيل  answered after 60 min, still open
 *   D  Wed 4 Nov   no team   التوصيل  new
 *   E  Tue 27 Oct  الشحن     التوصيل  new (the week before)
 */
async function seedWorkspace() {
  at('2026-10-20T09:00:00Z');
  const workspace = await createTestWorkspace(server);
  // A token: a session would expire as the clock moves on by weeks.
  const { client: admin } = await workspace.withToken('admin');
  const billing = (await admin.post('/api/teams', { name: 'الفواتير' })).body.id as string;
  const shipping = (await admin.post('/api/teams', { name: 'الشحن' })).body.id as string;
  const open = async (iso: string, name: string, overrides: Record<string, unknown>) => {
    at(iso);
    const customer = { name, email: `${name}@example.com` };
    return (await createCase(admin, { channel: 'email', customer, ...overrides })).referenceNumber as string;
  };
  const step = async (iso: string, path: string, body: Record<string, unknown>) => {
    at(iso);
    const response = await admin.post(path, body);
    expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
  };
  await open('2026-10-27T08:00:00Z', 'e', { teamId: shipping, category: 'التوصيل' });
  const a = await open('2026-11-01T07:00:00Z', 'a', { teamId: billing, category: 'الفوترة' });
  await step('2026-11-01T07:30:00Z', `/api/cases/${a}/messages`, { type: 'reply', body: 'نعمل عليها' });
  await step('2026-11-01T09:00:00Z', `/api/cases/${a}/transition`, { to: 'resolved' });
  const b = await open('2026-11-02T07:00:00Z', 'b', { teamId: billing, category: 'الفوترة' });
  const c = await open('2026-11-02T08:00:00Z', 'c', { teamId: shipping, category: 'التوصيل' });
  await step('2026-11-02T08:30:00Z', `/api/cases/${b}/messages`, { type: 'reply', body: 'تم' });
  await step('2026-11-02T09:00:00Z', `/api/cases/${c}/messages`, { type: 'reply', body: 'نتابع' });
  await step('2026-11-02T11:00:00Z', `/api/cases/${b}/transition`, { to: 'resolved' });
  await open('2026-11-04T08:00:00Z', 'd', { category: 'التوصيل' });
  // A problem behind the billing cases, with a corrective action still to do.
  at('2026-11-05T08:00:00Z');
  const problem = await admin.post('/api/problems', { title: 'فواتير مكررة', references: [a, b] });
  expect(problem.status, JSON.stringify(problem.body)).toBe(201);
  await step('2026-11-05T08:10:00Z', `/api/problems/${problem.body.id}/actions`, {
    title: 'إصلاح مزامنة الفوترة',
    dueAt: '2026-11-20T00:00:00Z',
  });
  at('2026-11-10T01:00:00Z'); // Tuesday 10 November, 04:00 in Riyadh
  return { ...workspace, admin: (await workspace.signIn('admin')).client };
}

type CsvFigures = { value(section: string, item: string, measure: string): string | undefined };

function figuresOf(csv: string): CsvFigures & { rows: string[][] } {
  const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
  return {
    rows,
    value: (section, item, measure) =>
      rows.find((row) => row[0] === section && row[1] === item && row[2] === measure)?.[3],
  };
}

function writeFile(name: string, content: Buffer): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

async function download(client: ApiClient, path: string) {
  const response = await fetch(client.baseUrl + path, {
    headers: { cookie: client.cookie ?? '' },
  });
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

/** A page as grey pixels (pdftoppm's PGM), 80 dpi. */
function renderPage(pdfPath: string, page: number) {
  const prefix = join(work, `page-${page}-${Date.now()}`);
  execFileSync('pdftoppm', ['-gray', '-r', '80', '-f', String(page), '-l', String(page), pdfPath, prefix]);
  const pgm = readFileSync(
    execFileSync('sh', ['-c', `ls ${prefix}*.pgm`])
      .toString()
      .trim(),
  );
  const header = pgm.toString('latin1', 0, 32).match(/^P5\s+(\d+)\s+(\d+)\s+255\s/)!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  return {
    width,
    height,
    /** Dark pixels in a box given in PDF points (1/72 inch) from the top left. */
    darkIn(box: { left: number; top: number; right: number; bottom: number }) {
      const scale = 80 / 72;
      let dark = 0;
      for (let y = Math.round(box.top * scale); y < Math.round(box.bottom * scale); y += 1) {
        for (let x = Math.round(box.left * scale); x < Math.round(box.right * scale); x += 1) {
          if ((pixels[y * width + x] ?? 255) < 128) dark += 1;
        }
      }
      return dark;
    },
  };
}

/** What poppler reads on a page, without its direction marks and spaces (see the note below). */
function pageText(pdfPath: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdfPath, '-'])
    .toString()
    .replace(/[\u200e\u200f\u202a-\u202e\s]/g, '');
}

const pageCount = (pdfPath: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath]).toString())![1]);

describe('a report on demand', () => {
  it('gives figures in the CSV equal to the ones computed by hand, in Arabic', async () => {
    const workspace = await seedWorkspace();
    const { client: analyst } = await workspace.signIn('analyst');
    const created = await analyst.post('/api/reports', WEEK);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'on-demand',
      periodStart: '2026-10-31T21:00:00.000Z',
      periodEnd: '2026-11-07T21:00:00.000Z',
      timeZone: 'Asia/Riyadh',
      language: 'ar',
      pdfUrl: `/api/reports/${created.body.id}.pdf`,
    });

    const csv = await download(analyst, created.body.csvUrl);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="${workspace.slug}-on-demand-2026-11-01-2026-11-07.csv"`,
    );
    const { rows, value } = figuresOf(csv.body.toString('utf8'));
    expect(rows[0]).toEqual(['القسم', 'البند', 'المقياس', 'القيمة']);
    const figure = (measure: string) => value('الأرقام الرئيسية', '', measure);
    expect(figure('الحالات الواردة')).toBe('4');
    expect(figure('المحلولة')).toBe('2');
    expect(figure('ما زالت مفتوحة')).toBe('2');
    // First responses of 30, 90 and 60 minutes: the median 60, the 90th percentile 60 + 0.8 × 30.
    expect(figure('وسيط أول رد (دقائق)')).toBe('60');
    expect(figure('المئين 90 لأول رد (دقائق)')).toBe('84');
    // Resolutions after 2 and 4 hours.
    expect(figure('وسيط زمن الحل (ساعات)')).toBe('3');
    expect(value('الفترة السابقة', '', 'الحالات الواردة')).toBe('1');

    const days = rows.filter((row) => row[0] === 'الحالات الواردة').map((row) => [row[1], row[3]]);
    expect(days).toEqual([
      ['2026-11-01', '1'],
      ['2026-11-02', '2'],
      ['2026-11-03', '0'],
      ['2026-11-04', '1'],
      ['2026-11-05', '0'],
      ['2026-11-06', '0'],
      ['2026-11-07', '0'],
    ]);
    expect(value('التصنيفات', 'الفوترة', 'الحالات')).toBe('2');
    expect(value('التصنيفات', 'التوصيل', 'النسبة (%)')).toBe('50');

    const team = (name: string, measure: string) => value('الفرق', name, measure);
    expect(team('الفواتير', 'الحالات الواردة')).toBe('2');
    expect(team('الفواتير', 'المحلولة')).toBe('2');
    expect(team('الفواتير', 'وسيط أول رد (دقائق)')).toBe('60');
    expect(team('الفواتير', 'وسيط زمن الحل (ساعات)')).toBe('3');
    expect(team('الشحن', 'الحالات الواردة')).toBe('1');
    expect(team('الشحن', 'ما زالت مفتوحة')).toBe('1');
    expect(team('الشحن', 'وسيط أول رد (دقائق)')).toBe('60');
    expect(team('بلا فريق', 'الحالات الواردة')).toBe('1');
    expect(team('كل الفرق', 'الحالات الواردة')).toBe('4');
    // Open now (10 November): C (8 days old), D (6 days) and E (14 days).
    expect(value('المتراكم', 'كل الأعمار', 'الحالات')).toBe('3');
    expect(Number(value('المتراكم', 'من 3 إلى 7 أيام', 'جديدة'))).toBe(1);

    expect(value('الإجراءات التصحيحية', 'فواتير مكررة: إصلاح مزامنة الفوترة', 'الحالة')).toBe('للتنفيذ');

    const list = await analyst.get('/api/reports');
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
  });

  it('renders an A4 PDF checked page by page: header, page label and an Arabic title at the right edge', async () => {
    at('2026-10-20T09:00:00Z');
    const workspace = await createTestWorkspace(server);
    const { client: seeder } = await workspace.withToken('admin');
    // Forty teams with a case each: the handling table runs over onto more pages.
    for (let index = 1; index <= 40; index += 1) {
      const team = (await seeder.post('/api/teams', { name: `فريق الدعم ${index}` })).body.id;
      at(`2026-11-0${1 + (index % 7)}T10:${String(index).padStart(2, '0')}:00Z`);
      await createCase(seeder, { teamId: team, category: index % 2 ? 'الفوترة' : 'التوصيل' });
    }
    at('2026-11-10T01:00:00Z');
    const { client: admin } = await workspace.signIn('admin');
    const created = await admin.post('/api/reports', WEEK);
    expect(created.status).toBe(201);
    const pdf = await download(admin, created.body.pdfUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.pdf"$/);
    const path = writeFile('overflow.pdf', pdf.body);

    const pages = pageCount(path);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(created.body.pages).toBe(pages);
    expect(execFileSync('pdfinfo', [path]).toString()).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    let pagesWithTeams = 0;
    for (let page = 1; page <= pages; page += 1) {
      const image = renderPage(path, page);
      expect(
        image.darkIn({ left: 0, top: 100, right: 595, bottom: 800 }),
        `page ${page} is blank`,
      ).toBeGreaterThan(500);
      // The title line of the header band: drawn at the right edge, nothing on the left.
      const band = { top: 40, bottom: 62 };
      expect(
        image.darkIn({ ...band, left: 350, right: 556 }),
        `page ${page}: title on the right`,
      ).toBeGreaterThan(200);
      expect(image.darkIn({ ...band, left: 0, right: 250 }), `page ${page}: nothing on the left`).toBe(0);

      // poppler gives the Arabic in logical order, but with direction marks, a space wherever a
      // letter does not join the next, and a ligature's two letters (لأ) swapped: compare without
      // the marks and spaces, and only around the ligature.
      const text = pageText(path, page);
      expect(text).toContain(`صفحة${page}من${pages}`);
      expect(text).toContain('تقريرالشكاوى');
      expect(text).toContain(workspace.slug);
      if (/فريقالدعم\d/.test(text)) {
        pagesWithTeams += 1;
        // A table that continues on a page starts there with its header again.
        expect(text).toContain('وسيطأولرد');
      }
    }
    expect(pagesWithTeams).toBeGreaterThanOrEqual(2);
  }, 90_000);

  it('refuses ranges that end before they start, run past a year, or are missing, saying why', async () => {
    const workspace = await createTestWorkspace(server);
    const { client } = await workspace.withToken('supervisor');
    const backwards = await client.post('/api/reports', { from: WEEK.to, to: WEEK.from });
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.fields).toEqual([
      { path: 'body.to', message: 'The end of the period must come after its start.' },
    ]);
    const arabic = await client.post(
      '/api/reports',
      { from: WEEK.to, to: WEEK.from },
      { 'accept-language': 'ar' },
    );
    expect(arabic.body.error.fields[0].message).toBe('يجب أن تأتي نهاية الفترة بعد بدايتها.');
    const tooLong = await client.post('/api/reports', {
      from: '2025-01-01T00:00:00Z',
      to: '2026-01-03T00:00:00Z',
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.fields[0].message).toContain('at most 366 days');
    expect((await client.post('/api/reports', { from: WEEK.from })).status).toBe(422);
    expect((await client.post('/api/reports', { from: 'last week', to: WEEK.to })).status).toBe(422);
    expect((await client.post('/api/reports', { ...WEEK, kind: 'weekly' })).status).toBe(422);
  });

  it('keeps reports to their workspace and to the roles that read analytics', async () => {
    const workspace = await seedWorkspace();
    const created = await workspace.admin.post('/api/reports', WEEK);
    expect(created.status).toBe(201);

    const { client: agent } = await workspace.withToken('agent');
    expect((await agent.get('/api/reports')).status).toBe(403);
    expect((await agent.post('/api/reports', WEEK)).status).toBe(403);
    expect((await agent.get(`/api/reports/${created.body.id}.pdf`)).status).toBe(403);
    expect((await agent.get('/api/reports/subscription')).status).toBe(403);

    const other = await createTestWorkspace(server);
    for (const format of ['pdf', 'csv']) {
      const response = await other.admin.get(`/api/reports/${created.body.id}.${format}`);
      expect(response.status).toBe(404);
      expect(response.body.error.message).toBe('There is no such report in this workspace.');
    }
    expect((await other.admin.get('/api/reports')).body.items).toEqual([]);
    expect((await workspace.admin.get('/api/reports/not-a-report.pdf')).status).toBe(422);
  });
});

describe('weekly and monthly reports', () => {
  it('makes the last week’s report once, for the right week, and mails it to the subscribers with both files', async () => {
    const workspace = await seedWorkspace();
    const { client: analyst, email: analystEmail } = await workspace.signIn('analyst');
    const { client: supervisor, userId: supervisorId } = await workspace.signIn('supervisor');
    const { client: agent, userId: agentId } = await workspace.signIn('agent');

    expect((await analyst.get('/api/reports/subscription')).body).toEqual({ weekly: false, monthly: false });
    const subscribed = await analyst.request('PUT', '/api/reports/subscription', {
      weekly: true,
      monthly: false,
    });
    expect(subscribed.body).toEqual({ weekly: true, monthly: false });
    expect((await analyst.get('/api/reports/subscription')).body).toEqual({ weekly: true, monthly: false });
    // The supervisor subscribes to the monthly report only; an agent may not subscribe, nor be subscribed.
    await supervisor.request('PUT', '/api/reports/subscription', { weekly: false, monthly: true });
    expect(
      (await agent.request('PUT', '/api/reports/subscription', { weekly: true, monthly: false })).status,
    ).toBe(403);
    const forAgent = await workspace.admin.request('PUT', `/api/reports/subscription?userId=${agentId}`, {
      weekly: true,
      monthly: false,
    });
    expect(forAgent.status).toBe(422);
    expect(
      (
        await supervisor.request('PUT', `/api/reports/subscription?userId=${agentId}`, {
          weekly: true,
          monthly: false,
        })
      ).status,
    ).toBe(403);
    expect((await workspace.admin.get(`/api/reports/subscription?userId=${supervisorId}`)).body).toEqual({
      weekly: false,
      monthly: true,
    });

    // Tuesday 10 November in Riyadh: the week of Sunday 1 November and the month of October are over.
    // (The run reads every workspace of the database; this test looks at its own.)
    await server.services.reports.runSchedule();
    expect(await countReports(server.database.orm, workspace.workspaceId)).toBe(2);
    const reports = (await analyst.get('/api/reports')).body.items as Array<Record<string, string>>;
    const weekly = reports.find((report) => report.kind === 'weekly')!;
    const monthly = reports.find((report) => report.kind === 'monthly')!;
    expect(weekly).toMatchObject({
      periodStart: '2026-10-31T21:00:00.000Z',
      periodEnd: '2026-11-07T21:00:00.000Z',
      requestedBy: null,
    });
    expect(monthly).toMatchObject({
      periodStart: '2026-09-30T21:00:00.000Z',
      periodEnd: '2026-10-31T21:00:00.000Z',
    });

    await sink.waitFor(2);
    const mailTo = (address: string) => sink.messages.filter((mail) => mail.envelope.to.includes(address));
    const [weeklyMail] = mailTo(analystEmail);
    expect(mailTo(analystEmail)).toHaveLength(1);
    expect(weeklyMail!.mail.subject).toContain('تقرير الشكاوى الأسبوعي');
    expect(weeklyMail!.mail.subject).toContain('01/11/2026 – 07/11/2026');
    const attachments = weeklyMail!.mail.attachments;
    expect(attachments.map((file) => [file.name, file.contentType.split(';')[0]])).toEqual([
      [`${workspace.slug}-weekly-2026-11-01-2026-11-07.pdf`, 'application/pdf'],
      [`${workspace.slug}-weekly-2026-11-01-2026-11-07.csv`, 'text/csv'],
    ]);
    const storedPdf = await download(analyst, weekly.pdfUrl!);
    expect(attachments[0]!.content.equals(storedPdf.body)).toBe(true);
    // The weekly title, in logical order ("الأسبوعي" holds the lam-alef ligature poppler swaps).
    expect(pageText(writeFile('weekly.pdf', storedPdf.body), 1)).toMatch(/تقريرالشكاوى.*سبوعي/);
    const csv = attachments[1]!.content.toString('utf8');
    expect(figuresOf(csv).value('الأرقام الرئيسية', '', 'الحالات الواردة')).toBe('4');
    const supervisorMails = sink.messages.filter((mail) => mail.mail.subject.includes('الشهري'));
    expect(supervisorMails).toHaveLength(1);
    expect(supervisorMails[0]!.mail.attachments).toHaveLength(2);

    // Runs later in the week find both made and mailed: nothing more.
    at('2026-11-12T15:00:00Z');
    expect(await server.services.reports.runSchedule()).toEqual({ made: 0, mailed: 0 });
    expect(await countReports(server.database.orm, workspace.workspaceId, 'weekly')).toBe(1);
    expect(await countReports(server.database.orm, workspace.workspaceId, 'monthly')).toBe(1);
    expect(mailTo(analystEmail)).toHaveLength(1);
  }, 120_000);

  it('makes an English workspace’s report left to right once someone takes it, and none for a workspace with nothing to say', async () => {
    const workspace = await seedWorkspace();
    await updateWorkspace(server.database.orm, workspace.workspaceId, { defaultLanguage: 'en' });
    at('2026-10-20T09:00:00Z');
    const quiet = await createTestWorkspace(server);
    at('2026-11-10T01:00:00Z');
    // Nobody takes the weekly report yet: none is made on schedule.
    await server.services.reports.runSchedule();
    expect(await countReports(server.database.orm, workspace.workspaceId)).toBe(0);

    // A token, not the sign-in of 20 October: that session has expired by now.
    const { client: quietAdmin } = await quiet.withToken('admin');
    for (const admin of [workspace.admin, quietAdmin]) {
      const subscribed = await admin.request('PUT', '/api/reports/subscription', {
        weekly: true,
        monthly: false,
      });
      expect(subscribed.status).toBe(200);
    }
    await server.services.reports.runSchedule();
    expect(await countReports(server.database.orm, quiet.workspaceId)).toBe(0);

    const [weekly] = (await workspace.admin.get('/api/reports')).body.items.filter(
      (report: { kind: string }) => report.kind === 'weekly',
    );
    expect(weekly.language).toBe('en');
    const path = writeFile('english.pdf', (await download(workspace.admin, weekly.pdfUrl)).body);
    const image = renderPage(path, 1);
    const band = { top: 40, bottom: 62 };
    expect(image.darkIn({ ...band, left: 40, right: 250 })).toBeGreaterThan(200);
    expect(image.darkIn({ ...band, left: 345, right: 595 })).toBe(0);
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', path, '-']).toString();
    expect(text).toContain('Weekly complaints report');
    expect(text).toContain(`Page 1 of ${pageCount(path)}`);
    const csv = figuresOf((await download(workspace.admin, weekly.csvUrl)).body.toString('utf8'));
    expect(csv.value('Key figures', '', 'Median first response (minutes)')).toBe('60');
    expect(csv.value('Teams', 'الفواتير', 'Cases received')).toBe('2');
  }, 120_000);
});

describe('the report list', () => {
  it('lists 60 reports in two pages, newest first, without repeats or gaps', async () => {
    const workspace = await createTestWorkspace(server);
    const other = await createTestWorkspace(server);
    // Two reports made at each of 30 instants a day apart: the order holds within the same instant too.
    const made: { id: string; createdAt: number }[] = [];
    for (let day = 0; day < 30; day += 1) {
      const createdAt = new Date(Date.parse('2026-01-01T08:00:00Z') + day * 86_400_000);
      for (let twin = 0; twin < 2; twin += 1) {
        made.push({
          id: await storeTestReport(server.database, workspace.workspaceId, createdAt),
          createdAt: createdAt.getTime(),
        });
      }
      await storeTestReport(server.database, other.workspaceId, createdAt);
    }
    const newestFirst = made
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
      .map((report) => report.id);

    const first = await workspace.admin.get('/api/reports');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(50);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await workspace.admin.get(
      `/api/reports?cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(10);
    expect(second.body.nextCursor).toBeNull();
    const listed = [...first.body.items, ...second.body.items].map((report: { id: string }) => report.id);
    expect(listed).toEqual(newestFirst);
    const times = [...first.body.items, ...second.body.items].map((report: { createdAt: string }) =>
      Date.parse(report.createdAt),
    );
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // A page of exactly the rest ends the list on the next (empty) page.
    const byTwenty = await workspace.admin.get('/api/reports?limit=20');
    let cursor = byTwenty.body.nextCursor as string | null;
    const pages = [byTwenty.body.items];
    while (cursor) {
      const page = await workspace.admin.get(`/api/reports?limit=20&cursor=${encodeURIComponent(cursor)}`);
      pages.push(page.body.items);
      cursor = page.body.nextCursor;
    }
    expect(pages.map((page) => page.length)).toEqual([20, 20, 20, 0]);
    expect(pages.flat().map((report: { id: string }) => report.id)).toEqual(newestFirst);

    const forged = await workspace.admin.get('/api/reports?cursor=not-a-cursor', { 'accept-language': 'en' });
    expect(forged.status).toBe(400);
    expect(forged.body.error.message).toMatch(/cursor/);
  });
});

describe('report subscriptions of others', () => {
  it('lets admins see who takes which report, and subscribe or unsubscribe someone else', async () => {
    const workspace = await createTestWorkspace(server);
    const analyst = await workspace.signIn('analyst', { name: 'Huda Analyst' });
    const supervisor = await workspace.signIn('supervisor', { name: 'Sami Supervisor' });
    expect((await workspace.admin.get('/api/reports/subscribers')).body).toEqual({ items: [] });

    const forAnalyst = await workspace.admin.request(
      'PUT',
      `/api/reports/subscription?userId=${analyst.userId}`,
      { weekly: true, monthly: false },
    );
    expect(forAnalyst.body).toEqual({ weekly: true, monthly: false });
    await supervisor.client.request('PUT', '/api/reports/subscription', { weekly: false, monthly: true });
    expect((await workspace.admin.get('/api/reports/subscribers')).body.items).toEqual([
      {
        user: { id: analyst.userId, name: 'Huda Analyst', email: analyst.email },
        weekly: true,
        monthly: false,
      },
      {
        user: { id: supervisor.userId, name: 'Sami Supervisor', email: supervisor.email },
        weekly: false,
        monthly: true,
      },
    ]);
    // The analyst sees the admin's change as their own.
    expect((await analyst.client.get('/api/reports/subscription')).body).toEqual({
      weekly: true,
      monthly: false,
    });

    // Unsubscribed by the admin: off the list.
    await workspace.admin.request('PUT', `/api/reports/subscription?userId=${analyst.userId}`, {
      weekly: false,
      monthly: false,
    });
    const after = (await workspace.admin.get('/api/reports/subscribers')).body.items;
    expect(after.map((item: { user: { id: string } }) => item.user.id)).toEqual([supervisor.userId]);

    // Only admins read the list; another workspace's admin sees none of it.
    expect((await analyst.client.get('/api/reports/subscribers')).status).toBe(403);
    expect((await supervisor.client.get('/api/reports/subscribers')).status).toBe(403);
    const other = await createTestWorkspace(server);
    expect((await other.admin.get('/api/reports/subscribers')).body).toEqual({ items: [] });
  });
});
