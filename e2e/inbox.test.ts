import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createCase, createTestWorkspace, TEST_PASSWORD } from '../apps/server/test/harness.ts';
import { type ConsoleFixture, newContext, saveScreenshot, signIn, startConsole } from './harness.ts';

let fixture: ConsoleFixture;
beforeAll(async () => {
  fixture = await startConsole();
});
afterAll(async () => {
  await fixture?.close();
});

const row = (page: Page, text: string) => page.locator('[data-case-row]', { hasText: text });
const rowCount = (page: Page) => page.locator('[data-case-row]').count();
const viewCount = (page: Page, view: string) =>
  page.locator(`[data-view="${view}"] [data-testid="view-count"]`).textContent();

/** A workspace of its own for a test that changes cases, with its admin signed in over HTTP. */
async function ownWorkspace(cases: number) {
  const workspace = await createTestWorkspace(fixture.server, { referencePrefix: 'INB' });
  const created: { referenceNumber: string; subject: string }[] = [];
  for (let index = 1; index <= cases; index++) {
    created.push(await createCase(workspace.admin, { subject: `Case number ${index}`, priority: 'P3' }));
  }
  const credentials = {
    workspace: workspace.slug,
    email: `admin@${workspace.slug}.test`,
    password: TEST_PASSWORD,
  };
  return { ...workspace, created, credentials };
}

test('the demo cases appear with their customer, priority and status, and the view counters count them', async () => {
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.getByRole('link', { name: /^All open/ }).click();
  await page.waitForURL(/\/inbox\/open$/, { waitUntil: 'commit' });
  const crash = row(page, 'App crashes at checkout');
  await crash.waitFor();
  expect(await crash.textContent()).toContain('Daniel Okafor');
  expect(await crash.textContent()).toContain('P2 · High');
  await row(page, 'الأمتعة المفقودة في رحلة القاهرة').waitFor();
  expect(await row(page, 'الأمتعة المفقودة في رحلة القاهرة').textContent()).toContain('P1 · Urgent');
  // Resolved cases are not in "All open"; the counter says how many are.
  expect(await row(page, 'كيف أغير عنوان التوصيل؟').count()).toBe(0);
  await expect.poll(() => viewCount(page, 'open')).toBe(String(await rowCount(page)));
  await page.getByRole('link', { name: /^Resolved/ }).click();
  await row(page, 'كيف أغير عنوان التوصيل؟').waitFor();
  await page.getByRole('link', { name: /^All open/ }).click();
  await crash.waitFor();
  await saveScreenshot(page, 'inbox-en');
  await context.close();
});

test('a second browser sees a new case and a customer’s reply appear live, counters included', async () => {
  const workspace = await ownWorkspace(3);
  const pending = await createCase(workspace.admin, { subject: 'Waiting on the customer', priority: 'P2' });
  await workspace.admin.post(`/api/cases/${pending.referenceNumber}/transition`, { to: 'pending' });
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, workspace.credentials);
  await page.goto('/inbox/open');
  await row(page, 'Waiting on the customer').waitFor();
  await expect.poll(() => page.getByTestId('live-status').getAttribute('data-status')).toBe('open');
  await expect.poll(() => viewCount(page, 'open')).toBe('4');

  await createCase(workspace.admin, { subject: 'Arrived while you were looking', priority: 'P1' });
  await row(page, 'Arrived while you were looking').waitFor();
  await expect.poll(() => viewCount(page, 'open')).toBe('5');
  // The newest case is on top.
  expect(await page.locator('[data-case-row]').first().textContent()).toContain(
    'Arrived while you were looking',
  );

  // The customer answers the case that waited on them: it is open again, without a reload.
  const reply = await workspace.admin.post(`/api/cases/${pending.referenceNumber}/messages`, {
    type: 'inbound',
    body: 'Here is the photo you asked for.',
  });
  expect(reply.status).toBe(201);
  await expect.poll(() => row(page, 'Waiting on the customer').textContent()).toContain('Open');
  await expect.poll(() => viewCount(page, 'pending')).toBe('0');
  await context.close();
});

test('in Arabic the inbox is mirrored and labelled in Arabic', async () => {
  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/inbox/open');
  await row(page, 'App crashes at checkout').waitFor();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('كل المفتوحة');
  expect(await page.getByRole('link', { name: /^غير مُسندة/ }).count()).toBe(1);
  expect(await row(page, 'App crashes at checkout').textContent()).toContain('P2 · عالية');
  expect(await page.getByRole('list', { name: 'حالات كل المفتوحة' }).count()).toBe(1);
  await saveScreenshot(page, 'inbox-ar');
  await context.close();
});

