import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, signInOverHttp } from '../apps/server/test/harness.ts';
import { seriousAxeViolations } from './accessibility.ts';
import { addUser, type ConsoleFixture, newContext, saveScreenshot, signIn, startConsole } from './harness.ts';

let fixture: ConsoleFixture;
let admin: ApiClient;

beforeAll(async () => {
  fixture = await startConsole();
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
});
afterAll(async () => {
  await fixture?.close();
});

/** Types at the cursor of a textarea, as a person would after clicking a variable. */
async function typeInto(page: Page, label: string, text: string) {
  await page.getByLabel(label, { exact: true }).pressSequentially(text);
}

test('an admin writes a bilingual reply template with variables, previews it, and it is saved', async () => {
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Reply templates' }).click();
  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByLabel(/^Name/).fill('Refund on its way');

  await page.getByLabel('Arabic version', { exact: true }).fill('أهلاً ');
  const arabicVariables = page.getByRole('group', { name: 'Variables to insert into the Arabic version' });
  await arabicVariables.getByRole('button', { name: "Insert Customer's first name" }).click();
  await typeInto(page, 'Arabic version', '، حوّلنا المبلغ. المرجع ');
  await arabicVariables.getByRole('button', { name: 'Insert Reference number' }).click();

  await page.getByLabel('English version', { exact: true }).fill('Hello ');
  const englishVariables = page.getByRole('group', { name: 'Variables to insert into the English version' });
  await englishVariables.getByRole('button', { name: "Insert Customer's first name" }).click();
  await typeInto(page, 'English version', ', your refund is on its way. {{customer.firstname}}');

  // A misspelt variable is flagged before saving; the preview fills the known ones with samples.
  const english = page.getByTestId('template-body-en');
  await english.getByRole('alert').getByText('{{customer.firstname}}').waitFor();
  await page
    .getByLabel('English version', { exact: true })
    .fill('Hello {{customer.first_name}}, your refund is on its way.');
  await english.getByRole('alert').waitFor({ state: 'detached' });
  expect(await page.getByTestId('template-preview-en').textContent()).toBe(
    'Hello Sarah, your refund is on its way.',
  );
  expect(await page.getByTestId('template-preview-ar').textContent()).toMatch(
    /^أهلاً عبد الله، حوّلنا المبلغ\. المرجع SAD-\d{4}-000042$/,
  );

  await page.getByRole('button', { name: 'Save template' }).click();
  await page.getByText('Template saved.').waitFor();
  const templates = await admin.get('/api/templates');
  const saved = templates.body.items.find((item: { name: string }) => item.name === 'Refund on its way');
  expect(saved).toMatchObject({
    bodyAr: 'أهلاً {{customer.first_name}}، حوّلنا المبلغ. المرجع {{case.reference}}',
    bodyEn: 'Hello {{customer.first_name}}, your refund is on its way.',
  });
  await page.getByRole('navigation', { name: 'Reply templates' }).getByText('Refund on its way').waitFor();
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, 'admin-templates-en');
  await context.close();

  const arabic = await newContext(fixture, 'ar');
  const arabicPage = await arabic.newPage();
  await signIn(arabicPage, fixture.demo);
  await arabicPage.goto(`/admin/templates?template=${saved.id}`);
  await arabicPage.getByTestId('template-preview-ar').waitFor();
  await arabicPage.getByRole('button', { name: 'إدراج الاسم الأول للعميل' }).first().waitFor();
  expect(await arabicPage.locator('html').getAttribute('dir')).toBe('rtl');
  expect(await seriousAxeViolations(arabicPage, '#main')).toEqual([]);
  await saveScreenshot(arabicPage, 'admin-templates-ar');
  await arabic.close();
});

