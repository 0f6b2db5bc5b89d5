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
import { startLlmStub } from './llm-stub.ts';

let fixture: ConsoleFixture;
let admin: ApiClient;
const ADMIN_NAME = 'مدير العرض (Demo admin)';
// Background classification takes a moment, longer on a busy machine.
const TRIAGE_WAIT = { timeout: 30_000, interval: 100 };

beforeAll(async () => {
  fixture = await startConsole({ triage: true });
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
});
afterAll(async () => {
  await fixture?.close();
});

/** An angry Arabic e-mail: late order, third time, threatens a lawyer. Kind and priority are left to triage. */
function createAngryCase(subject: string, overrides: Record<string, unknown> = {}) {
  return createCase(admin, {
    subject,
    description:
      'للمرة الثالثة أشتكي وما أحد يرد! خدمتكم سيئة جداً وأنا زعلان. إذا ما رجعتوا فلوسي اليوم بكلم محامي وبشتكي عليكم في وزارة التجارة',
    channel: 'email',
    customer: { name: 'خالد الشمري' },
    ...overrides,
  });
}

/** Waits until the triage panel shows what the background worker made of the case (the live update). */
async function waitForTriage(page: Page) {
  await expect
    .poll(() => page.getByTestId('triage-panel').getAttribute('data-state'), TRIAGE_WAIT)
    .toBe('ready');
}

test('an angry Arabic complaint is read in the background: kind, the words of a signal and the reason for its priority', async () => {
  const created = await createAngryCase('طلبي متأخر أسبوعين');
  expect(created.triage).toBeNull();
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await openCase(page, created.referenceNumber);
  await waitForTriage(page);

  const kind = page.getByTestId('triage-kind');
  expect(await kind.getAttribute('data-value')).toBe('complaint');
  expect(await textOf(kind)).toMatch(/Complaint.*Set by triage \(\d+%\)/);
  const legal = page.locator('[data-testid="triage-signal"][data-type="legal_threat"]');
  expect(await textOf(legal)).toContain('Threatens legal action');
  // The customer's own words, quoted, with the ones that raised the signal marked.
  expect(await legal.locator('mark').allTextContents()).toEqual(
    expect.arrayContaining(['محامي', 'وبشتكي عليكم', 'وزارة التجارة']),
  );
  expect(await textOf(legal.locator('blockquote'))).toContain('بكلم محامي');
  expect(await page.getByTestId('triage-priority').getAttribute('data-level')).toBe('P1');
  expect(await textOf(page.getByTestId('triage-priority-reason'))).toContain('threatens legal action');
  expect(await textOf(page.getByTestId('triage-sentiment'))).toContain('Negative');
  expect(await textOf(page.getByTestId('triage-language'))).toContain('Arabic');

  // The case itself changed: the header shows the priority triage gave.
  const header = page.getByTestId('case-page').locator('header');
  await expect.poll(() => header.getByText('P1 · Urgent').count()).toBe(1);
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);
  await page.getByTestId('triage-signal').first().scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'triage-panel-en');
  await context.close();
});

test('correcting the category from the panel keeps it, marked as set by a person, and records the correction', async () => {
  const created = await createAngryCase('الطلب ما وصل ولا أحد يرد');
  const reference: string = created.referenceNumber;
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await openCase(page, reference);
  await waitForTriage(page);

  const category = page.getByTestId('triage-category');
  expect(await category.getAttribute('data-value')).not.toBe('billing_refunds');
  await page.getByRole('button', { name: 'Correct the category' }).click();
  await page.getByRole('menuitem', { name: 'Billing and refunds' }).click();
  await expect.poll(() => category.getAttribute('data-value')).toBe('billing_refunds');
  await expect.poll(() => textOf(category)).toContain(`Set by ${ADMIN_NAME}`);
  expect(await textOf(category.getByTestId('triage-value'))).toBe('Billing and refunds');
  // What triage read stays visible beside the person's value.
  expect(await textOf(category)).toMatch(/Triage read: .+ \(\d+%\)/);

  const stored = (await admin.get(`/api/cases/${reference}`)).body;
  expect(stored.category).toBe('billing_refunds');
  expect(stored.triage.lockedFields).toContain('category');
  // After a reload the details form agrees, and names the category in words.
  await page.reload();
  await waitForTriage(page);
  await expect.poll(() => page.getByTestId('field-category').inputValue()).toBe('Billing and refunds');
  expect(await textOf(page.getByTestId('triage-category'))).toContain(`Set by ${ADMIN_NAME}`);
  await context.close();
});

