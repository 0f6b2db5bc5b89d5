import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, createCase, signInOverHttp } from '../apps/server/test/harness.ts';
import { seriousAxeViolations } from './accessibility.ts';
import { type ConsoleFixture, newContext, saveScreenshot, signIn, startConsole } from './harness.ts';

let fixture: ConsoleFixture;
let admin: ApiClient;
// ريم القحطاني of the demo data: two cases (WhatsApp, phone) and a WhatsApp identity.
let reem: { id: string; references: string[] };
const REEM_WHATSAPP = '966500000001';

beforeAll(async () => {
  fixture = await startConsole();
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
  const found = await admin.get(`/api/customers?q=${REEM_WHATSAPP}`);
  const id = found.body.items[0].id as string;
  const cases = await admin.get(`/api/cases?customer=${id}`);
  reem = {
    id,
    references: cases.body.items.map((item: { referenceNumber: string }) => item.referenceNumber),
  };
  if (reem.references.length !== 2) throw new Error(`the demo customer has ${reem.references.length} cases`);
});
afterAll(async () => {
  await fixture?.close();
});

test('the customer page shows a demo customer’s identities and cases, and keeps the notes written there', async () => {
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.getByRole('link', { name: 'Customers' }).click();
  await page.getByLabel('Search customers').fill(REEM_WHATSAPP);
  await page.getByRole('link', { name: 'ريم القحطاني' }).click();
  await page.waitForURL(`**/customers/${reem.id}`);

  const identities = page.getByRole('region', { name: 'On each channel' });
  await identities.getByText(REEM_WHATSAPP, { exact: true }).waitFor();
  expect(await identities.textContent()).toContain('WhatsApp');
  const cases = page.getByRole('region', { name: 'Cases' });
  for (const reference of reem.references) await cases.getByRole('link', { name: reference }).waitFor();

  await page.getByRole('button', { name: 'Add a note' }).click();
  await page.getByLabel('Notes about the customer').fill('Prefers WhatsApp; charged twice in March.');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Notes saved.').waitFor();
  const stored = await admin.get(`/api/customers/${reem.id}`);
  expect(stored.body.notes).toBe('Prefers WhatsApp; charged twice in March.');

  expect(await seriousAxeViolations(page, '#main')).toEqual([]);
  await saveScreenshot(page, 'customer-page-en');
  await context.close();
});

test('in Arabic the customer page is mirrored, in Arabic, and keeps addresses left to right', async () => {
  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto(`/customers/${reem.id}`);
  const identities = page.getByRole('region', { name: 'على كل قناة' });
  await identities.locator('bdi[dir="ltr"]', { hasText: REEM_WHATSAPP }).waitFor();
  expect(await identities.textContent()).toContain('واتساب');
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  const cases = page.getByRole('region', { name: 'الحالات' });
  for (const reference of reem.references) await cases.getByRole('link', { name: reference }).waitFor();
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);
  await saveScreenshot(page, 'customer-page-ar');
  await context.close();
});

test('the panel beside a case shows the customer’s identities and other cases, and opens the customer page', async () => {
  const [current, other] = reem.references as [string, string];
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto(`/cases/${current}`);
  const panel = page.getByTestId('customer-panel');
  await panel.getByText(REEM_WHATSAPP, { exact: true }).waitFor();
  const otherCases = panel.getByTestId('customer-cases');
  await otherCases.getByRole('link', { name: other }).waitFor();
  // The case on screen is not its own "other case".
  expect(await otherCases.textContent()).not.toContain(current);
  await panel.getByRole('link', { name: 'Open the customer page' }).click();
  await page.waitForURL(`**/customers/${reem.id}`);
  await context.close();
});

test('merging two customers moves the identities and cases, and the merged one leaves the list', async () => {
  const suffix = randomBytes(3).toString('hex');
  const whatsapp = `9665${Number.parseInt(suffix, 16).toString().padStart(8, '0')}`;
  const byEmail = await createCase(admin, {
    subject: 'Refund for order A-1',
    channel: 'email',
    customer: { name: 'Hala Mansour', email: `hala.${suffix}@example.com` },
  });
  const byWhatsapp = await createCase(admin, {
    subject: 'وين المبلغ؟',
    channel: 'whatsapp',
    customer: { name: `هالة ${suffix}`, identity: { channel: 'whatsapp', externalId: whatsapp } },
  });
  const targetId = byEmail.customerId as string;
  const sourceId = byWhatsapp.customerId as string;

  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto(`/customers/${targetId}`);
  await page.getByRole('button', { name: 'Merge a duplicate' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Find the other customer').fill(whatsapp);
  await dialog.getByRole('radio', { name: `هالة ${suffix}` }).check();
  const explanation = dialog.getByTestId('merge-explanation');
  await explanation.waitFor();
  const sentences = await explanation.textContent();
  expect(sentences).toContain('Their channel identity moves to');
  expect(sentences).toContain('Their case moves to');
  expect(sentences).toContain('is removed from the customer list');
  expect(sentences).toContain('An audit record keeps');
  await dialog.getByRole('button', { name: /^Merge .+ into / }).click();
  await dialog.waitFor({ state: 'detached' });

  // The page now shows the moved identity and both cases.
  await page.getByRole('region', { name: 'On each channel' }).getByText(whatsapp).waitFor();
  await page
    .getByRole('region', { name: 'Cases' })
    .getByRole('link', { name: byWhatsapp.referenceNumber })
    .waitFor();
  const cases = await admin.get(`/api/cases?customer=${targetId}`);
  expect(cases.body.items.map((item: { referenceNumber: string }) => item.referenceNumber).sort()).toEqual(
    [byEmail.referenceNumber, byWhatsapp.referenceNumber].sort(),
  );
  expect((await admin.get(`/api/customers/${sourceId}`)).body.mergedIntoId).toBe(targetId);

  // Searching for the merged customer's name finds nobody any more.
  await page.goto(`/customers?q=${encodeURIComponent(`هالة ${suffix}`)}`);
  await page.getByText(`No customer matches “هالة ${suffix}”.`).waitFor();
  await context.close();
});
