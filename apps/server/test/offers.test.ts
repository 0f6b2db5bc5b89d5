import { type Simulator, startPlatformSimulator, telegramUpdate } from '@sada/channels/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  createCase,
  createTestWorkspace,
  startTestServer,
  type TestServer,
  type TestWorkspace,
  waitFor,
} from './harness.ts';
import { connectTelegramBot, uniqueDigits } from './social-harness.ts';

// Solution offers: sent at once within the limits, held for approval above them, chosen once by a
// Telegram button, the signed web page or an agent; the choice gives the compensation and starts the plan.

let simulator: Simulator;
let server: TestServer;

beforeAll(async () => {
  simulator = await startPlatformSimulator({});
  server = await startTestServer({ jobs: true, platformUrl: simulator.url, isolated: true });
});
afterAll(async () => {
  await server?.stop();
  await simulator?.close();
});

const refundOrRepair = (amount: number) => ({
  message: 'We are sorry about the broken screen.',
  options: [
    {
      type: 'refund',
      amount,
      currency: 'SAR',
      description: 'We refund the price of the screen',
      plan: [{ title: 'Transfer the refund', dueInDays: 3, isCustomerVisible: true }],
    },
    {
      type: 'repair',
      description: 'We repair the phone for free',
      plan: [
        { title: 'Collect the phone', dueInDays: 1 },
        { title: 'Return the repaired phone', dueInDays: 5, isCustomerVisible: true },
      ],
    },
  ],
});

const offersOf = async (client: ApiClient, reference: string) =>
  (await client.get(`/api/cases/${reference}/offers`)).body.items;

async function timelineTypes(workspace: TestWorkspace, reference: string) {
  const detail = await workspace.admin.get(`/api/cases/${reference}`);
  return detail.body.timeline as { type: string; changes: Record<string, unknown> }[];
}

const pagePath = (url: string) => new URL(url).pathname;

