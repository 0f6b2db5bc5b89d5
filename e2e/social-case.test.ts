import {
  messengerMessage,
  pageComment,
  type Simulator,
  startPlatformSimulator,
} from '@sada/channels/simulator';
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
