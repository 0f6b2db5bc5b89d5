import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RawWebhook } from '../adapter.ts';
import { answerHandshake, hasValidSignature, messagingWindow, whatsappWindowRefusal } from './common.ts';
import { facebookAdapter } from './facebook-adapter.ts';
import { fixtureBytes, postedFixture } from './fixture-webhook.ts';
import { instagramAdapter } from './instagram-adapter.ts';
import { whatsappAdapter } from './whatsapp-adapter.ts';

type Vector = { body: string; secret: string; header: string; signature: string; from_source: boolean };
const { vectors } = JSON.parse(fixtureBytes('signature_vectors.json').toString('utf8')) as {
  vectors: Vector[];
};
const sha256Vectors = vectors.filter((vector) => vector.header === 'x-hub-signature-256');
const sha1Vectors = vectors.filter((vector) => vector.header === 'x-hub-signature');

function signed(body: Buffer, secret: string): RawWebhook {
  const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  return { method: 'POST', headers: { 'x-hub-signature-256': signature }, query: {}, rawBody: body };
}

describe('hasValidSignature', () => {
  it.each(sha256Vectors)('accepts the documented sha256 vector over $body', (vector) => {
    const webhook = postedFixture(vector.body, { 'x-hub-signature-256': vector.signature });
    expect(hasValidSignature(webhook, vector.secret)).toBe(true);
  });

  it('is what every Meta adapter verifies with the App Secret', () => {
    const [vector] = sha256Vectors;
    const webhook = postedFixture(vector!.body, { 'x-hub-signature-256': vector!.signature });
    for (const adapter of [facebookAdapter, instagramAdapter, whatsappAdapter]) {
      expect(adapter.verify(webhook, { appSecret: vector!.secret })).toBe(true);
      expect(adapter.verify(webhook, { appSecret: 'another-secret' })).toBe(false);
    }
  });

  it('refuses the right header computed with the wrong secret', () => {
    const vector = sha256Vectors[0]!;
    const webhook = postedFixture(vector.body, { 'x-hub-signature-256': vector.signature });
    expect(hasValidSignature(webhook, 'e6af24be1d683c8c911949f897eea1f7')).toBe(false);
  });

  it('refuses a body with one byte changed', () => {
    const vector = sha256Vectors[0]!;
    const body = Buffer.from(fixtureBytes(vector.body));
    body[body.indexOf('Test')] = 'B'.charCodeAt(0);
    const webhook = {
      ...postedFixture(vector.body, { 'x-hub-signature-256': vector.signature }),
      rawBody: body,
    };
    expect(hasValidSignature(webhook, vector.secret)).toBe(false);
  });

  it('refuses a body re-serialised as JSON, even with the same content', () => {
    const vector = sha256Vectors[0]!;
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(fixtureBytes(vector.body).toString('utf8'))));
    const webhook = {
      ...postedFixture(vector.body, { 'x-hub-signature-256': vector.signature }),
      rawBody: reserialised,
    };
    expect(hasValidSignature(webhook, vector.secret)).toBe(false);
  });

  it('refuses a request without the header, with an empty secret, or with a malformed header', () => {
    const vector = sha256Vectors[0]!;
    expect(hasValidSignature(postedFixture(vector.body), vector.secret)).toBe(false);
    const good = postedFixture(vector.body, { 'x-hub-signature-256': vector.signature });
    expect(hasValidSignature(good, '')).toBe(false);
    expect(hasValidSignature(good, undefined)).toBe(false);
    for (const header of [
      vector.signature.slice(7),
      `sha1=${vector.signature.slice(7)}`,
      `${vector.signature}00`,
    ]) {
      expect(
        hasValidSignature(postedFixture(vector.body, { 'x-hub-signature-256': header }), vector.secret),
      ).toBe(false);
    }
  });

  it('refuses upper-case hex: Meta signs in lower-case and the comparison is exact', () => {
    const vector = sha256Vectors[0]!;
    const upper = `sha256=${vector.signature.slice(7).toUpperCase()}`;
    expect(
      hasValidSignature(postedFixture(vector.body, { 'x-hub-signature-256': upper }), vector.secret),
    ).toBe(false);
  });

  it.each(sha1Vectors)('does not accept the legacy sha1 header alone ($body)', (vector) => {
    // The sha1 vector itself is right (checked here), but SHA-1 alone is not proof enough.
    expect(`sha1=${createHmac('sha1', vector.secret).update(fixtureBytes(vector.body)).digest('hex')}`).toBe(
      vector.signature,
    );
    expect(
      hasValidSignature(postedFixture(vector.body, { 'x-hub-signature': vector.signature }), vector.secret),
    ).toBe(false);
  });

  it('accepts Arabic bodies signed over their UTF-8 bytes', () => {
    const body = fixtureBytes('whatsapp/inbound_text.json');
    expect(whatsappAdapter.verify(signed(body, 'app-secret'), { appSecret: 'app-secret' })).toBe(true);
  });
});

