import { describe, expect, it } from 'vitest';
import type { SocialOutbound } from '../adapter.ts';
import { graphApiVersion } from './common.ts';
import { postedFixture } from './fixture-webhook.ts';
import { useGraphStub } from './graph-stub.ts';
import { whatsappAdapter } from './whatsapp-adapter.ts';

const phoneNumberId = '106540352242922';
const waId = '966501234567';
const parse = (name: string) => whatsappAdapter.parse(postedFixture(name));

describe('whatsappAdapter.parse', () => {
  it('reads a text with the sender’s profile name, Arabic intact', () => {
    expect(parse('whatsapp/inbound_text.json')).toEqual([
      {
        type: 'message',
        accountId: phoneNumberId,
        externalId: 'wamid.HBgMOTY2NTAxMjM0NTY3FQIAEhggQTEx',
        visibility: 'private',
        author: { externalId: waId, name: 'محمد العتيبي', handle: null },
        threadId: waId,
        inReplyToId: null,
        text: 'السلام عليكم، الفاتورة فيها خطأ',
        attachments: [],
        payload: null,
        occurredAt: new Date(1732617600 * 1000),
        isEcho: false,
      },
    ]);
    expect(whatsappAdapter.accountIdsOf(postedFixture('whatsapp/inbound_text.json'))).toEqual([
      phoneNumberId,
    ]);
  });

  it('keeps the message a reply quotes', () => {
    expect(parse('whatsapp/inbound_reply_with_context.json')[0]).toMatchObject({
      inReplyToId: 'wamid.OUR_REPLY_1',
    });
  });

  it('reads media by id, to be fetched later', () => {
    expect(
      parse('whatsapp/inbound_media.json').map((event) =>
        event.type === 'message' ? [event.text, event.attachments] : null,
      ),
    ).toEqual([
      [
        'صورة العداد',
        [{ kind: 'image', url: null, name: null, contentType: 'image/jpeg', detail: '1479537139650973' }],
      ],
      [
        '',
        [
          {
            kind: 'file',
            url: null,
            name: 'فاتورة.pdf',
            contentType: 'application/pdf',
            detail: '1479537139650974',
          },
        ],
      ],
      [
        '',
        [
          {
            kind: 'audio',
            url: null,
            name: null,
            contentType: 'audio/ogg; codecs=opus',
            detail: '1479537139650975',
          },
        ],
      ],
      ['', [{ kind: 'video', url: null, name: null, contentType: 'video/mp4', detail: '1479537139650976' }]],
      [
        '',
        [{ kind: 'sticker', url: null, name: null, contentType: 'image/webp', detail: '1479537139650977' }],
      ],
    ]);
  });

  it('reads a location as "lat,long" with its place name', () => {
    expect(parse('whatsapp/inbound_location.json')[0]).toMatchObject({
      text: '',
      attachments: [
        { kind: 'location', url: null, name: 'فرع العليا, طريق العليا، الرياض', detail: '24.7136,46.6753' },
      ],
    });
  });

  it('reads button and list replies and template buttons as payloads', () => {
    expect(parse('whatsapp/inbound_interactive.json')).toEqual([
      expect.objectContaining({
        text: 'نعم، تم الحل',
        payload: 'resolved_yes',
        inReplyToId: 'wamid.OUR_BUTTONS',
      }),
      expect.objectContaining({ text: 'الفواتير', payload: 'topic_billing', inReplyToId: 'wamid.OUR_LIST' }),
      expect.objectContaining({
        text: 'تواصل معي',
        payload: 'CALL_ME_BACK',
        inReplyToId: 'wamid.OUR_TEMPLATE',
      }),
    ]);
  });

  it('keeps an unsupported message, saying why', () => {
    expect(parse('whatsapp/inbound_unsupported_type.json')[0]).toMatchObject({
      externalId: 'wamid.UNKNOWN',
      text: '',
      attachments: [{ kind: 'other', detail: 'Unsupported message type' }],
    });
  });

  it('reads reactions and their removal', () => {
    expect(parse('whatsapp/inbound_reaction.json')).toEqual([
      expect.objectContaining({
        type: 'reaction',
        externalId: 'wamid.OUR_REPLY_1',
        reaction: '👍',
        isRemoved: false,
      }),
      expect.objectContaining({
        type: 'reaction',
        externalId: 'wamid.OUR_REPLY_1',
        reaction: '',
        isRemoved: true,
      }),
    ]);
  });

  it('reads statuses, a played voice note as read', () => {
    expect(parse('whatsapp/status_sent.json')).toEqual([
      {
        type: 'status',
        accountId: phoneNumberId,
        externalId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
        status: 'sent',
        error: null,
        occurredAt: new Date(1750030073 * 1000),
      },
    ]);
    expect(
      parse('whatsapp/status_read_delivered.json').map((event) => event.type === 'status' && event.status),
    ).toEqual(['read', 'delivered', 'read']);
  });

  it('reads a failure with Meta’s title, code and details', () => {
    expect(parse('whatsapp/status_failed.json')).toEqual([
      expect.objectContaining({
        status: 'failed',
        error:
          'This message was not delivered to maintain healthy ecosystem engagement. (131049): In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
      }),
    ]);
  });

  it('yields every event of a batch in order, each for its own number', () => {
    const webhook = postedFixture('whatsapp/batch.json');
    expect(
      whatsappAdapter.parse(webhook).map((event) => [event.type, event.accountId, event.externalId]),
    ).toEqual([
      ['message', phoneNumberId, 'wamid.BATCH_1'],
      ['message', '106540352242999', 'wamid.BATCH_2'],
      ['status', phoneNumberId, 'wamid.OUR_REPLY_2'],
    ]);
    expect(whatsappAdapter.parse(webhook)[1]).toMatchObject({
      author: { name: 'Aisha' },
      text: 'second message',
    });
    expect(whatsappAdapter.accountIdsOf(webhook)).toEqual([phoneNumberId, '106540352242999']);
  });

  it('ignores bodies of other objects', () => {
    expect(parse('messenger/text_quick_reply.json')).toEqual([]);
    expect(whatsappAdapter.accountIdsOf(postedFixture('instagram/dm_text.json'))).toEqual([]);
  });
});

