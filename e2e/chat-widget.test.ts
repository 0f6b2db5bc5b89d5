import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, signInOverHttp } from '../apps/server/test/harness.ts';
import { seriousAxeViolations } from './accessibility.ts';
import {
  type ConsoleFixture,
  newContext,
  openCase,
  saveScreenshot,
  signIn,
  startConsole,
} from './harness.ts';

// The live-chat widget on a company's page: a page of its own origin embeds /widget.js of the test
// server, as a customer's site would, with CSS that would wreck anything it reached.
let fixture: ConsoleFixture;
let admin: ApiClient;
let shop: { server: Server; url: string };

/** A shop page in English whose tag asks for the widget in Arabic; its CSS hits every element. */
function shopPage(widgetOrigin: string) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Demo shop</title>
<style>
  * { color: red !important; font-size: 40px; font-family: "Courier New", monospace !important; }
  button, input, textarea { background: yellow !important; border: 6px dashed blue !important; }
  div, section, form { padding: 30px !important; direction: ltr !important; }
  sada-chat { display: none; }
</style></head>
<body><h1>Demo shop</h1><p>Our products.</p>
<script src="${widgetOrigin}/widget.js" data-workspace="demo" data-lang="ar" async></script>
</body></html>`;
}

beforeAll(async () => {
  fixture = await startConsole();
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
  const config = await admin.get('/api/public/demo/chat/config');
  if (config.status !== 200) throw new Error(`chat config: ${config.status} ${JSON.stringify(config.body)}`);
  if (!config.body.isEnabled) {
    const enabled = await admin.patch('/api/channels/settings', { chat: { isEnabled: true } });
    if (enabled.status !== 200) throw new Error(`could not enable the chat: ${JSON.stringify(enabled.body)}`);
  }
  const html = shopPage(fixture.server.baseUrl);
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  shop = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
});
afterAll(async () => {
  await new Promise((resolve) => shop?.server.close(resolve));
  await fixture?.close();
});

/** A visitor of the shop, in a browser context of their own (their own localStorage). */
async function openShop(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await fixture.browser.newContext({
    locale: 'en-GB',
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await page.goto(shop.url);
  await page.getByRole('button', { name: 'تحدّث معنا' }).waitFor();
  return { context, page };
}

/** Styles inside the widget's shadow root (Playwright's CSS locators pierce it, evaluate does not). */
function widgetStyle(page: Page, selector: string) {
  return page.evaluate((inner) => {
    const element = document.querySelector('sada-chat')?.shadowRoot?.querySelector(inner);
    if (!element) throw new Error(`no ${inner} in the widget`);
    const style = getComputedStyle(element);
    return {
      color: style.color,
      fontSize: style.fontSize,
      fontFamily: style.fontFamily,
      background: style.backgroundColor,
      borderStyle: style.borderTopStyle,
      direction: style.direction,
    };
  }, selector);
}

const focusedInWidget = (page: Page) =>
  page.evaluate(() => document.querySelector('sada-chat')?.shadowRoot?.activeElement?.getAttribute('name'));

async function startChat(page: Page, customer: { name: string; email: string; message: string }) {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('اسمك').fill(customer.name);
  await dialog.getByLabel('البريد الإلكتروني').fill(customer.email);
  await dialog.getByLabel('الموضوع (اختياري)').fill('تأخر الطلب');
  await dialog.getByLabel('كيف نساعدك؟').fill(customer.message);
  await dialog.getByRole('button', { name: 'ابدأ المحادثة' }).click();
  await page.getByRole('log').getByText(customer.message).waitFor();
  const reference = page.locator('sada-chat .reference');
  await expect.poll(() => reference.textContent()).toMatch(/[A-Z]+-/);
  return ((await reference.textContent()) ?? '').replace(/[\u2066-\u2069]/g, '').replace(/^[^:]*:\s*/, '');
}

test('in Arabic the widget is right to left, untouched by the page’s CSS, and shows the server’s refusals by their fields', async () => {
  const { context, page } = await openShop();
  const config = (await admin.get('/api/public/demo/chat/config')).body;
  const bubble = page.getByRole('button', { name: 'تحدّث معنا' });
  expect(await bubble.getAttribute('aria-expanded')).toBe('false');
  await bubble.click();

  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: `المحادثة مع ${config.workspaceName}` }).waitFor();
  expect(await page.locator('sada-chat .root').getAttribute('dir')).toBe('rtl');
  expect(await focusedInWidget(page)).toBe('name');
  // The page's `*` rules and its `display: none` on the host reach neither the host nor the inside.
  const host = await page.evaluate(() => getComputedStyle(document.querySelector('sada-chat')!).display);
  expect(host).toBe('block');
  const label = await widgetStyle(page, 'label');
  expect(label.color).not.toBe('rgb(255, 0, 0)');
  expect(label.fontSize).not.toBe('40px');
  expect(label.fontFamily).not.toContain('Courier');
  expect(label.direction).toBe('rtl');
  const start = await widgetStyle(page, 'button[type="submit"]');
  expect(start.background).not.toBe('rgb(255, 255, 0)');
  expect(start.borderStyle).not.toBe('dashed');
  // The page's own text still gets its CSS: the isolation goes one way only.
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).color)).toBe(
    'rgb(255, 0, 0)',
  );

  const notice = page.locator('sada-chat .notice');
  expect(await notice.isVisible()).toBe(!config.isAgentAvailable);
  if (!config.isAgentAvailable) expect(await notice.textContent()).toContain('لا يوجد موظف متصل الآن');

  // The widget's own check passes this address; the server refuses it, in Arabic, beside the field.
  await dialog.getByLabel('اسمك').fill('نورة');
  await dialog.getByLabel('البريد الإلكتروني').fill('noura@example..com');
  await dialog.getByLabel('كيف نساعدك؟').fill('أريد تعديل عنوان التوصيل');
  await dialog.getByRole('button', { name: 'ابدأ المحادثة' }).click();
  const email = dialog.getByLabel('البريد الإلكتروني');
  await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
  const describedBy = await email.getAttribute('aria-describedby');
  await expect.poll(() => page.locator(`sada-chat #${describedBy}`).textContent()).not.toBe('');
  expect(await focusedInWidget(page)).toBe('email');
  expect(await page.evaluate(() => localStorage.getItem('sada-chat:demo'))).toBeNull();

  expect(await seriousAxeViolations(page, 'sada-chat')).toEqual([]);
  await saveScreenshot(page, 'chat-widget-prechat-ar');
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.isHidden()).toBe(true);
  expect(await bubble.getAttribute('aria-expanded')).toBe('false');
  await context.close();
});

