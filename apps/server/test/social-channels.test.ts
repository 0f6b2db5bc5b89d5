import {
  instagramComment,
  instagramMessage,
  messengerMessage,
  pageComment,
  type Simulator,
  startPlatformSimulator,
  telegramUpdate,
  whatsappMessage,
  whatsappStatus,
  xMention,
} from '@sada/channels/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer, waitFor } from './harness.ts';
import { connectChannel, connectFacebookPage, uniqueDigits } from './social-harness.ts';

// Platform ids are unique per test run: on a shared database an account may be connected once.

describe('social channels against a simulator of the platforms', () => {
  let simulator: Simulator;
  let server: TestServer;

  beforeAll(async () => {
    simulator = await startPlatformSimulator({});
    server = await startTestServer({ jobs: true, platformUrl: simulator.url, isolated: true });
  });
  afterAll(async () => {
    await server?.stop();
    await simulator?.close();
  });

  const webhook = (path: string) => `${server.baseUrl}${path}`;

  const connect = (
    workspace: Awaited<ReturnType<typeof createTestWorkspace>>,
    body: Record<string, unknown>,
  ) => connectChannel(workspace.admin, body);
  const connectPage = (workspace: Awaited<ReturnType<typeof createTestWorkspace>>) =>
    connectFacebookPage(workspace.admin, simulator.secrets.appSecret);

  async function casesOn(workspace: Awaited<ReturnType<typeof createTestWorkspace>>, channel: string) {
    return (await workspace.admin.get(`/api/cases?channel=${channel}`)).body.items as {
      referenceNumber: string;
    }[];
  }

  async function onlyCase(
    workspace: Awaited<ReturnType<typeof createTestWorkspace>>,
    channel: string,
    messages = 1,
  ) {
    return waitFor(async () => {
      const [summary] = await casesOn(workspace, channel);
      if (!summary) return undefined;
      const detail = (await workspace.admin.get(`/api/cases/${summary.referenceNumber}`)).body;
      return detail.messages.length >= messages ? detail : undefined;
    });
  }

  it('Messenger: handshake, signed messages only, a redelivery stored once, and the reply sent back', async () => {
    const workspace = await createTestWorkspace(server);
    const pageId = uniqueDigits();
    const channel = await connect(workspace, {
      kind: 'facebook',
      name: 'Our Page',
      credentials: { appSecret: simulator.secrets.appSecret, pageId, pageAccessToken: 'page-token' },
    });
    expect(channel.webhookUrl).toBe('http://care.sada.test/webhooks/meta');
    expect(JSON.stringify(channel)).not.toContain('page-token');

    const handshake = await simulator.metaHandshake(webhook('/webhooks/meta'), channel.verifyToken!);
    expect(handshake.status).toBe(200);
    expect((await simulator.metaHandshake(webhook('/webhooks/meta'), 'not-the-token')).status).toBe(403);

    const delivery = messengerMessage({ pageId, psid: '2400001', text: 'طلبي متأخر أسبوعين، وين الشحنة؟' });
    expect(await simulator.deliver(webhook('/webhooks/meta'), delivery, { signature: 'invalid' })).toBe(401);
    expect(await casesOn(workspace, 'facebook')).toEqual([]);
    expect(await simulator.deliver(webhook('/webhooks/meta'), delivery)).toBe(200);
    expect(await simulator.deliver(webhook('/webhooks/meta'), delivery)).toBe(200);
    const detail = await onlyCase(workspace, 'facebook');
    expect(detail.messages).toHaveLength(1);
    expect(detail.messages[0]).toMatchObject({
      direction: 'inbound',
      visibility: 'private',
      body: 'طلبي متأخر أسبوعين، وين الشحنة؟',
    });

    const reply = await workspace.admin.post(`/api/cases/${detail.referenceNumber}/messages`, {
      type: 'reply',
      visibility: 'private',
      body: 'نعتذر عن التأخير، الشحنة تصلك غدًا.',
    });
    expect(reply.status).toBe(201);
    const [sent] = await simulator.waitForSent(1, { match: { pathIncludes: '/messages', method: 'POST' } });
    expect(sent!.json).toMatchObject({
      recipient: { id: '2400001' },
      message: { text: 'نعتذر عن التأخير، الشحنة تصلك غدًا.' },
    });
    await waitFor(async () => {
      const message = (await workspace.admin.get(`/api/cases/${detail.referenceNumber}`)).body.messages.at(
        -1,
      );
      return message.delivery?.status === 'sent' ? message : undefined;
    });
  });

  it('Facebook comments: one author on one post is one case, answered publicly under their comment', async () => {
    const workspace = await createTestWorkspace(server);
    const pageId = await connectPage(workspace);
    const author = { id: '7700001', name: 'Layla' };
    const first = pageComment({
      pageId,
      postId: '5001',
      from: author,
      message: 'Your app charged me twice!',
    });
    const second = pageComment({
      pageId,
      postId: '5001',
      from: author,
      message: 'Still waiting for a refund.',
    });
    const other = pageComment({
      pageId,
      postId: '5001',
      from: { id: '7700002', name: 'Omar' },
      message: 'Same here',
    });
    for (const delivery of [first, second, other]) {
      expect(await simulator.deliver(webhook('/webhooks/meta'), delivery)).toBe(200);
    }
    const cases = await waitFor(async () => {
      const items = await casesOn(workspace, 'facebook');
      return items.length === 2 ? items : undefined;
    });
    const layla = (
      await Promise.all(cases.map((item) => workspace.admin.get(`/api/cases/${item.referenceNumber}`)))
    )
      .map((response) => response.body)
      .find((item) => item.customerName === 'Layla');
    expect(layla.messages.map((message: { body: string }) => message.body)).toEqual([
      'Your app charged me twice!',
      'Still waiting for a refund.',
    ]);
    simulator.clearSent();
    await workspace.admin.post(`/api/cases/${layla.referenceNumber}/messages`, {
      type: 'reply',
      body: 'Sorry Layla, we are on it — please check your messages.',
    });
    const [sent] = await simulator.waitForSent(1, {
      match: { pathIncludes: `/${second.externalId}/comments` },
    });
    expect(sent!.json).toMatchObject({ message: 'Sorry Layla, we are on it — please check your messages.' });
  });

  it('WhatsApp: a message opens a case, and a failed status shows on the reply', async () => {
    const workspace = await createTestWorkspace(server);
    const phoneNumberId = uniqueDigits();
    await connect(workspace, {
      kind: 'whatsapp',
      name: 'Support line',
      credentials: { appSecret: simulator.secrets.appSecret, phoneNumberId, accessToken: 'wa-token' },
    });
    // Fahad called before: WhatsApp's number proves he is the same customer.
    const known = await workspace.admin.post('/api/customers', {
      name: 'Fahad Al-Harbi',
      phone: '+966 50 000 0123',
    });
    expect(known.status).toBe(201);
    const inbound = whatsappMessage({
      phoneNumberId,
      waId: '966500000123',
      name: 'Fahad',
      text: 'الجهاز ما يشتغل',
    });
    expect(await simulator.deliver(webhook('/webhooks/meta'), inbound)).toBe(200);
    const detail = await onlyCase(workspace, 'whatsapp');
    expect(detail.customerId).toBe(known.body.id);
    expect(detail.customerName).toBe('Fahad Al-Harbi');
    simulator.clearSent();
    const reply = await workspace.admin.post(`/api/cases/${detail.referenceNumber}/messages`, {
      type: 'reply',
      visibility: 'private',
      body: 'هل جربت إعادة التشغيل؟',
    });
    await simulator.waitForSent(1, { match: { pathIncludes: `/${phoneNumberId}/messages` } });
    const sent = await waitFor(async () => {
      const message = (await workspace.admin.get(`/api/cases/${detail.referenceNumber}`)).body.messages.find(
        (item: { id: string }) => item.id === reply.body.id,
      );
      return message.delivery?.status === 'sent' ? message : undefined;
    });
    expect(sent.delivery.sentAt).not.toBeNull();
    const answered = (simulator.sent.at(-1)!.json ?? {}) as Record<string, unknown>;
    expect(answered).toMatchObject({ to: '966500000123', text: { body: 'هل جربت إعادة التشغيل؟' } });
  });

  it('Telegram: the secret token is checked and the bot answers in the chat', async () => {
    const workspace = await createTestWorkspace(server);
    const botId = Number(uniqueDigits().slice(0, 10));
    const channel = await connect(workspace, {
      kind: 'telegram',
      name: 'Support bot',
      credentials: {
        botToken: `${botId}:AAH-test-token-0123456789abcdef`,
        secretToken: simulator.secrets.telegramSecretToken,
      },
    });
    expect(channel.webhookUrl).toBe(`http://care.sada.test/webhooks/telegram/${channel.id}`);
    const update = telegramUpdate({
      chatId: 555001,
      from: { id: 555001, firstName: 'Mona' },
      text: 'ما وصلني رمز التفعيل',
    });
    const target = webhook(`/webhooks/telegram/${channel.id}`);
    expect(await simulator.deliver(target, update, { signature: 'invalid' })).toBe(401);
    expect(await simulator.deliver(target, update)).toBe(200);
    const detail = await onlyCase(workspace, 'telegram');
    expect(detail.messages[0].body).toBe('ما وصلني رمز التفعيل');
    simulator.clearSent();
    await workspace.admin.post(`/api/cases/${detail.referenceNumber}/messages`, {
      type: 'reply',
      visibility: 'private',
      body: 'أرسلنا الرمز من جديد.',
    });
    const [sent] = await simulator.waitForSent(1, { match: { pathIncludes: '/sendMessage' } });
    // Telegram takes chat_id as an integer or a string.
    expect(sent!.json).toMatchObject({ chat_id: '555001', text: 'أرسلنا الرمز من جديد.' });
  });

  it('X: the CRC is answered and a mention becomes a public case answered by a reply tweet', async () => {
    const workspace = await createTestWorkspace(server);
    const userId = uniqueDigits();
    await connect(workspace, {
      kind: 'x',
      name: '@SadaSupport',
      credentials: { consumerSecret: simulator.secrets.consumerSecret, userId, accessToken: 'x-token' },
    });
    const crc = await simulator.xCrc(webhook('/webhooks/x'));
    expect(crc.isValid).toBe(true);
    const mention = xMention({
      forUserId: userId,
      from: { id: '880001', screen_name: 'angry_customer', name: 'Sami' },
      text: '@SadaSupport three weeks and no refund. Unbelievable.',
    });
    expect(await simulator.deliver(webhook('/webhooks/x'), mention)).toBe(200);
    const detail = await onlyCase(workspace, 'x');
    expect(detail.messages[0].visibility).toBe('public');
    simulator.clearSent();
    await workspace.admin.post(`/api/cases/${detail.referenceNumber}/messages`, {
      type: 'reply',
      body: 'Sorry Sami, we have sent you a DM to sort this out.',
    });
    const [sent] = await simulator.waitForSent(1, { match: { pathIncludes: '/2/tweets' } });
    expect(sent!.json).toMatchObject({ reply: { in_reply_to_tweet_id: mention.externalId } });
  });

  it('keeps what a customer wrote before they edited it, in the timeline', async () => {
    const workspace = await createTestWorkspace(server);
    const pageId = await connectPage(workspace);
    const original = pageComment({
      pageId,
      postId: '6001',
      from: { id: '7800001', name: 'Nasser' },
      message: 'You are thieves!',
    });
    await simulator.deliver(webhook('/webhooks/meta'), original);
    const edited = pageComment({
      pageId,
      postId: '6001',
      commentId: original.externalId,
      from: { id: '7800001', name: 'Nasser' },
      message: 'I was overcharged.',
      verb: 'edited',
    });
    expect(await simulator.deliver(webhook('/webhooks/meta'), edited)).toBe(200);
    const detail = await waitFor(async () => {
      const found = await onlyCase(workspace, 'facebook');
      return found.messages[0].body === 'I was overcharged.' ? found : undefined;
    });
    const event = detail.timeline.find((item: { type: string }) => item.type === 'message.edited');
    expect(event.changes.body).toBe('You are thieves!');
  });

  it('a WhatsApp failure status marks the reply failed with the platform’s reason', async () => {
    const workspace = await createTestWorkspace(server);
    const phoneNumberId = uniqueDigits();
    await connect(workspace, {
      kind: 'whatsapp',
      name: 'Support line',
      credentials: { appSecret: simulator.secrets.appSecret, phoneNumberId, accessToken: 'wa-token' },
    });
    await simulator.deliver(
      webhook('/webhooks/meta'),
      whatsappMessage({ phoneNumberId, waId: '966500000999', name: 'Reem', text: 'Hello?' }),
    );
    const detail = await onlyCase(workspace, 'whatsapp');
    simulator.clearSent();
    const reply = await workspace.admin.post(`/api/cases/${detail.referenceNumber}/messages`, {
      type: 'reply',
      visibility: 'private',
      body: 'Hi Reem, how can we help?',
    });
    await simulator.waitForSent(1, { match: { pathIncludes: `/${phoneNumberId}/messages` } });
    await waitFor(async () => {
      const message = (await workspace.admin.get(`/api/cases/${detail.referenceNumber}`)).body.messages.find(
        (item: { id: string }) => item.id === reply.body.id,
      );
      return message.delivery?.status === 'sent' ? message : undefined;
    });
    // The wamid WhatsApp answered the send with is what its statuses name.
    const [stored] = await server.database.query<{ external_id: string }>(
      'SELECT external_id FROM message WHERE id = $1',
      [reply.body.id],
    );
    expect(stored!.external_id).toMatch(/^wamid\./);
    const status = whatsappStatus({
      phoneNumberId,
      wamid: stored!.external_id,
      status: 'failed',
      recipientId: '966500000999',
      error: { code: 131047, title: 'Re-engagement message', message: 'More than 24 hours have passed' },
    });
    expect(await simulator.deliver(webhook('/webhooks/meta'), status)).toBe(200);
    const failed = await waitFor(async () => {
      const message = (await workspace.admin.get(`/api/cases/${detail.referenceNumber}`)).body.messages.find(
        (item: { id: string }) => item.id === reply.body.id,
      );
      return message.delivery?.status === 'failed' ? message : undefined;
    });
    expect(failed.delivery.lastError).toEqual({
      code: 'platform_error',
      en: 'WhatsApp could not deliver it: “Re-engagement message (131047)”.',
      ar: 'تعذّر على WhatsApp إيصالها: “Re-engagement message (131047)”.',
    });
  });

  it('hides an abusive comment on the platform with a reason, and shows it again', async () => {
    const workspace = await createTestWorkspace(server);
    const pageId = await connectPage(workspace);
    const comment = pageComment({
      pageId,
      postId: '7001',
      from: { id: '7900001', name: 'Troll' },
      message: 'insults…',
    });
    await simulator.deliver(webhook('/webhooks/meta'), comment);
    const detail = await onlyCase(workspace, 'facebook');
    const messageId = detail.messages[0].id as string;
    simulator.clearSent();
    // A complaint is never hidden unless it is in the moderation queue: the agent marks it first.
    const marked = await workspace.admin.post(
      `/api/cases/${detail.referenceNumber}/messages/${messageId}/moderation/mark`,
      { label: 'abuse', reason: 'insults staff' },
    );
    expect(marked.status).toBe(200);
    const hidden = await workspace.admin.post(
      `/api/cases/${detail.referenceNumber}/messages/${messageId}/hide`,
      {
        reason: 'abuse',
        note: 'insults staff',
      },
    );
    expect(hidden.status).toBe(200);
    expect(hidden.body.moderation).toMatchObject({ isHidden: true, reason: 'abuse', note: 'insults staff' });
    const [request] = await simulator.waitForSent(1, { match: { pathIncludes: `/${comment.externalId}` } });
    expect(JSON.stringify({ query: request!.query, body: request!.json })).toContain('true');
    const after = (await workspace.admin.get(`/api/cases/${detail.referenceNumber}`)).body;
    expect(after.timeline.some((event: { type: string }) => event.type === 'message.moderated')).toBe(true);
    expect(after.messages[0].body).toBe('insults…');
    const shown = await workspace.admin.post(
      `/api/cases/${detail.referenceNumber}/messages/${messageId}/hide`,
      {
        isHidden: false,
        reason: 'other',
      },
    );
    expect(shown.body.moderation.isHidden).toBe(false);
  });

  it('moves a public complaint to private messages and counts the customer’s private answer as accepted', async () => {
    const workspace = await createTestWorkspace(server);
    const pageId = await connectPage(workspace);
    const author = { id: '7950001', name: 'Hessa' };
    const comment = pageComment({ pageId, postId: '8001', from: author, message: 'رقم طلبي 4411 ولم يصل' });
    await simulator.deliver(webhook('/webhooks/meta'), comment);
    const detail = await onlyCase(workspace, 'facebook');
    expect(detail.conversationScope).toBe('public');
    simulator.clearSent();
    const moved = await workspace.admin.post(`/api/cases/${detail.referenceNumber}/move-to-private`, {});
    expect(moved.status).toBe(200);
    expect(moved.body.privateMove).toMatchObject({ acceptedAt: null });
    const sent = await simulator.waitForSent(2, { match: { method: 'POST' } });
    const paths = sent.map((request) => request.path);
    expect(paths.some((path) => path.endsWith(`/${comment.externalId}/comments`))).toBe(true);
    expect(
      sent.some((request) => JSON.stringify(request.json).includes(`"comment_id":"${comment.externalId}"`)),
    ).toBe(true);

    // The customer answers in Messenger: the same case, now a private conversation, accepted.
    await simulator.deliver(
      webhook('/webhooks/meta'),
      messengerMessage({ pageId, psid: author.id, text: 'هذه تفاصيل الطلب' }),
    );
    const accepted = await waitFor(async () => {
      const found = (await workspace.admin.get(`/api/cases/${detail.referenceNumber}`)).body;
      return found.privateMove?.acceptedAt ? found : undefined;
    });
    expect(accepted.conversationScope).toBe('private');
    expect(accepted.messages.at(-1)).toMatchObject({ visibility: 'private', body: 'هذه تفاصيل الطلب' });
    expect(await casesOn(workspace, 'facebook')).toHaveLength(1);
  });

  it('tests a Telegram bot’s credentials against the platform', async () => {
    const workspace = await createTestWorkspace(server);
    const channel = await connect(workspace, {
      kind: 'telegram',
      name: 'Support bot',
      credentials: {
        botToken: `${uniqueDigits().slice(0, 10)}:AAH-test-token-0123456789abcdef`,
        secretToken: simulator.secrets.telegramSecretToken,
      },
    });
    const tested = await workspace.admin.post(`/api/channels/${channel.id}/test`);
    expect(tested.body).toEqual({
      isOk: true,
      detail: 'Telegram answered: the credentials work.',
      text: { en: 'Telegram answered: the credentials work.', ar: 'أجاب Telegram: بيانات الاعتماد تعمل.' },
      code: null,
    });
  });

  it('X without webhook access: mentions are read from the timeline once each', async () => {
    const workspace = await createTestWorkspace(server);
    const userId = uniqueDigits();
    await connect(workspace, {
      kind: 'x',
      name: '@SadaPolled',
      credentials: { consumerSecret: simulator.secrets.consumerSecret, userId, accessToken: 'x-token' },
      pollMentions: true,
    });
    // A mention reaches X's timeline (the delivery itself goes nowhere: this account has no webhook).
    const mention = xMention({
      forUserId: userId,
      from: { id: '881001', screen_name: 'customer_b', name: 'Badr' },
      text: '@SadaPolled my order 7781 is missing',
    });
    await simulator.deliver('http://127.0.0.1:9/unreachable', mention);
    expect(await server.services.social.pollMentions()).toBeGreaterThanOrEqual(1);
    const detail = await onlyCase(workspace, 'x');
    expect(detail.messages[0].body).toContain('my order 7781 is missing');
    await server.services.social.pollMentions();
    expect(await casesOn(workspace, 'x')).toHaveLength(1);
    expect((await onlyCase(workspace, 'x')).messages).toHaveLength(1);
  });

  it('Instagram: a comment and a DM are separate conversations, each answered its own way', async () => {
    const workspace = await createTestWorkspace(server);
    const igAccountId = uniqueDigits();
    await connect(workspace, {
      kind: 'instagram',
      name: 'Our Instagram',
      credentials: {
        appSecret: simulator.secrets.appSecret,
        instagramAccountId: igAccountId,
        accessToken: 'ig-token',
      },
    });
    const comment = instagramComment({
      igAccountId,
      mediaId: '9001',
      from: { id: '5100001', username: 'noor.k' },
      text: 'المنتج وصل مكسور 😡',
    });
    const direct = instagramMessage({ igAccountId, igsid: '5100002', text: 'How do I return an item?' });
    expect(await simulator.deliver(webhook('/webhooks/meta'), comment)).toBe(200);
    expect(await simulator.deliver(webhook('/webhooks/meta'), direct)).toBe(200);
    const cases = await waitFor(async () => {
      const items = await casesOn(workspace, 'instagram');
      return items.length === 2 ? items : undefined;
    });
    const details = await Promise.all(
      cases.map(async (item) => (await workspace.admin.get(`/api/cases/${item.referenceNumber}`)).body),
    );
    const scopes = details.map((detail) => detail.conversationScope).sort();
    expect(scopes).toEqual(['private', 'public']);
    const publicCase = details.find((detail) => detail.conversationScope === 'public');
    simulator.clearSent();
    await workspace.admin.post(`/api/cases/${publicCase.referenceNumber}/messages`, {
      type: 'reply',
      body: 'نأسف لذلك، راسلنا على الخاص لنرسل لك بديلًا.',
    });
    const [sent] = await simulator.waitForSent(1, {
      match: { pathIncludes: `/${comment.externalId}/replies` },
    });
    expect(sent!.json).toMatchObject({ message: 'نأسف لذلك، راسلنا على الخاص لنرسل لك بديلًا.' });
  });

  it('a failure while storing answers the platform 5xx, and its redelivery stores the message once', async () => {
    const workspace = await createTestWorkspace(server);
    const pageId = await connectPage(workspace);
    // The database refuses this one message (as a crash or a full disk would) until the trigger goes.
    await server.database.query(`
      CREATE FUNCTION refuse_crash_test() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.body = 'crash while storing' THEN RAISE EXCEPTION 'simulated failure'; END IF;
        RETURN NEW;
      END $$`);
    await server.database.query(
      'CREATE TRIGGER refuse_crash_test BEFORE INSERT ON message FOR EACH ROW EXECUTE FUNCTION refuse_crash_test()',
    );
    const delivery = messengerMessage({ pageId, psid: '2499001', text: 'crash while storing' });
    try {
      expect(await simulator.deliver(webhook('/webhooks/meta'), delivery)).toBe(500);
    } finally {
      await server.database.query('DROP TRIGGER refuse_crash_test ON message');
      await server.database.query('DROP FUNCTION refuse_crash_test()');
    }
    // Meta retries what was not answered 200: the same bytes again.
    const outcome = await simulator.deliverWithRetries(webhook('/webhooks/meta'), delivery, { attempts: 3 });
    expect(outcome.statuses).toEqual([200]);
    expect(await simulator.deliver(webhook('/webhooks/meta'), delivery)).toBe(200);
    const cases = await casesOn(workspace, 'facebook');
    expect(cases).toHaveLength(1);
    const detail = (await workspace.admin.get(`/api/cases/${cases[0]!.referenceNumber}`)).body;
    expect(detail.messages.map((message: { body: string }) => message.body)).toEqual(['crash while storing']);
  });

  it('paces replies under X’s write limit: the seventh in a minute waits, counted as no attempt', async () => {
    const workspace = await createTestWorkspace(server);
    const userId = uniqueDigits();
    await connect(workspace, {
      kind: 'x',
      name: '@SadaBusy',
      credentials: { consumerSecret: simulator.secrets.consumerSecret, userId, accessToken: 'x-token' },
    });
    const mention = xMention({
      forUserId: userId,
      from: { id: '882001', screen_name: 'many_questions', name: 'Ziad' },
      text: '@SadaBusy hello?',
    });
    await simulator.deliver(webhook('/webhooks/x'), mention);
    const detail = await onlyCase(workspace, 'x');
    for (let index = 1; index <= 7; index += 1) {
      const reply = await workspace.admin.post(`/api/cases/${detail.referenceNumber}/messages`, {
        type: 'reply',
        body: `Reply ${index}`,
      });
      expect(reply.status).toBe(201);
    }
    const toThisTweet = { pathIncludes: '/2/tweets' };
    await waitFor(async () => {
      const sent = simulator.sent.filter((request) =>
        JSON.stringify(request.json).includes(mention.externalId),
      );
      return sent.length >= 6 ? sent : undefined;
    }, 15_000);
    await server.delivery!.drain();
    const sent = simulator.sent.filter(
      (request) =>
        request.path.includes(toThisTweet.pathIncludes) &&
        JSON.stringify(request.json).includes(mention.externalId),
    );
    expect(sent).toHaveLength(6);
    const messages = (await workspace.admin.get(`/api/cases/${detail.referenceNumber}`)).body.messages as {
      id: string;
      delivery: { status: string; attempts: number; nextAttemptAt: string | null } | null;
    }[];
    const waiting = messages.filter((message) => message.delivery?.status === 'pending');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.delivery!.attempts).toBe(0);
    expect(Date.parse(waiting[0]!.delivery!.nextAttemptAt!)).toBeGreaterThan(Date.now());
  });
});
