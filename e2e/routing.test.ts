import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, createCase, signInOverHttp } from '../apps/server/test/harness.ts';
import { type ConsoleFixture, newContext, saveScreenshot, signIn, startConsole } from './harness.ts';

// The admin's Routing section: a rule written in the editor, tried on the latest cases, then saved.
let fixture: ConsoleFixture;
let admin: ApiClient;

beforeAll(async () => {
  fixture = await startConsole();
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
});
afterAll(async () => {
  await fixture?.close();
});

test('an admin writes a rule in Arabic, sees in the dry run the case it would move, and saves it', async () => {
  const team = await admin.post('/api/teams', { name: 'فريق الفواتير' });
  expect(team.status).toBe(201);
  const billing = await createCase(admin, {
    subject: 'الفاتوره مكررة',
    description: 'خصمتم مبلغ الفاتوره مرتين.',
  });

  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/admin/routing');
  await page.getByRole('heading', { name: 'التوجيه', level: 2 }).waitFor();
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

  await page.getByRole('button', { name: 'أضف قاعدة' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('الاسم').fill('شكاوى الفواتير');
  const keywords = dialog.getByLabel('كلمات أو عبارات', { exact: true });
  await keywords.fill('فاتورة');
  await keywords.press('Enter');
  await dialog.getByLabel('أرسلها إلى الفريق', { exact: true }).click();
  await page.getByRole('option', { name: 'فريق الفواتير' }).click();

  await dialog.getByRole('button', { name: 'جرّب القاعدة' }).click();
  const row = dialog.getByTestId('routing-dry-run-table').getByRole('row', { name: billing.referenceNumber });
  await row.waitFor();
  expect(await row.getAttribute('data-matched')).toBe('true');
  expect(await row.getByRole('cell').nth(3).textContent()).toContain('فريق الفواتير');
  await saveScreenshot(page, 'routing-dry-run-ar');

  // The dry run changed nothing; saving the rule lists it.
  expect((await admin.get(`/api/cases/${billing.referenceNumber}`)).body.teamId).toBeNull();
  await dialog.getByRole('button', { name: 'أضف قاعدة' }).click();
  await page.getByTestId('routing-rules').getByText('شكاوى الفواتير').waitFor();
  const rules = (await admin.get('/api/routing/rules')).body.items;
  expect(rules).toMatchObject([
    { name: 'شكاوى الفواتير', conditions: { keywords: ['فاتورة'] }, actions: { teamId: team.body.id } },
  ]);

  // A rule's summary reads in the reader's language, not in the stored codes.
  const written = await admin.post('/api/routing/rules', {
    name: 'تهديد قانوني بالبريد',
    conditions: { kinds: ['complaint'], channels: ['email'], signals: ['legal_threat'] },
    actions: { teamId: team.body.id, priority: 'P1' },
  });
  expect(written.status).toBe(201);
  await page.reload();
  const summary = page
    .getByTestId('routing-rules')
    .getByRole('listitem')
    .filter({ hasText: 'تهديد قانوني بالبريد' });
  await summary.getByText('شكوى', { exact: false }).first().waitFor();
  const text = await summary.textContent();
  expect(text).toContain('البريد الإلكتروني');
  expect(text).toContain('يهدد بإجراء قانوني');
  expect(text).not.toMatch(/complaint|email|legal_threat/);
  await context.close();
});
