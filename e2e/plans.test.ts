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

// The case page's resolution plan: a step added in the dialog, marked done, the progress shown; the
// same panel in Arabic, right to left.
let fixture: ConsoleFixture;
let admin: ApiClient;

beforeAll(async () => {
  fixture = await startConsole();
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
});
afterAll(async () => {
  await fixture?.close();
});

test('an agent adds a step, marks it done, and the plan shows its progress', async () => {
  const created = await createCase(admin, { subject: 'Charged twice for one order' });
  const reference = created.referenceNumber;
  const later = await admin.post(`/api/cases/${reference}/plan/steps`, { title: 'Check the card terminal' });
  expect(later.status).toBe(201);

  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await openCase(page, reference);
  const panel = page.getByTestId('plan-panel');
  await panel.getByText('Check the card terminal').waitFor();

  await panel.getByRole('button', { name: 'Add step' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Step' }).fill('Refund the double charge');
  await dialog.getByRole('switch', { name: 'The customer can see this step' }).check();
  await dialog
    .getByLabel('What to tell the customer when it is done')
    .fill('The money is back within 3 days.');
  await dialog.getByRole('button', { name: 'Add step' }).click();
  await panel.getByText('Refund the double charge').waitFor();
  await expect.poll(() => panel.getByTestId('plan-progress').textContent()).toBe('0 of 2 steps done');

  await panel.getByLabel('Status of “Refund the double charge”').click();
  await page.getByRole('option', { name: 'Done' }).click();
  await expect.poll(() => panel.getByTestId('plan-progress').textContent()).toBe('1 of 2 steps done');
  await panel
    .locator('[data-step-status="done"]')
    .getByText(/^Done /)
    .waitFor();

  const plan = (await admin.get(`/api/cases/${reference}/plan`)).body;
  expect(plan.steps.map((step: { title: string; status: string }) => [step.title, step.status])).toEqual([
    ['Check the card terminal', 'pending'],
    ['Refund the double charge', 'done'],
  ]);
  expect(await seriousAxeViolations(page, '[data-testid="plan-panel"]')).toEqual([]);
  await saveScreenshot(page, 'plan-panel-en');
  await context.close();
});

test('in Arabic, the plan reads right to left with its progress', async () => {
  const created = await createCase(admin, { subject: 'الجهاز لا يعمل' });
  const reference = created.referenceNumber;
  const added = await admin.post(`/api/cases/${reference}/plan/steps`, { title: 'استبدال الجهاز' });
  await admin.post(`/api/cases/${reference}/plan/steps`, { title: 'زيارة فني' });
  await admin.patch(`/api/cases/${reference}/plan/steps/${added.body.steps[0].id}`, { status: 'done' });

  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await openCase(page, reference);
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  const panel = page.getByTestId('plan-panel');
  await panel.getByRole('heading', { name: 'خطة الحل' }).waitFor();
  await expect.poll(() => panel.getByTestId('plan-progress').textContent()).toBe('أُنجزت 1 من 2 خطوات');
  await panel.getByText('زيارة فني').waitFor();
  expect(await seriousAxeViolations(page, '[data-testid="plan-panel"]')).toEqual([]);
  await saveScreenshot(page, 'plan-panel-ar');
  await context.close();
});
