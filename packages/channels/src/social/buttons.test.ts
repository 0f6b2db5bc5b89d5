import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buttonPressDelivery, type Simulator, startPlatformSimulator } from '../simulator/index.ts';
import type { RawWebhook, SocialAdapter, SocialButton, SocialEvent } from './adapter.ts';
import { SocialSendError } from './adapter.ts';
import { shortenTitle } from './buttons.ts';
import { SOCIAL_ADAPTERS } from './registry.ts';

// Buttons under a private message, on each platform's wire format, sent to the platform simulator;
// then a customer's press, as the simulator delivers it, read back by the same adapter.

const NOW = new Date();
const SUBJECT = '0b8f2c1e-4a5d-4e6f-8a9b-0c1d2e3f4a5b';
const payload = (choice: string) => `sada:offer:${SUBJECT}:${choice}`;
const buttons = (count: number, title = (n: number) => `Option ${n}`): SocialButton[] =>
  Array.from({ length: count }, (_, index) => ({
    title: title(index + 1),
    payload: payload(`c${index + 1}`),
  }));

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startPlatformSimulator({});
});
afterAll(async () => {
  await simulator?.close();
});
beforeEach(() => simulator.clearSent());

const context = (credentials: Record<string, string>) => ({
  credentials,
  baseUrl: simulator.url,
  lastInboundAt: NOW,
  now: NOW,
});

function rawOf(rawBody: string): RawWebhook {
  return { method: 'POST', headers: {}, query: {}, rawBody: Buffer.from(rawBody, 'utf8') };
}

function onlyMessage(events: SocialEvent[]) {
  expect(events).toHaveLength(1);
  const [event] = events;
  if (event?.type !== 'message') throw new Error(`expected a message event, got ${event?.type}`);
  return event;
}

async function refusal(
  adapter: SocialAdapter,
  outbound: Parameters<SocialAdapter['send']>[0],
  credentials: Record<string, string>,
) {
  const error = await adapter.send(outbound, context(credentials)).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SocialSendError);
  return error as SocialSendError;
}

describe('button titles', () => {
  it('keeps a title that fits and cuts a longer one with an ellipsis, Arabic included', () => {
    expect(shortenTitle('Accept', 20)).toBe('Accept');
    expect(shortenTitle('Accept the replacement offer', 20)).toBe('Accept the replacem…');
    // Cut at 19 characters, the space before the cut dropped, then the ellipsis.
    expect(shortenTitle('أقبل عرض الاستبدال المقدم لي اليوم', 20)).toBe('أقبل عرض الاستبدال…');
  });

  it('says how many buttons each platform shows', () => {
    expect(
      Object.fromEntries(
        Object.entries(SOCIAL_ADAPTERS).map(([kind, adapter]) => [kind, adapter.capabilities.maxButtons]),
      ),
    ).toEqual({ facebook: 13, instagram: 13, whatsapp: 10, telegram: 100, x: 0 });
  });
});

describe('Telegram buttons', () => {
  const telegram = SOCIAL_ADAPTERS.telegram;
  const credentials = { botToken: '7000000042:AAH-buttons-token', secretToken: 'sada_secret' };

  it('sends an inline keyboard, and a press comes back as the payload, acknowledged to stop the spinner', async () => {
    await telegram.send(
      {
        action: 'message',
        to: '555001',
        text: 'Do you accept our offer?',
        buttons: buttons(2, (n) => (n === 1 ? 'Accept' : 'Decline')),
      },
      context(credentials),
    );
    expect(simulator.sent.at(-1)!.json).toMatchObject({
      chat_id: '555001',
      text: 'Do you accept our offer?',
      reply_markup: {
        inline_keyboard: [
          [{ text: 'Accept', callback_data: payload('c1') }],
          [{ text: 'Decline', callback_data: payload('c2') }],
        ],
      },
    });

    const [sent] = simulator.sentButtons();
    expect(sent).toMatchObject({
      surface: 'telegram',
      accountId: '7000000042',
      to: '555001',
      style: 'keyboard',
    });
    const press = buttonPressDelivery(sent!, 'Decline', { name: 'Mona' });
    const event = onlyMessage(telegram.parse(rawOf(press.rawBody)));
    expect(event).toMatchObject({
      visibility: 'private',
      threadId: '555001',
      author: { externalId: '555001', name: 'Mona' },
      text: 'Decline',
      payload: payload('c2'),
      inReplyToId: `555001:${sent!.messageId}`,
    });
    expect(event.externalId).toMatch(/^callback:\d+$/);

    await telegram.acknowledgePress!(event.externalId, { credentials, baseUrl: simulator.url });
    expect(simulator.sent.at(-1)).toMatchObject({
      path: '/bot7000000042:AAH-buttons-token/answerCallbackQuery',
      json: { callback_query_id: event.externalId.slice('callback:'.length) },
      status: 200,
    });
  });

  it('refuses a payload over 64 bytes before asking Telegram', async () => {
    const error = await refusal(
      telegram,
      {
        action: 'message',
        to: '555001',
        text: 'Rate us',
        buttons: [{ title: 'Good', payload: 'x'.repeat(65) }],
      },
      credentials,
    );
    expect(error.code).toBe('invalid_request');
    expect(error.text.ar).toMatch(/64/);
    expect(simulator.sent).toHaveLength(0);
  });
});

