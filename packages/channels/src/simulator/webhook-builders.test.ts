import { describe, expect, it } from 'vitest';
import {
  instagramComment,
  instagramMessage,
  messengerMessage,
  messengerReceipt,
  pageComment,
} from './meta-webhooks.ts';
import { telegramUpdate } from './telegram-webhooks.ts';
import { whatsappMessage, whatsappStatus } from './whatsapp-webhooks.ts';
import { xDirectMessage, xMention } from './x-webhooks.ts';

const at = new Date('2026-11-26T10:15:30.250Z');
const ms = at.getTime();
const seconds = Math.floor(ms / 1000);

describe('Meta webhook builders', () => {
  it('builds a Messenger message with ms timestamps, attachments, quick reply and reply_to', () => {
    const delivery = messengerMessage({
      pageId: '1047',
      psid: '6254',
      text: 'صورة الفاتورة',
      attachments: [{ type: 'image', url: 'https://scontent.example/1.jpg' }],
      quickReplyPayload: 'ORDER_STATUS',
      replyToMid: 'm_previous',
      at,
    });
    expect(delivery.body).toEqual({
      object: 'page',
      entry: [
        {
          id: '1047',
          time: ms,
          messaging: [
            {
              sender: { id: '6254' },
              recipient: { id: '1047' },
              timestamp: ms,
              message: {
                mid: delivery.externalId,
                text: 'صورة الفاتورة',
                attachments: [{ type: 'image', payload: { url: 'https://scontent.example/1.jpg' } }],
                quick_reply: { payload: 'ORDER_STATUS' },
                reply_to: { mid: 'm_previous' },
              },
            },
          ],
        },
      ],
    });
    expect(delivery.rawBody).not.toContain('صورة');
    expect(delivery.rawBody).toContain('https:\\/\\/scontent.example\\/1.jpg');
  });

  it('builds a Page comment in seconds, on the post, with a `<post>_<comment>` id', () => {
    const delivery = pageComment({
      pageId: '1047',
      postId: '1221',
      from: { id: '70', name: 'نورة' },
      message: 'سيء',
      at,
    });
    const entry = (delivery.body.entry as any[])[0];
    expect(entry.time).toBe(seconds);
    expect(entry.changes[0].field).toBe('feed');
    expect(entry.changes[0].value).toMatchObject({
      item: 'comment',
      verb: 'add',
      post_id: '1047_1221',
      parent_id: '1047_1221',
      comment_id: expect.stringMatching(/^1221_\d{16}$/),
      created_time: seconds,
      from: { id: '70', name: 'نورة' },
    });
    expect(delivery.externalId).toBe(entry.changes[0].value.comment_id);
  });

  it('builds delivery and read receipts under the watermark', () => {
    const delivered = messengerReceipt({
      pageId: '1047',
      psid: '6254',
      kind: 'delivery',
      mids: ['m_1'],
      watermark: ms - 5,
      at,
    });
    expect((delivered.body.entry as any[])[0].messaging[0]).toEqual({
      sender: { id: '6254' },
      recipient: { id: '1047' },
      timestamp: ms,
      delivery: { mids: ['m_1'], watermark: ms - 5 },
    });
    const read = messengerReceipt({ pageId: '1047', psid: '6254', kind: 'read', watermark: ms, at });
    expect((read.body.entry as any[])[0].messaging[0].read).toEqual({ watermark: ms });
  });

  it('builds Instagram echoes with sender and recipient swapped, and unsent messages', () => {
    const echo = instagramMessage({ igAccountId: '1784', igsid: '5300', text: 'أهلاً', isEcho: true, at });
    const event = (echo.body.entry as any[])[0].messaging[0];
    expect(event).toMatchObject({
      sender: { id: '1784' },
      recipient: { id: '5300' },
      message: { is_echo: true },
    });
    const unsent = instagramMessage({ igAccountId: '1784', igsid: '5300', mid: 'aWdf', isDeleted: true, at });
    expect((unsent.body.entry as any[])[0].messaging[0].message).toEqual({ mid: 'aWdf', is_deleted: true });
  });

  it('builds Instagram comments in both envelope shapes', () => {
    const options = {
      igAccountId: '1784',
      mediaId: '1800',
      from: { id: '1785', username: 'noura' },
      text: 'كم السعر؟',
      at,
    };
    const changes = instagramComment(options).body.entry as any[];
    expect(changes[0].changes[0]).toMatchObject({
      field: 'comments',
      value: { text: 'كم السعر؟', media: { id: '1800' } },
    });
    const flat = instagramComment({ ...options, shape: 'field-value' }).body.entry as any[];
    expect(flat[0]).toMatchObject({ id: '1784', field: 'comments', value: { from: { username: 'noura' } } });
  });
});

