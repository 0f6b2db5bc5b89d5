import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, signInOverHttp } from '../apps/server/test/harness.ts';
import { seriousAxeViolations } from './accessibility.ts';
import {
  type ConsoleFixture,
  newContext,
  saveScreenshot,
  signIn,
  startConsole,
  subscribeInPicker,
} from './harness.ts';

// An admin, in Arabic, subscribes to early warnings by e-mail on the analytics page, adds an
// outgoing webhook (its secret shown once) and sends it a test that a local receiver gets.
let fixture: ConsoleFixture;
let admin: ApiClient;
let receiver: Server;
const received: { signature: string; body: string }[] = [];

beforeAll(async () => {
  fixture = await startConsole();
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        signature: String(request.headers['x-sada-signature']),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await fixture?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

test('an admin subscribes by e-mail and adds a webhook, right to left, and sends it a test', async () => {
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sada`;
  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/analytics');
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

  const toggle = page.getByRole('switch', { name: 'أرسل لي الإنذارات المبكرة بالبريد' });
  await toggle.waitFor();
  expect(await toggle.isChecked()).toBe(false);
  await toggle.check();
  await expect
    .poll(async () => (await admin.get('/api/analytics/alert-subscriptions')).body.isSubscribed)
    .toBe(true);
  await page.getByText('ستصلك الإنذارات المبكرة بالبريد.').waitFor();

  // A plain-http address elsewhere than localhost is refused, saying to use https.
  const address = page.getByLabel(/^عنوان المستقبِل/);
  await address.fill('http://hooks.example.com/sada');
  await page.getByRole('button', { name: 'أضف خطافًا' }).click();
  await page.getByText(/استخدم https:\/\//).waitFor();

  await address.fill(url);
  await page.getByRole('button', { name: 'أضف خطافًا' }).click();
  const secret = (await page.getByTestId('alert-webhook-secret').textContent()) ?? '';
  expect(secret).toMatch(/^whsec_/);
  const row = page.getByTestId('alert-webhook').filter({ hasText: url });
  await row.waitFor();
  expect(await row.textContent()).toContain('لم يُرسل شيء بعد');
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);
  await saveScreenshot(page, 'alert-subscriptions-ar');

  await row.getByRole('button', { name: `أرسل اختبارًا إلى \u2066${url}\u2069` }).click();
  await page.getByText('وصل الاختبار: أجاب المستقبِل بـ 200.').waitFor();
  expect(received).toHaveLength(1);
  expect(JSON.parse(received[0]!.body)).toMatchObject({ type: 'analytics.test', workspace: 'demo' });

  const listed = (await admin.get('/api/analytics/alert-subscriptions')).body.items;
  expect(listed).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ kind: 'webhook', url, isEnabled: true }),
      expect.objectContaining({ kind: 'email', isEnabled: true }),
    ]),
  );
  // Switched off from the keyboard.
  await row.getByRole('switch').focus();
  await page.keyboard.press('Space');
  await expect
    .poll(async () =>
      (await admin.get('/api/analytics/alert-subscriptions')).body.items.some(
        (item: { kind: string; isEnabled: boolean }) => item.kind === 'webhook' && !item.isEnabled,
      ),
    )
    .toBe(true);
  await context.close();
});

const signatureOf = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

test("an admin replaces a webhook's secret after confirming, and the next test is signed with the new one", async () => {
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/rotated`;
  const added = await admin.post('/api/analytics/alert-subscriptions', { kind: 'webhook', url });
  expect(added.status).toBe(201);
  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/analytics');
  const row = page.getByTestId('alert-webhook').filter({ hasText: url });
  await row.getByRole('button', { name: `أنشئ سر توقيع جديدًا للخطاف \u2066${url}\u2069` }).click();

  // Asked first; cancelling keeps the old secret.
  const dialog = page.getByRole('dialog', { name: 'أتستبدل سر التوقيع؟' });
  await dialog.getByRole('button', { name: 'إلغاء' }).click();
  await dialog.waitFor({ state: 'detached' });
  expect(await page.getByTestId('alert-webhook-secret').count()).toBe(0);

  await row.getByRole('button', { name: /^أنشئ سر توقيع جديدًا/ }).click();
  await dialog.getByRole('button', { name: 'سر جديد' }).click();
  const secret = (await page.getByTestId('alert-webhook-secret').textContent()) ?? '';
  expect(secret).toMatch(/^whsec_/);
  expect(secret).not.toBe(added.body.secret);

  const before = received.length;
  await row.getByRole('button', { name: `أرسل اختبارًا إلى \u2066${url}\u2069` }).click();
  await page.getByText('وصل الاختبار: أجاب المستقبِل بـ 200.').waitFor();
  const sent = received[before]!;
  expect(sent.signature).toBe(signatureOf(secret, sent.body));
  expect(sent.signature).not.toBe(signatureOf(added.body.secret, sent.body));
  // Shown once: after a reload only the row is left.
  await page.reload();
  await row.waitFor();
  expect(await page.getByTestId('alert-webhook-secret').count()).toBe(0);
  await context.close();
});

test('an admin subscribes an analyst to early warnings and sees them listed', async () => {
  const analyst = await admin.post('/api/users', {
    email: 'huda.analyst@demo.sada.local',
    name: 'هدى المحللة',
    role: 'analyst',
    password: 'a long enough password',
  });
  expect(analyst.status).toBe(201);
  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/analytics');
  const section = page.getByRole('region', { name: 'من تصلهم الإنذارات المبكرة بالبريد' });
  await subscribeInPicker(page, section, 'هدى المحللة');

  const listed = section.getByTestId('alert-subscribers').getByRole('row').filter({ hasText: 'هدى المحللة' });
  await listed.waitFor();
  expect(await listed.textContent()).toContain('huda.analyst@demo.sada.local');
  await expect
    .poll(async () =>
      (await admin.get('/api/analytics/alert-subscriptions')).body.items.some(
        (item: { kind: string; isEnabled: boolean; user?: { id: string } }) =>
          item.kind === 'email' && item.isEnabled && item.user?.id === analyst.body.id,
      ),
    )
    .toBe(true);
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);

  // And unsubscribes them again.
  await listed.getByRole('button', { name: 'ألغِ اشتراك هدى المحللة' }).click();
  await listed.waitFor({ state: 'detached' });
  const after = (await admin.get('/api/analytics/alert-subscriptions')).body.items;
  expect(after.some((item: { user?: { id: string } }) => item.user?.id === analyst.body.id)).toBe(false);
  await context.close();
});