describe('whatsappAdapter.send', () => {
  const graph = useGraphStub();

  const now = new Date('2026-11-26T12:00:00Z');
  const credentials = { appSecret: 's', phoneNumberId, accessToken: 'WA_TOKEN' };
  const send = (outbound: SocialOutbound, lastInboundAt: Date | null = new Date(now.getTime() - 3_600_000)) =>
    whatsappAdapter.send(outbound, { credentials, baseUrl: graph.baseUrl, lastInboundAt, now });
  const accepted = (id: string) => ({
    status: 200,
    body: { messaging_product: 'whatsapp', contacts: [{ input: waId, wa_id: waId }], messages: [{ id }] },
  });

  it('sends a session text inside 24 hours with a bearer token', async () => {
    graph.answer(accepted('wamid.SENT_1'));
    await expect(send({ action: 'message', to: waId, text: 'تم تصحيح الفاتورة' })).resolves.toEqual({
      externalId: 'wamid.SENT_1',
    });
    expect(graph.calls[0]).toMatchObject({
      method: 'POST',
      path: `/${graphApiVersion}/${phoneNumberId}/messages`,
      query: {},
      body: {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: waId,
        type: 'text',
        text: { preview_url: false, body: 'تم تصحيح الفاتورة' },
      },
    });
    expect(graph.calls[0]!.headers.authorization).toBe('Bearer WA_TOKEN');
  });

  it('sends attachments by link after the text', async () => {
    graph.answer(accepted('wamid.TEXT'), accepted('wamid.DOC'));
    await send({
      action: 'message',
      to: waId,
      text: 'الفاتورة المصححة',
      attachments: [{ url: 'https://sada.test/f.pdf', kind: 'file' }],
    });
    expect(graph.calls.map((call) => call.body)).toEqual([
      expect.objectContaining({ type: 'text' }),
      expect.objectContaining({ type: 'document', document: { link: 'https://sada.test/f.pdf' } }),
    ]);
  });

  it('refuses free-form text after 24 hours or with no inbound, without a request', async () => {
    const late = send(
      { action: 'message', to: waId, text: 'مرحباً' },
      new Date(now.getTime() - 2 * 24 * 3_600_000),
    );
    await expect(late).rejects.toThrow(
      /last wrote 2 days ago; WhatsApp allows free-form replies for 24 hours\. Send an approved template/,
    );
    await expect(late).rejects.toMatchObject({
      isPermanent: true,
      code: 'window_closed',
      text: { ar: expect.stringContaining('واتساب يسمح بالردود الحرة خلال 24 ساعة') },
    });
    await expect(send({ action: 'message', to: waId, text: 'مرحباً' }, null)).rejects.toMatchObject({
      isPermanent: true,
    });
    expect(graph.calls).toEqual([]);
  });

  it('refuses a text longer than WhatsApp takes, without a request', async () => {
    const tooLong = send({ action: 'message', to: waId, text: 'ش'.repeat(4097) });
    await expect(tooLong).rejects.toThrow(/at most 4096/);
    await expect(tooLong).rejects.toMatchObject({
      code: 'too_long',
      text: { ar: 'الرد 4097 حرفًا، وواتساب يقبل 4096 على الأكثر. اختصره أو قسّمه.' },
    });
    expect(graph.calls).toEqual([]);
  });

  it('sends an approved template at any time, with its body parameters', async () => {
    graph.answer(accepted('wamid.TEMPLATE'), accepted('wamid.TEMPLATE_2'));
    const template: SocialOutbound = {
      action: 'template',
      to: waId,
      template: { name: 'case_update', language: 'ar', parameters: ['SAD-2026-000042', 'تم الحل'] },
    };
    await expect(send(template, null)).resolves.toEqual({ externalId: 'wamid.TEMPLATE' });
    expect(graph.calls[0]!.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: waId,
      type: 'template',
      template: {
        name: 'case_update',
        language: { code: 'ar' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'SAD-2026-000042' },
              { type: 'text', text: 'تم الحل' },
            ],
          },
        ],
      },
    });
    await send(
      { action: 'template', to: waId, template: { name: 'hello', language: 'en_US', parameters: [] } },
      null,
    );
    expect(graph.calls[1]!.body).toMatchObject({ template: { name: 'hello', language: { code: 'en_US' } } });
    expect(graph.calls[1]!.body).not.toHaveProperty('template.components');
  });

  it('refuses public actions WhatsApp does not have', async () => {
    await expect(send({ action: 'hide', commentId: 'x', isHidden: true })).rejects.toMatchObject({
      isPermanent: true,
    });
    await expect(send({ action: 'reply_public', inReplyToId: 'x', text: 'y' })).rejects.toMatchObject({
      isPermanent: true,
    });
    expect(graph.calls).toEqual([]);
  });
});
