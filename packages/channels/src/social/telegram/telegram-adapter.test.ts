import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type RawWebhook, SocialSendError } from '../adapter.ts';
import { type PlatformStub, type StubAnswer, startPlatformStub } from './platform-stub.ts';
import { createTelegramAdapter, telegramAdapter } from './telegram-adapter.ts';
import { answerTelegramCallback, sendTelegramMessage, setTelegramWebhook } from './telegram-api.ts';

const PRESSED_AT = new Date('2026-11-26T10:00:00Z');
const adapter = createTelegramAdapter({ clock: { now: () => PRESSED_AT } });
const credentials = { botToken: '123456:ABC-token', secretToken: 'sada_secret-42' };

function webhookOf(fixture: string, headers: Record<string, string | undefined> = {}): RawWebhook {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    query: {},
    rawBody: readFileSync(new URL(`./fixtures/${fixture}.json`, import.meta.url)),
  };
}

function parsed(fixture: string) {
  return adapter.parse(webhookOf(fixture));
}

describe('telegram webhook', () => {
  it('has no handshake and leaves the channel to the URL', () => {
    const webhook = { ...webhookOf('message_text'), method: 'GET' as const };
    expect(adapter.handshake(webhook, credentials)).toBeNull();
    expect(adapter.accountIdsOf(webhookOf('message_text'))).toEqual([]);
  });

  it('accepts the secret token header', () => {
    const webhook = webhookOf('message_text', { 'x-telegram-bot-api-secret-token': 'sada_secret-42' });
    expect(telegramAdapter.verify(webhook, credentials)).toBe(true);
  });

  it.each([
    ['a wrong secret', 'sada_secret-43'],
    ['a longer secret', 'sada_secret-42x'],
    ['an empty header', ''],
    ['no header', undefined],
  ])('refuses %s', (_, header) => {
    const webhook = webhookOf('message_text', { 'x-telegram-bot-api-secret-token': header });
    expect(adapter.verify(webhook, credentials)).toBe(false);
  });

  it('refuses everything when the channel has no secret token', () => {
    const webhook = webhookOf('message_text', { 'x-telegram-bot-api-secret-token': '' });
    expect(adapter.verify(webhook, { botToken: credentials.botToken })).toBe(false);
  });
});

describe('telegram updates', () => {
  it('reads a private text message with its Arabic text intact', () => {
    expect(parsed('message_text')).toEqual([
      {
        type: 'message',
        accountId: '',
        externalId: '1111111:1365',
        visibility: 'private',
        author: { externalId: '1111111', name: 'نورة العتيبي', handle: 'noura_q' },
        threadId: '1111111',
        inReplyToId: null,
        text: 'تأخر وصول طلبي رقم ٤٥٢١ أسبوعين، أرجو المساعدة',
        attachments: [],
        payload: null,
        occurredAt: new Date(1441645532 * 1000),
        isEcho: false,
      },
    ]);
  });

  it('reads a reply in a group as public, answering the message in the same chat', () => {
    const [event] = parsed('message_reply');
    expect(event).toMatchObject({
      externalId: '-1001234567890:1366',
      visibility: 'public',
      threadId: '-1001234567890',
      inReplyToId: '-1001234567890:1334',
      author: { externalId: '2222222', name: 'خالد', handle: null },
      text: 'وما زالت المشكلة قائمة!',
    });
  });

  it('reads an edit with the time it was edited', () => {
    expect(parsed('edited_message')).toEqual([
      {
        type: 'edit',
        accountId: '',
        externalId: '1111111:1365',
        text: 'تأخر وصول طلبي رقم ٤٥٢١ ثلاثة أسابيع',
        occurredAt: new Date(1441646600 * 1000),
      },
    ]);
  });

  it('keeps a document with its caption as the text', () => {
    const [event] = parsed('message_document');
    expect(event).toMatchObject({
      text: 'صورة الفاتورة',
      attachments: [
        {
          kind: 'file',
          url: null,
          name: 'فاتورة.pdf',
          contentType: 'application/pdf',
          detail: 'BQADBAADbwADbwADbwADbwADbwAD',
        },
      ],
    });
  });

  it('keeps only the largest size of a photo', () => {
    const [event] = parsed('message_photo');
    expect(event).toMatchObject({
      text: 'المنتج وصل مكسوراً',
      attachments: [{ kind: 'image', url: null, name: null, contentType: null, detail: 'AgACAgQAAx0-large' }],
    });
  });

  it('reads a location and a sticker', () => {
    expect(parsed('message_location')[0]).toMatchObject({
      text: '',
      attachments: [{ kind: 'location', url: null, detail: '24.7136,46.6753' }],
    });
    expect(parsed('message_sticker')[0]).toMatchObject({
      attachments: [{ kind: 'sticker', url: null, name: '😡', detail: 'CAACAgIAAxkBAAI' }],
    });
  });

  it('reads a channel post as public, written by the channel', () => {
    expect(parsed('channel_post')[0]).toMatchObject({
      externalId: '-1009876543210:77',
      visibility: 'public',
      author: { externalId: '-1009876543210', name: 'أخبار صدى', handle: 'sada_news' },
    });
  });

  it('reads a button press as a message carrying its payload and the button text', () => {
    expect(parsed('callback_query_with_message')).toEqual([
      {
        type: 'message',
        accountId: '',
        externalId: 'callback:4382bfdwdsb323b2d9',
        visibility: 'private',
        author: { externalId: '1111111', name: 'نورة', handle: 'noura_q' },
        threadId: '1111111',
        inReplyToId: '1111111:1400',
        text: 'نعم، شكراً',
        attachments: [],
        payload: 'resolved:yes',
        occurredAt: PRESSED_AT,
        isEcho: false,
      },
    ]);
  });

  it("reads the official (outdated) inline button press in the presser's private thread", () => {
    expect(parsed('callback_query_inline_official')[0]).toMatchObject({
      externalId: 'callback:4382bfdwdsb323b2d9',
      threadId: '1111111',
      inReplyToId: null,
      text: 'Data from button callback',
      payload: 'Data from button callback',
    });
  });

  it('reads a shared contact as its phone number', () => {
    expect(parsed('message_contact')[0]).toMatchObject({
      text: '',
      attachments: [{ kind: 'other', url: null, name: 'نورة', detail: '+966500000000' }],
    });
  });

  it('ignores my_chat_member, service messages and bodies that are not updates', () => {
    expect(parsed('my_chat_member')).toEqual([]);
    expect(parsed('message_new_chat_members')).toEqual([]);
    expect(adapter.parse({ ...webhookOf('message_text'), rawBody: Buffer.from('not json') })).toEqual([]);
  });
});