test('an admin changes the workspace time zone; a zone that does not exist gets the server’s sentence', async () => {
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/admin/workspace');
  const timeZone = page.getByRole('combobox', { name: 'Time zone' });
  await timeZone.fill('Africa/Cairo');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Workspace settings saved.').waitFor();
  expect((await admin.get('/api/workspace')).body.timeZone).toBe('Africa/Cairo');

  await timeZone.fill('Mars/Olympus');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('alert').getByText('"Mars/Olympus" is not a time zone', { exact: false }).waitFor();
  expect((await admin.get('/api/workspace')).body.timeZone).toBe('Africa/Cairo');
  await context.close();

  // The same refusal, in Arabic for an Arabic reader.
  const arabic = await newContext(fixture, 'ar');
  const arabicPage = await arabic.newPage();
  await signIn(arabicPage, fixture.demo);
  await arabicPage.goto('/admin/workspace');
  await arabicPage.getByRole('combobox', { name: 'المنطقة الزمنية' }).fill('Mars/Olympus');
  await arabicPage.keyboard.press('Escape');
  await arabicPage.getByRole('button', { name: 'حفظ', exact: true }).click();
  await arabicPage.getByRole('alert').getByText('ليست منطقة زمنية', { exact: false }).waitFor();
  await arabic.close();
});

test('an agent sees no administration link, and /admin tells them their role does not allow it', async () => {
  const agent = await addUser(admin, 'agent', 'Yusuf Agent');
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, agent);
  await page.getByRole('link', { name: 'Customers' }).waitFor();
  expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
  await page.goto('/admin/users');
  await page.getByTestId('forbidden').getByText('Your role does not allow this page.').waitFor();
  expect(await page.getByRole('button', { name: 'Add a user' }).count()).toBe(0);
  await context.close();
});

test('a supervisor manages templates but only reads users and workspace settings', async () => {
  const supervisor = await addUser(admin, 'supervisor', 'Mariam Supervisor');
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, supervisor);
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.waitForURL('**/admin/templates');
  await page.getByRole('button', { name: 'New template' }).waitFor();
  await page.getByRole('link', { name: 'Users' }).click();
  await page.getByRole('cell', { name: 'admin@demo.sada.local' }).waitFor();
  expect(await page.getByRole('button', { name: 'Add a user' }).count()).toBe(0);
  expect(await page.getByTestId('read-only-note').textContent()).toContain('Only admins');
  await page.getByRole('link', { name: 'Workspace' }).click();
  const timeZone = page.getByRole('combobox', { name: 'Time zone' });
  await timeZone.waitFor();
  expect(await timeZone.getAttribute('readonly')).not.toBeNull();
  expect(await page.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);
  await context.close();
});

test('an admin adds a user with a role; deactivating themselves is refused with the server’s reason', async () => {
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/admin/users');
  await page.getByRole('button', { name: 'Add a user' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Huda Analyst');
  await dialog.getByLabel('E-mail').fill('huda@demo.sada.local');
  await dialog.getByLabel('Role', { exact: true }).click();
  await page.getByRole('option', { name: 'Analyst' }).click();
  await dialog.getByRole('textbox', { name: 'Password' }).fill('a-long-password');
  await dialog.getByRole('button', { name: 'Add a user' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('cell', { name: 'huda@demo.sada.local' }).waitFor();
  const users = await admin.get('/api/users');
  expect(users.body.find((user: { email: string }) => user.email === 'huda@demo.sada.local')?.role).toBe(
    'analyst',
  );

  await page.getByRole('button', { name: /^Edit مدير العرض/ }).click();
  await dialog.getByLabel('Can sign in').uncheck();
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await dialog
    .getByRole('alert')
    .getByText('You cannot demote or deactivate yourself', { exact: false })
    .waitFor();
  await context.close();
});

test('the admin pages are not in the initial download: the inbox loads without them, under 300 kB', async () => {
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  const scripts: { url: string; gzipped: number }[] = [];
  page.on('response', async (response) => {
    if (!response.url().endsWith('.js')) return;
    const body = await response.body().catch(() => undefined);
    if (body) scripts.push({ url: response.url(), gzipped: gzipSync(body).length });
  });
  await signIn(page, fixture.demo);
  await page.getByRole('link', { name: 'Administration' }).waitFor();
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((script) => script.url.includes('AdminPage'))).toEqual([]);
  const initialBytes = scripts.reduce((sum, script) => sum + script.gzipped, 0);
  console.info(`initial JavaScript on the inbox: ${(initialBytes / 1024).toFixed(1)} kB gzipped`);
  expect(initialBytes).toBeLessThan(300 * 1024);

  const adminChunk = page.waitForResponse((response) => /\/AdminPage-[^/]+\.js$/.test(response.url()));
  await page.getByRole('link', { name: 'Administration' }).click();
  await adminChunk;
  await page.getByRole('heading', { name: 'Users and roles' }).waitFor();
  await context.close();
});
