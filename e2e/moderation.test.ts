import { pageComment, type Simulator, startPlatformSimulator } from '@sada/channels/simulator';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, signInOverHttp, waitFor } from '../apps/server/test/harness.ts';
import { seriousAxeViolations } from './accessibility.ts';
import { type ConsoleFixture, newContext, saveScreenshot, signIn, startConsole } from './harness.ts';

// A supervisor works the moderation queue in Arabic: an insulting comment an agent marked is read,
// closed as "not a complaint" with a reason, and the decision shows in the item's history.
let simulator: Simulator;
let fixture: ConsoleFixture;
let admin: ApiClient;
const pageId = '104700000000913';

beforeAll(async () => {
  simulator = await startPlatformSimulator({});
  fixture = await startConsole({ platformUrl: simulator.url });
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
  const connected = await admin.post('/api/channels', {
    kind: 'facebook',
    name: 'Demo Page',
    credentials: { appSecret: simulator.secrets.appSecret, pageId, pageAccessToken: 'page-token' },
  });
  expect(connected.status).toBe(201);
});
afterAll(async () => {
  await fixture?.close();
  await simulator?.close();
});

test('a supervisor decides a queued comment from the moderation page in Arabic', async () => {
  const comment = pageComment({
    pageId,
    postId: '9101',
    from: { id: '6900001', name: 'Mutanammir' },
    message: 'يا حيوانات يا اغبياء',
  });
  expect(await simulator.deliver(`${fixture.server.baseUrl}/webhooks/meta`, comment)).toBe(200);
  const { referenceNumber } = await waitFor(async () => {
    const list = (await admin.get('/api/cases?channel=facebook')).body.items as {
      referenceNumber: string;
      customerName: string;
    }[];
    return list.find((item) => item.customerName === 'Mutanammir');
  });
  const detail = (await admin.get(`/api/cases/${referenceNumber}`)).body;
  const marked = await admin.post(
    `/api/cases/${referenceNumber}/messages/${detail.messages[0].id}/moderation/mark`,
    { label: 'abuse', reason: 'شتائم' },
  );
  expect(marked.status).toBe(200);

  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.getByTestId('moderation-count').waitFor();
  await page.getByRole('link', { name: /الإشراف/ }).click();
  await page.waitForURL(/\/moderation$/);
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  const item = page.getByTestId('moderation-item');
  await item.waitFor();
  // Folded by default; the words are there once opened.
  await item.getByRole('button', { name: 'أظهر النص' }).click();
  await expect
    .poll(() => item.getByTestId('moderation-text').textContent())
    .toContain('يا حيوانات يا اغبياء');
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);

  await item.getByRole('button', { name: 'ليست شكوى' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /السبب/ }).fill('شتائم بلا شكوى');
  await dialog.getByRole('button', { name: 'تأكيد' }).click();
  // It leaves the waiting list; under "All" it shows the decision, its reason and an Undo.
  await page.getByText('لا شيء هنا', { exact: false }).waitFor();
  await page.getByText('الكل', { exact: true }).click();
  const decided = page.locator('[data-testid="moderation-item"][data-status="not_complaint"]');
  await decided.waitFor();
  await decided.getByText('السجل').click();
  await expect.poll(() => decided.textContent()).toContain('شتائم بلا شكوى');
  expect(await decided.getByRole('button', { name: 'تراجع' }).isVisible()).toBe(true);
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);
  await saveScreenshot(page, 'moderation-queue-ar');
  expect((await admin.get(`/api/cases/${referenceNumber}`)).body.status).toBe('closed');
  await context.close();
});