test('j and k move through the cases, x selects, Enter opens, and / searches', async () => {
  const workspace = await ownWorkspace(5);
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, workspace.credentials);
  await page.goto('/inbox/open');
  await row(page, 'Case number 5').waitFor();
  const focusedRow = () =>
    page.evaluate(() => document.activeElement?.closest('[data-case-row]')?.getAttribute('data-case-row'));
  const [fifth, fourth] = [workspace.created[4]!, workspace.created[3]!];

  await page.keyboard.press('j');
  await expect.poll(focusedRow).toBe(fifth.referenceNumber);
  await page.keyboard.press('j');
  await expect.poll(focusedRow).toBe(fourth.referenceNumber);
  await page.keyboard.press('k');
  await expect.poll(focusedRow).toBe(fifth.referenceNumber);
  await page.keyboard.press('x');
  await page.getByTestId('bulk-bar').waitFor();
  expect(await page.getByTestId('bulk-bar').textContent()).toContain('Selected: 1');
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/cases/${fifth.referenceNumber}$`), { waitUntil: 'commit' });

  await page.goBack();
  await row(page, 'Case number 5').waitFor();
  await page.keyboard.press('/');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
    .toBe('inbox-search');
  await page.keyboard.type('"Case number 2"');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/inbox\/open\?q=/, { waitUntil: 'commit' });
  await expect.poll(() => rowCount(page)).toBe(1);
  expect(await page.locator('[data-case-row]').textContent()).toContain('Case number 2');
  await context.close();
});

test('filters narrow the list, and saving them adds a view with its own live counter', async () => {
  const workspace = await ownWorkspace(0);
  await createCase(workspace.admin, { subject: 'Urgent one', priority: 'P1' });
  await createCase(workspace.admin, { subject: 'Urgent two', priority: 'P1' });
  await createCase(workspace.admin, { subject: 'Routine', priority: 'P4' });
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, workspace.credentials);
  await page.goto('/inbox/open');
  await row(page, 'Routine').waitFor();

  await page.getByTestId('filters-button').click();
  await page.getByRole('dialog').getByLabel('Priority').focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: 'P1 · Urgent' }).click();
  await page.getByRole('button', { name: 'Show cases' }).click();
  await page.waitForURL(/priority=P1/, { waitUntil: 'commit' });
  await expect.poll(() => rowCount(page)).toBe(2);

  await page.getByRole('button', { name: 'Save as a view' }).click();
  await page.getByLabel('Name').fill('Urgent and open');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.waitForURL(/\/inbox\/[0-9a-f-]{36}$/, { waitUntil: 'commit' });
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Urgent and open');
  await expect.poll(() => rowCount(page)).toBe(2);
  const viewId = page.url().split('/').at(-1)!;
  await expect.poll(() => viewCount(page, viewId)).toBe('2');

  await createCase(workspace.admin, { subject: 'Urgent three', priority: 'P1' });
  await row(page, 'Urgent three').waitFor();
  await expect.poll(() => viewCount(page, viewId)).toBe('3');
  await context.close();
});

test('bulk: one status change for several cases reports the case that could not change', async () => {
  const workspace = await ownWorkspace(2);
  const waiting = await createCase(workspace.admin, { subject: 'Already waiting' });
  await workspace.admin.post(`/api/cases/${waiting.referenceNumber}/transition`, { to: 'pending' });
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, workspace.credentials);
  await page.goto('/inbox/open');
  await row(page, 'Already waiting').waitFor();

  await page.getByLabel(`Select case ${waiting.referenceNumber}`).check();
  await page.getByLabel(`Select case ${workspace.created[0]!.referenceNumber}`).check();
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'Status' }).click();
  await page.getByRole('menuitem', { name: 'Set the status to “Pending customer”' }).click();

  const alert = page.getByTestId('bulk-bar').getByRole('alert');
  await expect.poll(() => alert.textContent()).toContain('Not changed: 1 of 2');
  expect(await alert.textContent()).toContain(waiting.referenceNumber);
  expect(await alert.textContent()).toMatch(/already pending/);
  await expect.poll(() => row(page, 'Case number 1').textContent()).toContain('Pending customer');
  // The case that failed stays selected, ready for another try.
  expect(await page.getByLabel(`Select case ${waiting.referenceNumber}`).isChecked()).toBe(true);
  expect(await page.getByLabel(`Select case ${workspace.created[0]!.referenceNumber}`).isChecked()).toBe(
    false,
  );
  await context.close();
});

test('scrolled down, a new case waits behind a pill instead of moving the list; a case and back keeps the place', async () => {
  const workspace = await ownWorkspace(60);
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, workspace.credentials);
  await page.goto('/inbox/all');
  await row(page, 'Case number 60').waitFor();
  const list = page.getByTestId('case-list');
  await list.evaluate((element) => element.scrollTo({ top: 56 * 20 }));
  await row(page, 'Case number 40').waitFor();
  const topRow = () =>
    list.evaluate((element) => {
      const top = element.getBoundingClientRect().top;
      const rows = Array.from(element.querySelectorAll('[data-case-row]'));
      return rows
        .find((item) => item.getBoundingClientRect().bottom > top + 1)
        ?.getAttribute('data-case-row');
    });
  const before = await topRow();

  await expect.poll(() => page.getByTestId('live-status').getAttribute('data-status')).toBe('open');
  await createCase(workspace.admin, { subject: 'Came in while scrolled' });
  await expect.poll(() => page.getByTestId('new-cases-pill').textContent()).toContain('New cases: 1');
  expect(await topRow()).toBe(before);
  await page.getByTestId('new-cases-pill').click();
  await row(page, 'Came in while scrolled').waitFor();
  await expect.poll(() => list.evaluate((element) => element.scrollTop)).toBe(0);

  // Open a case from further down, come back: the same rows are on screen.
  await list.evaluate((element) => element.scrollTo({ top: 56 * 30 }));
  await row(page, 'Case number 25').waitFor();
  const placed = await topRow();
  await row(page, 'Case number 25').getByRole('link').click();
  await page.waitForURL(/\/cases\//, { waitUntil: 'commit' });
  await page.goBack();
  await row(page, 'Case number 25').waitFor();
  await expect.poll(topRow).toBe(placed);
  await context.close();
});

test('an analyst sees the cases but no selection for bulk changes', async () => {
  const workspace = await ownWorkspace(1);
  const analyst = await workspace.signIn('analyst');
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, { workspace: workspace.slug, email: analyst.email, password: TEST_PASSWORD });
  await page.goto('/inbox/open');
  await row(page, 'Case number 1').waitFor();
  expect(await page.getByRole('checkbox').count()).toBe(0);
  await context.close();
});
