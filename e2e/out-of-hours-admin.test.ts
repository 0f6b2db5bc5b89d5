import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, signInOverHttp } from '../apps/server/test/harness.ts';
import { type ConsoleFixture, newContext, saveScreenshot, signIn, startConsole } from './harness.ts';

// The out-of-hours acknowledgement in Admin → Channels: one text for every channel, and a channel's own.
let fixture: ConsoleFixture;
let admin: ApiClient;

beforeAll(async () => {
  fixture = await startConsole();
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
});
afterAll(async () => {
  await fixture?.close();
});

test('an admin gives WhatsApp its own out-of-hours text, in Arabic, right to left', async () => {
  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/admin/channels');
  const card = page.getByTestId('channels-acknowledgement');
  const outOfHours = card.getByTestId('out-of-hours');
  await outOfHours.getByText('خارج ساعات العمل', { exact: true }).waitFor();
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

  await outOfHours.getByRole('combobox', { name: 'النص المرسل عبر' }).click();
  await page.getByRole('option', { name: 'واتساب', exact: true }).click();
  await outOfHours.getByLabel('لقناة واتساب نص خاص').check();
  await outOfHours
    .getByLabel('نص الرسالة بالإنجليزية')
    .fill('Got {{case.reference}}. We are back {{opens_at}}.');
  await card.getByRole('button', { name: 'حفظ', exact: true }).click();
  await page.getByText('حُفظت إعدادات القنوات.').waitFor();

  const saved = await admin.get('/api/channels/settings');
  expect(saved.body.outOfHours.byChannel.whatsapp.body.en).toBe(
    'Got {{case.reference}}. We are back {{opens_at}}.',
  );
  // The text for every channel stays as it was.
  expect(saved.body.outOfHours.body.en).toContain('{{hours}}');
  expect(Object.keys(saved.body.outOfHours.byChannel)).toEqual(['whatsapp']);
  await saveScreenshot(page, 'out-of-hours-admin-ar');
  await context.close();
});
