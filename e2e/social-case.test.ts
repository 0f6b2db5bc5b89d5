import {
  messengerMessage,
  pageComment,
  type Simulator,
  startPlatformSimulator,
  whatsappMessage,
} from '@sada/channels/simulator';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, signInOverHttp, waitFor } from '../apps/server/test/harness.ts';
import { seriousAxeViolations } from './accessibility.ts';
import { type ConsoleFixture, newContext, saveScreenshot, signIn, startConsole } from './harness.ts';

// An agent deals with a public Facebook complaint in the console: hides an insulting comment with a
// reason, and moves the complaint to private messages, which the customer accepts by writing there.
let simulator: Simulator;
let fixture: ConsoleFixture;
let admin: ApiClient;
const pageId = '104700000000777';

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

const deliver = (delivery: Parameters<Simulator['deliver']>[1]) =>
  simulator.deliver(`${fixture.server.baseUrl}/webhooks/meta`, delivery);

async function caseOf(customerName: string) {
  return waitFor(async () => {
    const list = (await admin.get('/api/cases?channel=facebook')).body.items as {
      referenceNumber: string;
      customerName: string;
    }[];
    return list.find((item) => item.customerName === customerName);
  });
}

test('an agent hides an insulting comment with a reason, and it stays in the thread', async () => {
  const comment = pageComment({
    pageId,
    postId: '3001',
    from: { id: '6100001', name: 'Troll' },
    message: 'You are all idiots',
  });
  expect(await deliver(comment)).toBe(200);
  const { referenceNumber } = await caseOf('Troll');
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto(`/cases/${referenceNumber}`);
  await page.getByTestId('thread').getByText('You are all idiots').waitFor();
  // A complaint is hidden only once it is in the moderation queue: the agent marks it first.
  await page.getByTestId('message-actions').first().click();
  await page.getByRole('menuitem', { name: 'Mark as abuse / spam' }).click();
  const marking = page.getByRole('dialog');
  await marking.getByRole('textbox', { name: 'Reason' }).fill('Insults the staff');
  await marking.getByRole('button', { name: 'Mark as abuse / spam' }).click();
  await page.getByText('Marked: the message is in the moderation queue.').waitFor();
  await marking.waitFor({ state: 'detached' });
  await page.getByTestId('message-actions').first().click();
  await page.getByRole('menuitem', { name: 'Hide on Facebook' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason').click();
  await page.getByRole('option', { name: 'Abuse or insults' }).click();
  await dialog.getByRole('button', { name: 'Hide on Facebook' }).click();
  await page.getByTestId('message-hidden').waitFor();
  expect(await page.getByTestId('message-hidden').textContent()).toContain('Abuse or insults');
  // Sent to the platform as a hide, never a delete; the words stay for the team.
  const [hide] = await simulator.waitForSent(1, { match: { pathIncludes: `/${comment.externalId}` } });
  expect(hide!.method).toBe('POST');
  expect(await page.getByTestId('thread').textContent()).toContain('You are all idiots');
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);
  await context.close();
});

test('Move to private invites the customer publicly, and their private answer shows as accepted', async () => {
  const author = { id: '6200001', name: 'Maha' };
  expect(
    await deliver(pageComment({ pageId, postId: '3002', from: author, message: 'طلبي رقم 5512 لم يصل' })),
  ).toBe(200);
  const { referenceNumber } = await caseOf('Maha');
  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto(`/cases/${referenceNumber}`);
  await page.getByTestId('thread').getByText('طلبي رقم 5512 لم يصل').waitFor();
  const move = page.getByTestId('private-move');
  await move.getByRole('button').first().click();
  await page.getByRole('dialog').getByRole('button').last().click();
  await expect.poll(() => move.textContent()).toContain('دُعي');
  // The customer answers in Messenger.
  expect(await deliver(messengerMessage({ pageId, psid: author.id, text: 'هذه بيانات الطلب' }))).toBe(200);
  await page.getByTestId('thread').getByText('هذه بيانات الطلب').waitFor({ timeout: 15_000 });
  await expect.poll(() => move.textContent(), { timeout: 15_000 }).toContain('تابع');
  await saveScreenshot(page, 'social-move-to-private-ar');
  await context.close();
});

test('after 24 hours on WhatsApp the composer says the window closed and sends an approved template', async () => {
  const phoneNumberId = '106540000000888';
  const connected = await admin.post('/api/channels', {
    kind: 'whatsapp',
    name: 'Support line',
    credentials: { appSecret: simulator.secrets.appSecret, phoneNumberId, accessToken: 'wa-token' },
  });
  expect(connected.status).toBe(201);
  expect(
    await deliver(
      whatsappMessage({ phoneNumberId, waId: '966522220002', name: 'Nasser', text: 'الفاتورة خطأ' }),
    ),
  ).toBe(200);
  const { referenceNumber } = await waitFor(async () => {
    const list = (await admin.get('/api/cases?channel=whatsapp')).body.items as {
      referenceNumber: string;
      customerName: string;
    }[];
    return list.find((item) => item.customerName === 'Nasser');
  });
  // The customer wrote two days ago.
  await fixture.server.database.orm.execute(
    sql`UPDATE message SET created_at = created_at - interval '2 days'
        WHERE case_id = (SELECT id FROM support_case WHERE reference_number = ${referenceNumber})`,
  );
  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto(`/cases/${referenceNumber}`);
  const notice = page.getByTestId('reply-window');
  await notice.waitFor();
  expect(await notice.textContent()).toContain('أُغلقت مهلة الرد على واتساب');
  await page.getByTestId('composer-body').fill('تم تصحيح الفاتورة');
  expect(await page.getByTestId('composer-send').isDisabled()).toBe(true);
  await notice.getByRole('button', { name: 'أرسل قالبًا معتمدًا' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('template-name').fill('invoice_fixed');
  await dialog.getByRole('button', { name: 'أضف متغيرًا' }).click();
  await dialog.getByLabel('المتغير 1', { exact: true }).fill(referenceNumber);
  const violations = await seriousAxeViolations(page, '[role="dialog"]');
  expect(violations, JSON.stringify(violations)).toEqual([]);
  await dialog.getByRole('button', { name: 'أرسل القالب' }).click();
  const [sent] = await simulator.waitForSent(1, { match: { pathIncludes: `/${phoneNumberId}/messages` } });
  expect(sent!.json).toMatchObject({
    to: '966522220002',
    type: 'template',
    template: { name: 'invoice_fixed', language: { code: 'ar' } },
  });
  await page.getByTestId('thread').getByText('invoice_fixed', { exact: false }).waitFor();
  await saveScreenshot(page, 'whatsapp-template-ar');
  await context.close();
});
