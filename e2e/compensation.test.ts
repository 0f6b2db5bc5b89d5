import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, createCase, signInOverHttp } from '../apps/server/test/harness.ts';
import { seriousAxeViolations } from './accessibility.ts';
import {
  addUser,
  type ConsoleFixture,
  newContext,
  openCase,
  saveScreenshot,
  signIn,
  startConsole,
} from './harness.ts';

// A refund above the agent's limit: the agent proposes it, a supervisor approves it on the approvals
// page, the customer chooses it on the signed offer page, and the ledger lists it.
let fixture: ConsoleFixture;
let admin: ApiClient;

beforeAll(async () => {
  fixture = await startConsole();
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
});
afterAll(async () => {
  await fixture?.close();
});

const offerStatus = (page: Page) => page.getByTestId('offers-panel').getByTestId('offer-status');

test('a refund above the agent’s limit waits for a supervisor, reaches the customer, is chosen and lands in the ledger', async () => {
  const agent = await addUser(admin, 'agent', 'Layla Agent');
  const supervisor = await addUser(admin, 'supervisor', 'Khalid Supervisor');
  const complaint = await createCase(admin, {
    subject: 'Charged twice for order 5512',
    channel: 'email',
    customer: { name: 'Sara Customer', email: 'sara.customer@example.com' },
  });
  const reference = complaint.referenceNumber as string;

  // The agent proposes a refund of 300 SAR; their limit is 100 SAR.
  const agentContext = await newContext(fixture, 'en');
  const agentPage = await agentContext.newPage();
  await signIn(agentPage, agent);
  await openCase(agentPage, reference);
  await agentPage.getByTestId('offers-panel').getByRole('button', { name: 'Propose a solution' }).click();
  const dialog = agentPage.getByRole('dialog', { name: 'Propose a solution' });
  await dialog.getByLabel('Amount').fill('300');
  // As they type, the dialog says it is above their limit and will wait for approval.
  expect(await dialog.getByTestId('approval-hint').textContent()).toContain('100');
  await dialog
    .getByRole('textbox', { name: /^Description/ })
    .fill('Your 300 SAR back to the card you paid with');
  await dialog.getByLabel('Message to the customer').fill('We are sorry for the double charge.');
  await dialog.getByRole('button', { name: 'Send the offer' }).click();
  await dialog.waitFor({ state: 'detached' });
  await expect.poll(() => offerStatus(agentPage).textContent()).toBe('Waiting for approval');
  expect(await seriousAxeViolations(agentPage, '#main')).toEqual([]);
  const waiting = (await admin.get(`/api/cases/${reference}/offers`)).body.items;
  expect(waiting).toMatchObject([{ status: 'pending_approval', options: [{ type: 'refund', amount: 300 }] }]);

  // A supervisor, signed in elsewhere, sees it waiting (beside the demo's own request) and approves it.
  const waitingCount = (await admin.get('/api/compensations/pending')).body.items.length as number;
  const supervisorContext = await newContext(fixture, 'en');
  const supervisorPage = await supervisorContext.newPage();
  await signIn(supervisorPage, supervisor);
  expect(await supervisorPage.getByTestId('approvals-count').textContent()).toBe(String(waitingCount));
  await supervisorPage.getByRole('link', { name: /^Approvals/ }).click();
  const request = supervisorPage.locator(`[data-testid="approval"][data-reference="${reference}"]`);
  await request.getByText('Refund · SAR', { exact: false }).waitFor();
  expect(await request.getByTestId('customer-history').textContent()).toContain('Sara Customer');
  expect(await seriousAxeViolations(supervisorPage, '#main')).toEqual([]);
  await saveScreenshot(supervisorPage, 'compensation-approvals-en');
  await request.getByRole('button', { name: 'Approve' }).click();
  const approve = supervisorPage.getByRole('dialog', { name: 'Approve the compensation' });
  await approve.getByLabel('Reason (optional)').fill('Charged twice: the bank statement shows it.');
  await approve.getByRole('button', { name: 'Approve' }).click();
  await request.waitFor({ state: 'detached' });
  await expect
    .poll(() => supervisorPage.getByTestId('approvals-count').textContent())
    .toBe(String(waitingCount - 1));

  // The case now shows the offer sent, with the link the customer received.
  await agentPage.reload();
  await expect.poll(() => offerStatus(agentPage).textContent()).toBe('Sent to the customer');
  const link = await agentPage.getByTestId('offer-url').getAttribute('href');
  expect(link).toMatch(/\/w\/demo\/offer\//);

  // The customer opens the link (no sign-in) and chooses the refund.
  const customerContext = await newContext(fixture, 'en');
  const customerPage = await customerContext.newPage();
  const url = new URL(link ?? '');
  await customerPage.goto(`${url.pathname}${url.search}`);
  await customerPage.getByText('Your 300 SAR back to the card you paid with').click();
  await customerPage.getByRole('button', { name: 'Confirm my choice' }).click();
  await customerPage.getByRole('heading', { name: 'Thank you, we have your choice' }).waitFor();
  await customerContext.close();

  await agentPage.reload();
  await expect.poll(() => offerStatus(agentPage).textContent()).toBe('Chosen');
  // The case lists its compensation: the refund, now given.
  const refund = agentPage.getByTestId('case-compensation').filter({ hasText: 'Refund' });
  await expect.poll(() => refund.textContent()).toContain('Given');
  const chosen = agentPage.getByTestId('offers-panel').locator('[data-testid="offer-option"][data-chosen]');
  expect(await chosen.textContent()).toContain('Your 300 SAR back to the card you paid with');
  expect(await agentPage.getByTestId('offer-chosen').textContent()).toContain('on the offer page');
  // The customer panel beside the case adds it to what the customer was given.
  await expect
    .poll(() => agentPage.getByTestId('customer-compensation-total').textContent())
    // Intl puts a no-break space between the currency and the amount.
    .toMatch(/^Total: SAR\s300\.00$/);
  await agentPage.getByTestId('offers-panel').scrollIntoViewIfNeeded();
  await saveScreenshot(agentPage, 'compensation-case-offer-en');
  await agentContext.close();

  // The ledger lists the refund given, with a link to the case.
  await supervisorPage.getByRole('link', { name: 'Compensation' }).click();
  const row = supervisorPage.getByTestId('ledger-lines').locator(`tr[data-reference="${reference}"]`);
  await row.waitFor();
  expect(await row.textContent()).toMatch(/Refund.*300/);
  await row.getByRole('link', { name: reference }).waitFor();
  expect(await seriousAxeViolations(supervisorPage, '#main')).toEqual([]);
  await saveScreenshot(supervisorPage, 'compensation-ledger-en');
  await supervisorContext.close();
  // Three people in three browser contexts: longer than one page's test.
}, 180_000);

test('in Arabic the approvals, ledger and case offers read right to left', async () => {
  const complaint = await createCase(admin, {
    subject: 'المنتج وصل تالفًا',
    channel: 'email',
    language: 'ar',
    customer: { name: 'نورة العميلة', email: 'noura.customer@example.com' },
  });
  const reference = complaint.referenceNumber as string;
  const agent = await addUser(admin, 'agent', 'Hind Agent');
  const agentClient = (await signInOverHttp(fixture.server.baseUrl, agent)).client;
  const proposed = await agentClient.post(`/api/cases/${reference}/offers`, {
    message: 'نعتذر عن التلف.',
    options: [
      { type: 'refund', amount: 500, currency: 'SAR', description: 'استرداد 500 ريال' },
      { type: 'replacement', description: 'استبدال المنتج' },
    ],
  });
  expect(proposed.status).toBe(201);
  expect(proposed.body.status).toBe('pending_approval');

  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/approvals');
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  await page
    .locator(`[data-testid="approval"][data-reference="${reference}"]`)
    .getByText('استرداد مبلغ', { exact: false })
    .waitFor();
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);
  await saveScreenshot(page, 'compensation-approvals-ar');

  await openCase(page, reference);
  await expect.poll(() => offerStatus(page).textContent()).toBe('بانتظار الموافقة');
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);

  await page.goto('/compensation');
  await page.getByRole('heading', { name: 'سجل التعويضات', level: 1 }).waitFor();
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);
  await saveScreenshot(page, 'compensation-ledger-ar');
  await context.close();
});

