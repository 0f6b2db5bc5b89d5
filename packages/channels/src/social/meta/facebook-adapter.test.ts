import { describe, expect, it } from 'vitest';
import { type SocialOutbound, SocialSendError } from '../adapter.ts';
import { graphApiVersion } from './common.ts';
import { facebookAdapter } from './facebook-adapter.ts';
import { postedFixture } from './fixture-webhook.ts';
import { useGraphStub } from './graph-stub.ts';

const pageId = '104553302365829';
const psid = '6897081203671512';
const parse = (name: string) => facebookAdapter.parse(postedFixture(name));

describe('facebookAdapter.parse: Messenger', () => {
  it('reads a text with a quick reply, Arabic intact', () => {
    expect(parse('messenger/text_quick_reply.json')).toEqual([
      {
        type: 'message',
        accountId: pageId,
        externalId: 'm_qr_1',
        visibility: 'private',
        author: { externalId: psid, name: null, handle: null },
        threadId: psid,
        inReplyToId: null,
        text: 'نعم، أريد متابعة الشكوى',
        attachments: [],
        payload: 'FOLLOW_UP_YES',
        occurredAt: new Date(1732617000100),
        isEcho: false,
      },
    ]);
  });

  it('reads numeric ids of older payloads as strings', () => {
    const [event] = parse('messenger/text_message_signed_raw.txt');
    expect(event).toMatchObject({
      accountId: '1751036168465324',
      externalId: 'mid.1460923697625:5c96e8279b55505308',
      author: { externalId: '982337261802700' },
      text: 'Test äëï',
    });
  });

  it('keeps the message a reply answers', () => {
    expect(parse('messenger/reply_to_message.json')[0]).toMatchObject({ inReplyToId: 'm_original_1' });
  });

  it('reads attachments and keeps a sticker sent as both sticker and image once', () => {
    const [withFiles, sticker] = parse('messenger/attachments.json');
    expect(withFiles).toMatchObject({
      text: 'صورة الفاتورة',
      attachments: [
        { kind: 'image', url: 'https://scontent.xx.fbcdn.net/v/invoice.jpg', detail: null },
        { kind: 'file', url: 'https://cdn.fbsbx.com/v/receipt.pdf' },
        {
          kind: 'other',
          url: 'https://youtu.be/bbo_fZAjIhg',
          name: 'TAHITI - Heaven on Earth',
          detail: 'fallback',
        },
      ],
    });
    expect(sticker).toMatchObject({
      text: '',
      attachments: [
        { kind: 'sticker', url: 'https://scontent.xx.fbcdn.net/v/like.png', detail: '369239263222822' },
      ],
    });
  });

  it('marks an echo of the Page’s own message and files it under the person it went to', () => {
    expect(parse('messenger/echo_message.json')[0]).toMatchObject({
      type: 'message',
      externalId: 'm_echo_1',
      isEcho: true,
      author: { externalId: pageId },
      threadId: psid,
      text: 'شكراً لتواصلك، نتابع طلبك الآن',
    });
  });

  it('reads a postback as a message carrying its payload', () => {
    expect(parse('messenger/postback.json')[0]).toMatchObject({
      type: 'message',
      externalId: 'm_postback_1',
      text: 'تقديم شكوى',
      payload: 'START_COMPLAINT',
    });
    expect(parse('messenger/postback_without_mid.json')[0]).toMatchObject({
      externalId: `postback:${psid}:1480279487147`,
      payload: 'MY_PAYLOAD',
    });
  });

  it('turns the mids of a delivery into statuses and skips watermark-only receipts', () => {
    expect(parse('messenger/delivery.json')).toEqual([
      {
        type: 'status',
        accountId: pageId,
        externalId: 'm_sent_1',
        status: 'delivered',
        error: null,
        occurredAt: new Date(1732617000700),
      },
      {
        type: 'status',
        accountId: pageId,
        externalId: 'm_sent_2',
        status: 'delivered',
        error: null,
        occurredAt: new Date(1732617000700),
      },
    ]);
    expect(parse('messenger/read.json')).toEqual([]);
  });

  it('reads reactions and their removal', () => {
    expect(parse('messenger/reaction.json')).toEqual([
      expect.objectContaining({ type: 'reaction', externalId: 'm_sent_1', reaction: '❤️', isRemoved: false }),
      expect.objectContaining({ type: 'reaction', externalId: 'm_sent_1', reaction: '', isRemoved: true }),
    ]);
  });

  it('reads an edit', () => {
    expect(parse('messenger/message_edit.json')).toEqual([
      {
        type: 'edit',
        accountId: pageId,
        externalId: 'm_qr_1',
        text: 'نعم، أريد متابعة الشكوى رقم ٤٢',
        occurredAt: new Date(1732617001200),
      },
    ]);
  });

  it('reads standby events like messaging ones', () => {
    expect(parse('messenger/standby.json')[0]).toMatchObject({
      externalId: 'm_standby_1',
      text: 'هل من أحد هنا؟',
    });
  });

  it('yields every event of a batch of entries in order, each for its own Page', () => {
    const events = parse('messenger/batch.json');
    expect(events.map((event) => [event.type, event.accountId, event.externalId])).toEqual([
      ['message', pageId, 'm_batch_1'],
      ['message', pageId, 'm_batch_2'],
      ['message', '209876543210987', 'm_batch_3'],
      ['status', pageId, 'm_sent_9'],
    ]);
    expect(facebookAdapter.accountIdsOf(postedFixture('messenger/batch.json'))).toEqual([
      pageId,
      '209876543210987',
    ]);
  });

  it('reads nothing from bodies that are not a Page’s', () => {
    expect(parse('instagram/dm_text.json')).toEqual([]);
    expect(facebookAdapter.accountIdsOf(postedFixture('whatsapp/inbound_text.json'))).toEqual([]);
    const garbage = { method: 'POST' as const, headers: {}, query: {}, rawBody: Buffer.from('not json') };
    expect(facebookAdapter.parse(garbage)).toEqual([]);
    expect(facebookAdapter.accountIdsOf(garbage)).toEqual([]);
  });
});

