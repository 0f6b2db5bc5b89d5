import { afterEach, describe, expect, it } from 'vitest';
import { SocialSendError } from '../adapter.ts';
import { type PlatformStub, type RecordedRequest, startPlatformStub } from '../telegram/platform-stub.ts';
import { pollXMentions } from './x-mentions-poller.ts';

const NOW = new Date('2026-11-26T10:00:00Z');
const USER_ID = '4337869213';

// Two pages of GET /2/users/:id/mentions, newest first, as docs.x.com documents the timeline.
const pages = {
  first: {
    data: [
      {
        id: '1860000000000000003',
        text: '@SadaCare ما زال الطلب ٤٥٢١ عالقاً &amp; لا رد',
        author_id: '3001969357',
        created_at: '2026-11-26T09:30:00.000Z',
        conversation_id: '1860000000000000001',
        in_reply_to_user_id: USER_ID,
        referenced_tweets: [{ type: 'replied_to', id: '1860000000000000002' }],
      },
      {
        id: '1860000000000000002',
        text: '@sara_m نعتذر، راسلناك على الخاص',
        author_id: USER_ID,
        created_at: '2026-11-26T09:20:00.000Z',
        conversation_id: '1860000000000000001',
        referenced_tweets: [{ type: 'replied_to', id: '1860000000000000001' }],
      },
    ],
    includes: {
      users: [
        { id: '3001969357', name: 'سارة المطيري', username: 'sara_m' },
        { id: USER_ID, name: 'صدى للعناية بالعملاء', username: 'SadaCare' },
      ],
    },
    meta: {
      newest_id: '1860000000000000003',
      oldest_id: '1860000000000000002',
      result_count: 2,
      next_token: 'page-2',
    },
  },
  second: {
    data: [
      {
        id: '1860000000000000001',
        text: '@SadaCare الشحنة متأخرة',
        author_id: '3001969357',
        created_at: '2026-11-26T09:00:00.000Z',
        conversation_id: '1860000000000000001',
      },
    ],
    includes: { users: [{ id: '3001969357', name: 'سارة المطيري', username: 'sara_m' }] },
    meta: { newest_id: '1860000000000000001', oldest_id: '1860000000000000001', result_count: 1 },
  },
};

describe('x mentions poller', () => {
  let platform: PlatformStub | undefined;
  afterEach(async () => {
    await platform?.stop();
    platform = undefined;
  });

  async function startX(answer: (request: RecordedRequest) => unknown, status = 200) {
    platform = await startPlatformStub((request) => ({ status, json: answer(request) }));
    return platform;
  }

  it('reads every page since the last id, oldest first, and says where to go on from', async () => {
    const { baseUrl, requests } = await startX(({ url }) =>
      url.searchParams.get('pagination_token') === 'page-2' ? pages.second : pages.first,
    );
    const polled = await pollXMentions({
      baseUrl,
      accessToken: 'user-token-1',
      userId: USER_ID,
      sinceId: '1850000000000000000',
      now: NOW,
    });

    expect(requests).toHaveLength(2);
    const [first] = requests;
    expect(first?.method).toBe('GET');
    expect(first?.url.pathname).toBe(`/2/users/${USER_ID}/mentions`);
    expect(first?.headers.authorization).toBe('Bearer user-token-1');
    expect(Object.fromEntries(first?.url.searchParams ?? [])).toMatchObject({
      since_id: '1850000000000000000',
      expansions: 'author_id',
      'tweet.fields': 'created_at,conversation_id,in_reply_to_user_id,referenced_tweets',
    });
    expect(requests[1]?.url.searchParams.get('since_id')).toBe('1850000000000000000');

    expect(polled.newestId).toBe('1860000000000000003');
    expect(polled.events.map((event) => event.externalId)).toEqual([
      '1860000000000000001',
      '1860000000000000002',
      '1860000000000000003',
    ]);
    expect(polled.events[2]).toEqual({
      type: 'message',
      accountId: USER_ID,
      externalId: '1860000000000000003',
      visibility: 'public',
      author: { externalId: '3001969357', name: 'سارة المطيري', handle: 'sara_m' },
      threadId: '1860000000000000001',
      inReplyToId: '1860000000000000002',
      text: '@SadaCare ما زال الطلب ٤٥٢١ عالقاً & لا رد',
      attachments: [],
      payload: null,
      occurredAt: new Date('2026-11-26T09:30:00.000Z'),
      isEcho: false,
    });
    expect(polled.events[1]).toMatchObject({ isEcho: true });
  });

  it('reads one page on a first poll, without since_id', async () => {
    const { baseUrl, requests } = await startX(() => pages.first);
    const polled = await pollXMentions({
      baseUrl,
      accessToken: 't',
      userId: USER_ID,
      sinceId: null,
      now: NOW,
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url.searchParams.has('since_id')).toBe(false);
    expect(polled.events).toHaveLength(2);
  });

  it('keeps the last id when nothing is new', async () => {
    const { baseUrl } = await startX(() => ({ meta: { result_count: 0 } }));
    const polled = await pollXMentions({
      baseUrl,
      accessToken: 't',
      userId: USER_ID,
      sinceId: '1850000000000000000',
      now: NOW,
    });
    expect(polled).toEqual({ events: [], newestId: '1850000000000000000' });
  });

  it('fails temporarily on 429, saying when to poll again', async () => {
    platform = await startPlatformStub(() => ({
      status: 429,
      headers: { 'x-rate-limit-reset': String(NOW.getTime() / 1000 + 60) },
      json: { title: 'Too Many Requests' },
    }));
    const polling = pollXMentions({
      baseUrl: platform.baseUrl,
      accessToken: 't',
      userId: USER_ID,
      sinceId: null,
      now: NOW,
    });
    await expect(polling).rejects.toBeInstanceOf(SocialSendError);
    await expect(polling).rejects.toMatchObject({
      isPermanent: false,
      retryAfterSeconds: 60,
      code: 'rate_limited',
    });
  });
});
