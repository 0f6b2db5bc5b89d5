import { afterEach, describe, expect, it } from 'vitest';
import { type Simulator, type SimulatorOptions, startPlatformSimulator } from './platform-simulator.ts';
import { xMention } from './x-webhooks.ts';

const simulators: Simulator[] = [];
afterEach(async () => {
  await Promise.all(simulators.splice(0).map((simulator) => simulator.close()));
});

async function simulator(options: SimulatorOptions = {}) {
  const started = await startPlatformSimulator(options);
  simulators.push(started);
  return started;
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

const bearer = { authorization: 'Bearer test-token' };

describe('the platform simulator send APIs', () => {
  it('answers the Messenger Send API and records the request', async () => {
    const sim = await simulator();
    const body = {
      recipient: { id: '6254387123456789' },
      messaging_type: 'RESPONSE',
      message: { text: 'أهلاً' },
    };
    const answer = await post(`${sim.url}/v21.0/me/messages?access_token=page-token`, body);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      recipient_id: '6254387123456789',
      message_id: expect.stringMatching(/^m_[\w-]+$/),
    });
    expect(sim.sent).toHaveLength(1);
    expect(sim.sent[0]).toMatchObject({
      platform: 'meta',
      method: 'POST',
      path: '/v21.0/me/messages',
      query: { access_token: 'page-token' },
      json: body,
      status: 200,
    });
    sim.clearSent();
    expect(sim.sent).toHaveLength(0);
  });

  it('answers a private reply and a WhatsApp send with fresh ids', async () => {
    const sim = await simulator();
    const privateReply = await post(
      `${sim.url}/v21.0/104729381236541/messages`,
      {
        recipient: { comment_id: '122_456' },
        message: { text: 'راسلناك على الخاص' },
      },
      bearer,
    );
    expect(privateReply.body.message_id).toMatch(/^m_/);
    const whatsapp = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '966512345678',
      type: 'text',
      text: { body: 'تم' },
    };
    const first = await post(`${sim.url}/v21.0/106540352242922/messages`, whatsapp, bearer);
    const second = await post(`${sim.url}/v21.0/106540352242922/messages`, whatsapp, bearer);
    expect(first.body).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: '966512345678', wa_id: '966512345678' }],
      messages: [{ id: expect.stringMatching(/^wamid\./) }],
    });
    expect(first.body.messages[0].id).not.toBe(second.body.messages[0].id);
  });

  it('answers comment replies, Instagram replies and hiding', async () => {
    const sim = await simulator();
    const comment = await post(
      `${sim.url}/v21.0/122100000000000001_987/comments`,
      { message: 'نعتذر' },
      bearer,
    );
    expect(comment.body).toEqual({ id: expect.stringMatching(/^122100000000000001_\d+$/) });
    const reply = await post(`${sim.url}/v21.0/17900000000000001/replies?message=thanks`, {}, bearer);
    expect(reply.body).toEqual({ id: expect.stringMatching(/^1[78]\d{15}$/) });
    const hide = await post(`${sim.url}/v21.0/122100000000000001_987`, { is_hidden: true }, bearer);
    expect(hide.body).toEqual({ success: true });
  });

  it('refuses a Graph call without an access token, in Meta error shape', async () => {
    const sim = await simulator();
    const answer = await post(`${sim.url}/v21.0/me/messages`, {
      recipient: { id: '1' },
      message: { text: 'x' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      type: 'OAuthException',
      code: 2500,
      fbtrace_id: expect.any(String),
    });
  });

  it('answers Telegram sendMessage and setWebhook', async () => {
    const sim = await simulator();
    const sent = await post(`${sim.url}/bot7000000001:AAH-secret_token/sendMessage`, {
      chat_id: 5101,
      text: 'تم استلام طلبك',
      reply_parameters: { message_id: 12 },
    });
    expect(sent.body).toMatchObject({
      ok: true,
      result: {
        message_id: expect.any(Number),
        chat: { id: 5101 },
        text: 'تم استلام طلبك',
        from: { id: 7000000001, is_bot: true },
      },
    });
    const webhook = await post(`${sim.url}/bot7000000001:AAH-secret_token/setWebhook`, {
      url: 'https://sada.example/webhooks/telegram',
      secret_token: 'abc',
    });
    expect(webhook.body).toEqual({ ok: true, result: true, description: 'Webhook was set' });
    const empty = await post(`${sim.url}/bot7000000001:AAH-secret_token/sendMessage`, {
      chat_id: 5101,
      text: '',
    });
    expect(empty).toMatchObject({
      status: 400,
      body: { ok: false, error_code: 400, description: 'Bad Request: message text is empty' },
    });
  });

  it('answers X tweets and DMs with 201 and the v2 data shape', async () => {
    const sim = await simulator({ xUserId: '1600000000000000001' });
    const tweet = await post(
      `${sim.url}/2/tweets`,
      { text: 'نعتذر', reply: { in_reply_to_tweet_id: '1800000000000000001' } },
      bearer,
    );
    expect(tweet.status).toBe(201);
    expect(tweet.body.data).toEqual({
      id: expect.stringMatching(/^\d{18,19}$/),
      text: 'نعتذر',
      edit_history_tweet_ids: [tweet.body.data.id],
    });
    const dm = await post(`${sim.url}/2/dm_conversations/with/1601/messages`, { text: 'hello' }, bearer);
    expect(dm.body.data).toEqual({
      dm_conversation_id: '1601-1600000000000000001',
      dm_event_id: expect.stringMatching(/^\d+$/),
    });
    const anonymous = await post(`${sim.url}/2/tweets`, { text: 'x' });
    expect(anonymous).toMatchObject({
      status: 401,
      body: { title: 'Unauthorized', status: 401, type: 'about:blank' },
    });
  });

  it('lists delivered mentions on the mentions timeline, newest first, after since_id', async () => {
    const sim = await simulator();
    const forUserId = '1600000000000000001';
    const from = { id: '1601', screen_name: 'em', name: 'Em' };
    const older = xMention({ forUserId, from, text: 'first', tweetId: '1800000000000000001' });
    const newer = xMention({ forUserId, from, text: 'second', tweetId: '1800000000000000002' });
    // Nothing listens at the target: the mention still lands on the timeline.
    await sim.deliver('http://127.0.0.1:9/unreachable', older);
    await sim.deliver('http://127.0.0.1:9/unreachable', newer);
    const response = await fetch(`${sim.url}/2/users/${forUserId}/mentions`, { headers: bearer });
    const page = (await response.json()) as any;
    expect(page.data.map((tweet: { id: string }) => tweet.id)).toEqual([
      '1800000000000000002',
      '1800000000000000001',
    ]);
    expect(page.meta).toEqual({
      result_count: 2,
      newest_id: '1800000000000000002',
      oldest_id: '1800000000000000001',
    });
    const since = await fetch(`${sim.url}/2/users/${forUserId}/mentions?since_id=1800000000000000002`, {
      headers: bearer,
    });
    expect(await since.json()).toEqual({ meta: { result_count: 0 } });
  });
});

