import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, createCase, signInOverHttp } from '../apps/server/test/harness.ts';
import {
  type ConsoleFixture,
  newContext,
  openCase,
  saveScreenshot,
  signIn,
  startConsole,
} from './harness.ts';

// The admin's SLA section: a policy written in the editor; the inbox and the case page then show
// each case's time left.
let fixture: ConsoleFixture;
let admin: ApiClient;

beforeAll(async () => {
  fixture = await startConsole();
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
});
afterAll(async () => {
  await fixture?.close();
});

test('an admin adds an SLA policy; the inbox row and the case page show the time left', async () => {
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/admin/sla');
  await page.getByRole('heading', { name: 'SLA policies', level: 2 }).waitFor();

  await page.getByRole('button', { name: 'Add a policy' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Urgent complaints');
  await dialog.getByLabel('Priorities').click({ force: true });
  await page.getByRole('option', { name: /P1/ }).click();
  await dialog.getByTestId('sla-target-first_response').fill('2');
  await dialog.getByLabel('Unit of First response').click();
  await page.getByRole('option', { name: 'hours' }).click();
  await dialog.getByTestId('sla-target-resolution').fill('480');
  await dialog.getByRole('button', { name: 'Add a policy' }).click();
  await page.getByTestId('sla-policies').getByText('Urgent complaints').waitFor();
  expect((await admin.get('/api/sla/policies')).body.items).toMatchObject([
    {
      name: 'Urgent complaints',
      conditions: { priorities: ['P1'] },
      targets: { firstResponse: 120, resolution: 480, nextResponse: null, update: null },
    },
  ]);
  await saveScreenshot(page, 'sla-policies-en');

  const urgent = await createCase(admin, { subject: 'Charged twice for one order', priority: 'P1' });
  const calm = await createCase(admin, { subject: 'A question about the warranty', priority: 'P4' });
  expect(urgent.sla.map((clock: { target: string }) => clock.target)).toEqual([
    'first_response',
    'resolution',
  ]);
  expect(calm.sla).toEqual([]);

  await page.goto('/inbox/open');
  const row = page.locator(`[data-case-row="${urgent.referenceNumber}"]`);
  await row.waitFor();
  // Created a moment ago with two hours to go: "1h 59m left" (or "2h left" within the first minute).
  await expect.poll(() => row.locator('[data-sla]').textContent()).toMatch(/^(1h 59m|2h) left$/);
  expect(await row.locator('[data-sla]').getAttribute('data-sla')).toBe('later');
  expect(await page.locator(`[data-case-row="${calm.referenceNumber}"] [data-sla]`).count()).toBe(0);

  await openCase(page, urgent.referenceNumber);
  const panel = page.getByTestId('sla-panel');
  await panel.waitFor();
  const first = panel.locator('[data-sla-target="first_response"]');
  expect(await first.getAttribute('data-sla-status')).toBe('running');
  expect(await first.textContent()).toMatch(/First response.*Running.*Due .*(1h 59m|2h) left/);
  expect(await panel.locator('[data-sla-target="resolution"]').textContent()).toMatch(/Resolution/);
  await saveScreenshot(page, 'sla-case-panel-en');
  await context.close();
});

test('in Arabic, the inbox row says the time left right to left', async () => {
  const policy = await admin.post('/api/sla/policies', {
    name: 'أولوية عالية',
    conditions: { priorities: ['P2'] },
    targets: { firstResponse: 120 },
  });
  expect(policy.status).toBe(201);
  const urgent = await createCase(admin, { subject: 'الطلب لم يصل', priority: 'P2' });
  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/inbox/open');
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  const badge = page.locator(`[data-case-row="${urgent.referenceNumber}"] [data-sla]`);
  await badge.waitFor();
  expect(await badge.textContent()).toMatch(/^متبقٍّ (1 س 59 د|2 س)$/);
  await context.close();
});
