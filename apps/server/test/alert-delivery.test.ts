import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type SmtpSink, startSmtpSink } from '@sada/channels/testing';
import type { Clock } from '@sada/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  createCase,
  createTestWorkspace,
  startTestServer,
  type TestServer,
} from './harness.ts';

// Early warnings by e-mail (a real SMTP sink) and outgoing webhook (a local HTTP receiver).
let now = new Date('2026-11-01T12:00:00Z');
const clock: Clock = { now: () => now };
const at = (iso: string) => {
  now = new Date(iso);
};

let sink: SmtpSink;
let server: TestServer;
beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startTestServer({
    clock,
    jobs: true,
    isolated: true,
    smtpRelay: `smtp://127.0.0.1:${sink.port}`,
  });
});
afterAll(async () => {
  await server?.stop();
  await sink?.close();
});

/** A receiver playing the customer's webhook endpoint: answers each request with the next status. */
type Receiver = {
  url: string;
  requests: { headers: IncomingHttpHeaders; body: string }[];
  close(): Promise<void>;
};
async function startReceiver(statuses: number[] = []): Promise<Receiver> {
  const requests: Receiver['requests'] = [];
  const http: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.statusCode = statuses.shift() ?? 200;
      response.end(response.statusCode >= 400 ? 'receiver is down' : 'ok');
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/sada`,
    requests,
    close: () => new Promise((resolve) => http.close(() => resolve())),
  };
}

const isSignedBy = (secret: string, request: { headers: IncomingHttpHeaders; body: string }) => {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(request.body).digest('hex')}`);
  const given = Buffer.from(String(request.headers['x-sada-signature'] ?? ''));
  return given.length === expected.length && timingSafeEqual(given, expected);
};

const mailsTo = (address: string) => sink.messages.filter((sent) => sent.envelope.to.includes(address));

/**
 * A two-month-old workspace whose 'delivery' category gets 12 negative complaints on Tuesday
 * 3 November, 09:00–10:00 UTC, against 1 in the same hour of the 8 weeks before (as analytics.test.ts),
 * spread over three channels so that no channel spikes. `admin` holds an API token: sessions made
 * on 1 September have expired by November.
 */
async function seedSpike() {
  at('2026-09-01T00:00:00Z');
  const workspace = await createTestWorkspace(server);
  const { client: admin } = await workspace.withToken('admin');
  const complaint = (iso: string, overrides: Record<string, unknown>) => {
    at(iso);
    return createCase(admin, { channel: 'email', sentiment: 'negative', ...overrides });
  };
  for (let week = 1; week <= 8; week += 1) {
    const sameHour = new Date(Date.parse('2026-11-03T09:30:00Z') - week * 7 * 86_400_000).toISOString();
    await complaint(sameHour, { category: 'delivery' });
  }
  const spiked: string[] = [];
  for (let minute = 0; minute < 12; minute += 1) {
    const created = await complaint(`2026-11-03T09:${String(5 + minute * 4).padStart(2, '0')}:00Z`, {
      category: 'delivery',
      channel: CHANNELS[minute % 3],
      subject: 'الشحنة متأخرة',
      description: `لم تصل الشحنة رقم ${minute + 1} حتى الآن`,
    });
    spiked.push(created.referenceNumber);
  }
  return { workspace, spiked, admin };
}
const CHANNELS = ['email', 'phone', 'live_chat'] as const;

/** Reads the hour just past, then sends what it queued. */
async function detectAndDeliver(iso = '2026-11-03T10:05:00Z') {
  at(iso);
  await server.services.spikes.detect();
  await server.alertDelivery!.drain();
}

async function subscribe(client: ApiClient) {
  const response = await client.post('/api/analytics/alert-subscriptions', { kind: 'email' });
  expect(response.status).toBe(201);
  return response.body;
}

async function addWebhook(admin: ApiClient, url: string) {
  const response = await admin.post('/api/analytics/alert-subscriptions', { kind: 'webhook', url });
  expect(response.status).toBe(201);
  expect(response.body.secret).toMatch(/^whsec_/);
  return response.body as { id: string; secret: string };
}

