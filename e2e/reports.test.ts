import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, createCase, signInOverHttp } from '../apps/server/test/harness.ts';
import { seriousAxeViolations } from './accessibility.ts';
import { type ConsoleFixture, newContext, saveScreenshot, signIn, startConsole } from './harness.ts';

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