describe('WhatsApp webhook builders', () => {
  it('builds a text message with a string timestamp in seconds', () => {
    const delivery = whatsappMessage({
      phoneNumberId: '1065',
      waId: '966512345678',
      name: 'سارة',
      text: 'مرحبا',
      at,
    });
    const value = (delivery.body.entry as any[])[0].changes[0].value;
    expect(value.metadata.phone_number_id).toBe('1065');
    expect(value.contacts).toEqual([{ profile: { name: 'سارة' }, wa_id: '966512345678' }]);
    expect(value.messages[0]).toEqual({
      from: '966512345678',
      id: delivery.externalId,
      timestamp: String(seconds),
      type: 'text',
      text: { body: 'مرحبا' },
    });
    expect(delivery.externalId).toMatch(/^wamid\./);
  });

  it('builds image, location and interactive messages', () => {
    const base = { phoneNumberId: '1065', waId: '9665', name: 'A' };
    const message = (delivery: { body: Record<string, unknown> }) =>
      (delivery.body.entry as any[])[0].changes[0].value.messages[0];
    expect(message(whatsappMessage({ ...base, image: { caption: 'الفاتورة' } }))).toMatchObject({
      type: 'image',
      image: {
        caption: 'الفاتورة',
        mime_type: 'image/jpeg',
        sha256: expect.any(String),
        id: expect.any(String),
      },
    });
    expect(
      message(whatsappMessage({ ...base, location: { latitude: 24.7, longitude: 46.6 } })),
    ).toMatchObject({
      type: 'location',
      location: { latitude: 24.7, longitude: 46.6 },
    });
    expect(
      message(whatsappMessage({ ...base, interactive: { buttonReply: { id: 'yes', title: 'نعم' } } })),
    ).toMatchObject({
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'yes', title: 'نعم' } },
    });
  });

  it('builds a failed status with its error', () => {
    const delivery = whatsappStatus({
      phoneNumberId: '1065',
      wamid: 'wamid.X',
      status: 'failed',
      error: { code: 131047, title: 'Re-engagement message' },
      at,
    });
    const status = (delivery.body.entry as any[])[0].changes[0].value.statuses[0];
    expect(status).toMatchObject({
      id: 'wamid.X',
      status: 'failed',
      timestamp: String(seconds),
      errors: [{ code: 131047 }],
    });
    expect(status.pricing).toBeUndefined();
  });
});