describe('WhatsApp buttons', () => {
  const whatsapp = SOCIAL_ADAPTERS.whatsapp;
  const credentials = { appSecret: 'secret', phoneNumberId: '106540352242922', accessToken: 'wa-token' };

  it('sends up to 3 as reply buttons with titles cut to 20 characters; a press comes back as button_reply', async () => {
    await whatsapp.send(
      {
        action: 'message',
        to: '966501234567',
        text: 'هل تقبل العرض؟',
        buttons: [
          { title: 'أقبل عرض الاستبدال المقدم لي', payload: payload('accept') },
          { title: 'أرفض', payload: payload('decline') },
        ],
      },
      context(credentials),
    );
    expect(simulator.sent.at(-1)!.json).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '966501234567',
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'هل تقبل العرض؟' },
        action: {
          buttons: [
            {
              type: 'reply',
              reply: { id: payload('accept'), title: shortenTitle('أقبل عرض الاستبدال المقدم لي', 20) },
            },
            { type: 'reply', reply: { id: payload('decline'), title: 'أرفض' } },
          ],
        },
      },
    });
    const [sent] = simulator.sentButtons();
    const event = onlyMessage(whatsapp.parse(rawOf(buttonPressDelivery(sent!, 1).rawBody)));
    expect(event).toMatchObject({ threadId: '966501234567', text: 'أرفض', payload: payload('decline') });
    expect(event.inReplyToId).toBe(sent!.messageId);
  });

  it('sends 4 to 10 as a list behind one button; a press comes back as list_reply', async () => {
    await whatsapp.send(
      {
        action: 'message',
        to: '966501234567',
        text: 'How did we do?',
        buttons: buttons(5, (n) => `${n} stars — ${'excellent '.repeat(3)}`),
        buttonsLabel: 'Rate us',
      },
      context(credentials),
    );
    const interactive = (simulator.sent.at(-1)!.json as { interactive: Record<string, unknown> }).interactive;
    expect(interactive).toMatchObject({
      type: 'list',
      body: { text: 'How did we do?' },
      action: { button: 'Rate us' },
    });
    const rows = (interactive.action as { sections: { rows: { id: string; title: string }[] }[] })
      .sections[0]!.rows;
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({
      id: payload('c1'),
      title: shortenTitle(`1 stars — ${'excellent '.repeat(3)}`, 24),
    });
    expect(Array.from(rows[0]!.title)).toHaveLength(24);

    const [sent] = simulator.sentButtons();
    expect(sent!.style).toBe('list');
    const event = onlyMessage(whatsapp.parse(rawOf(buttonPressDelivery(sent!, payload('c4')).rawBody)));
    expect(event.payload).toBe(payload('c4'));
  });

  it('refuses more than 10 buttons, in both languages, before asking WhatsApp', async () => {
    const error = await refusal(
      whatsapp,
      { action: 'message', to: '966501234567', text: 'Choose', buttons: buttons(11) },
      credentials,
    );
    expect(error.code).toBe('invalid_request');
    expect(error.text.en).toBe('WhatsApp shows at most 10 buttons under a message, not 11.');
    expect(error.text.ar).toMatch(/واتساب|WhatsApp/);
    expect(simulator.sent).toHaveLength(0);
  });
});

describe('Messenger and Instagram quick replies', () => {
  it.each([
    [
      'facebook',
      { appSecret: 's', pageId: '104400000000001', pageAccessToken: 'page-token' },
      '104400000000001',
    ],
    [
      'instagram',
      { appSecret: 's', instagramAccountId: '17841400000000001', accessToken: 'ig-token' },
      '17841400000000001',
    ],
  ] as const)('%s: sends quick replies under the text; a press comes back with its payload', async (kind, credentials, accountId) => {
    const adapter = SOCIAL_ADAPTERS[kind];
    await adapter.send(
      {
        action: 'message',
        to: '7000111',
        text: 'Was this solved?',
        buttons: [
          { title: 'Yes, thank you very much', payload: payload('yes') },
          { title: 'No', payload: payload('no') },
        ],
      },
      context(credentials),
    );
    expect(simulator.sent.at(-1)!.json).toMatchObject({
      recipient: { id: '7000111' },
      message: {
        text: 'Was this solved?',
        quick_replies: [
          { content_type: 'text', title: 'Yes, thank you very…', payload: payload('yes') },
          { content_type: 'text', title: 'No', payload: payload('no') },
        ],
      },
    });
    const [sent] = simulator.sentButtons();
    expect(sent).toMatchObject({ surface: 'messenger', accountId, to: '7000111', style: 'quick_replies' });
    const press = buttonPressDelivery(sent!, 'No', { channel: kind });
    const event = onlyMessage(adapter.parse(rawOf(press.rawBody)));
    expect(event).toMatchObject({ threadId: '7000111', text: 'No', payload: payload('no'), isEcho: false });
  });

  it('refuses more than 13 quick replies', async () => {
    const error = await refusal(
      SOCIAL_ADAPTERS.facebook,
      { action: 'message', to: '7000111', text: 'Choose', buttons: buttons(14) },
      { appSecret: 's', pageId: '104400000000001', pageAccessToken: 'page-token' },
    );
    expect(error.code).toBe('invalid_request');
    expect(error.text.en).toContain('at most 13');
    expect(simulator.sent).toHaveLength(0);
  });
});

describe('X', () => {
  it('refuses buttons: a direct message carries none', async () => {
    const error = await refusal(
      SOCIAL_ADAPTERS.x,
      { action: 'message', to: '880001', text: 'Rate us', buttons: buttons(1) },
      { consumerSecret: 'c', userId: '1600000000000000001', accessToken: 'x-token' },
    );
    expect(error.code).toBe('invalid_request');
    expect(error.text.ar).toContain('أزرار');
    expect(simulator.sent).toHaveLength(0);
  });
});
