import { describe, expect, it } from 'vitest';
import type { SocialOutbound } from '../adapter.ts';
import { graphApiVersion } from './common.ts';
import { postedFixture } from './fixture-webhook.ts';
import { useGraphStub } from './graph-stub.ts';
import { instagramAdapter } from './instagram-adapter.ts';

const igId = '17841400000000001';
const igsid = '1234567890123456';
const parse = (name: string) => instagramAdapter.parse(postedFixture(name));

describe('instagramAdapter.parse: Direct', () => {
  it('reads a DM, Arabic intact', () => {
    expect(parse('instagram/dm_text.json')).toEqual([
      {
        type: 'message',
        accountId: igId,
        externalId: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZQZDZD',
        visibility: 'private',
        author: { externalId: igsid, name: null, handle: null },
        threadId: igsid,
        inReplyToId: null,
        text: 'مرحبا، طلبي رقم ١٢٣ لم يصل بعد',
        attachments: [],
        payload: null,
        occurredAt: new Date(1732617199000),
        isEcho: false,
      },
    ]);
    expect(instagramAdapter.accountIdsOf(postedFixture('instagram/dm_text.json'))).toEqual([igId]);
  });

  it('reads an image and a story mention as attachments', () => {
    expect(parse('instagram/dm_image.json')[0]).toMatchObject({
      attachments: [
        { kind: 'image', url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1&signature=abc' },
      ],
    });
    expect(parse('instagram/dm_story_mention.json')[0]).toMatchObject({
      attachments: [
        {
          kind: 'other',
          detail: 'story_mention',
          url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=2',
        },
      ],
    });
  });

  it('reads a reply to a story and a message Instagram cannot show', () => {
    expect(parse('instagram/dm_story_reply.json')).toEqual([
      expect.objectContaining({
        text: 'العرض في القصة لم يعد متوفراً',
        inReplyToId: null,
        attachments: [
          expect.objectContaining({
            kind: 'other',
            detail: 'story_reply',
            url: 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=3',
          }),
        ],
      }),
      expect.objectContaining({
        text: '',
        attachments: [expect.objectContaining({ detail: 'unsupported' })],
      }),
    ]);
  });

  it('reads an unsent message as a delete and an echo as ours', () => {
    expect(parse('instagram/dm_unsend.json')).toEqual([
      {
        type: 'delete',
        accountId: igId,
        externalId: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZQZDZD',
        occurredAt: new Date(1732617202500),
      },
    ]);
    expect(parse('instagram/dm_echo.json')[0]).toMatchObject({
      isEcho: true,
      threadId: igsid,
      author: { externalId: igId },
    });
  });

  it('reads a reaction, a read receipt naming our message, and a reply, in order', () => {
    expect(parse('instagram/dm_reaction_and_read.json')).toEqual([
      expect.objectContaining({
        type: 'reaction',
        externalId: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZQOurs',
        reaction: '❤️',
        isRemoved: false,
      }),
      expect.objectContaining({
        type: 'status',
        externalId: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZQOurs',
        status: 'read',
      }),
      expect.objectContaining({
        type: 'message',
        text: 'شكراً',
        inReplyToId: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZQOurs',
      }),
    ]);
  });
});

describe('instagramAdapter.parse: comments and mentions', () => {
  it('reads comments, replies and live comments as public messages in the media’s thread', () => {
    expect(parse('instagram/comment_changes.json')).toEqual([
      {
        type: 'message',
        accountId: igId,
        externalId: '17900000000000001',
        visibility: 'public',
        author: { externalId: '9000000000000001', name: null, handle: 'layla.k' },
        threadId: '18000000000000001',
        inReplyToId: null,
        text: 'المنتج وصل مكسوراً 😞',
        attachments: [],
        payload: null,
        occurredAt: new Date(1732617300 * 1000),
        isEcho: false,
      },
      expect.objectContaining({
        externalId: '17900000000000002',
        inReplyToId: '17900000000000001',
        text: 'نفس الشيء حصل معي',
      }),
      expect.objectContaining({
        externalId: '17900000000000003',
        threadId: '18000000000000099',
        text: 'متى يبدأ العرض؟',
      }),
    ]);
  });

  it('reads the Business-Login shape with field and value on the entry', () => {
    expect(parse('instagram/comment_business_login.json')).toEqual([
      expect.objectContaining({
        type: 'message',
        externalId: '17900000000000004',
        author: expect.objectContaining({ handle: 'sami' }),
      }),
    ]);
  });

  it('reads mentions as public messages to fill in by id', () => {
    expect(parse('instagram/mentions.json')).toEqual([
      expect.objectContaining({ externalId: '17900000000000050', threadId: '18000000000000050', text: '' }),
      expect.objectContaining({ externalId: '18000000000000051', threadId: '18000000000000051' }),
    ]);
  });

  it('ignores bodies of other objects', () => {
    expect(parse('messenger/text_quick_reply.json')).toEqual([]);
  });
});

describe('instagramAdapter.send', () => {
  const graph = useGraphStub();

  const now = new Date('2026-11-26T12:00:00Z');
  const credentials = { appSecret: 's', instagramAccountId: igId, accessToken: 'IG_TOKEN' };
  const send = (outbound: SocialOutbound, lastInboundAt: Date | null = now) =>
    instagramAdapter.send(outbound, { credentials, baseUrl: graph.baseUrl, lastInboundAt, now });
  const reply: SocialOutbound = { action: 'message', to: igsid, text: 'وصلتنا رسالتك' };

  it('sends a DM to the account’s messages edge with a bearer token', async () => {
    graph.answer({ status: 200, body: { recipient_id: igsid, message_id: 'ig_m_1' } });
    await expect(send(reply)).resolves.toEqual({ externalId: 'ig_m_1' });
    expect(graph.calls[0]).toMatchObject({
      method: 'POST',
      path: `/${graphApiVersion}/${igId}/messages`,
      query: {},
      body: { recipient: { id: igsid }, messaging_type: 'RESPONSE', message: { text: 'وصلتنا رسالتك' } },
    });
    expect(graph.calls[0]!.headers.authorization).toBe('Bearer IG_TOKEN');
  });

  it('tags late replies as the human agent’s and refuses after 7 days without a request', async () => {
    graph.answer({ status: 200, body: { message_id: 'ig_m_2' } });
    await send(reply, new Date(now.getTime() - 2 * 24 * 3_600_000));
    expect(graph.calls[0]!.body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
    await expect(send(reply, new Date(now.getTime() - 8 * 24 * 3_600_000))).rejects.toThrow(
      /last wrote 8 days ago; Instagram allows replies for 7 days/,
    );
    expect(graph.calls).toHaveLength(1);
  });

  it('replies to a comment on its replies edge', async () => {
    graph.answer({ status: 200, body: { id: '17900000000000077' } });
    await expect(
      send({ action: 'reply_public', inReplyToId: '17900000000000001', text: 'نعتذر، راسلنا' }),
    ).resolves.toEqual({
      externalId: '17900000000000077',
    });
    expect(graph.calls[0]).toMatchObject({
      path: `/${graphApiVersion}/17900000000000001/replies`,
      body: { message: 'نعتذر، راسلنا' },
    });
  });

  it('answers a comment privately', async () => {
    graph.answer({ status: 200, body: { message_id: 'ig_private' } });
    await send({ action: 'private_reply', commentId: '17900000000000001', text: 'أرسلنا لك التفاصيل' }, null);
    expect(graph.calls[0]).toMatchObject({
      path: `/${graphApiVersion}/${igId}/messages`,
      body: { recipient: { comment_id: '17900000000000001' }, message: { text: 'أرسلنا لك التفاصيل' } },
    });
  });

  it('hides a comment with hide=true', async () => {
    graph.answer({ status: 200, body: { success: true } });
    await expect(send({ action: 'hide', commentId: '17900000000000001', isHidden: true })).resolves.toEqual({
      externalId: '17900000000000001',
    });
    expect(graph.calls[0]).toMatchObject({
      method: 'POST',
      path: `/${graphApiVersion}/17900000000000001`,
      query: { hide: 'true' },
    });
  });
});