test('an admin sets the agents’ limit under Admin → Compensation policy', async () => {
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/admin/compensation');
  await page.getByRole('heading', { name: 'Compensation policy', level: 2 }).waitFor();
  const limit = page.getByLabel('Agent limit in SAR');
  await limit.waitFor();
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);
  await limit.fill('250');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('Compensation policy saved.').waitFor();
  expect((await admin.get('/api/compensation/policy')).body.limits.agent).toEqual({ SAR: 250 });
  await context.close();
});

test('a supervisor cannot decide their own request; an admin rejects it with a reason', async () => {
  const supervisor = await addUser(admin, 'supervisor', 'Reem Supervisor');
  const supervisorClient = (await signInOverHttp(fixture.server.baseUrl, supervisor)).client;
  const complaint = await createCase(admin, { subject: 'Lost parcel, asks for 5000 SAR', channel: 'email' });
  const reference = complaint.referenceNumber as string;
  const requested = await supervisorClient.post(`/api/cases/${reference}/compensations`, {
    type: 'service_credit',
    amount: 5000,
    currency: 'SAR',
    reason: 'Goodwill after a lost parcel',
  });
  expect(requested.body.status).toBe('pending_approval');

  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, supervisor);
  await page.goto('/approvals');
  const own = page.locator(`[data-testid="approval"][data-reference="${reference}"]`);
  await own.getByText('Your own request: waiting for another approver.').waitFor();
  expect(await own.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
  expect(await own.getByRole('button', { name: 'Reject' }).isDisabled()).toBe(true);
  await context.close();

  const adminContext = await newContext(fixture, 'en');
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, fixture.demo);
  await adminPage.goto('/approvals');
  const request = adminPage.locator(`[data-testid="approval"][data-reference="${reference}"]`);
  await request.getByRole('button', { name: 'Reject' }).click();
  const reject = adminPage.getByRole('dialog', { name: 'Reject the compensation' });
  await reject.getByRole('button', { name: 'Reject' }).click();
  // The reason is required: the server says so, and nothing is decided.
  await reject.getByText('Say why it is rejected.').waitFor();
  await reject
    .getByRole('textbox', { name: /^Reason/ })
    .fill('Above what a lost parcel warrants; offer a replacement.');
  await reject.getByRole('button', { name: 'Reject' }).click();
  await reject.waitFor({ state: 'detached' });
  await request.waitFor({ state: 'detached' });
  const ledger = await admin.get('/api/compensations?status=rejected');
  expect(ledger.body.items).toMatchObject([
    {
      case: { referenceNumber: reference },
      decisionReason: 'Above what a lost parcel warrants; offer a replacement.',
      decidedBy: { name: 'مدير العرض (Demo admin)' },
    },
  ]);
  await adminContext.close();
});
