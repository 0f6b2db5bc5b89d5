import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, createCase, signInOverHttp } from '../apps/server/test/harness.ts';
import { seriousAxeViolations } from './accessibility.ts';
import {
  type ConsoleFixture,
  newContext,
  openCase,
  saveScreenshot,
  signIn,
  startConsole,
} from './harness.ts';

// A supervisor turns an emerging issue into a problem, links a new similar case in one click, adds a
// corrective action and sees its effect charted, in Arabic; and makes a problem from inbox cases.
let fixture: ConsoleFixture;
let admin: ApiClient;

beforeAll(async () => {
  fixture = await startConsole();
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
});
afterAll(async () => {
  await fixture?.close();
});

test('a problem made from an emerging issue links its cases, takes a new similar one, an action and charts its effect', async () => {
  for (let index = 0; index < 6; index += 1) {
    await createCase(admin, { subject: `الطرد ضائع ولم يصل إلى العنوان ${index}`, description: '' });
  }
  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/analytics');
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

  const issue = page.getByTestId('emerging-issue').filter({ hasText: 'الطرد' });
  await issue.waitFor();
  await issue.getByRole('button', { name: /إنشاء مشكلة من هذه المسألة/ }).click();
  const dialog = page.getByRole('dialog', { name: 'إنشاء مشكلة' });
  await dialog.getByLabel('السبب الجذري').fill('شركة الشحن فقدت شحنات المستودع الشمالي');
  await dialog.getByRole('button', { name: 'إنشاء', exact: true }).click();
  await page.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
  const problemId = page.url().split('/').pop()!;
  await page.getByTestId('linked-cases').waitFor();
  const linked = (await admin.get(`/api/problems/${problemId}`)).body.linkedCases as number;
  expect(linked).toBeGreaterThanOrEqual(6);
  await expect.poll(() => page.getByTestId('linked-cases').locator('tbody tr').count()).toBe(linked);
  await page.getByText('شركة الشحن فقدت شحنات المستودع الشمالي').waitFor();

  // A new complaint of the same kind is suggested and linked in one click.
  const late = await createCase(admin, { subject: 'الطرد ضائع ولم يصل حتى الآن', description: '' });
  await page.reload();
  const suggested = page.getByTestId('suggested-cases');
  await suggested.waitFor();
  await suggested.getByRole('button', { name: `ربط ${late.referenceNumber}` }).click();
  await expect.poll(() => page.getByTestId('linked-cases').locator('tbody tr').count()).toBe(linked + 1);
  await page.getByTestId('linked-cases').getByRole('link', { name: late.referenceNumber }).waitFor();

  // A corrective action, done today: the chart marks its date.
  await page.getByRole('button', { name: 'إضافة إجراء' }).click();
  const actionDialog = page.getByRole('dialog', { name: 'إضافة إجراء تصحيحي' });
  await actionDialog.getByLabel(/^الإجراء/).fill('تغيير شركة الشحن');
  await actionDialog.getByRole('combobox', { name: 'الحالة' }).click();
  await page.getByRole('option', { name: 'منجز' }).click();
  await actionDialog.getByRole('button', { name: 'إضافة إجراء' }).click();
  await page.getByTestId('problem-actions').getByText('تغيير شركة الشحن').waitFor();
  const chart = page.getByTestId('effectiveness-chart');
  // The action's date: a vertical line (no width, so "attached" rather than "visible").
  await chart.locator('.recharts-reference-line line').waitFor({ state: 'attached' });
  await chart.locator('.recharts-bar-rectangle').first().waitFor();
  const report = (await admin.get(`/api/problems/${problemId}/effectiveness`)).body;
  expect(report.actionAt).not.toBeNull();
  // Every linked case was made in the week before the action.
  const lastWeekBefore = report.points.filter((point: { isAfter: boolean }) => !point.isAfter).at(-1);
  expect(lastWeekBefore.matching).toBeGreaterThanOrEqual(linked + 1);
  await page.getByTestId('effectiveness-before').waitFor();

  expect(await seriousAxeViolations(page, '#main')).toEqual([]);
  await saveScreenshot(page, 'problem-ar');

  // The case shows the problem it belongs to.
  await openCase(page, late.referenceNumber);
  await page.getByTestId('case-problem').getByRole('link').click();
  await page.waitForURL(new RegExp(`/problems/${problemId}$`));
  await context.close();
});

test('a problem made from cases selected in the inbox', async () => {
  const first = await createCase(admin, { subject: 'الفاتورة مكررة هذا الشهر', description: '' });
  const second = await createCase(admin, { subject: 'خصم المبلغ مرتين من البطاقة', description: '' });
  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/inbox/all');
  await page.getByLabel(`حدّد الحالة ${first.referenceNumber}`).check();
  await page.getByLabel(`حدّد الحالة ${second.referenceNumber}`).check();
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'إنشاء مشكلة' }).click();
  const dialog = page.getByRole('dialog', { name: 'إنشاء مشكلة' });
  await dialog.getByText('ستُربط حالتان.').waitFor();
  await dialog.getByLabel('العنوان').fill('خصم مكرر');
  await dialog.getByRole('button', { name: 'إنشاء', exact: true }).click();
  await page.waitForURL(/\/problems\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { name: 'خصم مكرر' }).waitFor();
  await expect.poll(() => page.getByTestId('linked-cases').locator('tbody tr').count()).toBe(2);

  // A note added elsewhere (here over the API) shows up without reloading the page.
  const problemId = page.url().split('/').pop()!;
  expect(
    (await admin.post(`/api/problems/${problemId}/notes`, { body: 'البنك أكد الخصم المكرر' })).status,
  ).toBe(201);
  await page.getByText('البنك أكد الخصم المكرر').waitFor();

  // The list names it; closing it (without telling the customers) marks it closed.
  await page.getByRole('button', { name: 'إغلاق المشكلة' }).click();
  await page
    .getByRole('dialog', { name: 'إغلاق المشكلة' })
    .getByRole('button', { name: 'تأكيد الإغلاق' })
    .click();
  await expect.poll(() => page.getByTestId('problem-status').textContent()).toBe('مغلقة');
  await page.getByRole('link', { name: 'المشكلات' }).first().click();
  await page.getByTestId('problem-list').getByRole('link', { name: 'خصم مكرر' }).waitFor();
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);
  await context.close();
});
