import {
  instagramMessage,
  messengerMessage,
  type Simulator,
  startPlatformSimulator,
  whatsappMessage,
} from '@sada/channels/simulator';
import type { Clock } from '@sada/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, createTestWorkspace, startTestServer, type TestServer, waitFor } from './harness.ts';
import { uniqueDigits } from './social-harness.ts';

// Platform windows, decided before a reply is stored: a reply the platform would refuse is refused
// to the agent at once, and a WhatsApp template reaches the customer after the window closed.

const hourMs = 3_600_000;

describe('replies within the platforms’ windows', () => {
  let simulator: Simulator;
  let server: TestServer;
  let offsetMs = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };

  beforeAll(async () => {
    simulator = await startPlatformSimulator({});
    server = await startTestServer({ jobs: true, platformUrl: simulator.url, isolated: true, clock });
  });
  afterAll(async () => {
    await server?.stop();
    await simulator?.close();
  });

  const meta = () => `${server.baseUrl}/webhooks/meta`;

  async function connect(api: ApiClient, body: Record<string, unknown>) {
    const created = await api.post('/api/channels', body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }

  async function onlyCase(api: ApiClient, channel: string) {
    return waitFor(async () => {
      const list = await api.get(`/api/cases?channel=${channel}`);
      expect(list.status, JSON.stringify(list.body)).toBe(200);
      const [summary] = list.body.items;
      if (!summary) return undefined;
      return (await api.get(`/api/cases/${summary.referenceNumber}`)).body;
    });
  }

  const reply = (api: ApiClient, reference: string, body: string, headers?: Record<string, string>) =>
    api.post(`/api/cases/${reference}/messages`, { type: 'reply', visibility: 'private', body }, headers);

  it('WhatsApp: after 24 hours a free reply is refused with what to do, and an approved template goes out', async () => {
    offsetMs = 0;
    // An API token: a session would expire as the clock moves days ahead.
    const { client: api } = await (await createTestWorkspace(server)).withToken('admin');
    const phoneNumberId = uniqueDigits();
    await connect(api, {
      kind: 'whatsapp',
      name: 'Support line',
      credentials: { appSecret: simulator.secrets.appSecret, phoneNumberId, accessToken: 'wa-token' },
    });
    const inbound = whatsappMessage({ phoneNumberId, waId: '966511110001', name: 'Huda', text: 'وين طلبي؟' });
    expect(await simulator.deliver(meta(), inbound)).toBe(200);
    const opened = await onlyCase(api, 'whatsapp');
    expect(opened.replyWindow).toMatchObject({ state: 'open', canSendTemplate: false });

    offsetMs = 25 * hourMs;
    const closed = (await api.get(`/api/cases/${opened.referenceNumber}`)).body;
    expect(closed.replyWindow).toMatchObject({ state: 'closed', canSendTemplate: true });

    const english = await reply(api, opened.referenceNumber, 'Your order ships today.');
    expect(english.status).toBe(422);
    expect(english.body.error.message).toMatch(/WhatsApp allows replies for 24 hours.*approved template/);
    const arabic = await reply(api, opened.referenceNumber, 'طلبك يُشحن اليوم.', {
      'accept-language': 'ar',
    });
    expect(arabic.status).toBe(422);
    expect(arabic.body.error.message).toContain('قالبًا معتمدًا');
    // Nothing was stored or queued.
    const after = (await api.get(`/api/cases/${opened.referenceNumber}`)).body;
    expect(after.messages.map((message: { direction: string }) => message.direction)).toEqual(
      closed.messages.map((message: { direction: string }) => message.direction),
    );

    simulator.clearSent();
    const template = await api.post(`/api/cases/${opened.referenceNumber}/whatsapp-template`, {
      name: 'case_update',
      language: 'ar',
      parameters: [opened.referenceNumber, 'تم شحن طلبك'],
    });
    expect(template.status, JSON.stringify(template.body)).toBe(201);
    const [sent] = await simulator.waitForSent(1, { match: { pathIncludes: `/${phoneNumberId}/messages` } });
    expect(sent!.json).toMatchObject({
      to: '966511110001',
      type: 'template',
      template: {
        name: 'case_update',
        language: { code: 'ar' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: opened.referenceNumber },
              { type: 'text', text: 'تم شحن طلبك' },
            ],
          },
        ],
      },
    });
    const delivered = await waitFor(async () => {
      const message = (await api.get(`/api/cases/${opened.referenceNumber}`)).body.messages.find(
        (item: { id: string }) => item.id === template.body.id,
      );
      return message?.delivery?.status === 'sent' ? message : undefined;
    });
    expect(delivered.body).toContain('case_update');

    const badName = await api.post(`/api/cases/${opened.referenceNumber}/whatsapp-template`, {
      name: 'Case Update!',
      language: 'ar',
    });
    expect(badName.status).toBe(422);
    expect(badName.body.error.fields[0].path).toBe('body.name');
  });

  it('Messenger: after 24 hours replies go with the human-agent tag; after 7 days they are refused', async () => {
    offsetMs = 0;
    // An API token: a session would expire as the clock moves days ahead.
    const { client: api } = await (await createTestWorkspace(server)).withToken('admin');
    const pageId = uniqueDigits();
    await connect(api, {
      kind: 'facebook',
      name: 'Our Page',
      credentials: { appSecret: simulator.secrets.appSecret, pageId, pageAccessToken: 'page-token' },
    });
    const psid = uniqueDigits();
    expect(await simulator.deliver(meta(), messengerMessage({ pageId, psid, text: 'My refund?' }))).toBe(200);
    const opened = await onlyCase(api, 'facebook');

    offsetMs = 3 * 24 * hourMs;
    const tagged = (await api.get(`/api/cases/${opened.referenceNumber}`)).body;
    expect(tagged.replyWindow).toMatchObject({ state: 'extended', canSendTemplate: false });
    simulator.clearSent();
    expect((await reply(api, opened.referenceNumber, 'Your refund left today.')).status).toBe(201);
    const [sent] = await simulator.waitForSent(1, { match: { pathIncludes: '/messages', method: 'POST' } });
    expect(sent!.json).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });

    offsetMs = 8 * 24 * hourMs;
    const late = await reply(api, opened.referenceNumber, 'Any news?');
    expect(late.status).toBe(422);
    expect(late.body.error.message).toMatch(/7 days with the human-agent tag/);
    // Messenger has no templates: no template is offered, and none is accepted.
    expect((await api.get(`/api/cases/${opened.referenceNumber}`)).body.replyWindow).toMatchObject({
      state: 'closed',
      canSendTemplate: false,
    });
    const template = await api.post(`/api/cases/${opened.referenceNumber}/whatsapp-template`, {
      name: 'case_update',
      language: 'en',
    });
    expect(template.status).toBe(409);
  });

  it('Instagram: a reply over 1000 bytes is refused before it is stored, counted as Instagram counts', async () => {
    offsetMs = 0;
    // An API token: a session would expire as the clock moves days ahead.
    const { client: api } = await (await createTestWorkspace(server)).withToken('admin');
    const instagramAccountId = uniqueDigits();
    await connect(api, {
      kind: 'instagram',
      name: 'Our Instagram',
      credentials: { appSecret: simulator.secrets.appSecret, instagramAccountId, accessToken: 'ig-token' },
    });
    const igsid = uniqueDigits();
    expect(
      await simulator.deliver(
        meta(),
        instagramMessage({ igAccountId: instagramAccountId, igsid, text: 'الطلب ناقص' }),
      ),
    ).toBe(200);
    const opened = await onlyCase(api, 'instagram');
    // 600 Arabic letters: 600 characters, but 1200 bytes in UTF-8.
    const long = 'ب'.repeat(600);
    const refused = await reply(api, opened.referenceNumber, long);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/200 bytes over Instagram's limit of 1000/);
    const stored = (await api.get(`/api/cases/${opened.referenceNumber}`)).body;
    expect(stored.messages).toHaveLength(1);
    expect((await reply(api, opened.referenceNumber, 'ب'.repeat(500))).status).toBe(201);
  });
});