test('the tone coach flags an excuse in a reply as it is typed, never blocks sending, and leaves notes alone', async () => {
  const created = await createAngryCase('Coach: late order');
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  const coachRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/triage/coach')) coachRequests.push(request.postData() ?? '');
  });
  await signIn(page, fixture.demo);
  await openCase(page, created.referenceNumber);
  await page.getByTestId('composer-body').waitFor();
  // Nothing is asked about an empty draft.
  expect(coachRequests).toEqual([]);

  const body = page.getByTestId('composer-body');
  await body.click();
  await body.pressSequentially("We are sorry for the delay, but it's not our fault.");
  const excuse = page.locator('[data-testid="coach-item"][data-check="apologises_without_excuses"]');
  await expect.poll(() => excuse.getAttribute('data-status')).toBe('fail');
  expect(await excuse.locator('mark').allTextContents()).toEqual(['but', 'not our fault']);
  expect(await textOf(excuse)).toContain('Drop the excuse');
  expect(await textOf(page.getByTestId('coach-summary'))).toMatch(/^\d+ of \d+ checks passed$/);
  // Typing is debounced: one request for the whole sentence, not one per key.
  expect(coachRequests.length).toBeLessThanOrEqual(2);
  expect(JSON.parse(coachRequests.at(-1) ?? '{}')).toMatchObject({
    draft: "We are sorry for the delay, but it's not our fault.",
    referenceNumber: created.referenceNumber,
    visibility: 'public',
  });
  expect(await page.getByTestId('composer-send').isDisabled()).toBe(false);
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);
  await saveScreenshot(page, 'tone-coach-en');

  // An internal note is for colleagues: no coach.
  await page.getByTestId('composer-mode').locator('label', { hasText: 'Internal note' }).click();
  await page.getByTestId('tone-coach').waitFor({ state: 'detached' });
  await context.close();
});

test('a suggested reply goes into the composer, filled in for the case', async () => {
  const template = await admin.post('/api/templates', {
    name: 'Late delivery apology',
    bodyAr:
      'أهلاً {{customer.first_name}}، نعتذر عن تأخر طلبك المتأخر. تابعنا مع شركة الشحن وسيصلك الطلب خلال يومين.',
    bodyEn: 'Hello {{customer.first_name}}, sorry your order is late. It will reach you within two days.',
  });
  expect(template.status).toBe(201);
  const created = await createCase(admin, {
    subject: 'طلبي متأخر',
    description: 'طلبي متأخر من أسبوع وما وصلني الطلب للحين، وين الطلب؟',
    channel: 'email',
    language: 'ar',
    customer: { name: 'خالد الشمري' },
  });
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await openCase(page, created.referenceNumber);

  const suggestion = page.getByTestId('reply-suggestion').filter({ hasText: 'Late delivery apology' });
  await suggestion.waitFor();
  expect(await page.getByTestId('reply-suggestion').count()).toBeLessThanOrEqual(3);
  await suggestion.click();
  const body = page.getByTestId('composer-body');
  await expect
    .poll(() => body.inputValue())
    .toBe('أهلاً خالد، نعتذر عن تأخر طلبك المتأخر. تابعنا مع شركة الشحن وسيصلك الطلب خلال يومين.');
  // The draft is a reply to the customer, so the coach reads it.
  await page.getByTestId('tone-coach').waitFor();
  await context.close();
});

test('in Arabic the triage panel and the coach speak Arabic and the page is mirrored', async () => {
  const created = await createAngryCase('شكوى: الطلب متأخر');
  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await openCase(page, created.referenceNumber);
  await waitForTriage(page);
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  expect(await textOf(page.getByTestId('triage-panel').getByRole('heading').first())).toBe('الفرز الآلي');
  expect(await textOf(page.getByTestId('triage-priority-reason'))).toContain('يهدد بإجراء قانوني');
  expect(await textOf(page.getByTestId('triage-kind'))).toContain('حدّده الفرز');

  const body = page.getByTestId('composer-body');
  await body.click();
  await body.pressSequentially('نعتذر عن التأخير لكن هذا ليس خطأنا');
  const excuse = page.locator('[data-testid="coach-item"][data-check="apologises_without_excuses"]');
  await expect.poll(() => excuse.getAttribute('data-status')).toBe('fail');
  expect(await textOf(excuse)).toContain('يعتذر دون تبرير');
  expect(await excuse.locator('mark').allTextContents()).toEqual(['لكن', 'هذا ليس خطأنا']);

  // Mirrored: the case's controls sit on the left of the conversation, the coach's marks start on the right.
  const panel = await page.getByTestId('triage-panel').boundingBox();
  const composer = await page.getByTestId('composer-body').boundingBox();
  expect(panel && composer && panel.x + panel.width <= composer.x).toBe(true);
  expect(
    await page.getByTestId('tone-coach').evaluate((element) => getComputedStyle(element).direction),
  ).toBe('rtl');
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);
  await saveScreenshot(page, 'triage-ar');
  await context.close();
});