describe('answerHandshake', () => {
  const credentials = { appSecret: 's', verifyToken: 'meatyhamhock' };
  function get(query: Record<string, string>): RawWebhook {
    return { method: 'GET', headers: {}, query, rawBody: Buffer.alloc(0) };
  }

  it('answers the documented handshake with the bare challenge as plain text', () => {
    const answer = answerHandshake(
      get({ 'hub.mode': 'subscribe', 'hub.challenge': '1158201444', 'hub.verify_token': 'meatyhamhock' }),
      credentials,
    );
    expect(answer).toEqual({ status: 200, contentType: 'text/plain', body: '1158201444' });
  });

  it('refuses a wrong token, another mode, or no token configured with 403', () => {
    const wrongToken = { 'hub.mode': 'subscribe', 'hub.challenge': '1', 'hub.verify_token': 'meatyhamhoc' };
    const wrongMode = { 'hub.mode': 'unsubscribe', 'hub.challenge': '1', 'hub.verify_token': 'meatyhamhock' };
    expect(answerHandshake(get(wrongToken), credentials)?.status).toBe(403);
    expect(answerHandshake(get(wrongMode), credentials)?.status).toBe(403);
    expect(answerHandshake(get({ ...wrongToken, 'hub.verify_token': '' }), { appSecret: 's' })?.status).toBe(
      403,
    );
    expect(answerHandshake(get({ 'hub.mode': 'subscribe', 'hub.challenge': '1' }), credentials)?.status).toBe(
      403,
    );
  });

  it('is no handshake for a POST or a GET without hub parameters', () => {
    expect(answerHandshake(postedFixture('messenger/text_quick_reply.json'), credentials)).toBeNull();
    expect(answerHandshake(get({}), credentials)).toBeNull();
  });

  it('is what every Meta adapter answers', () => {
    const query = { 'hub.mode': 'subscribe', 'hub.challenge': 'abc', 'hub.verify_token': 'meatyhamhock' };
    for (const adapter of [facebookAdapter, instagramAdapter, whatsappAdapter]) {
      expect(adapter.handshake(get(query), credentials)?.body).toBe('abc');
    }
  });
});

describe('reply windows', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

  it('lets Messenger answer freely for 24 hours, with the human-agent tag for 7 days, then not at all', () => {
    expect(messagingWindow('Messenger', hoursAgo(23.9), now)).toEqual({ messaging_type: 'RESPONSE' });
    expect(messagingWindow('Messenger', hoursAgo(24), now)).toEqual({ messaging_type: 'RESPONSE' });
    expect(messagingWindow('Messenger', hoursAgo(25), now)).toEqual({
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
    });
    expect(messagingWindow('Messenger', hoursAgo(168), now)).toEqual({
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
    });
    expect(messagingWindow('Messenger', hoursAgo(9 * 24 + 3), now)).toEqual({
      refusal: {
        en: 'The customer last wrote 9 days ago; Messenger allows replies for 7 days with the human-agent tag. Ask them to write again, or reply on another channel.',
        ar: 'آخر رسالة من العميل كانت قبل 9 أيام، وماسنجر يسمح بالرد خلال 7 أيام فقط مع وسم الموظف. اطلب منه أن يكتب من جديد، أو رُدّ عليه عبر قناة أخرى.',
      },
    });
    expect(messagingWindow('Instagram', null, now)).toHaveProperty(
      'refusal',
      expect.objectContaining({
        en: expect.stringMatching(/has not written/),
        ar: expect.stringMatching(/إنستغرام/),
      }),
    );
  });

  it('lets WhatsApp send free-form messages for 24 hours only', () => {
    expect(whatsappWindowRefusal(hoursAgo(23), now)).toBeNull();
    expect(whatsappWindowRefusal(hoursAgo(30), now)).toEqual({
      en: 'The customer last wrote 30 hours ago; WhatsApp allows free-form replies for 24 hours. Send an approved template instead, or wait for them to write again.',
      ar: 'آخر رسالة من العميل كانت قبل 30 ساعة، وواتساب يسمح بالردود الحرة خلال 24 ساعة فقط. أرسل قالبًا معتمدًا بدلًا منها، أو انتظر حتى يكتب من جديد.',
    });
    expect(whatsappWindowRefusal(null, now)?.en).toMatch(/template/);
    expect(whatsappWindowRefusal(null, now)?.ar).toMatch(/قالبًا معتمدًا/);
  });
});