describe('Telegram update builder', () => {
  const from = { id: 5101, firstName: 'خالد', username: 'khalid' };

  it('numbers updates upwards and dates messages in seconds', () => {
    const first = telegramUpdate({ chatId: 5101, from, text: 'مرحبا', at });
    const second = telegramUpdate({ chatId: 5101, from, text: 'هل من أحد؟', at });
    expect((second.body.update_id as number) - (first.body.update_id as number)).toBe(1);
    expect(first.body.message).toMatchObject({
      date: seconds,
      chat: { id: 5101, type: 'private' },
      from: { id: 5101, is_bot: false },
    });
    expect(first.externalId).toBe(String(first.body.update_id));
  });

  it('builds edits, replies, photos, documents and button taps', () => {
    const edited = telegramUpdate({ chatId: 5101, from, text: 'مصحح', editOf: 77, at }).body
      .edited_message as any;
    expect(edited).toMatchObject({ message_id: 77, edit_date: seconds, text: 'مصحح' });
    const reply = telegramUpdate({
      chatId: 5101,
      from,
      text: 'نعم',
      replyTo: { messageId: 12, text: 'هل وصلك؟' },
    });
    expect((reply.body.message as any).reply_to_message).toMatchObject({
      message_id: 12,
      from: { is_bot: true },
    });
    const photo = telegramUpdate({ chatId: 5101, from, photo: { caption: 'الكرتون مكسور' } }).body
      .message as any;
    expect(photo.photo).toHaveLength(3);
    expect(photo.caption).toBe('الكرتون مكسور');
    const document = telegramUpdate({
      chatId: 5101,
      from,
      document: { fileName: 'a.pdf', mimeType: 'application/pdf' },
    });
    expect((document.body.message as any).document).toMatchObject({
      file_name: 'a.pdf',
      mime_type: 'application/pdf',
    });
    const tap = telegramUpdate({
      chatId: 5101,
      from,
      callbackData: 'csat:5',
      replyTo: { messageId: 12, text: 'قيّم' },
    });
    expect(tap.body.callback_query).toMatchObject({
      data: 'csat:5',
      chat_instance: expect.any(String),
      message: { message_id: 12 },
    });
  });
});

describe('X webhook builders', () => {
  it('writes 64-bit ids as exact bare numbers beside their _str twins, and escapes HTML', () => {
    const delivery = xMention({
      forUserId: '1600000000000000001',
      tweetId: '1861234567890123457',
      from: { id: '1601234567890123457', screen_name: 'em', name: 'Em' },
      text: 'refund & <now>',
      inReplyTo: { tweetId: '1861234567890120000', userId: '1600000000000000001', screenName: 'SadaSupport' },
      at,
    });
    expect(delivery.rawBody).toContain('"id":1861234567890123457,"id_str":"1861234567890123457"');
    expect(delivery.rawBody).toContain('"in_reply_to_status_id":1861234567890120000');
    const tweet = (delivery.body.tweet_create_events as any[])[0];
    expect(tweet.text).toBe('@SadaSupport refund &amp; &lt;now&gt;');
    expect(tweet.timestamp_ms).toBe(String(ms));
    expect(tweet.created_at).toBe('Thu Nov 26 10:15:30 +0000 2026');
    expect(tweet.entities.user_mentions[0]).toMatchObject({ screen_name: 'SadaSupport', indices: [0, 12] });
  });

  it('builds a DM with the users map and a millisecond string timestamp', () => {
    const delivery = xDirectMessage({
      forUserId: '1600',
      senderId: '1601',
      senderName: 'نورة',
      text: 'a&b',
      at,
    });
    const event = (delivery.body.direct_message_events as any[])[0];
    expect(event).toMatchObject({
      type: 'message_create',
      id: delivery.externalId,
      created_timestamp: String(ms),
      message_create: {
        target: { recipient_id: '1600' },
        sender_id: '1601',
        message_data: { text: 'a&amp;b' },
      },
    });
    expect(Object.keys(delivery.body.users as object).sort()).toEqual(['1600', '1601']);
  });

  it('gives every event a fresh id', () => {
    const ids = new Set<string>();
    for (let index = 0; index < 200; index += 1) {
      ids.add(
        xMention({ forUserId: '1', from: { id: '2', screen_name: 'a', name: 'A' }, text: 'x', at })
          .externalId,
      );
      ids.add(messengerMessage({ pageId: '1', psid: '2', text: 'x' }).externalId);
      ids.add(whatsappMessage({ phoneNumberId: '1', waId: '2', name: 'A', text: 'x' }).externalId);
      ids.add(
        pageComment({ pageId: '1', postId: '2', from: { id: '3', name: 'A' }, message: 'x' }).externalId,
      );
    }
    expect(ids.size).toBe(800);
  });
});
