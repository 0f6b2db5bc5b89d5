import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, createCase, signInOverHttp } from '../apps/server/test/harness.ts';
import { seriousAxeViolations } from './accessibility.ts';
import {
  type ConsoleFixture,
  newContext,
  openCase,
  saveScreenshot,
  signIn,
  startConsole,
  textOf,
} from './harness.ts';

let fixture: ConsoleFixture;
let admin: ApiClient;
// A second agent with a known password, to see what a colleague sees.
const salma = {
  workspace: 'demo',
  email: 'salma@demo.sada.local',
  password: 'salma-password-1',
  name: 'Salma Nasser',
};
let salmaId: string;

beforeAll(async () => {
  fixture = await startConsole();
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
  const created = await admin.post('/api/users', {
    email: salma.email,
    name: salma.name,
    password: salma.password,
    role: 'agent',
  });
  if (created.status !== 201) throw new Error(`could not add Salma: ${JSON.stringify(created.body)}`);
  salmaId = created.body.id;
});
afterAll(async () => {
  await fixture?.close();
});

/** A complaint on X from an Arabic-speaking customer, as the tests' starting point. */
function createXCase(subject: string) {
  return createCase(admin, {
    subject,
    description: 'طلبت من التطبيق يوم الأحد وللحين ما وصلني شي.',
    channel: 'x',
    language: 'ar',
    customer: { name: 'خالد الشمري' },
  });
}

async function chooseMode(page: Page, label: string) {
  await page.getByTestId('composer-mode').locator('label', { hasText: label }).click();
}

test('a reply with a template is previewed filled in, sent once on a double click, and stored', async () => {
  const template = await admin.post('/api/templates', {
    name: 'Delay apology',
    bodyAr:
      'أهلاً {{customer.first_name}}، نعتذر عن تأخر طلبك. رقم المتابعة {{case.reference}}. معك {{agent.name}}.',
    bodyEn: 'Hello {{customer.first_name}}, sorry for the delay. Your reference is {{case.reference}}.',
  });
  expect(template.status).toBe(201);
  const created = await createXCase('Order late — template reply');
  const reference: string = created.referenceNumber;

  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await openCase(page, reference);
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe('Order late — template reply');

  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('combobox', { name: 'Template' }).click();
  await page.getByRole('option', { name: 'Delay apology' }).click();
  const preview = page.getByTestId('template-preview');
  // The case is in Arabic, so the Arabic text is chosen, filled with this case's values.
  await expect
    .poll(() => preview.textContent())
    .toContain(`أهلاً خالد، نعتذر عن تأخر طلبك. رقم المتابعة ${reference}`);
  await expect.poll(() => preview.textContent()).toContain('مدير العرض (Demo admin)');
  await page.getByRole('button', { name: 'Insert' }).click();
  const body = page.getByTestId('composer-body');
  await expect.poll(() => body.inputValue()).toContain(`رقم المتابعة ${reference}`);
  expect(await body.inputValue()).not.toContain('{{');

  await page.getByTestId('composer-send').dblclick();
  const thread = page.getByTestId('thread');
  await expect.poll(() => thread.textContent()).toContain(`رقم المتابعة ${reference}`);
  await expect.poll(() => body.inputValue()).toBe('');

  const stored = await admin.get(`/api/cases/${reference}`);
  const replies = stored.body.messages.filter((message: { body: string }) =>
    message.body.includes(`رقم المتابعة ${reference}`),
  );
  expect(replies).toHaveLength(1);
  expect(replies[0]).toMatchObject({ direction: 'outbound', visibility: 'public', channel: 'x' });
  expect(await page.evaluate((key) => localStorage.getItem(key), `sada.draft.${reference}`)).toBeNull();
  await context.close();
});

test('the composer counts against the channel limit and keeps a draft per case', async () => {
  const first = await createXCase('Counting on X');
  const second = await createXCase('Another case on X');
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await openCase(page, first.referenceNumber);

  const body = page.getByTestId('composer-body');
  const counter = page.getByTestId('length-counter');
  await body.fill('س'.repeat(281));
  await expect.poll(() => counter.textContent()).toContain('281 / 280');
  expect(await counter.getAttribute('data-too-long')).toBe('true');
  expect(await page.getByTestId('composer-send').isDisabled()).toBe(true);
  // A private reply on X is a direct message, which takes far more.
  await chooseMode(page, 'Private reply');
  await expect.poll(() => counter.textContent()).toContain('281 / 10,000');
  expect(await page.getByTestId('composer-send').isDisabled()).toBe(false);

  // The draft stays with its case: another case starts empty, coming back finds it again.
  await openCase(page, second.referenceNumber);
  await expect.poll(() => page.getByTestId('composer-body').inputValue()).toBe('');
  await openCase(page, first.referenceNumber);
  await expect.poll(() => page.getByTestId('composer-body').inputValue()).toBe('س'.repeat(281));
  expect(await page.getByTestId('composer-mode').locator('input:checked').getAttribute('value')).toBe(
    'private',
  );
  await context.close();
});

