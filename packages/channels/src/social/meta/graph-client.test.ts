import { describe, expect, it } from 'vitest';
import { type SocialOutbound, SocialSendError } from '../adapter.ts';
import { facebookAdapter } from './facebook-adapter.ts';
import { startGraphStub, useGraphStub } from './graph-stub.ts';
import { instagramAdapter } from './instagram-adapter.ts';
import { whatsappAdapter } from './whatsapp-adapter.ts';

const graph = useGraphStub();

const now = new Date('2026-11-26T12:00:00Z');
const reply: SocialOutbound = { action: 'message', to: '6897081203671512', text: 'مرحباً' };

function graphError(code: number, message: string, more: Record<string, unknown> = {}) {
  return { error: { message, type: 'OAuthException', code, fbtrace_id: 'AbCdEf123', ...more } };
}

async function failure(): Promise<SocialSendError> {
  const error = await facebookAdapter
    .send(reply, {
      credentials: { appSecret: 's', pageAccessToken: 'PAGE_TOKEN', pageId: '1' },
      baseUrl: graph.baseUrl,
      lastInboundAt: now,
      now,
    })
    .then(
      () => null,
      (reason: unknown) => reason,
    );
  if (!(error instanceof SocialSendError))
    throw new Error(`expected a SocialSendError, got ${String(error)}`);
  return error;
}

describe('Graph API errors', () => {
  it('makes 429 temporary and keeps Retry-After', async () => {
    graph.answer({
      status: 429,
      headers: { 'retry-after': '120' },
      body: graphError(613, 'Calls to this api have exceeded the rate limit.'),
    });
    const error = await failure();
    expect(error).toMatchObject({ isPermanent: false, retryAfterSeconds: 120, code: 'rate_limited' });
    expect(error.message).toContain('Calls to this api have exceeded the rate limit.');
    expect(error.text.ar).toContain('“Calls to this api have exceeded the rate limit.”');
    expect(error.text.ar).toContain('ستُعاد المحاولة');
  });

  it('makes rate-limit codes temporary even under HTTP 400', async () => {
    for (const code of [4, 17, 32, 613]) {
      graph.answer({ status: 400, body: graphError(code, 'Application request limit reached') });
      expect(await failure()).toMatchObject({ isPermanent: false, retryAfterSeconds: null });
    }
  });

  it('makes 5xx temporary, JSON or not', async () => {
    graph.answer({
      status: 500,
      body: graphError(2, 'An unexpected error has occurred. Please retry your request later.'),
    });
    expect(await failure()).toMatchObject({ isPermanent: false });
    graph.answer({ status: 502, body: '<html>Bad Gateway</html>' });
    const error = await failure();
    expect(error).toMatchObject({ isPermanent: false });
    expect(error.message).toContain('HTTP 502');
  });

  it('makes an expired token permanent and tells the admin to reconnect, in Meta’s words too', async () => {
    graph.answer({
      status: 400,
      body: graphError(190, 'Error validating access token: Session has expired on Monday, 23-Nov-26.', {
        error_subcode: 463,
      }),
    });
    const error = await failure();
    expect(error.isPermanent).toBe(true);
    expect(error.code).toBe('auth');
    expect(error.message).toBe(
      'Messenger refused the request: “Error validating access token: Session has expired on Monday, 23-Nov-26.” (HTTP 400, code 190, subcode 463, fbtrace_id AbCdEf123). The access token has expired or was revoked: reconnect the account in Channels.',
    );
    expect(error.text).toEqual({
      en: error.message,
      ar: 'رفض Messenger الطلب: “Error validating access token: Session has expired on Monday, 23-Nov-26.” (HTTP 400, code 190, subcode 463, fbtrace_id AbCdEf123). انتهت صلاحية رمز الوصول أو أُلغي: أعد ربط الحساب من القنوات.',
    });
  });

  it('makes permissions, invalid parameters and closed windows permanent', async () => {
    graph.answer(
      { status: 403, body: graphError(10, 'Application does not have permission for this action') },
      { status: 400, body: graphError(100, '(#100) No matching user found', { type: 'OAuthException' }) },
      {
        status: 400,
        body: graphError(10, 'This message is sent outside of allowed window.', { error_subcode: 2018278 }),
      },
      { status: 400, body: graphError(551, 'This person isn’t available right now.') },
    );
    const messages = [];
    const codes = [];
    for (let i = 0; i < 4; i += 1) {
      const error = await failure();
      expect(error).toMatchObject({ isPermanent: true, retryAfterSeconds: null });
      messages.push(error.message);
      codes.push(error.code);
    }
    expect(codes).toEqual(['permission', 'invalid_request', 'window_closed', 'window_closed']);
    expect(messages[0]).toMatch(/lacks a permission/);
    expect(messages[1]).toMatch(/No matching user found.*recipient or comment may no longer exist/);
    expect(messages[2]).toMatch(/outside of allowed window.*subcode 2018278/);
    expect(messages[3]).toMatch(/messaging window is closed/);
  });

  it('makes an unreachable Graph API temporary', async () => {
    const closed = await startGraphStub();
    await closed.close();
    const error = await whatsappAdapter
      .send(reply, {
        credentials: { appSecret: 's', phoneNumberId: '1', accessToken: 't' },
        baseUrl: closed.baseUrl,
        lastInboundAt: now,
        now,
      })
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(SocialSendError);
    expect(error).toMatchObject({ isPermanent: false });
  });

  it('maps errors the same way for Instagram and WhatsApp', async () => {
    graph.answer(
      { status: 400, body: graphError(190, 'Invalid OAuth access token.') },
      { status: 429, headers: { 'retry-after': '7' }, body: graphError(130429, 'Rate limit hit') },
    );
    await expect(
      instagramAdapter.send(reply, {
        credentials: { appSecret: 's', instagramAccountId: '1', accessToken: 't' },
        baseUrl: graph.baseUrl,
        lastInboundAt: now,
        now,
      }),
    ).rejects.toMatchObject({
      isPermanent: true,
      message: expect.stringMatching(/^Instagram refused.*reconnect/),
    });
    await expect(
      whatsappAdapter.send(reply, {
        credentials: { appSecret: 's', phoneNumberId: '1', accessToken: 't' },
        baseUrl: graph.baseUrl,
        lastInboundAt: now,
        now,
      }),
    ).rejects.toMatchObject({ isPermanent: false, retryAfterSeconds: 7 });
  });
});