async function postChoice(url: string, form: Record<string, string>) {
  const response = await fetch(`${server.baseUrl}${pagePath(url)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, text: await response.text() };
}

describe('an offer within the limits', () => {
  it('reaches a Telegram customer with buttons and the signed link, and a press chooses once', async () => {
    const workspace = await createTestWorkspace(server);
    const { botId, target } = await connectTelegramBot(workspace.admin, {
      baseUrl: server.baseUrl,
      secretToken: simulator.secrets.telegramSecretToken,
    });
    const chatId = Number(uniqueDigits().slice(0, 9));
    const bot = { id: botId, username: 'sada_support_bot', firstName: 'Sada' };
    const from = { id: chatId, firstName: 'Mona' };
    await simulator.deliver(target, telegramUpdate({ chatId, from, text: 'The screen arrived broken', bot }));
    const [summary] = await waitFor(async () => {
      const items = (await workspace.admin.get('/api/cases')).body.items;
      return items.length > 0 ? items : undefined;
    });
    const reference = summary.referenceNumber as string;
    await workspace.admin.patch(`/api/cases/${reference}`, { language: 'en' });
    const { client: agent, userId: agentId } = await workspace.signIn('agent');

    const created = await agent.post(`/api/cases/${reference}/offers`, refundOrRepair(80));

    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const offer = created.body;
    expect(offer).toMatchObject({
      status: 'sent',
      options: [
        { id: '1', type: 'refund', amount: 80, currency: 'SAR', compensationStatus: 'approved' },
        { id: '2', type: 'repair', amount: null, currency: null, compensationStatus: null },
      ],
      createdBy: { id: agentId },
    });
    expect(offer.url).toMatch(new RegExp(`^http://care\\.sada\\.test/w/${workspace.slug}/offer/`));
    const sent = await waitFor(() => simulator.sentButtons().find((item) => item.to === String(chatId)));
    expect(sent.buttons).toEqual([
      { title: '1. Refund', payload: `sada:offer:${offer.id}:1` },
      { title: '2. Repair', payload: `sada:offer:${offer.id}:2` },
    ]);
    expect(sent.text).toContain('We refund the price of the screen');
    expect(sent.text).toContain(`/w/${workspace.slug}/offer/`);

    const press = telegramUpdate({
      chatId,
      from,
      callbackData: `sada:offer:${offer.id}:2`,
      replyTo: { messageId: 5, text: sent.text },
      bot,
    });
    expect(await simulator.deliver(target, press)).toBe(200);
    const chosen = await waitFor(async () => {
      const [current] = await offersOf(agent, reference);
      return current.status === 'chosen' ? current : undefined;
    });
    expect(chosen).toMatchObject({ chosenOptionId: '2', chosenVia: 'button' });
    expect(chosen.options[0].compensationStatus).toBe('cancelled');
    const plan = await agent.get(`/api/cases/${reference}/plan`);
    expect(plan.body.steps.map((step: { title: string }) => step.title)).toEqual([
      'Collect the phone',
      'Return the repaired phone',
    ]);
    const thanks = await waitFor(async () => {
      const detail = await workspace.admin.get(`/api/cases/${reference}`);
      return (detail.body.messages as { body: string; isAutomatic: boolean }[]).find((message) =>
        message.body.startsWith('Thank you'),
      );
    });
    expect(thanks.body).toContain('Repair');

    // A second press (another option) changes nothing.
    const second = telegramUpdate({ chatId, from, callbackData: `sada:offer:${offer.id}:1`, bot });
    expect(await simulator.deliver(target, second)).toBe(200);
    await waitFor(async () => {
      const detail = await workspace.admin.get(`/api/cases/${reference}`);
      return (detail.body.messages as { body: string }[]).some((message) =>
        message.body.includes('already chosen'),
      )
        ? true
        : undefined;
    });
    const [after] = await offersOf(agent, reference);
    expect(after).toMatchObject({ status: 'chosen', chosenOptionId: '2' });
    expect((await agent.get(`/api/cases/${reference}/plan`)).body.steps).toHaveLength(2);
    const notifications = await agent.get('/api/notifications');
    expect(notifications.body.items.map((item: { type: string }) => item.type)).toContain('offer.chosen');
  });

  it('is chosen on the signed web page in the customer’s language, once', async () => {
    const workspace = await createTestWorkspace(server);
    const created = await createCase(workspace.admin, { language: 'ar', customer: { name: 'Nora' } });
    const { client: agent } = await workspace.signIn('agent');
    const offer = (await agent.post(`/api/cases/${created.referenceNumber}/offers`, refundOrRepair(50))).body;
    expect(offer.status).toBe('sent');
    const detail = await workspace.admin.get(`/api/cases/${created.referenceNumber}`);
    const message = (detail.body.messages as { body: string; isAutomatic: boolean }[]).find(
      (item) => item.isAutomatic && item.body.includes('/offer/'),
    );
    expect(message?.body).toContain('نقترح عليك');

    const page = await fetch(`${server.baseUrl}${pagePath(offer.url)}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('dir="rtl"');
    expect(html).toContain('We refund the price of the screen');
    expect(html).toContain('name="optionId" value="1"');

    const nothingChosen = await postChoice(offer.url, { offerId: offer.id });
    expect(nothingChosen.status).toBe(422);
    const choice = await postChoice(offer.url, { offerId: offer.id, optionId: '1' });
    expect(choice.status).toBe(200);
    expect(choice.text).toContain('شكرًا لك');

    const [chosen] = await offersOf(agent, created.referenceNumber);
    expect(chosen).toMatchObject({ status: 'chosen', chosenOptionId: '1', chosenVia: 'web' });
    expect(chosen.options[0].compensationStatus).toBe('given');
    const ledger = await workspace.admin.get('/api/compensations?status=given');
    expect(ledger.body.items).toMatchObject([{ amount: 50, offerId: offer.id, optionId: '1' }]);
    const steps = (await agent.get(`/api/cases/${created.referenceNumber}/plan`)).body.steps;
    expect(steps).toMatchObject([{ title: 'Transfer the refund', isCustomerVisible: true }]);

    const twice = await postChoice(offer.url, { offerId: offer.id, optionId: '2' });
    expect(twice.status).toBe(409);
    const [unchanged] = await offersOf(agent, created.referenceNumber);
    expect(unchanged.chosenOptionId).toBe('1');
    expect((await agent.get(`/api/cases/${created.referenceNumber}/plan`)).body.steps).toHaveLength(1);
    const english = await fetch(`${server.baseUrl}${pagePath(offer.url)}?lang=en`);
    expect(await english.text()).toContain('You have already chosen');
  });
});

describe('an offer above the limits', () => {
  it('never reaches the customer nor gives the refund until another lead approves', async () => {
    const workspace = await createTestWorkspace(server);
    const created = await createCase(workspace.admin, { language: 'en', customer: { name: 'Omar' } });
    const { client: agent } = await workspace.signIn('agent');
    const { client: supervisor } = await workspace.signIn('supervisor');

    const offer = (await agent.post(`/api/cases/${created.referenceNumber}/offers`, refundOrRepair(500)))
      .body;

    expect(offer).toMatchObject({ status: 'pending_approval', sentAt: null });
    expect(offer.options[0].compensationStatus).toBe('pending_approval');
    const messages = async () =>
      (await workspace.admin.get(`/api/cases/${created.referenceNumber}`)).body.messages as {
        body: string;
      }[];
    expect((await messages()).filter((message) => message.body.includes('/offer/'))).toEqual([]);
    const page = await fetch(`${server.baseUrl}${pagePath(offer.url)}`);
    expect(page.status).toBe(404);
    const byAgent = await agent.post(`/api/offers/${offer.id}/choose`, { optionId: '1' });
    expect(byAgent.status).toBe(409);
    expect((await workspace.admin.get('/api/compensations?status=given')).body.items).toEqual([]);

    const [request] = (await supervisor.get('/api/compensations/pending')).body.items;
    expect(request).toMatchObject({ offerId: offer.id, optionId: '1', amount: 500 });
    expect((await agent.post(`/api/compensations/${request.id}/approve`, {})).status).toBe(403);

    const approved = await supervisor.post(`/api/compensations/${request.id}/approve`, {});
    expect(approved.body.status).toBe('approved');
    const [sent] = await offersOf(agent, created.referenceNumber);
    expect(sent.status).toBe('sent');
    expect((await messages()).filter((message) => message.body.includes('/offer/'))).toHaveLength(1);
    const types = (await timelineTypes(workspace, created.referenceNumber)).map((event) => event.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'offer.created',
        'compensation.requested',
        'compensation.approved',
        'offer.sent',
      ]),
    );

    const byPhone = await agent.post(`/api/offers/${offer.id}/choose`, { optionId: '1' });
    expect(byPhone.body).toMatchObject({ status: 'chosen', chosenVia: 'agent' });
    expect((await workspace.admin.get('/api/compensations?status=given')).body.items).toHaveLength(1);
  });

  it('is rejected with the reason on the timeline, its other requests cancelled', async () => {
    const workspace = await createTestWorkspace(server);
    const created = await createCase(workspace.admin);
    const { client: agent } = await workspace.signIn('agent');
    const offer = (
      await agent.post(`/api/cases/${created.referenceNumber}/offers`, {
        options: [
          { type: 'refund', amount: 300, currency: 'SAR', description: 'Full refund' },
          { type: 'voucher', amount: 150, currency: 'SAR', description: 'A voucher' },
        ],
      })
    ).body;
    const pending = (await workspace.admin.get('/api/compensations/pending')).body.items;
    expect(pending).toHaveLength(2);

    const rejected = await workspace.admin.post(`/api/compensations/${pending[0].id}/reject`, {
      reason: 'Too generous for a late delivery',
    });

    expect(rejected.status).toBe(200);
    const [current] = await offersOf(agent, created.referenceNumber);
    expect(current.status).toBe('rejected');
    expect(
      current.options.map((option: { compensationStatus: string }) => option.compensationStatus).sort(),
    ).toEqual(['cancelled', 'rejected']);
    const events = await timelineTypes(workspace, created.referenceNumber);
    expect(events.find((event) => event.type === 'offer.rejected')?.changes).toMatchObject({
      offerId: offer.id,
      reason: 'Too generous for a late delivery',
    });
    expect((await workspace.admin.get('/api/compensations/pending')).body.items).toEqual([]);
    const notifications = await agent.get('/api/notifications');
    expect(notifications.body.items.map((item: { type: string }) => item.type)).toContain(
      'compensation.rejected',
    );
  });
});

describe('offers and their bounds', () => {
  it('refuses more than three options, an amount on an apology, and offers of another workspace', async () => {
    const workspace = await createTestWorkspace(server);
    const other = await createTestWorkspace(server);
    const created = await createCase(workspace.admin);
    const option = { type: 'apology', description: 'A formal apology' };

    const four = await workspace.admin.post(`/api/cases/${created.referenceNumber}/offers`, {
      options: [option, option, option, option],
    });
    const apologyWithAmount = await workspace.admin.post(`/api/cases/${created.referenceNumber}/offers`, {
      options: [{ ...option, amount: 10, currency: 'SAR' }],
    });
    const offer = (
      await workspace.admin.post(`/api/cases/${created.referenceNumber}/offers`, { options: [option] })
    ).body;

    expect(four.status).toBe(422);
    expect(apologyWithAmount.status).toBe(422);
    expect(offer.status).toBe('sent');
    expect((await other.admin.get(`/api/cases/${created.referenceNumber}/offers`)).status).toBe(404);
    expect((await other.admin.post(`/api/offers/${offer.id}/withdraw`, {})).status).toBe(404);
    expect((await other.admin.post(`/api/offers/${offer.id}/choose`, { optionId: '1' })).status).toBe(404);

    const withdrawn = await workspace.admin.post(`/api/offers/${offer.id}/withdraw`, {});
    expect(withdrawn.body.status).toBe('withdrawn');
    const page = await fetch(`${server.baseUrl}${pagePath(offer.url)}?lang=en`);
    expect(await page.text()).toContain('This offer is no longer open');
  });
});
