import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type RawWebhook, SocialSendError } from '../adapter.ts';
import { type PlatformStub, type StubAnswer, startPlatformStub } from '../telegram/platform-stub.ts';
import { xAdapter, xSignature } from './x-adapter.ts';

const credentials = { consumerSecret: 'sada-consumer-secret', accessToken: 'user-token-1' };
const NOW = new Date('2026-11-26T10:00:00Z');

function fixture(name: string): Buffer {
  return readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url));
}

function webhookOf(name: string, headers: Record<string, string | undefined> = {}): RawWebhook {
  return { method: 'POST', headers, query: {}, rawBody: fixture(name) };
}

function signedWebhookOf(name: string): RawWebhook {
  const rawBody = fixture(name);
  return {
    ...webhookOf(name),
    headers: { 'x-twitter-webhooks-signature': xSignature(credentials.consumerSecret, rawBody) },
  };
}

function crcOf(query: Record<string, string | undefined>): RawWebhook {
  return { method: 'GET', headers: {}, query, rawBody: Buffer.alloc(0) };
}

describe('x webhook', () => {
  it('answers the CRC with the documented vector', () => {
    const vector = JSON.parse(fixture('crc_vector').toString('utf8'));
    const answer = xAdapter.handshake(crcOf({ crc_token: vector.crc_token }), {
      consumerSecret: vector.consumer_secret,
    });
    expect(answer).toEqual({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ response_token: vector.response_token }),
    });
    expect(vector.response_token).toBe('sha256=O5hJl2njQRIa4vsumZ+3oom9ECR5m3aQLRZkPoYelp0=');
  });

  it('answers a GET without crc_token with 400 and a POST with no handshake', () => {
    expect(xAdapter.handshake(crcOf({}), credentials)?.status).toBe(400);
    expect(xAdapter.handshake(crcOf({ crc_token: 'a' }), { accessToken: 'x' })?.status).toBe(403);
    expect(xAdapter.handshake(signedWebhookOf('dm_message_create'), credentials)).toBeNull();
  });

  it('accepts a body signed with the consumer secret', () => {
    expect(xAdapter.verify(signedWebhookOf('dm_message_create'), credentials)).toBe(true);
  });

  it('refuses a wrong secret, a tampered byte, a missing header and hex instead of base64', () => {
    const signed = signedWebhookOf('dm_message_create');
    expect(xAdapter.verify(signed, { consumerSecret: 'another-secret' })).toBe(false);
    expect(xAdapter.verify(signed, {})).toBe(false);
    const tampered = Buffer.from(signed.rawBody);
    tampered[10] = (tampered[10] ?? 0) ^ 1;
    expect(xAdapter.verify({ ...signed, rawBody: tampered }, credentials)).toBe(false);
    expect(xAdapter.verify({ ...signed, headers: {} }, credentials)).toBe(false);
    const hex = `sha256=${Buffer.from(signed.headers['x-twitter-webhooks-signature']!.slice(7), 'base64').toString('hex')}`;
    expect(
      xAdapter.verify({ ...signed, headers: { 'x-twitter-webhooks-signature': hex } }, credentials),
    ).toBe(false);
  });

  it('names the subscribed user as the account', () => {
    expect(xAdapter.accountIdsOf(webhookOf('tweet_create_events_mention'))).toEqual(['4337869213']);
    expect(xAdapter.accountIdsOf({ ...webhookOf('dm_echo'), rawBody: Buffer.from('[]') })).toEqual([]);
  });
});