test('a note mentions a teammate, who is notified live; both see each other on the case', async () => {
  const created = await createXCase('Mention and collision');
  const reference: string = created.referenceNumber;
  const adminContext = await newContext(fixture, 'en');
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, fixture.demo);
  const salmaContext = await newContext(fixture, 'en');
  const salmaPage = await salmaContext.newPage();
  await signIn(salmaPage, salma);
  await expect
    .poll(() => salmaPage.getByTestId('notifications-bell').getAttribute('aria-label'))
    .toBe('Notifications');

  // Collision warning: each sees the other, and sees the other typing.
  await openCase(adminPage, reference);
  await openCase(salmaPage, reference);
  await expect
    .poll(() => textOf(adminPage.getByTestId('presence')))
    .toContain('Also viewing this case: Salma Nasser');
  await expect.poll(() => textOf(salmaPage.getByTestId('presence'))).toContain('مدير العرض (Demo admin)');

  await chooseMode(adminPage, 'Internal note');
  const body = adminPage.getByTestId('composer-body');
  await body.click();
  await body.pressSequentially('Please call the courier @Sal');
  await expect
    .poll(() => salmaPage.getByTestId('presence').textContent())
    .toContain('Typing on this case now');
  await adminPage.getByTestId('mention-suggestions').getByRole('option', { name: 'Salma Nasser' }).waitFor();
  await saveScreenshot(adminPage, 'case-note-mention-en');
  await saveScreenshot(salmaPage, 'case-collision-en');
  await body.press('Enter');
  await expect.poll(() => body.inputValue()).toBe('Please call the courier @Salma Nasser ');
  await expect.poll(() => textOf(adminPage.getByTestId('mentioned'))).toBe('Will notify: Salma Nasser');
  await body.pressSequentially('today.');
  await adminPage.getByTestId('composer-send').click();

  // The note is in both threads (live), marked as internal.
  const note = salmaPage.getByTestId('message').filter({ hasText: 'Please call the courier' });
  await expect.poll(() => note.getAttribute('data-kind')).toBe('note');
  // Salma's bell counts the mention, lists it, and opening it marks it read.
  await expect.poll(() => salmaPage.getByTestId('notifications-count').getAttribute('data-count')).toBe('1');
  await salmaPage.getByTestId('notifications-bell').click();
  const item = salmaPage.getByTestId('notification').first();
  await expect.poll(() => textOf(item)).toContain(`Demo admin) mentioned you in ${reference}`);
  await item.click();
  await expect.poll(() => salmaPage.getByTestId('notifications-count').getAttribute('data-count')).toBe('0');

  const mentionEvent = (await admin.get(`/api/cases/${reference}`)).body.timeline.find(
    (event: { type: string; changes: { mentions?: string[] } }) =>
      event.type === 'message.added' && event.changes.mentions,
  );
  expect(mentionEvent.changes.mentions).toEqual([salmaId]);

  // Leaving the case takes Salma off the admin's warning.
  await salmaPage.goto('/inbox/mine');
  await expect.poll(() => textOf(adminPage.getByTestId('presence'))).toBe('');
  await adminContext.close();
  await salmaContext.close();
});