describe('spike alerts by e-mail', () => {
  it('mails each subscriber once, in their language, with the example posts and links to the cases', async () => {
    const { workspace, spiked } = await seedSpike();
    const arabic = await workspace.signIn('analyst');
    const english = await workspace.signIn('supervisor');
    expect((await english.client.patch('/api/me', { language: 'en' })).status).toBe(200);
    const bystander = await workspace.signIn('analyst');
    await subscribe(arabic.client);
    await subscribe(english.client);
    expect((await arabic.client.get('/api/analytics/alert-subscriptions')).body).toMatchObject({
      isSubscribed: true,
      canManage: false,
      items: [{ kind: 'email', isEnabled: true, user: { email: arabic.email } }],
    });

    await detectAndDeliver();
    await detectAndDeliver();

    const [arabicMail, ...moreArabic] = mailsTo(arabic.email);
    expect(moreArabic).toEqual([]);
    expect(arabicMail!.mail.subject).toContain('إنذار مبكر');
    expect(arabicMail!.mail.subject).toContain('delivery');
    expect(arabicMail!.mail.html).toContain('dir="rtl"');
    const arabicText = arabicMail!.mail.text + arabicMail!.mail.quoted;
    expect(arabicText).toContain('الفئة');
    // 12:00–13:00 in Riyadh (UTC+3), written in the workspace's zone.
    expect(arabicText).toContain('Asia/Riyadh');
    const examples = spiked.slice(-3);
    for (const reference of examples) {
      expect(arabicText).toContain(`http://care.sada.test/cases/${reference}`);
    }
    expect(arabicText).toContain('لم تصل الشحنة رقم 12 حتى الآن');
    expect(arabicMail!.mail.headers['auto-submitted']).toBe('auto-generated');

    const [englishMail, ...moreEnglish] = mailsTo(english.email);
    expect(moreEnglish).toEqual([]);
    expect(englishMail!.mail.subject).toMatch(
      /^Early warning: negative complaints up in category “delivery” \(12 against a usual 1\)/,
    );
    expect(englishMail!.mail.text + englishMail!.mail.quoted).toContain('12:00–13:00 (Asia/Riyadh)');
    expect(englishMail!.mail.html).toContain('dir="ltr"');

    expect(mailsTo(bystander.email)).toEqual([]);
    const listed = (await arabic.client.get('/api/analytics/alert-subscriptions')).body.items[0];
    expect(listed.lastDelivery).toMatchObject({ status: 'sent', error: null });
  });

  it('sends nothing to those who unsubscribed, and nothing for an ordinary hour', async () => {
    const { workspace, admin } = await seedSpike();
    const quitter = await workspace.signIn('analyst');
    const subscription = await subscribe(quitter.client);
    expect(
      (await quitter.client.delete(`/api/analytics/alert-subscriptions/${subscription.id}`)).status,
    ).toBe(204);
    expect((await quitter.client.get('/api/analytics/alert-subscriptions')).body.isSubscribed).toBe(false);
    const paused = await workspace.signIn('analyst');
    const pausedSubscription = await subscribe(paused.client);
    const off = await paused.client.patch(`/api/analytics/alert-subscriptions/${pausedSubscription.id}`, {
      isEnabled: false,
    });
    expect(off.body).toMatchObject({ isEnabled: false });
    const listening = await workspace.signIn('analyst');
    await subscribe(listening.client);
    const receiver = await startReceiver();
    try {
      await addWebhook(admin, receiver.url);
      // An ordinary hour a week later: one negative complaint, as usual.
      at('2026-11-10T09:10:00Z');
      await createCase((await workspace.withToken('admin')).client, {
        channel: 'email',
        category: 'delivery',
        sentiment: 'negative',
      });
      await detectAndDeliver('2026-11-10T10:05:00Z');
      expect(mailsTo(listening.email)).toEqual([]);
      expect(receiver.requests).toEqual([]);

      // The spike itself reaches only the one still listening.
      await detectAndDeliver();
      expect(mailsTo(listening.email)).toHaveLength(1);
      expect(mailsTo(quitter.email)).toEqual([]);
      expect(mailsTo(paused.email)).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});

describe('spike alerts by outgoing webhook', () => {
  it('posts the alert as signed JSON that the receiver can verify', async () => {
    const { workspace, spiked, admin } = await seedSpike();
    const receiver = await startReceiver();
    try {
      const webhook = await addWebhook(admin, receiver.url);
      // The secret is shown once: the list never carries it.
      const list = (await admin.get('/api/analytics/alert-subscriptions')).body;
      expect(JSON.stringify(list)).not.toContain(webhook.secret);

      await detectAndDeliver();
      expect(receiver.requests).toHaveLength(1);
      const [request] = receiver.requests;
      expect(isSignedBy(webhook.secret, request!)).toBe(true);
      expect(isSignedBy('whsec_someone-else', request!)).toBe(false);
      expect(request!.headers['content-type']).toContain('application/json');
      expect(request!.headers['x-sada-delivery']).toMatch(/^[0-9a-f-]{36}$/);
      const payload = JSON.parse(request!.body);
      expect(payload).toMatchObject({
        type: 'analytics.spike',
        workspace: workspace.slug,
        field: 'category',
        value: 'delivery',
        hour: '2026-11-03T09:00:00.000Z',
        count: 12,
        usual: 1,
      });
      expect(payload.examples).toHaveLength(3);
      expect(payload.examples[0]).toEqual({
        reference: spiked[11],
        channel: 'live_chat',
        text: 'الشحنة متأخرة\nلم تصل الشحنة رقم 12 حتى الآن',
        url: `http://care.sada.test/cases/${spiked[11]}`,
      });
      const alerts = (await admin.get('/api/analytics/alerts')).body.items;
      expect(alerts.map((alert: { id: string }) => alert.id)).toContain(payload.id);

      const listed = (await admin.get('/api/analytics/alert-subscriptions')).body.items;
      expect(listed).toMatchObject([
        { kind: 'webhook', url: receiver.url, lastDelivery: { status: 'sent' } },
      ]);

      // "Send test": a signed analytics.test event, answered at once.
      const test = await admin.post(`/api/analytics/alert-subscriptions/${webhook.id}/test`);
      expect(test.body).toEqual({ isDelivered: true, httpStatus: 200, error: null });
      expect(JSON.parse(receiver.requests[1]!.body)).toMatchObject({ type: 'analytics.test' });
      expect(isSignedBy(webhook.secret, receiver.requests[1]!)).toBe(true);
    } finally {
      await receiver.close();
    }
  });

  it('retries a receiver that failed, exactly once more, and never sends a delivered alert again', async () => {
    const { admin } = await seedSpike();
    const receiver = await startReceiver([500]);
    try {
      await addWebhook(admin, receiver.url);
      await detectAndDeliver();
      expect(receiver.requests).toHaveLength(1);
      const failed = (await admin.get('/api/analytics/alert-subscriptions')).body.items[0];
      expect(failed.lastDelivery).toMatchObject({ status: 'pending' });
      expect(failed.lastDelivery.error).toContain('500');

      // Not before the backoff has passed…
      await server.alertDelivery!.drain();
      expect(receiver.requests).toHaveLength(1);
      // …then once, with the same delivery id.
      at('2026-11-03T10:07:00Z');
      await server.alertDelivery!.drain();
      expect(receiver.requests).toHaveLength(2);
      expect(receiver.requests[1]!.headers['x-sada-delivery']).toBe(
        receiver.requests[0]!.headers['x-sada-delivery'],
      );
      expect(receiver.requests[1]!.body).toBe(receiver.requests[0]!.body);

      at('2026-11-03T12:00:00Z');
      await server.alertDelivery!.drain();
      await detectAndDeliver('2026-11-03T10:30:00Z');
      expect(receiver.requests).toHaveLength(2);
      const sent = (await admin.get('/api/analytics/alert-subscriptions')).body.items[0];
      expect(sent.lastDelivery).toMatchObject({ status: 'sent', error: null });
    } finally {
      await receiver.close();
    }
  });
});

describe("replacing a webhook's signing secret", () => {
  it('shows the new secret once and signs every later delivery with it, a retry of an older alert too', async () => {
    const { admin } = await seedSpike();
    const receiver = await startReceiver([500]);
    try {
      const webhook = await addWebhook(admin, receiver.url);
      // The alert's first attempt fails and waits for its retry, signed with the old secret.
      await detectAndDeliver();
      expect(receiver.requests).toHaveLength(1);
      expect(isSignedBy(webhook.secret, receiver.requests[0]!)).toBe(true);

      const rotated = await admin.post(`/api/analytics/alert-subscriptions/${webhook.id}/rotate-secret`);
      expect(rotated.status).toBe(200);
      expect(rotated.body).toMatchObject({
        kind: 'webhook',
        id: webhook.id,
        url: receiver.url,
        isEnabled: true,
      });
      const secret = rotated.body.secret as string;
      expect(secret).toMatch(/^whsec_/);
      expect(secret).not.toBe(webhook.secret);
      const list = JSON.stringify((await admin.get('/api/analytics/alert-subscriptions')).body);
      expect(list).not.toContain(secret);

      // The retry of the alert queued before the change, then a test: both under the new secret.
      at('2026-11-03T10:07:00Z');
      await server.alertDelivery!.drain();
      const test = await admin.post(`/api/analytics/alert-subscriptions/${webhook.id}/test`);
      expect(test.body).toEqual({ isDelivered: true, httpStatus: 200, error: null });
      const [, retry, tested] = receiver.requests;
      expect(JSON.parse(retry!.body)).toMatchObject({ type: 'analytics.spike' });
      expect(JSON.parse(tested!.body)).toMatchObject({ type: 'analytics.test' });
      for (const request of [retry!, tested!]) {
        expect(isSignedBy(secret, request)).toBe(true);
        expect(isSignedBy(webhook.secret, request)).toBe(false);
      }
    } finally {
      await receiver.close();
    }
  });

  it('is for admins, for webhooks, and within the workspace', async () => {
    const workspace = await createTestWorkspace(server);
    const other = await createTestWorkspace(server);
    const webhook = await addWebhook(workspace.admin, 'https://hooks.example.com/sada');
    const path = `/api/analytics/alert-subscriptions/${webhook.id}/rotate-secret`;
    const analyst = await workspace.signIn('analyst');
    const refused = await analyst.client.post(path, undefined, { 'accept-language': 'en' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/admins/);
    expect((await other.admin.post(path)).status).toBe(404);
    const email = await subscribe(analyst.client);
    const forEmail = await workspace.admin.post(
      `/api/analytics/alert-subscriptions/${email.id}/rotate-secret`,
      undefined,
      { 'accept-language': 'en' },
    );
    expect(forEmail.status).toBe(422);
    expect(forEmail.body.error.message).toMatch(/Only a webhook/);

    // Who pointed alerts where and replaced the secret is on record; the refused attempts are not.
    await workspace.admin.post(path);
    await workspace.admin.delete(`/api/analytics/alert-subscriptions/${webhook.id}`);
    const audit = await server.database.query<{ action: string; actor_user_id: string; details: object }>(
      `SELECT action, actor_user_id, details FROM audit_record
        WHERE subject_type = 'alert_subscription' AND subject_id = $1 ORDER BY action`,
      [webhook.id],
    );
    // The test clock stands still: one instant for all three, so in the order of their names.
    expect(audit.map((row) => row.action)).toEqual([
      'alert_webhook.added',
      'alert_webhook.removed',
      'alert_webhook.secret_replaced',
    ]);
    expect(new Set(audit.map((row) => row.actor_user_id))).toEqual(new Set([workspace.adminId]));
    expect(JSON.stringify(audit)).not.toContain('whsec_');
  });
});

describe('alert subscriptions API', () => {
  it('keeps agents out and webhooks to admins', async () => {
    const workspace = await createTestWorkspace(server);
    const { client: agent } = await workspace.signIn('agent');
    expect((await agent.get('/api/analytics/alert-subscriptions')).status).toBe(403);
    expect((await agent.post('/api/analytics/alert-subscriptions', { kind: 'email' })).status).toBe(403);

    const analyst = await workspace.signIn('analyst');
    const webhook = await analyst.client.post('/api/analytics/alert-subscriptions', {
      kind: 'webhook',
      url: 'https://hooks.example.com/sada',
    });
    expect(webhook.status).toBe(403);
    expect(webhook.body.error.message).toMatch(/admins|المسؤولون/);
    const other = await workspace.signIn('analyst');
    const forOther = await analyst.client.post('/api/analytics/alert-subscriptions', {
      kind: 'email',
      userId: other.userId,
    });
    expect(forOther.status).toBe(403);

    // Admins subscribe others, but only people who read analytics.
    const { userId: agentId } = await workspace.signIn('agent');
    const forAgent = await workspace.admin.post('/api/analytics/alert-subscriptions', {
      kind: 'email',
      userId: agentId,
    });
    expect(forAgent.status).toBe(422);
    expect(forAgent.body.error.message).toMatch(/agent/);
    const forAnalyst = await workspace.admin.post('/api/analytics/alert-subscriptions', {
      kind: 'email',
      userId: other.userId,
    });
    expect(forAnalyst.status).toBe(201);
    // The analyst sees theirs; the admin sees everyone's.
    expect((await other.client.get('/api/analytics/alert-subscriptions')).body.isSubscribed).toBe(true);
    expect((await analyst.client.get('/api/analytics/alert-subscriptions')).body.items).toEqual([]);
    expect((await workspace.admin.get('/api/analytics/alert-subscriptions')).body.items).toHaveLength(1);
    // Another analyst cannot unsubscribe them.
    const meddling = await analyst.client.delete(`/api/analytics/alert-subscriptions/${forAnalyst.body.id}`);
    expect(meddling.status).toBe(403);
  });

  it("answers 404 for another workspace's subscription", async () => {
    const mine = await createTestWorkspace(server);
    const theirs = await createTestWorkspace(server);
    const receiver = await startReceiver();
    try {
      const webhook = await addWebhook(theirs.admin, receiver.url);
      const path = `/api/analytics/alert-subscriptions/${webhook.id}`;
      expect((await mine.admin.patch(path, { isEnabled: false })).status).toBe(404);
      expect((await mine.admin.delete(path)).status).toBe(404);
      expect((await mine.admin.post(`${path}/test`)).status).toBe(404);
      expect(receiver.requests).toEqual([]);
      expect((await mine.admin.get('/api/analytics/alert-subscriptions')).body.items).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it('refuses a webhook address it should not post to, saying what to write instead', async () => {
    const workspace = await createTestWorkspace(server);
    const refused = async (url: string) => {
      const response = await workspace.admin.post(
        '/api/analytics/alert-subscriptions',
        { kind: 'webhook', url },
        { 'accept-language': 'en' },
      );
      expect(response.status, url).toBe(422);
      return response.body.error.message as string;
    };
    expect(await refused('hooks.example.com/sada')).toContain('https://hooks.example.com/sada');
    expect(await refused('ftp://hooks.example.com/sada')).toContain('https://');
    expect(await refused('http://hooks.example.com/sada')).toContain('Use https://');
    expect(await refused('https://user:secret@hooks.example.com/sada')).toContain('X-Sada-Signature');
    const arabic = await workspace.admin.post(
      '/api/analytics/alert-subscriptions',
      { kind: 'webhook', url: 'http://hooks.example.com/sada' },
      { 'accept-language': 'ar' },
    );
    expect(arabic.body.error.message).toContain('استخدم https://');
    const missing = await workspace.admin.post('/api/analytics/alert-subscriptions', { kind: 'webhook' });
    expect(missing.status).toBe(422);
  });
});
