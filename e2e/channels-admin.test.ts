import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, signInOverHttp } from '../apps/server/test/harness.ts';
import { seriousAxeViolations } from './accessibility.ts';
import { type ConsoleFixture, newContext, saveScreenshot, signIn, startConsole } from './harness.ts';

// The admin's Channels section: the complaint form, captcha, live chat, e-mail and its mailboxes,
// the acknowledgement, and the links to hand out, against /api/channels/*.
let fixture: ConsoleFixture;
let admin: ApiClient;

beforeAll(async () => {
  fixture = await startConsole();
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
});
afterAll(async () => {
  await fixture?.close();
});

test('an admin finds the links to hand out, built on the console’s own address and workspace', async () => {
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Channels' }).click();
  await page.getByRole('heading', { name: 'Links and snippets' }).waitFor();
  // The pointer still rests on the link just clicked; its hover colour is not what readers see.
  await page.mouse.move(0, 0);
  const origin = new URL(fixture.server.baseUrl).origin;
  expect(await page.getByTestId('channel-link-formUrl').textContent()).toContain(
    `${origin}/w/demo/complaint`,
  );
  expect(await page.getByTestId('channel-link-widget').textContent()).toContain(
    `<script src="${origin}/widget.js" data-workspace="demo" async></script>`,
  );
  await page.getByRole('button', { name: 'Copy: Case status page' }).waitFor();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await saveScreenshot(page, 'channels-admin-en');
  await context.close();
});

test('the complaint form refuses an origin with a path beside the field, then saves the corrected form', async () => {
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/admin/channels');
  const card = page.getByTestId('channels-form');
  await card.getByLabel('Title in English', { exact: true }).fill('Tell us what went wrong');
  await card
    .getByTestId('form-fields')
    .getByRole('row', { name: /Phone/ })
    .getByText('Required', { exact: true })
    .click();
  await card.getByRole('button', { name: 'Add a product' }).click();
  await card.getByLabel(/^Id/).fill('card-gold');
  await card.getByLabel(/^Arabic name/).fill('البطاقة الذهبية');
  await card.getByLabel(/^English name/).fill('Gold card');
  const origins = card.getByLabel('Websites allowed to embed the form and the chat');
  await origins.fill('https://shop.example.com/contact');
  await origins.press('Enter');
  await card.getByRole('button', { name: 'Save', exact: true }).click();
  await card.getByText('Write an origin such as https://shop.example.com (no path).').waitFor();

  // Backspace in the empty input takes the refused origin back off the list.
  await origins.press('Backspace');
  await origins.fill('https://shop.example.com');
  await origins.press('Enter');
  await card.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Channel settings saved.').waitFor();

  const saved = await admin.get('/api/channels/settings');
  expect(saved.status).toBe(200);
  expect(saved.body.form.title.en).toBe('Tell us what went wrong');
  expect(saved.body.form.fields.phone).toBe('required');
  expect(saved.body.form.products).toEqual([{ id: 'card-gold', ar: 'البطاقة الذهبية', en: 'Gold card' }]);
  expect(saved.body.form.embedOrigins).toEqual(['https://shop.example.com']);
  await context.close();
});

test('an admin adds an IMAP mailbox whose password is never shown again, and deletes it', async () => {
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/admin/channels');
  const card = page.getByTestId('channels-mailboxes');
  await card.getByRole('button', { name: 'Add a mailbox' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^IMAP server/).fill('imap.example.invalid');
  await dialog.getByLabel(/^User name/).fill('care@example.invalid');
  await dialog.getByLabel(/^Password/).fill('app-password-1');
  await dialog.getByRole('button', { name: 'Add a mailbox' }).click();
  await card
    .getByTestId('mailbox')
    .getByText('care@example.invalid · imap.example.invalid:993 (TLS)')
    .waitFor();

  const listed = await admin.get('/api/channels/mailboxes');
  expect(JSON.stringify(listed.body)).not.toContain('app-password-1');

  await card.getByRole('button', { name: /^Delete the mailbox/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await card.getByText('No mailboxes.').waitFor();
  await context.close();
});

test('a supervisor sees no Channels section, and its address tells them their role does not allow it', async () => {
  const credentials = {
    workspace: 'demo',
    email: 'huda.supervisor@demo.sada.local',
    password: 'supervisor-pass-1',
  };
  const created = await admin.post('/api/users', {
    name: 'Huda Supervisor',
    email: credentials.email,
    password: credentials.password,
    role: 'supervisor',
  });
  expect(created.status).toBe(201);
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, credentials);
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Reply templates' }).waitFor();
  expect(await page.getByRole('link', { name: 'Channels' }).count()).toBe(0);
  await page.goto('/admin/channels');
  await page.getByTestId('forbidden').waitFor();
  await context.close();
});