test('fields, assignment and status change the case, and the timeline says who changed what', async () => {
  const created = await createXCase('Fields and status');
  const reference: string = created.referenceNumber;
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await openCase(page, reference);

  await page.getByTestId('field-priority').click();
  await page.getByRole('option', { name: 'P1 · Urgent' }).click();
  await page.getByRole('combobox', { name: 'Tags' }).fill('courier');
  await page.getByRole('combobox', { name: 'Tags' }).press('Enter');
  await page.getByRole('combobox', { name: 'Purchased through' }).click();
  await page.getByRole('option', { name: 'website' }).click();
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect.poll(async () => (await admin.get(`/api/cases/${reference}`)).body.priority).toBe('P1');
  const saved = (await admin.get(`/api/cases/${reference}`)).body;
  expect(saved.tags).toEqual(['courier']);
  expect(saved.customFields).toEqual({ purchase_channel: 'website' });

  await page.getByTestId('assign-agent').click();
  await page.getByRole('option', { name: salma.name }).click();
  await expect.poll(async () => (await admin.get(`/api/cases/${reference}`)).body.assigneeId).toBe(salmaId);

  // Only the moves the lifecycle allows are offered; "e" resolves.
  const status = page.getByTestId('case-status').first();
  await expect.poll(() => status.getAttribute('data-status')).toBe('new');
  expect(await page.getByRole('button', { name: 'Close', exact: true }).count()).toBe(0);
  // Keyboard: n writes a note, r a reply (physical keys, so an Arabic layout works too), e resolves.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('n');
  const body = page.getByTestId('composer-body');
  await expect.poll(() => body.evaluate((element) => element === document.activeElement)).toBe(true);
  expect(await page.getByTestId('composer-mode').locator('input:checked').getAttribute('value')).toBe('note');
  expect(await body.inputValue()).toBe('');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('r');
  await expect
    .poll(() => page.getByTestId('composer-mode').locator('input:checked').getAttribute('value'))
    .toBe('public');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('e');
  await expect.poll(() => status.getAttribute('data-status')).toBe('resolved');
  await page.getByRole('button', { name: 'Reopen' }).waitFor();

  await page.getByRole('tab', { name: 'Timeline' }).click();
  const timeline = page.getByTestId('timeline');
  await expect.poll(() => textOf(timeline)).toContain('Priority: P3 · Normal → changed to P1 · Urgent');
  expect(await textOf(timeline)).toContain('Purchased through: (empty) → changed to website');
  expect(await textOf(timeline)).toContain(`Agent: (empty) → changed to ${salma.name}`);
  expect(await textOf(timeline)).toContain('Status: New → changed to Resolved');
  expect(await textOf(timeline)).toContain('مدير العرض (Demo admin) changed the assignment');
  await saveScreenshot(page, 'case-timeline-en');
  await context.close();
});

test('the triage panel and the fields stay put while the side panels that load on their own arrive', async () => {
  const created = await createXCase('Nothing moves');
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  // Hold the problem line's, plan's and offers' data until the page has been looked at.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/api\/cases\/[^/]+\/(problem|plan|offers|compensations)$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/cases/${created.referenceNumber}`);
  const targets = [page.getByTestId('triage-panel'), page.getByTestId('field-category')];
  await targets[1]?.waitFor();
  const topOf = async () =>
    Promise.all(targets.map(async (target) => Math.round((await target.boundingBox())?.y ?? -1)));
  const before = await topOf();
  release();
  for (const panel of ['plan-panel', 'offers-panel']) {
    await page.locator(`[data-testid="${panel}"][aria-busy="false"]`).waitFor();
  }
  expect(await topOf()).toEqual(before);
  await context.close();
});

test('an unknown reference says so in words, with a way back', async () => {
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/cases/SAD-1999-999999');
  await expect
    .poll(() => page.getByText('There is no case SAD-1999-999999 in this workspace').count())
    .toBe(1);
  await page.getByRole('link', { name: 'Back to the inbox' }).waitFor();
  await context.close();
});

test('switching to Arabic mirrors the case page and speaks Arabic; no serious accessibility problem', async () => {
  const created = await createXCase('الطلب ما وصل لي من أسبوع');
  const reference: string = created.referenceNumber;
  await admin.post(`/api/cases/${reference}/messages`, {
    type: 'reply',
    visibility: 'public',
    body: 'أهلاً خالد، نعتذر عن التأخير. أرسلنا لك رسالة خاصة لمتابعة الطلب.',
  });
  await admin.post(`/api/cases/${reference}/messages`, {
    type: 'reply',
    visibility: 'private',
    body: 'Please send us your order number by DM.',
  });
  await admin.post(`/api/cases/${reference}/messages`, {
    type: 'note',
    body: 'شركة الشحن أكدت أن الشحنة في مستودع الرياض، التسليم غداً.',
  });
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await openCase(page, reference);
  await expect.poll(() => page.getByTestId('message').count()).toBe(4);
  const kinds = await page
    .getByTestId('message')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
  expect(kinds).toEqual(['inbound', 'public', 'private', 'note']);
  expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
  // The page (#main) and the bell this work adds to the header; the rest of the shell is not ours.
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);
  expect(await seriousAxeViolations(page, '[data-testid="notifications-count"]')).toEqual([]);
  await saveScreenshot(page, 'case-en');

  await page.getByTestId('user-menu').click();
  await page.getByText('العربية').click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  await expect.poll(() => page.getByRole('tab', { name: 'المحادثة' }).count()).toBe(1);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByTestId('composer-send').textContent()).toBe('إرسال الرد');
  await expect.poll(() => page.getByRole('heading', { name: 'التفاصيل' }).count()).toBe(1);
  await expect.poll(() => page.getByTestId('message').first().textContent()).toContain('الرسالة الأولى');
  expect(await page.getByTestId('message').nth(1).textContent()).toContain('رد علني');
  expect(await page.getByTestId('message').nth(3).textContent()).toContain('ملاحظة داخلية');
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);
  await saveScreenshot(page, 'case-ar');
  await context.close();
});