describe('facebookAdapter.parse: Page comments', () => {
  const post = `${pageId}_122100000000000001`;

  it('reads a top-level comment as a public message in the post’s thread', () => {
    expect(parse('facebook_feed/comment_add.json')).toEqual([
      {
        type: 'message',
        accountId: pageId,
        externalId: '122100000000000001_1111111111111111',
        visibility: 'public',
        author: { externalId: '8000000000000001', name: 'سارة أحمد', handle: null },
        threadId: post,
        inReplyToId: null,
        text: 'الخدمة سيئة جداً، انتظرت ساعتين على الهاتف',
        attachments: [],
        payload: null,
        occurredAt: new Date(1732617100 * 1000),
        isEcho: false,
      },
    ]);
  });

  it('reads a reply to a comment with its parent and photo', () => {
    expect(parse('facebook_feed/comment_reply.json')[0]).toMatchObject({
      threadId: post,
      inReplyToId: '122100000000000001_1111111111111111',
      author: { externalId: '8000000000000002', name: 'Omar K' },
      attachments: [{ kind: 'image', url: 'https://scontent.xx.fbcdn.net/v/screenshot.jpg' }],
    });
  });

  it('marks the Page’s own comments as echoes', () => {
    expect(parse('facebook_feed/page_own_comment.json')[0]).toMatchObject({
      isEcho: true,
      visibility: 'public',
    });
  });

  it('reads edits, removals and hides, and ignores reactions to the post', () => {
    expect(parse('facebook_feed/comment_edited.json')).toEqual([
      expect.objectContaining({ type: 'edit', text: 'الخدمة سيئة، انتظرت ساعة على الهاتف' }),
    ]);
    expect(parse('facebook_feed/comment_remove.json')).toEqual([
      {
        type: 'delete',
        accountId: pageId,
        externalId: '122100000000000001_1111111111111111',
        occurredAt: new Date(1732617300 * 1000),
      },
    ]);
    expect(parse('facebook_feed/comment_hide.json')).toEqual([
      expect.objectContaining({ type: 'delete', externalId: '122100000000000001_3333333333333333' }),
    ]);
    expect(parse('facebook_feed/reaction_item.json')).toEqual([]);
  });
});

