import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, createCase, signInOverHttp, storeTestReport } from '../apps/server/test/harness.ts';
import { seriousAxeViolations } from './accessibility.ts';
import {
  type ConsoleFixture,
  newContext,
  saveScreenshot,
  signIn,
  startConsole,
  subscribeInPicker,
} from './harness.ts';

// An admin opens the reports page in Arabic, makes a report for a range, downloads its PDF and
// subscribes to the weekly report.
let fixture: ConsoleFixture;
let admin: ApiClient;
const work = mkdtempSync(join(tmpdir(), 'sada-e2e-reports-'));

beforeAll(async () => {
  fixture = await startConsole();
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
});
afterAll(async () => {
  await fixture?.close();
  rmSync(work, { recursive: true, force: true });
});

test('the reports page makes a report for a range, right to left, and its PDF downloads', async () => {
  await createCase(admin, { subject: 'تأخر توصيل الطلب', channel: 'phone', category: 'الشحن' });
  const { timeZone } = (await admin.get('/api/me')).body.user.workspace;
  const dayOf = (instant: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      instant,
    );
  const today = dayOf(Date.now());
  const weekAgo = dayOf(Date.now() - 6 * 86_400_000);

  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.getByRole('link', { name: 'التقارير' }).click();
  await page.waitForURL(/\/reports$/);
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  await page.getByRole('heading', { name: 'التقارير', level: 1 }).waitFor();

  await page.getByLabel('اليوم الأول').fill(weekAgo);
  await page.getByLabel('اليوم الأخير').fill(today);
  await page.getByRole('button', { name: 'أعدّ التقرير' }).click();
  await page.getByRole('status').filter({ hasText: 'التقرير جاهز' }).waitFor();

  const reports = (await admin.get('/api/reports')).body.items;
  expect(reports).toHaveLength(1);
  expect(reports[0]).toMatchObject({ kind: 'on-demand', language: 'ar' });
  const row = page.getByRole('row').filter({ hasText: 'عند الطلب' });
  await row.waitFor();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('link', { name: /تنزيل ملف PDF/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^demo-on-demand-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/);
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const pdf = Buffer.concat(chunks);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const path = join(work, 'report.pdf');
  writeFileSync(path, pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path]).toString())![1]);
  expect(pages).toBe(reports[0].pages);
  const firstPage = execFileSync('pdftotext', ['-f', '1', '-l', '1', path, '-'])
    .toString()
    .replace(/[\u200e\u200f\u202a-\u202e\s]/g, '');
  expect(firstPage).toContain('تقريرالشكاوى');
  expect(firstPage).toContain(`صفحة1من${pages}`);

  // The weekly report by e-mail: the switch saves at once.
  await page.getByRole('switch', { name: /التقرير الأسبوعي/ }).click({ force: true });
  await expect
    .poll(async () => (await admin.get('/api/reports/subscription')).body)
    .toEqual({ weekly: true, monthly: false });

  expect(await seriousAxeViolations(page, '#main')).toEqual([]);
  await saveScreenshot(page, 'reports-ar');
  await context.close();
});

test('the report list shows 50 reports, then the older ones on request, without repeats', async () => {
  const { id: workspaceId } = (await admin.get('/api/workspace')).body;
  const before = (await admin.get('/api/reports')).body.items.length as number;
  // 55 more, stored straight away (making each would take a second): a minute apart, in 2025.
  for (let index = 0; index < 55; index += 1) {
    await storeTestReport(
      fixture.server.database,
      workspaceId,
      new Date(Date.parse('2025-01-08T00:00:00Z') + index * 60_000),
    );
  }
  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/reports');
  const rows = page.getByRole('row').filter({ has: page.getByRole('link', { name: /تنزيل ملف PDF/ }) });
  await rows.first().waitFor();
  expect(await rows.count()).toBe(50);
  await page.getByRole('button', { name: 'اعرض التقارير الأقدم' }).click();
  await expect.poll(() => rows.count()).toBe(55 + before);
  expect(await page.getByRole('button', { name: 'اعرض التقارير الأقدم' }).count()).toBe(0);
  const links = await rows
    .getByRole('link', { name: /تنزيل ملف PDF/ })
    .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
  expect(new Set(links).size).toBe(links.length);
  await context.close();
});

test('an admin subscribes an analyst to the weekly report and sees them listed', async () => {
  const analyst = await admin.post('/api/users', {
    email: 'reem.analyst@demo.sada.local',
    name: 'ريم المحللة',
    role: 'analyst',
    password: 'a long enough password',
  });
  expect(analyst.status).toBe(201);
  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/reports');
  const section = page.getByRole('region', { name: 'من تصلهم التقارير بالبريد' });
  await subscribeInPicker(page, section, 'ريم المحللة');

  const listed = section
    .getByTestId('report-subscribers')
    .getByRole('row')
    .filter({ hasText: 'ريم المحللة' });
  await listed.waitFor();
  expect(await listed.getByRole('switch', { name: 'التقرير الأسبوعي لـ ريم المحللة' }).isChecked()).toBe(
    true,
  );
  expect(await listed.getByRole('switch', { name: 'التقرير الشهري لـ ريم المحللة' }).isChecked()).toBe(false);
  expect((await admin.get(`/api/reports/subscription?userId=${analyst.body.id}`)).body).toEqual({
    weekly: true,
    monthly: false,
  });
  const subscribers = (await admin.get('/api/reports/subscribers')).body.items;
  expect(subscribers).toContainEqual({
    user: { id: analyst.body.id, name: 'ريم المحللة', email: 'reem.analyst@demo.sada.local' },
    weekly: true,
    monthly: false,
  });
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);
  await saveScreenshot(page, 'report-subscribers-ar');

  // The monthly one too, from the list.
  await listed.getByRole('switch', { name: 'التقرير الشهري لـ ريم المحللة' }).click({ force: true });
  await expect
    .poll(async () => (await admin.get(`/api/reports/subscription?userId=${analyst.body.id}`)).body)
    .toEqual({ weekly: true, monthly: true });
  await context.close();
});