describe('telegram sends', () => {
  let platform: PlatformStub | undefined;
  afterEach(async () => {
    await platform?.stop();
    platform = undefined;
  });

  async function startTelegram(answer: StubAnswer = sentAnswer(1111111, 1500)) {
    platform = await startPlatformStub(() => answer);
    return platform;
  }

  function sentAnswer(chatId: number, messageId: number): StubAnswer {
    return { json: { ok: true, result: { message_id: messageId, chat: { id: chatId }, date: 1 } } };
  }

  function context(baseUrl: string) {
    return { credentials, baseUrl, lastInboundAt: null, now: PRESSED_AT };
  }

  it('sends a private message to the chat', async () => {
    const { baseUrl, requests } = await startTelegram();
    const sent = await adapter.send(
      { action: 'message', to: '1111111', text: 'نعتذر، سنعوضك خلال يومين' },
      context(baseUrl),
    );
    expect(sent).toEqual({ externalId: '1111111:1500' });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      url: expect.objectContaining({ pathname: '/bot123456:ABC-token/sendMessage' }),
      headers: expect.objectContaining({ 'content-type': 'application/json' }),
      json: { chat_id: '1111111', text: 'نعتذر، سنعوضك خلال يومين' },
    });
  });

  it('replies in a group to the message answered', async () => {
    const { baseUrl, requests } = await startTelegram(sentAnswer(-1001234567890, 1501));
    const sent = await adapter.send(
      { action: 'reply_public', inReplyToId: '-1001234567890:1366', text: 'تواصلنا معك على الخاص' },
      context(baseUrl),
    );
    expect(sent).toEqual({ externalId: '-1001234567890:1501' });
    expect(requests[0]?.json).toEqual({
      chat_id: '-1001234567890',
      text: 'تواصلنا معك على الخاص',
      reply_parameters: { message_id: 1366, allow_sending_without_reply: true },
    });
  });

  it('sends attachments by URL after the text', async () => {
    const { baseUrl, requests } = await startTelegram();
    await adapter.send(
      {
        action: 'message',
        to: '1111111',
        text: 'إيصال الاسترداد',
        attachments: [{ url: 'https://files.sada.test/receipt.pdf', kind: 'file' }],
      },
      context(baseUrl),
    );
    expect(requests.map(({ url }) => url.pathname)).toEqual([
      '/bot123456:ABC-token/sendMessage',
      '/bot123456:ABC-token/sendDocument',
    ]);
    expect(requests[1]?.json).toEqual({
      chat_id: '1111111',
      document: 'https://files.sada.test/receipt.pdf',
    });
  });

  it('adds buttons as an inline keyboard', async () => {
    const { baseUrl, requests } = await startTelegram();
    await sendTelegramMessage({
      baseUrl,
      botToken: credentials.botToken,
      chatId: '1111111',
      text: 'هل حُلّت مشكلتك؟',
      buttons: [
        { text: 'نعم', payload: 'resolved:yes' },
        { text: 'لا', payload: 'resolved:no' },
      ],
    });
    expect(requests[0]?.json).toMatchObject({
      reply_markup: {
        inline_keyboard: [
          [{ text: 'نعم', callback_data: 'resolved:yes' }],
          [{ text: 'لا', callback_data: 'resolved:no' }],
        ],
      },
    });
  });

  it('answers a button press', async () => {
    const { baseUrl, requests } = await startTelegram({ json: { ok: true, result: true } });
    await answerTelegramCallback({ baseUrl, botToken: credentials.botToken, callbackQueryId: '4382bf' });
    expect(requests[0]?.url.pathname).toBe('/bot123456:ABC-token/answerCallbackQuery');
    expect(requests[0]?.json).toEqual({ callback_query_id: '4382bf' });
  });

  it('sets the webhook with the secret token and the updates Sada reads', async () => {
    const { baseUrl, requests } = await startTelegram({ json: { ok: true, result: true } });
    await setTelegramWebhook({
      baseUrl,
      botToken: credentials.botToken,
      url: 'https://sada.example/webhooks/telegram/ch_1',
      secretToken: credentials.secretToken,
    });
    expect(requests[0]?.url.pathname).toBe('/bot123456:ABC-token/setWebhook');
    expect(requests[0]?.json).toEqual({
      url: 'https://sada.example/webhooks/telegram/ch_1',
      secret_token: 'sada_secret-42',
      allowed_updates: ['message', 'edited_message', 'channel_post', 'edited_channel_post', 'callback_query'],
    });
  });

  it('refuses a secret token Telegram would reject, without asking', async () => {
    const { baseUrl, requests } = await startTelegram();
    const setting = setTelegramWebhook({ baseUrl, botToken: 'x', url: 'https://a.test', secretToken: 'سر' });
    await expect(setting).rejects.toThrow(SocialSendError);
    expect(requests).toHaveLength(0);
  });

  async function sendFailure(answer: StubAnswer): Promise<SocialSendError> {
    const { baseUrl } = await startTelegram(answer);
    const error = await adapter
      .send({ action: 'message', to: '1111111', text: 'مرحباً' }, context(baseUrl))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SocialSendError);
    return error as SocialSendError;
  }

  it('maps 429 to a temporary failure with retry_after', async () => {
    const error = await sendFailure({
      status: 429,
      json: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 17',
        parameters: { retry_after: 17 },
      },
    });
    expect(error).toMatchObject({ isPermanent: false, retryAfterSeconds: 17, code: 'rate_limited' });
  });

  it('maps a server error to a temporary failure', async () => {
    const error = await sendFailure({
      status: 502,
      json: { ok: false, error_code: 502, description: 'Bad Gateway' },
    });
    expect(error).toMatchObject({ isPermanent: false, retryAfterSeconds: null });
  });

  it("maps a blocked bot to a permanent failure with Telegram's words, without the token", async () => {
    const error = await sendFailure({
      status: 403,
      json: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
    });
    expect(error.isPermanent).toBe(true);
    expect(error.code).toBe('rejected_recipient');
    expect(error.message).toContain('Forbidden: bot was blocked by the user');
    expect(error.text.ar).toBe(
      'فشل طلب تيليجرام sendMessage (403): “Forbidden: bot was blocked by the user”.',
    );
    expect(error.message).not.toContain(credentials.botToken);
    expect(error.text.ar).not.toContain(credentials.botToken);
  });

  it('maps chat not found to a permanent failure', async () => {
    const error = await sendFailure({
      status: 400,
      json: { ok: false, error_code: 400, description: 'Bad Request: chat not found' },
    });
    expect(error).toMatchObject({ isPermanent: true, message: expect.stringContaining('chat not found') });
  });

  it('refuses a message over 4096 characters, and what Telegram cannot do, without asking', async () => {
    const { baseUrl, requests } = await startTelegram();
    const tooLong = adapter.send({ action: 'message', to: '1', text: 'ب'.repeat(4097) }, context(baseUrl));
    await expect(tooLong).rejects.toThrow('1 characters over');
    await expect(tooLong).rejects.toMatchObject({
      code: 'too_long',
      text: { ar: 'الرسالة تزيد 1 حرفًا على حد تيليجرام البالغ 4096 (طولها 4097).' },
    });
    const hide = adapter.send({ action: 'hide', commentId: '1:2', isHidden: true }, context(baseUrl));
    await expect(hide).rejects.toMatchObject({ isPermanent: true, code: 'not_supported' });
    expect(requests).toHaveLength(0);
  });
});