describe('x events', () => {
  it('reads a mention as a public message, unescaped, in its own thread', () => {
    expect(xAdapter.parse(webhookOf('tweet_create_events_mention'))).toEqual([
      {
        type: 'message',
        accountId: '4337869213',
        externalId: '1050118621198921728',
        visibility: 'public',
        author: { externalId: '3001969357', name: 'سارة المطيري', handle: 'sara_m' },
        threadId: '1050118621198921728',
        inReplyToId: null,
        text: '@SadaCare الشحنة متأخرة منذ أسبوع & لا أحد يرد https://t.co/abc123XYZ0',
        attachments: [],
        payload: null,
        occurredAt: new Date(1539202764000),
        isEcho: false,
      },
    ]);
  });

  it('reads a reply with its full extended text and photo, threaded on the tweet answered', () => {
    const [event] = xAdapter.parse(webhookOf('tweet_create_events_reply'));
    expect(event).toMatchObject({
      externalId: '1050128839479091201',
      threadId: '1050120000000000000',
      inReplyToId: '1050120000000000000',
      text: '@SadaCare ما زلت أنتظر، وهذه صورة الطرد التالف https://t.co/Ph0toLink1',
      attachments: [{ kind: 'image', url: 'https://pbs.twimg.com/media/DpNV1aBW4AAxyz.jpg' }],
    });
  });

  it('marks our own tweet as an echo and skips a retweet', () => {
    const events = xAdapter.parse(webhookOf('tweet_create_events_own'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ externalId: '1050130000000000000', isEcho: true });
  });

  it("reads a DM as private, named from the users map, in the sender's thread", () => {
    expect(xAdapter.parse(webhookOf('dm_message_create'))).toEqual([
      {
        type: 'message',
        accountId: '4337869213',
        externalId: '954491830116155396',
        visibility: 'private',
        author: { externalId: '3001969357', name: 'سارة المطيري', handle: 'sara_m' },
        threadId: '3001969357',
        inReplyToId: null,
        text: 'السلام عليكم، تم خصم المبلغ مرتين & لم يصلني أي رد',
        attachments: [],
        payload: null,
        occurredAt: new Date(1516403560557),
        isEcho: false,
      },
    ]);
  });

  it("keeps a DM's photo as an attachment instead of its t.co link", () => {
    const [event] = xAdapter.parse(webhookOf('dm_with_media_attachment'));
    expect(event).toMatchObject({
      text: 'صورة الإيصال',
      attachments: [
        {
          kind: 'image',
          url: 'https://ton.twitter.com/1.1/ton/data/dm/1013432117823455236/1013432102317023232/1yBfxTWZ.jpg',
        },
      ],
    });
  });

  it("marks our own DM as an echo in the customer's thread", () => {
    expect(xAdapter.parse(webhookOf('dm_echo'))[0]).toMatchObject({
      isEcho: true,
      author: { externalId: '4337869213' },
      threadId: '3001969357',
    });
  });

  it('reads a deleted tweet and a like', () => {
    expect(xAdapter.parse(webhookOf('tweet_delete_events'))).toEqual([
      {
        type: 'delete',
        accountId: '4337869213',
        externalId: '1050118621198921728',
        occurredAt: new Date(1539206000000),
      },
    ]);
    expect(xAdapter.parse(webhookOf('favorite_events'))).toEqual([
      {
        type: 'reaction',
        accountId: '4337869213',
        externalId: '1050130000000000000',
        author: { externalId: '3001969357', name: 'سارة المطيري', handle: 'sara_m' },
        reaction: 'like',
        isRemoved: false,
        occurredAt: new Date(1522082006140),
      },
    ]);
  });
});

