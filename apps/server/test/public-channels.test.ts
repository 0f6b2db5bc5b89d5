import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { type ApiClient, createTestWorkspace, useTestServer } from './harness.ts';

// A real 1×1 PNG, and a Windows program renamed to look like one.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const FAKE_PNG = Buffer.concat([Buffer.from('MZ'), randomBytes(64)]);

const freshIp = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe('public complaint form, status page and chat', () => {
  const server = useTestServer();

  async function post(path: string, body: unknown, ip = freshIp(), headers: Record<string, string> = {}) {
    const response = await fetch(server().baseUrl + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...headers },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  }

  async function postForm(
    path: string,
    form: FormData,
    ip = freshIp(),
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(server().baseUrl + path, {
      method: 'POST',
      headers: { 'x-forwarded-for': ip, ...headers },
      body: form,
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // HTML
    }
    return { status: response.status, body: body as any, headers: response.headers };
  }

  async function get(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(server().baseUrl + path, { headers });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  async function caseCount(admin: ApiClient) {
    return (await admin.get('/api/cases?limit=100')).body.items.length as number;
  }

  it('turns a form submission into a case with a reference, an acknowledgement and a status link', async () => {
    const workspace = await createTestWorkspace(server());
    const config = await get(`/api/public/${workspace.slug}/form`);
    expect(config.status).toBe(200);
    expect(config.body.fields.name).toBe('required');

    const created = await post(`/api/public/${workspace.slug}/complaints`, {
      name: 'نورة العتيبي',
      email: 'noura@example.com',
      description: 'وصل الطلب ناقصًا ولم يرد أحد على اتصالي منذ ثلاثة أيام.',
      language: 'ar',
    });
    expect(created.status).toBe(201);
    expect(created.body.reference).toMatch(/^TST-\d{4}-\d{6}$/);
    expect(created.body.statusUrl).toMatch(new RegExp(`^/w/${workspace.slug}/status\\?t=`));

    const detail = (await workspace.admin.get(`/api/cases/${created.body.reference}`)).body;
    expect(detail.channel).toBe('web_form');
    expect(detail.customerName).toBe('نورة العتيبي');
    const [complaint, acknowledgement] = detail.messages;
    expect(complaint).toMatchObject({ direction: 'inbound', body: expect.stringContaining('ناقصًا') });
    expect(acknowledgement.direction).toBe('outbound');
    expect(acknowledgement.body).toContain(created.body.reference);
    expect(acknowledgement.body).toContain('نورة');
    // Queued for e-mail (its sending is the e-mail tests' business).
    expect(acknowledgement.delivery).not.toBeNull();
    expect(detail.status).toBe('new');

    const token = new URL(created.body.statusUrl, 'http://x').searchParams.get('t')!;
    const view = await get(`/api/public/${workspace.slug}/status?t=${encodeURIComponent(token)}`);
    expect(view.status).toBe(200);
    expect(view.body.reference).toBe(created.body.reference);
    expect(view.body.expectedResponseBy).not.toBeNull();
    expect(view.body.updates.map((update: { from: string }) => update.from)).toEqual(['customer', 'team']);
  });

  it('stores an image sent with the form, judged by its content, and refuses a disguised program', async () => {
    const workspace = await createTestWorkspace(server());
    const form = new FormData();
    form.set('name', 'Sam');
    form.set('email', 'sam@example.com');
    form.set('description', 'The screen arrived cracked, photo attached.');
    form.append('attachments', new Blob([PNG], { type: 'image/png' }), 'crack.png');
    const created = await postForm(`/api/public/${workspace.slug}/complaints`, form);
    expect(created.status).toBe(201);
    const detail = (await workspace.admin.get(`/api/cases/${created.body.reference}`)).body;
    const [file] = detail.messages[0].attachments;
    expect(file).toMatchObject({ name: 'crack.png', contentType: 'image/png', size: PNG.length });
    const download = await fetch(server().baseUrl + file.url, {
      headers: { cookie: workspace.admin.cookie! },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
    // Another workspace's agent cannot fetch it.
    const other = await createTestWorkspace(server());
    expect((await other.admin.get(file.url)).status).toBe(404);

    const before = await caseCount(workspace.admin);
    const bad = new FormData();
    bad.set('name', 'Sam');
    bad.set('email', 'sam@example.com');
    bad.set('description', 'Another one');
    bad.append('attachments', new Blob([FAKE_PNG], { type: 'image/png' }), 'photo.png');
    const refused = await postForm(`/api/public/${workspace.slug}/complaints`, bad, freshIp(), {
      'accept-language': 'en',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain('"photo.png" is not an image');
    expect(refused.body.error.fields[0].path).toBe('attachments');
    expect(await caseCount(workspace.admin)).toBe(before);
  });

  it('refuses oversized files, bots and header injection with a reason, storing nothing', async () => {
    const workspace = await createTestWorkspace(server());
    const big = new FormData();
    big.set('name', 'Sam');
    big.set('email', 'sam@example.com');
    big.set('description', 'Big');
    big.append('attachments', new Blob([PNG, Buffer.alloc(11 * 1024 * 1024)]), 'huge.png');
    const tooBig = await postForm(`/api/public/${workspace.slug}/complaints`, big, freshIp(), {
      'accept-language': 'en',
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toBe('Each file may be at most 10 MB.');

    const bot = await post(
      `/api/public/${workspace.slug}/complaints`,
      { name: 'Bot', email: 'bot@example.com', description: 'spam', website: 'http://spam.example' },
      freshIp(),
      { 'accept-language': 'en' },
    );
    expect(bot.status).toBe(422);
    expect(bot.body.error.fields[0].message).toContain('must stay empty');

    const injected = await post(
      `/api/public/${workspace.slug}/complaints`,
      { name: 'Eve\r\nBcc: all@example.com', email: 'eve@example.com', description: 'x' },
      freshIp(),
      { 'accept-language': 'en' },
    );
    expect(injected.status).toBe(422);
    expect(injected.body.error.fields).toEqual([{ path: 'name', message: 'Write this on one line.' }]);

    const noContact = await post(
      `/api/public/${workspace.slug}/complaints`,
      { name: 'Anon', description: 'x' },
      freshIp(),
      {
        'accept-language': 'en',
      },
    );
    expect(noContact.status).toBe(422);
    expect(noContact.body.error.fields[0].path).toBe('email');

    const unknown = await post('/api/public/no-such-workspace/complaints', { description: 'x' });
    expect(unknown.status).toBe(404);
    expect(await caseCount(workspace.admin)).toBe(0);
  });

  it('asks the captcha provider when the workspace turned a captcha on', async () => {
    // A local server plays the provider's siteverify endpoint (Turnstile, hCaptcha and reCAPTCHA agree on it).
    const checks: URLSearchParams[] = [];
    const provider = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        const form = new URLSearchParams(body);
        checks.push(form);
        response.setHeader('content-type', 'application/json');
        response.end(
          JSON.stringify({
            success: form.get('secret') === 'site-secret' && form.get('response') === 'solved',
          }),
        );
      });
    });
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    try {
      const workspace = await createTestWorkspace(server());
      const verifyUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/siteverify`;
      const saved = await workspace.admin.patch('/api/channels/settings', {
        captcha: { provider: 'turnstile', siteKey: 'site-key', verifyUrl, secret: 'site-secret' },
      });
      expect(saved.body.captcha).toEqual({
        provider: 'turnstile',
        siteKey: 'site-key',
        verifyUrl,
        hasSecret: true,
      });
      expect((await get(`/api/public/${workspace.slug}/form`)).body.captcha).toEqual({
        provider: 'turnstile',
        siteKey: 'site-key',
      });
      const complaint = { name: 'Rana', email: 'rana@example.com', description: 'Charged twice' };
      const path = `/api/public/${workspace.slug}/complaints`;
      const missing = await post(path, complaint, freshIp(), { 'accept-language': 'en' });
      expect(missing.status).toBe(422);
      expect(missing.body.error.fields[0]).toEqual({
        path: 'captchaToken',
        message: 'Please complete the check that you are not a robot, then send again.',
      });
      expect((await post(path, { ...complaint, captchaToken: 'guessed' })).status).toBe(422);
      const ip = freshIp();
      expect((await post(path, { ...complaint, captchaToken: 'solved' }, ip)).status).toBe(201);
      expect(checks.at(-1)?.get('remoteip')).toBe(ip);
      expect(await caseCount(workspace.admin)).toBe(1);
    } finally {
      provider.close();
    }
  });

  it('opens one case for a form sent twice, and limits one address', async () => {
    const workspace = await createTestWorkspace(server());
    const ip = freshIp();
    const submission = {
      name: 'Ali',
      email: 'ali@example.com',
      description: 'Late order',
      submissionId: randomUUID(),
    };
    const first = await post(`/api/public/${workspace.slug}/complaints`, submission, ip);
    const again = await post(`/api/public/${workspace.slug}/complaints`, submission, ip);
    expect(again.body.reference).toBe(first.body.reference);
    expect(await caseCount(workspace.admin)).toBe(1);
    for (let index = 0; index < 8; index += 1) {
      await post(
        `/api/public/${workspace.slug}/complaints`,
        { ...submission, submissionId: randomUUID() },
        ip,
      );
    }
    const limited = await post(
      `/api/public/${workspace.slug}/complaints`,
      { ...submission, submissionId: randomUUID() },
      ip,
    );
    expect(limited.status).toBe(429);
  });

  it('shows the status to the right reference and contact only, and takes the customer’s message', async () => {
    const workspace = await createTestWorkspace(server());
    const created = await post(`/api/public/${workspace.slug}/complaints`, {
      name: 'Huda',
      email: 'Huda@Example.com',
      phone: '+966 55 123 4567',
      description: 'Refund not received',
    });
    const reference = created.body.reference as string;
    const ip = freshIp();
    const byEmail = await post(
      `/api/public/${workspace.slug}/status/lookup`,
      { reference: reference.toLowerCase(), contact: 'huda@example.com' },
      ip,
    );
    expect(byEmail.status).toBe(200);
    expect(byEmail.body.case.status).toBe('new');
    const byPhone = await post(
      `/api/public/${workspace.slug}/status/lookup`,
      { reference, contact: '966551234567' },
      ip,
    );
    expect(byPhone.status).toBe(200);
    const wrongContact = await post(
      `/api/public/${workspace.slug}/status/lookup`,
      { reference, contact: 'x@example.com' },
      ip,
    );
    const noSuchCase = await post(
      `/api/public/${workspace.slug}/status/lookup`,
      { reference: 'TST-2026-999999', contact: 'huda@example.com' },
      ip,
    );
    expect(wrongContact.status).toBe(404);
    expect(noSuchCase.status).toBe(404);
    expect(noSuchCase.body.error.message).toBe(wrongContact.body.error.message);
    // Another workspace's token does not open this one's case.
    const other = await createTestWorkspace(server());
    expect((await get(`/api/public/${other.slug}/status?t=${byEmail.body.token}`)).status).toBe(401);

    const form = new FormData();
    form.set('body', 'I have attached the bank statement.');
    form.append('attachments', new Blob([PNG]), 'statement.png');
    const added = await postForm(
      `/api/public/${workspace.slug}/status/messages?t=${byEmail.body.token}`,
      form,
      ip,
    );
    expect(added.status).toBe(204);
    const detail = (await workspace.admin.get(`/api/cases/${reference}`)).body;
    const last = detail.messages.at(-1);
    expect(last).toMatchObject({ direction: 'inbound', body: 'I have attached the bank statement.' });
    expect(last.attachments[0].name).toBe('statement.png');

    for (let index = 0; index < 6; index += 1) {
      await post(
        `/api/public/${workspace.slug}/status/lookup`,
        { reference, contact: 'wrong@example.com' },
        ip,
      );
    }
    expect(
      (
        await post(
          `/api/public/${workspace.slug}/status/lookup`,
          { reference, contact: 'huda@example.com' },
          ip,
        )
      ).status,
    ).toBe(429);
  });

  it('starts a chat with no agent online as an e-mail-followed case, and sends its messages both ways', async () => {
    const workspace = await createTestWorkspace(server());
    const config = await get(`/api/public/${workspace.slug}/chat/config`);
    expect(config.body).toMatchObject({ isEnabled: true, isAgentAvailable: false });
    const started = await post(`/api/public/${workspace.slug}/chats`, {
      name: 'Omar',
      email: 'omar@example.com',
      topic: 'Delivery',
      message: 'Where is my parcel?',
    });
    expect(started.status).toBe(201);
    expect(started.body.isAgentAvailable).toBe(false);
    expect(started.body.expectedResponseBy).not.toBeNull();
    // The acknowledgement says when to expect an answer, in the chat.
    expect(started.body.messages.map((message: { from: string }) => message.from)).toEqual([
      'customer',
      'agent',
    ]);
    const token = started.body.token as string;

    const sent = await post(
      `/api/public/${workspace.slug}/chats/current/messages`,
      { body: 'Order 5521', clientMessageId: 'm-000001' },
      freshIp(),
      {
        'x-sada-chat-token': token,
      },
    );
    expect(sent.status).toBe(201);
    const repeat = await post(
      `/api/public/${workspace.slug}/chats/current/messages`,
      { body: 'Order 5521', clientMessageId: 'm-000001' },
      freshIp(),
      {
        'x-sada-chat-token': token,
      },
    );
    expect(repeat.body.id).toBe(sent.body.id);

    const reply = await workspace.admin.post(`/api/cases/${started.body.reference}/messages`, {
      type: 'reply',
      body: 'It leaves the warehouse today.',
    });
    expect(reply.status).toBe(201);
    // No agent was online: the answer also goes by e-mail.
    expect(reply.body.delivery).toMatchObject({ status: 'pending' });
    const session = await get(`/api/public/${workspace.slug}/chats/current`, { 'x-sada-chat-token': token });
    expect(session.body.messages.map((message: { body: string }) => message.body)).toEqual([
      'Where is my parcel?',
      expect.any(String),
      'Order 5521',
      'It leaves the warehouse today.',
    ]);
    expect(
      (await get(`/api/public/${workspace.slug}/chats/current`, { 'x-sada-chat-token': 'forged.token' }))
        .status,
    ).toBe(401);
  });
});
