import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, signInOverHttp } from '../apps/server/test/harness.ts';
import { seriousAxeViolations } from './accessibility.ts';
import { type ConsoleFixture, newContext, saveScreenshot, signIn, startConsole } from './harness.ts';

let fixture: ConsoleFixture;
let admin: ApiClient;
let photoPath: string;

// A real 1×1 PNG: the server judges a file's type by its content, not its name.
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

beforeAll(async () => {
  fixture = await startConsole();
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
  const folder = mkdtempSync(join(tmpdir(), 'sada-public-form-'));
  photoPath = join(folder, 'receipt.png');
  writeFileSync(photoPath, Buffer.from(PNG_BASE64, 'base64'));
});
afterAll(async () => {
  await fixture?.close();
});

/** A customer's browser: no sign-in, a locale, and JavaScript on or off. */
function customerContext(
  browser: Browser,
  o: { locale: string; javaScriptEnabled?: boolean },
): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: fixture.server.baseUrl,
    locale: o.locale,
    javaScriptEnabled: o.javaScriptEnabled ?? true,
    viewport: { width: 390, height: 844 },
  });
}

const uniqueEmail = (name: string) => `${name}-${randomBytes(4).toString('hex')}@example.com`;

/** Text as a person reads it: bidi marks dropped, spaces collapsed. */
async function textOf(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '')
    .replace(/[\u200e\u200f\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Opens the case in the console by searching its reference, as an agent would. */
async function findCaseInConsole(page: Page, reference: string) {
  await page.goto('/inbox/all');
  await page.getByTestId('inbox-search').fill(reference);
  await page.getByTestId('inbox-search').press('Enter');
  await page.waitForURL(/\?q=/, { waitUntil: 'commit' });
  const row = page.locator('[data-case-row]', { hasText: reference });
  await expect.poll(() => row.count()).toBe(1);
  await row.getByRole('link').first().click();
  await page.waitForURL(new RegExp(`/cases/${reference}$`), { waitUntil: 'commit' });
  await page.getByTestId('case-page').waitFor();
}

test('an Arabic customer sends the form with a photo, follows it on the status page, and the team sees it all', async () => {
  const email = uniqueEmail('sara');
  const customer = await customerContext(fixture.browser, { locale: 'ar-SA' });
  const page = await customer.newPage();
  await page.goto('/w/demo/complaint');
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  expect(await page.locator('html').getAttribute('lang')).toBe('ar');
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.getByLabel(/^الاسم/).fill('سارة العتيبي');
  await page.getByLabel(/^البريد الإلكتروني/).fill(email);
  await page
    .getByLabel(/^ما الذي حدث؟/)
    .fill('وصلني الطلب ناقصًا: الشاحن غير موجود في العلبة. أرفقت صورة الفاتورة.');
  await page.locator('#f-attachments').setInputFiles(photoPath);
  await saveScreenshot(page, 'public-form-ar');
  await page.getByRole('button', { name: 'إرسال الشكوى' }).click();

  // The page script swaps the form for the confirmation without leaving the page.
  await page.getByRole('heading', { name: 'استلمنا شكواك' }).waitFor();
  const reference = await textOf(page, '[data-slot="reference"]');
  expect(reference).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);
  expect(await textOf(page, '[data-slot="expected"]')).not.toBe('');
  expect(await page.locator('[data-slot="email"]').count()).toBe(1);
  expect(await page.locator('[data-slot="status"]').getAttribute('href')).toMatch(/^\/w\/demo\/status\?t=/);
  expect(new URL(page.url()).pathname).toBe('/w/demo/complaint');
  await saveScreenshot(page, 'public-form-confirmation-ar');

  // The team finds it by its reference, with the photo.
  const team = await newContext(fixture, 'en');
  const agent = await team.newPage();
  await signIn(agent, fixture.demo);
  await findCaseInConsole(agent, reference);
  const thread = agent.getByTestId('thread');
  await expect.poll(() => thread.textContent()).toContain('الشاحن غير موجود في العلبة');
  const stored = await admin.get(`/api/cases/${reference}`);
  expect(stored.body.channel).toBe('web_form');
  expect(stored.body.messages[0].attachments).toEqual([
    expect.objectContaining({ name: 'receipt.png', contentType: 'image/png' }),
  ]);

  // The customer looks the case up with the reference and the e-mail, and writes again.
  await page.goto('/w/demo/status');
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  await page.getByLabel(/^رقم المتابعة/).fill(reference);
  await page.getByLabel(/^البريد الإلكتروني أو رقم الجوال/).fill(email);
  await page.getByRole('button', { name: 'عرض شكواي' }).click();
  await page.waitForURL(/\/w\/demo\/status\?t=/);
  expect(await textOf(page, '.ref')).toBe(reference);
  expect(await textOf(page, '[data-status]')).toBe('مستلمة');
  await page.getByLabel(/^رسالتك/).fill('هل من جديد بخصوص الشاحن؟');
  await page.getByRole('button', { name: 'إرسال', exact: true }).click();
  await page.getByText('أُرسلت رسالتك.').waitFor();
  const own = page.locator('ol.updates li.customer', { hasText: 'هل من جديد بخصوص الشاحن؟' });
  await expect.poll(() => own.count()).toBe(1);
  expect(await seriousAxeViolations(page)).toEqual([]);
  // Long words (the signed link in the acknowledgement) wrap instead of widening the phone's page.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await saveScreenshot(page, 'public-status-ar');

  // …and the team sees that message in the case thread.
  await agent.reload();
  await agent.getByTestId('case-page').waitFor();
  await expect.poll(() => thread.textContent()).toContain('هل من جديد بخصوص الشاحن؟');
  await team.close();
  await customer.close();
});

test('a wrong e-mail gets the one neutral answer on the status page', async () => {
  const customer = await customerContext(fixture.browser, { locale: 'en-GB' });
  const page = await customer.newPage();
  await page.goto('/w/demo/status');
  expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
  await page.getByLabel(/^Reference number/).fill('SAD-2026-999999');
  await page.getByLabel(/^The e-mail or phone you gave/).fill('nobody@example.com');
  await page.getByRole('button', { name: 'Show my complaint' }).click();
  await page.getByText('We could not find a complaint with these details.').waitFor();
  await customer.close();
});

test('without JavaScript the form still sends and shows the confirmation page', async () => {
  const customer = await customerContext(fixture.browser, { locale: 'en-GB', javaScriptEnabled: false });
  const page = await customer.newPage();
  await page.goto('/w/demo/complaint?lang=en');
  expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
  await page.getByLabel(/^Your name/).fill('Omar Haddad');
  // The workspace needs an e-mail or a phone number to answer.
  await page.getByLabel(/^Phone number/).fill('+966 50 123 4567');
  await page.getByLabel(/^What happened\?/).fill('The parcel arrived open and one item is missing.');
  await page.getByRole('button', { name: 'Send complaint' }).click();
  await page.waitForURL('**/api/public/demo/complaints', { waitUntil: 'domcontentloaded' });
  await page.getByRole('heading', { name: 'We have received your complaint' }).waitFor();
  const reference = await textOf(page, '[data-slot="reference"]');
  expect(reference).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);
  // A phone number but no address, so no word of an e-mail.
  expect(await page.locator('[data-slot="email"]').count()).toBe(0);
  const stored = await admin.get(`/api/cases/${reference}`);
  expect(stored.status).toBe(200);
  expect(stored.body.messages[0].body).toContain('one item is missing');
  await saveScreenshot(page, 'public-form-confirmation-nojs-en');
  await customer.close();
});