describe('facebookAdapter.send', () => {
  const graph = useGraphStub();

  const now = new Date('2026-11-26T12:00:00Z');
  const credentials = { appSecret: 'secret', pageAccessToken: 'PAGE_TOKEN', pageId };
  const send = (outbound: SocialOutbound, lastInboundAt: Date | null = new Date(now.getTime() - 3_600_000)) =>
    facebookAdapter.send(outbound, { credentials, baseUrl: graph.baseUrl, lastInboundAt, now });
  const reply: SocialOutbound = { action: 'message', to: psid, text: 'نعتذر عن التأخير، تم تحويل طلبك' };

  it('answers within 24 hours as a RESPONSE through the Send API', async () => {
    graph.answer({ status: 200, body: { recipient_id: psid, message_id: 'm_sent_1' } });
    await expect(send(reply)).resolves.toEqual({ externalId: 'm_sent_1' });
    expect(graph.calls).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: `/${graphApiVersion}/${pageId}/messages`,
        query: { access_token: 'PAGE_TOKEN' },
        body: {
          recipient: { id: psid },
          messaging_type: 'RESPONSE',
          message: { text: 'نعتذر عن التأخير، تم تحويل طلبك' },
        },
      }),
    ]);
    expect(graph.calls[0]!.headers['content-type']).toBe('application/json');
  });

  it('uses /me/messages when the Page id is not known', async () => {
    graph.answer({ status: 200, body: { message_id: 'm_me' } });
    await facebookAdapter.send(reply, {
      credentials: { appSecret: 'secret', pageAccessToken: 'PAGE_TOKEN' },
      baseUrl: graph.baseUrl,
      lastInboundAt: now,
      now,
    });
    expect(graph.calls[0]!.path).toBe(`/${graphApiVersion}/me/messages`);
  });

  it('tags a reply between 24 hours and 7 days as the human agent’s', async () => {
    graph.answer({ status: 200, body: { message_id: 'm_tagged' } });
    await send(reply, new Date(now.getTime() - 3 * 24 * 3_600_000));
    expect(graph.calls[0]!.body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
  });

  it('refuses, without asking Facebook, after 7 days or when the customer never wrote', async () => {
    const late = send(reply, new Date(now.getTime() - 9 * 24 * 3_600_000));
    await expect(late).rejects.toThrow(
      'The customer last wrote 9 days ago; Messenger allows replies for 7 days with the human-agent tag. Ask them to write again, or reply on another channel.',
    );
    await expect(late).rejects.toMatchObject({
      isPermanent: true,
      code: 'window_closed',
      text: { ar: expect.stringContaining('ماسنجر يسمح بالرد خلال 7 أيام') },
    });
    await expect(send(reply, null)).rejects.toBeInstanceOf(SocialSendError);
    expect(graph.calls).toEqual([]);
  });

  it('sends each attachment as its own message after the text', async () => {
    graph.answer(
      { status: 200, body: { message_id: 'm_text' } },
      { status: 200, body: { message_id: 'm_image' } },
    );
    const result = await send({
      ...reply,
      attachments: [{ url: 'https://sada.test/receipt.png', kind: 'image' }],
    });
    expect(result).toEqual({ externalId: 'm_text' });
    expect(graph.calls.map((call) => call.body)).toEqual([
      expect.objectContaining({ message: { text: reply.action === 'message' ? reply.text : '' } }),
      expect.objectContaining({
        message: {
          attachment: { type: 'image', payload: { url: 'https://sada.test/receipt.png', is_reusable: true } },
        },
      }),
    ]);
  });

  it('replies publicly under the comment', async () => {
    graph.answer({ status: 200, body: { id: '122100000000000001_5555555555555555' } });
    const result = await send({
      action: 'reply_public',
      inReplyToId: '122100000000000001_1111111111111111',
      text: 'نعتذر منك',
    });
    expect(result).toEqual({ externalId: '122100000000000001_5555555555555555' });
    expect(graph.calls[0]).toMatchObject({
      method: 'POST',
      path: `/${graphApiVersion}/122100000000000001_1111111111111111/comments`,
      query: { access_token: 'PAGE_TOKEN' },
      body: { message: 'نعتذر منك' },
    });
  });

  it('answers a comment privately through the Send API, whatever the window', async () => {
    graph.answer({ status: 200, body: { recipient_id: psid, message_id: 'm_private' } });
    const outbound: SocialOutbound = {
      action: 'private_reply',
      commentId: '122100000000000001_1111111111111111',
      text: 'راسلناك على الخاص',
    };
    await expect(send(outbound, null)).resolves.toEqual({ externalId: 'm_private' });
    expect(graph.calls[0]).toMatchObject({
      path: `/${graphApiVersion}/${pageId}/messages`,
      body: {
        recipient: { comment_id: '122100000000000001_1111111111111111' },
        message: { text: 'راسلناك على الخاص' },
      },
    });
  });

  it('hides and unhides a comment', async () => {
    graph.answer({ status: 200, body: { success: true } }, { status: 200, body: { success: true } });
    await send({ action: 'hide', commentId: 'c_1', isHidden: true });
    await send({ action: 'hide', commentId: 'c_1', isHidden: false });
    expect(graph.calls.map((call) => [call.path, call.body])).toEqual([
      [`/${graphApiVersion}/c_1`, { is_hidden: true }],
      [`/${graphApiVersion}/c_1`, { is_hidden: false }],
    ]);
  });

  it('refuses templates, which Facebook does not have', async () => {
    const template: SocialOutbound = {
      action: 'template',
      to: psid,
      template: { name: 'x', language: 'ar', parameters: [] },
    };
    await expect(send(template)).rejects.toMatchObject({ isPermanent: true });
    expect(graph.calls).toEqual([]);
  });
});
