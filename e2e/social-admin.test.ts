import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, signInOverHttp } from '../apps/server/test/harness.ts';
import { seriousAxeViolations } from './accessibility.ts';
import { type ConsoleFixture, newContext, saveScreenshot, signIn, startConsole } from './harness.ts';

// Admin → Channels → Social accounts: connecting a Telegram bot, what to hand the platform back,
// a refused credential shown beside its field, the error log, and disconnecting, against /api/channels.
let fixture: ConsoleFixture;
let admin: ApiClient;

const BOT_TOKEN = '123456789:AAH-abcdefghijklmnopqrstu';

beforeAll(async () => {
  fixture = await startConsole();
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
});
afterAll(async () => {
  await fixture?.close();
});

test('an admin connects a Telegram bot, fixes a refused secret token beside its field, then copies the webhook URL', async () => {
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/admin/channels');
  const card = page.getByTestId('channels-social');
  await card.getByText('No social accounts are connected.').waitFor();
  await card.getByRole('button', { name: 'Connect an account' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: /^Platform/ }).click();
  await page.getByRole('option', { name: 'Telegram' }).click();
  await dialog.getByLabel(/^Name in Sada/).fill('Support bot');
  await dialog.getByLabel(/^Bot token/).fill(BOT_TOKEN);
  const secret = dialog.getByLabel(/^Secret token/);
  await secret.fill('not a valid secret!');
  await dialog.getByRole('button', { name: 'Connect an account' }).click();
  // The server's sentence sits under the field it names (body.credentials.secretToken).
  await dialog.getByText('1–256 letters, digits, _ and -', { exact: true }).waitFor();
  expect(await secret.getAttribute('aria-describedby')).toMatch(/error/);

  await secret.fill('e2e-secret');
  await dialog.getByRole('button', { name: 'Connect an account' }).click();
  const connected = dialog.getByTestId('social-connected');
  await connected.waitFor();
  const listed = await admin.get('/api/channels');
  expect(listed.status).toBe(200);
  const channel = listed.body.items.find((item: { name: string }) => item.name === 'Support bot');
  expect(channel.kind).toBe('telegram');
  expect(await connected.getByTestId('social-webhook-url').textContent()).toContain(channel.webhookUrl);
  await connected.getByRole('button', { name: 'Copy: Webhook URL' }).waitFor();
  await connected.getByText('setWebhook', { exact: false }).first().waitFor();
  expect(JSON.stringify(listed.body)).not.toContain(BOT_TOKEN);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Done' }).click();

  const account = card.getByTestId('social-account');
  await account.getByText('Support bot').waitFor();
  expect(await account.getByTestId('social-webhook-url').textContent()).toContain(channel.webhookUrl);

  // The error log: empty at first; a webhook with the wrong secret token is refused and shows there.
  const logButton = account.getByRole('button', { name: /^Error log of/ });
  await logButton.click();
  await account.getByTestId('channel-error-log-empty').getByText('No errors').waitFor();
  const spoofed = await fetch(`${fixture.server.baseUrl}/webhooks/telegram/${channel.id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'not-ours' },
    body: JSON.stringify({
      update_id: 1,
      message: { message_id: 1, date: 1, chat: { id: 5, type: 'private' } },
    }),
  });
  expect(spoofed.status).toBe(401);
  await logButton.click();
  await logButton.click();
  const entry = account.getByTestId('channel-error');
  await entry.getByText('Incoming webhook').waitFor();
  await entry.getByText(/signature does not match/).waitFor();
  expect(await entry.locator('time').getAttribute('title')).toBeTruthy();
  expect(await logButton.getAttribute('aria-expanded')).toBe('true');
  await page.mouse.move(0, 0);
  await saveScreenshot(page, 'social-admin-en');

  await account.getByRole('button', { name: /^Disconnect/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Disconnect', exact: true }).click();
  await page.getByText('Account disconnected.').waitFor();
  await context.close();
});

test('in Arabic, a connected Facebook Page shows its verify token beside the webhook URL, right to left', async () => {
  const created = await admin.post('/api/channels', {
    kind: 'facebook',
    name: 'صفحة الدعم',
    credentials: { appSecret: 'app-secret-1', pageId: '1029384756', pageAccessToken: 'page-token-1' },
    verifyToken: 'e2e-verify-token',
  });
  expect(created.status).toBe(201);
  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/admin/channels');
  const account = page.getByTestId('social-account').filter({ hasText: 'صفحة الدعم' });
  expect(await account.getByTestId('social-verify-token').textContent()).toContain('e2e-verify-token');
  expect(await account.getByTestId('social-webhook-url').textContent()).toContain(created.body.webhookUrl);
  await account.getByText('لوحة تطبيقات Meta', { exact: false }).waitFor();
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

  // A badly signed webhook for this Page lands in its error log, told in Arabic.
  const spoofed = await fetch(`${fixture.server.baseUrl}/webhooks/meta`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
    body: JSON.stringify({ object: 'page', entry: [{ id: '1029384756', time: 1, messaging: [] }] }),
  });
  expect(spoofed.status).toBe(401);
  await account.getByRole('button', { name: /^سجل أخطاء/ }).click();
  const entry = account.getByTestId('channel-error');
  await entry.getByText('webhook وارد').waitFor();
  await entry.getByText(/توقيعه لا يطابق/).waitFor();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await account.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'social-admin-ar');
  await context.close();
});