test('the embed script puts the form in a frame on another site and sizes it to its content', async () => {
  // The shop is another origin on loopback (Chromium refuses a public page loading from loopback).
  const shop = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(
      `<!doctype html><html lang="en"><title>Shop</title><h1>Shop</h1><script src="${fixture.server.baseUrl}/embed.js" data-workspace="demo" data-lang="en" async></script><p>Footer</p></html>`,
    );
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  const { port } = shop.address() as AddressInfo;
  const host = await customerContext(fixture.browser, { locale: 'en-GB' });
  const page = await host.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  const frame = page.locator('iframe');
  await frame.waitFor();
  expect(await frame.getAttribute('title')).toBe('Complaint form');
  expect(await frame.getAttribute('src')).toBe(`${fixture.server.baseUrl}/w/demo/complaint?embed=1&lang=en`);
  // The frame reports its height and the shop's page takes it (it starts at 640px).
  await expect
    .poll(() => frame.evaluate((element) => (element as HTMLIFrameElement).style.height))
    .not.toBe('640px');
  const inner = page.frameLocator('iframe');
  await inner.getByRole('button', { name: 'Send complaint' }).waitFor();
  expect(await inner.locator('header').count()).toBe(0);
  await saveScreenshot(page, 'public-form-embedded-en');
  await host.close();
  await new Promise((resolve) => shop.close(resolve));
});
