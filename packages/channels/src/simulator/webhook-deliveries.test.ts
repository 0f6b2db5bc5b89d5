import { createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSimulateCommand } from './cli.ts';
import { defaultSimulatorSecrets, type SimulatorSecrets, type WebhookDelivery } from './delivery.ts';
import {
  instagramComment,
  instagramMessage,
  messengerEcho,
  messengerMessage,
  messengerPostback,
  pageComment,
} from './meta-webhooks.ts';
import { telegramUpdate } from './telegram-webhooks.ts';
import { deliverWebhook, deliverWebhookWithRetries, metaHandshake, xCrc } from './webhook-client.ts';
import { whatsappMessage, whatsappStatus } from './whatsapp-webhooks.ts';
import { xDirectMessage, xMention, xTweetDelete } from './x-webhooks.ts';

type Received = {
  method: string;
  url: URL;
  headers: Record<string, string | string[] | undefined>;
  raw: Buffer;
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A stand-in for Sada's webhook endpoint: records requests, answers the queued statuses (then 200). */
async function startReceiver(
  options: { statuses?: number[]; verifyToken?: string; consumerSecret?: string } = {},
) {
  const received: Received[] = [];
  const statuses = [...(options.statuses ?? [])];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://receiver');
      received.push({
        method: request.method ?? '',
        url,
        headers: request.headers,
        raw: Buffer.concat(chunks),
      });
      if (request.method === 'GET' && url.searchParams.has('hub.challenge')) {
        const isMatch = url.searchParams.get('hub.verify_token') === options.verifyToken;
        response.writeHead(isMatch ? 200 : 403, { 'content-type': 'text/plain' });
        response.end(isMatch ? url.searchParams.get('hub.challenge') : 'Forbidden');
        return;
      }
      if (request.method === 'GET' && url.searchParams.has('crc_token')) {
        const token = url.searchParams.get('crc_token') ?? '';
        const digest = createHmac('sha256', options.consumerSecret ?? '')
          .update(token)
          .digest('base64');
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ response_token: `sha256=${digest}` }));
        return;
      }
      response.writeHead(statuses.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/test`, received };
}

const secrets: SimulatorSecrets = {
  appSecret: 'meta-app-secret-for-tests',
  verifyToken: 'verify-me',
  telegramSecretToken: 'telegram_Secret-1',
  consumerSecret: 'x-consumer-secret-for-tests',
};

function hmac(algorithm: 'sha1' | 'sha256', key: string, body: Buffer, encoding: 'hex' | 'base64') {
  return createHmac(algorithm, key).update(body).digest(encoding);
}

const pageId = '104729381236541';
const metaDeliveries: [string, () => WebhookDelivery][] = [
  ['messenger message', () => messengerMessage({ pageId, psid: '6254387123456789', text: 'وين طلبي؟ 📦' })],
  [
    'messenger postback',
    () => messengerPostback({ pageId, psid: '6254387123456789', title: 'تتبع', payload: 'TRACK' }),
  ],
  ['messenger echo', () => messengerEcho({ pageId, psid: '6254387123456789', text: 'أهلاً، كيف نخدمك؟' })],
  [
    'page comment',
    () =>
      pageComment({
        pageId,
        postId: '122100000000000001',
        from: { id: '7010', name: 'نورة' },
        message: 'خدمة سيئة',
      }),
  ],
  [
    'instagram message',
    () => instagramMessage({ igAccountId: '17841400000000001', igsid: '5300000000000001', text: 'Hi' }),
  ],
  [
    'instagram comment',
    () =>
      instagramComment({
        igAccountId: '17841400000000001',
        mediaId: '18000000000000001',
        from: { id: '17850000000000001', username: 'noura' },
        text: 'متى ينزل العرض؟',
      }),
  ],
  [
    'whatsapp message',
    () =>
      whatsappMessage({
        phoneNumberId: '106540352242922',
        waId: '966512345678',
        name: 'سارة',
        text: 'السلام عليكم',
      }),
  ],
  [
    'whatsapp status',
    () => whatsappStatus({ phoneNumberId: '106540352242922', wamid: 'wamid.ABC', status: 'read' }),
  ],
];

describe('signed webhook deliveries', () => {
  it.each(
    metaDeliveries,
  )('signs a Meta %s with X-Hub-Signature-256 over the raw bytes', async (_name, build) => {
    const receiver = await startReceiver();
    const delivery = build();
    expect(await deliverWebhook(receiver.url, delivery, secrets)).toBe(200);
    const [request] = receiver.received;
    expect(request!.raw.toString('utf8')).toBe(delivery.rawBody);
    expect(request!.headers['x-hub-signature-256']).toBe(
      `sha256=${hmac('sha256', secrets.appSecret, request!.raw, 'hex')}`,
    );
    expect(request!.headers['x-hub-signature']).toBe(
      `sha1=${hmac('sha1', secrets.appSecret, request!.raw, 'hex')}`,
    );
    expect(request!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request!.raw.toString('utf8'))).toEqual(delivery.body);
  });

  it('sends the Telegram secret token header and plain UTF-8 JSON', async () => {
    const receiver = await startReceiver();
    const delivery = telegramUpdate({
      chatId: 5101,
      from: { id: 5101, firstName: 'خالد' },
      text: 'الطلب ما وصل',
    });
    await deliverWebhook(receiver.url, delivery, secrets);
    const [request] = receiver.received;
    expect(request!.headers['x-telegram-bot-api-secret-token']).toBe(secrets.telegramSecretToken);
    expect(request!.raw.toString('utf8')).toContain('الطلب ما وصل');
  });

  it.each([
    [
      'mention',
      () =>
        xMention({
          forUserId: '1600000000000000001',
          from: { id: '1601', screen_name: 'em', name: 'Em' },
          text: 'Help & fast',
        }),
    ],
    [
      'direct message',
      () =>
        xDirectMessage({
          forUserId: '1600000000000000001',
          senderId: '1601',
          senderName: 'Em',
          text: 'Hi <3',
        }),
    ],
    [
      'tweet delete',
      () =>
        xTweetDelete({ forUserId: '1600000000000000001', tweetId: '1800000000000000001', userId: '1601' }),
    ],
  ])('signs an X %s with x-twitter-webhooks-signature (base64)', async (_name, build) => {
    const receiver = await startReceiver();
    await deliverWebhook(receiver.url, build(), secrets);
    const [request] = receiver.received;
    expect(request!.headers['x-twitter-webhooks-signature']).toBe(
      `sha256=${hmac('sha256', secrets.consumerSecret, request!.raw, 'base64')}`,
    );
  });

  it('signs with a wrong secret or leaves the signature out when asked', async () => {
    const receiver = await startReceiver();
    const delivery = messengerMessage({ pageId, psid: '1', text: 'x' });
    await deliverWebhook(receiver.url, delivery, secrets, { signature: 'invalid' });
    await deliverWebhook(receiver.url, delivery, secrets, { signature: 'missing' });
    const [invalid, missing] = receiver.received;
    expect(invalid!.headers['x-hub-signature-256']).not.toBe(
      `sha256=${hmac('sha256', secrets.appSecret, invalid!.raw, 'hex')}`,
    );
    expect(missing!.headers['x-hub-signature-256']).toBeUndefined();
  });

  it('retries the same bytes on 500 and stops at the first 200', async () => {
    const receiver = await startReceiver({ statuses: [500, 502, 200, 500] });
    const delivery = whatsappMessage({
      phoneNumberId: '1065',
      waId: '966500000001',
      name: 'ريم',
      text: 'مرحبا',
    });
    const outcome = await deliverWebhookWithRetries(receiver.url, delivery, secrets, { attempts: 5 });
    expect(outcome).toEqual({ status: 200, attempts: 3, statuses: [500, 502, 200] });
    expect(new Set(receiver.received.map((request) => request.raw.toString('base64'))).size).toBe(1);
  });

  it('gives up after the attempts allowed', async () => {
    const receiver = await startReceiver({ statuses: [500, 500, 500] });
    const delivery = telegramUpdate({ chatId: 1, from: { id: 1, firstName: 'A' }, text: 'hi' });
    const outcome = await deliverWebhookWithRetries(receiver.url, delivery, secrets, { attempts: 2 });
    expect(outcome).toEqual({ status: 500, attempts: 2, statuses: [500, 500] });
  });

  it('does the Meta verification handshake and accepts only the bare challenge', async () => {
    const receiver = await startReceiver({ verifyToken: secrets.verifyToken });
    const accepted = await metaHandshake(receiver.url, secrets.verifyToken, '1158201444');
    expect(accepted).toMatchObject({ status: 200, body: '1158201444', isAccepted: true });
    expect((await metaHandshake(receiver.url, 'wrong')).isAccepted).toBe(false);
    expect(receiver.received[0]!.url.searchParams.get('hub.mode')).toBe('subscribe');
  });

  it('checks the X CRC answer, with a token that needs URL decoding', async () => {
    const good = await startReceiver({ consumerSecret: 'apiSecret' });
    const result = await xCrc(good.url, 'apiSecret', 'test token');
    expect(result).toMatchObject({
      isValid: true,
      responseToken: 'sha256=O5hJl2njQRIa4vsumZ+3oom9ECR5m3aQLRZkPoYelp0=',
    });
    expect(good.received[0]!.url.search).toBe('?crc_token=test+token');
    const wrong = await startReceiver({ consumerSecret: 'another' });
    expect((await xCrc(wrong.url, 'apiSecret')).isValid).toBe(false);
  });
});

describe('runSimulateCommand', () => {
  it('delivers sampled traffic to the target, signed with the secrets file', async () => {
    const receiver = await startReceiver();
    const origin = new URL(receiver.url).origin;
    const secretsPath = join(mkdtempSync(join(tmpdir(), 'sada-simulate-')), 'secrets.json');
    writeFileSync(
      secretsPath,
      JSON.stringify({
        meta: { appSecret: 'file-secret' },
        telegram: { channelId: 'c-42' },
        x: { consumerSecret: 'file-x' },
      }),
    );
    const lines: string[] = [];
    const run = await runSimulateCommand(
      [
        '--port',
        '0',
        '--target',
        origin,
        '--rate',
        '60000',
        '--count',
        '12',
        '--seed',
        '7',
        '--secrets',
        secretsPath,
      ],
      (line) => lines.push(line),
    );
    closers.push(() => run.stop());
    await run.done;
    expect(receiver.received).toHaveLength(12);
    for (const request of receiver.received) {
      expect(request.url.pathname).toMatch(/^\/webhooks\/(meta|telegram\/c-42|x)$/);
      const metaSignature = request.headers['x-hub-signature-256'];
      if (metaSignature)
        expect(metaSignature).toBe(`sha256=${hmac('sha256', 'file-secret', request.raw, 'hex')}`);
      const xSignature = request.headers['x-twitter-webhooks-signature'];
      if (xSignature) expect(xSignature).toBe(`sha256=${hmac('sha256', 'file-x', request.raw, 'base64')}`);
      const telegramToken = request.headers['x-telegram-bot-api-secret-token'];
      if (telegramToken) expect(telegramToken).toBe(defaultSimulatorSecrets.telegramSecretToken);
    }
    expect(lines[0]).toMatch(/^Platform simulator at http:\/\/127\.0\.0\.1:\d+$/);
  });
});