describe('x sends', () => {
  let platform: PlatformStub | undefined;
  afterEach(async () => {
    await platform?.stop();
    platform = undefined;
  });

  async function startX(answer: StubAnswer) {
    platform = await startPlatformStub(() => answer);
    return platform;
  }

  function context(baseUrl: string) {
    return { credentials, baseUrl, lastInboundAt: null, now: NOW };
  }

  it('posts a public reply as a tweet answering the tweet', async () => {
    const { baseUrl, requests } = await startX({
      status: 201,
      json: { data: { id: '1060000000000000000', text: 'نعتذر' } },
    });
    const sent = await xAdapter.send(
      { action: 'reply_public', inReplyToId: '1050118621198921728', text: 'نعتذر، راسلناك على الخاص' },
      context(baseUrl),
    );
    expect(sent).toEqual({ externalId: '1060000000000000000' });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      url: expect.objectContaining({ pathname: '/2/tweets' }),
      headers: expect.objectContaining({
        authorization: 'Bearer user-token-1',
        'content-type': 'application/json',
      }),
      json: { text: 'نعتذر، راسلناك على الخاص', reply: { in_reply_to_tweet_id: '1050118621198921728' } },
    });
  });

  it('sends a private message as a DM to the participant', async () => {
    const { baseUrl, requests } = await startX({
      status: 201,
      json: { data: { dm_conversation_id: '3001969357-4337869213', dm_event_id: '1580000000000000000' } },
    });
    const sent = await xAdapter.send(
      { action: 'message', to: '3001969357', text: 'سيُعاد المبلغ خلال ٣ أيام' },
      context(baseUrl),
    );
    expect(sent).toEqual({ externalId: '1580000000000000000' });
    expect(requests[0]?.url.pathname).toBe('/2/dm_conversations/with/3001969357/messages');
    expect(requests[0]?.json).toEqual({ text: 'سيُعاد المبلغ خلال ٣ أيام' });
  });

  it('refuses a reply of 281 weighted characters without asking X', async () => {
    const { baseUrl, requests } = await startX({ json: {} });
    const text = `${'ش'.repeat(257)} https://sada.example/orders/4521`;
    const sending = xAdapter.send({ action: 'reply_public', inReplyToId: '1', text }, context(baseUrl));
    await expect(sending).rejects.toMatchObject({
      isPermanent: true,
      code: 'too_long',
      message: "The reply is 1 characters over X's 280 (it counts 281).",
      text: { ar: 'الرد يزيد 1 حرفًا على حد إكس البالغ 280 (طوله 281).' },
    });
    expect(requests).toHaveLength(0);
  });

  it('sends a reply of exactly 280 weighted characters', async () => {
    const { baseUrl, requests } = await startX({ status: 201, json: { data: { id: '2', text: '' } } });
    const text = `${'ش'.repeat(256)} https://sada.example/orders/4521`;
    await xAdapter.send({ action: 'reply_public', inReplyToId: '1', text }, context(baseUrl));
    expect(requests).toHaveLength(1);
  });

  async function sendFailure(answer: StubAnswer): Promise<SocialSendError> {
    const { baseUrl } = await startX(answer);
    const error = await xAdapter
      .send({ action: 'reply_public', inReplyToId: '1', text: 'شكراً' }, context(baseUrl))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SocialSendError);
    return error as SocialSendError;
  }

  it('maps 429 to a temporary failure waiting until x-rate-limit-reset', async () => {
    const resetAt = NOW.getTime() / 1000 + 540;
    const error = await sendFailure({
      status: 429,
      headers: { 'x-rate-limit-reset': String(resetAt), 'x-rate-limit-remaining': '0' },
      json: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
    });
    expect(error).toMatchObject({ isPermanent: false, retryAfterSeconds: 540 });
  });

  it('maps a server error to a temporary failure', async () => {
    const error = await sendFailure({ status: 503, json: { title: 'Service Unavailable' } });
    expect(error).toMatchObject({ isPermanent: false, retryAfterSeconds: null });
  });

  it("maps 403 to a permanent failure with X's detail", async () => {
    const error = await sendFailure({
      status: 403,
      json: {
        title: 'Forbidden',
        detail: 'You are not permitted to create a Tweet with duplicate content.',
        type: 'about:blank',
        status: 403,
      },
    });
    expect(error.isPermanent).toBe(true);
    expect(error.code).toBe('permission');
    expect(error.message).toContain('You are not permitted to create a Tweet with duplicate content.');
    expect(error.text.ar).toContain('“You are not permitted to create a Tweet with duplicate content.”');
    expect(error.text.ar).toMatch(/^فشل طلب إكس/);
  });

  it('maps 401 to a permanent failure with the title when there is no detail', async () => {
    const error = await sendFailure({ status: 401, json: { title: 'Unauthorized', type: 'about:blank' } });
    expect(error).toMatchObject({
      isPermanent: true,
      code: 'auth',
      message: expect.stringContaining('Unauthorized'),
    });
  });

  it('refuses what X cannot do without asking', async () => {
    const { baseUrl, requests } = await startX({ json: {} });
    const withFile = xAdapter.send(
      {
        action: 'message',
        to: '1',
        text: 'صورة',
        attachments: [{ url: 'https://a.test/x.png', kind: 'image' }],
      },
      context(baseUrl),
    );
    await expect(withFile).rejects.toMatchObject({ isPermanent: true });
    const template = xAdapter.send(
      { action: 'template', to: '1', template: { name: 'a', language: 'ar', parameters: [] } },
      context(baseUrl),
    );
    await expect(template).rejects.toMatchObject({ isPermanent: true });
    expect(requests).toHaveLength(0);
  });
});