test('a chat started in the widget reaches an agent, whose typing and reply the customer sees live, and survives a reload', async () => {
  const { context, page } = await openShop();
  // The host page's own API opens the panel (as a "Chat with us" link of the shop would).
  await page.evaluate(() => (window as { SadaChat?: { open(): void } }).SadaChat?.open());
  const message = 'طلبت سماعة من أسبوعين وما وصلت، متى توصل؟';
  const reference = await startChat(page, { name: 'خالد الشمري', email: 'khalid@example.com', message });
  expect(await page.evaluate(() => localStorage.getItem('sada-chat:demo'))).toBeTruthy();
  const log = page.getByRole('log');
  expect(await log.getAttribute('aria-live')).toBe('polite');

  // The agent finds the chat by its reference, with the customer's first message in the thread.
  const agentContext = await newContext(fixture, 'en');
  const agent = await agentContext.newPage();
  await signIn(agent, fixture.demo);
  await openCase(agent, reference);
  await expect.poll(() => agent.getByTestId('thread').textContent()).toContain(message);

  // The customer writes more; it reaches the agent once, though the widget hears it twice.
  const composer = page.getByRole('dialog').getByLabel('رسالتك');
  await composer.fill('رقم الطلب 88231');
  await composer.press('Enter');
  await expect.poll(() => agent.getByTestId('thread').textContent()).toContain('رقم الطلب 88231');
  await expect.poll(() => page.locator('sada-chat .message[data-from="customer"]').count()).toBe(2);

  // The agent types: the widget says so; then the reply arrives and the line goes.
  const reply = 'أهلًا خالد، شحنتك خرجت اليوم وتوصلك خلال يومين.';
  const body = agent.getByTestId('composer-body');
  await body.click();
  await body.pressSequentially('أهلًا خالد،');
  const typing = page.locator('sada-chat .typing');
  await expect.poll(() => typing.textContent()).toContain('يكتب الآن');
  await saveScreenshot(page, 'chat-widget-typing-ar');
  await body.fill(reply);
  await agent.getByTestId('composer-send').click();
  await log.getByText(reply).waitFor();
  // The acknowledgement (reference and what happens next) and the agent's reply, each once.
  expect(await page.locator('sada-chat .message[data-id][data-from="agent"]').count()).toBe(2);
  await expect.poll(() => typing.textContent()).toBe('');

  // A reload keeps the conversation and the open panel: the history comes back from the server.
  await page.reload();
  await page.getByRole('dialog').getByRole('log').getByText(reply).waitFor();
  const texts = await page.locator('sada-chat .message[data-id] .text').allTextContents();
  expect(texts).toEqual([message, expect.stringContaining(reference), 'رقم الطلب 88231', reply]);
  expect(await page.locator('sada-chat .reference').textContent()).toContain(reference);
  expect(await seriousAxeViolations(page, 'sada-chat')).toEqual([]);
  await saveScreenshot(page, 'chat-widget-reloaded-ar');

  // Closed, it stays closed across a reload.
  await page.getByRole('button', { name: 'إغلاق المحادثة' }).click();
  await page.reload();
  await page.getByRole('button', { name: 'تحدّث معنا' }).waitFor();
  expect(await page.getByRole('dialog').isHidden()).toBe(true);
  await agentContext.close();
  await context.close();
});