test('an admin turns the assistant on; agents then draft a reply and summarise the thread with it', async () => {
  const llm = await startLlmStub((request) =>
    request.messages[0]?.content.startsWith('Summarise')
      ? '- The customer’s order is two weeks late.\n- He threatens a lawyer.'
      : 'أهلاً خالد، نعتذر بصدق عن تأخر طلبك. سنعيد المبلغ خلال 24 ساعة.',
  );
  try {
    const created = await createAngryCase('Assistant: late order');
    const context = await newContext(fixture, 'en');
    const page = await context.newPage();
    await signIn(page, fixture.demo);
    await openCase(page, created.referenceNumber);
    await page.getByTestId('composer-body').waitFor();
    // Off by default: no buttons.
    expect(await page.getByTestId('assistant').count()).toBe(0);

    await page.goto('/admin/triage');
    await page.getByRole('heading', { name: 'Writing assistant' }).waitFor();
    await page.getByLabel('Let agents use the assistant').check();
    await page.getByLabel('API address').fill(llm.baseUrl);
    await page.getByLabel('Model', { exact: true }).fill('stub-model');
    await page.getByLabel('API key', { exact: true }).fill('sk-test-key');
    await page.getByRole('button', { name: 'Save assistant settings' }).click();
    await page.getByText('Assistant settings saved.').waitFor();
    const settings = (await admin.get('/api/triage/settings')).body;
    expect(settings.assistant).toEqual({
      isEnabled: true,
      baseUrl: llm.baseUrl,
      model: 'stub-model',
      hasApiKey: true,
    });
    // The key is write-only: the form never shows it again.
    await expect.poll(() => page.getByLabel('API key', { exact: true }).inputValue()).toBe('');
    expect(await seriousAxeViolations(page, '#main')).toEqual([]);
    await saveScreenshot(page, 'admin-triage-en');

    await openCase(page, created.referenceNumber);
    await page.getByRole('button', { name: 'Draft a reply' }).click();
    const body = page.getByTestId('composer-body');
    await expect
      .poll(() => body.inputValue())
      .toBe('أهلاً خالد، نعتذر بصدق عن تأخر طلبك. سنعيد المبلغ خلال 24 ساعة.');
    expect(llm.requests.at(-1)).toMatchObject({ model: 'stub-model', authorization: 'Bearer sk-test-key' });

    await page.getByRole('button', { name: 'Summarise' }).click();
    const summary = page.getByTestId('assistant-summary');
    await expect.poll(() => textOf(summary)).toContain('He threatens a lawyer.');
    expect(await textOf(summary)).toContain('Written by stub-model');
    expect(await seriousAxeViolations(page, '#main')).toEqual([]);

    // Turned off again: the buttons go once the settings are read again.
    await admin.patch('/api/triage/settings', { assistant: { isEnabled: false } });
    await page.reload();
    await page.getByTestId('composer-body').waitFor();
    await page.getByTestId('triage-panel').waitFor();
    expect(await page.getByTestId('assistant').count()).toBe(0);
    await context.close();
  } finally {
    await llm.close();
  }
});

test('an admin adds a category with keywords and retrains the model on the corrections', async () => {
  // One correction to learn from.
  const created = await createAngryCase('Retrain: late order');
  const reference: string = created.referenceNumber;
  await expect
    .poll(async () => (await admin.get(`/api/cases/${reference}`)).body.triage, TRIAGE_WAIT)
    .not.toBeNull();
  expect((await admin.patch(`/api/cases/${reference}`, { kind: 'question' })).status).toBe(200);

  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/admin/triage');
  await page.getByRole('button', { name: 'Add a category' }).click();
  const added = page.getByTestId('triage-category').last();
  await added.getByLabel(/^Id/).fill('late_refund');
  await added.getByLabel('Arabic name').fill('استرداد متأخر');
  await added.getByLabel('English name').fill('Late refund');
  await added.getByRole('combobox', { name: 'Keywords' }).fill('refund');
  await added.getByRole('combobox', { name: 'Keywords' }).press('Enter');
  await page.getByRole('button', { name: 'Save categories' }).click();
  await page.getByText('Categories saved.').waitFor();
  const categories = (await admin.get('/api/triage/settings')).body.categories;
  expect(categories.at(-1)).toEqual({
    id: 'late_refund',
    names: { ar: 'استرداد متأخر', en: 'Late refund' },
    keywords: ['refund'],
  });

  await page.getByRole('button', { name: 'Retrain now' }).click();
  await page.getByText(/^Retrained\. Corrections learnt from: \d+\.$/).waitFor();
  await expect.poll(() => textOf(page.getByTestId('triage-adaptation'))).toMatch(/^Adapted .+\./);
  await context.close();
});