describe('failure injection and rate limits', () => {
  it('answers the next matching request with a Meta-shaped error, then succeeds again', async () => {
    const sim = await simulator();
    sim.failNext({ platform: 'meta', pathIncludes: '/messages' }, { status: 500 });
    const url = `${sim.url}/v21.0/me/messages?access_token=t`;
    const body = { recipient: { id: '1' }, message: { text: 'x' } };
    const failed = await post(url, body);
    expect(failed.status).toBe(500);
    expect(failed.body.error).toEqual({
      message: expect.any(String),
      type: 'OAuthException',
      code: 2,
      fbtrace_id: expect.any(String),
    });
    expect((await post(url, body)).status).toBe(200);
    expect(sim.sent.map((request) => request.status)).toEqual([500, 200]);
  });

  it('leaves other platforms alone and uses the given body and headers', async () => {
    const sim = await simulator();
    const window = {
      error: {
        message: '(#10) outside window',
        type: 'OAuthException',
        code: 10,
        error_subcode: 2018278,
        fbtrace_id: 'A',
      },
    };
    sim.failNext(
      { platform: 'meta' },
      { status: 400, body: window, headers: { 'www-authenticate': 'OAuth' } },
    );
    expect((await post(`${sim.url}/bot1:abc/sendMessage`, { chat_id: 1, text: 'x' })).status).toBe(200);
    const failed = await post(`${sim.url}/v21.0/me/messages?access_token=t`, {
      recipient: { id: '1' },
      message: { text: 'x' },
    });
    expect(failed).toMatchObject({ status: 400, body: window });
    expect(failed.headers.get('www-authenticate')).toBe('OAuth');
  });

  it('shapes injected Telegram and X errors like the platforms', async () => {
    const sim = await simulator();
    sim.failNext({ platform: 'telegram' }, { status: 403 });
    sim.failNext({ platform: 'x', pathIncludes: '/2/tweets' }, { status: 503 });
    const telegram = await post(`${sim.url}/bot1:abc/sendMessage`, { chat_id: 1, text: 'x' });
    expect(telegram.body).toEqual({
      ok: false,
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    const x = await post(`${sim.url}/2/tweets`, { text: 'x' }, bearer);
    expect(x.body).toEqual({
      title: 'Service Unavailable',
      detail: 'Service Unavailable',
      type: 'about:blank',
      status: 503,
    });
  });

  it('rate-limits per token with each platform’s 429', async () => {
    let now = new Date('2026-11-26T10:00:00Z');
    const sim = await simulator({ rateLimit: { perMinute: 2 }, now: () => now });
    const telegram = (token: string) => post(`${sim.url}/bot${token}/sendMessage`, { chat_id: 1, text: 'x' });
    expect((await telegram('1:aaa')).status).toBe(200);
    now = new Date('2026-11-26T10:00:20Z');
    expect((await telegram('1:aaa')).status).toBe(200);
    const limited = await telegram('1:aaa');
    expect(limited).toMatchObject({
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 40',
        parameters: { retry_after: 40 },
      },
    });
    expect((await telegram('2:bbb')).status).toBe(200);

    const whatsapp = { messaging_product: 'whatsapp', to: '966500000001', type: 'text', text: { body: 'x' } };
    const meta = () => post(`${sim.url}/v21.0/1065/messages`, whatsapp, bearer);
    await meta();
    await meta();
    const metaLimited = await meta();
    expect(metaLimited.status).toBe(429);
    expect(metaLimited.headers.get('retry-after')).toBe('60');
    expect(metaLimited.body.error).toMatchObject({ code: 130429, message: '(#130429) Rate limit hit' });

    const x = () => post(`${sim.url}/2/tweets`, { text: 'x' }, bearer);
    await x();
    await x();
    const xLimited = await x();
    expect(xLimited).toMatchObject({ status: 429, body: { title: 'Too Many Requests', status: 429 } });
    expect(xLimited.headers.get('x-rate-limit-remaining')).toBe('0');
    expect(xLimited.headers.get('x-rate-limit-reset')).toBe(
      String(Date.parse('2026-11-26T10:01:20Z') / 1000),
    );

    now = new Date('2026-11-26T10:01:30Z');
    expect((await x()).status).toBe(201);
  });

  it('waits for requests instead of sleeping', async () => {
    const sim = await simulator();
    const waiting = sim.waitForSent(1, { match: { platform: 'x' } });
    await post(`${sim.url}/bot1:abc/sendMessage`, { chat_id: 1, text: 'x' });
    await post(`${sim.url}/2/tweets`, { text: 'x' }, bearer);
    expect((await waiting).map((request) => request.path)).toEqual(['/2/tweets']);
  });
});
