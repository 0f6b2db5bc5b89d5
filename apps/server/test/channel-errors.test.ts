import { type Simulator, startPlatformSimulator, telegramUpdate } from '@sada/channels/simulator';
import type { Clock } from '@sada/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestWorkspace,
  startTestServer,
  type TestServer,
  type TestWorkspace,
  waitFor,
} from './harness.ts';

// Bot ids are unique per run: on a shared database a bot may be connected once.
const uniqueBotId = () =>
  String(Date.now()).slice(-6) + String(Math.floor(Math.random() * 1e4)).padStart(4, '0');

type LogEntry = {
  id: string;
  occurredAt: string;
  source: string;
  occurrences: number;
  error: { code: string; en: string; ar: string };
  detail: Record<string, unknown> | null;
};

describe('channel errors in both languages, and each account’s error log', () => {
  let simulator: Simulator;
  let server: TestServer;
  // The log counts a repeated failure per minute: the tests move the server's clock on.
  let offsetMs = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };

  beforeAll(async () => {
    simulator = await startPlatformSimulator({});
    server = await startTestServer({ jobs: true, platformUrl: simulator.url, isolated: true, clock });
  });
  afterAll(async () => {
    await server?.stop();
    await simulator?.close();
  });

  async function connectBot(workspace: TestWorkspace) {
    const botId = uniqueBotId();
    const created = await workspace.admin.post('/api/channels', {
      kind: 'telegram',
      name: 'Support bot',
      credentials: {
        botToken: `${botId}:AAH-errors-token-0123456789abcdef`,
        secretToken: simulator.secrets.telegramSecretToken,
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return {
      id: created.body.id as string,
      target: `${server.baseUrl}/webhooks/telegram/${created.body.id}`,
    };
  }

  async function logOf(workspace: TestWorkspace, channelId: string): Promise<LogEntry[]> {
    const answer = await workspace.admin.get(`/api/channels/${channelId}/errors`);
    expect(answer.status).toBe(200);
    return answer.body.items;
  }

  const update = (text: string) =>
    telegramUpdate({ chatId: 777001, from: { id: 777001, firstName: 'Huda' }, text });

  it('shows a permanent send failure on the message with its code and Arabic text, and logs it', async () => {
    const workspace = await createTestWorkspace(server);
    const bot = await connectBot(workspace);
    expect(await simulator.deliver(bot.target, update('الطلب لم يصل بعد'))).toBe(200);
    const [summary] = await waitFor(async () => {
      const items = (await workspace.admin.get('/api/cases?channel=telegram')).body.items;
      return items.length > 0 ? items : undefined;
    });
    const reference = summary.referenceNumber as string;
    simulator.failNext(
      { pathIncludes: '/sendMessage' },
      {
        status: 403,
        body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
      },
    );
    const reply = await workspace.admin.post(`/api/cases/${reference}/messages`, {
      type: 'reply',
      visibility: 'private',
      body: 'نعتذر، سنتابع طلبك اليوم.',
    });
    expect(reply.status).toBe(201);
    const failed = await waitFor(async () => {
      const message = (await workspace.admin.get(`/api/cases/${reference}`)).body.messages.find(
        (item: { id: string }) => item.id === reply.body.id,
      );
      return message.delivery?.status === 'failed' ? message : undefined;
    });
    expect(failed.delivery.lastError).toEqual({
      code: 'rejected_recipient',
      en: 'Telegram sendMessage failed (403): “Forbidden: bot was blocked by the user”.',
      ar: 'فشل طلب تيليجرام sendMessage (403): “Forbidden: bot was blocked by the user”.',
    });

    const [entry, ...rest] = await logOf(workspace, bot.id);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      source: 'send',
      occurrences: 1,
      error: failed.delivery.lastError,
      detail: { referenceNumber: reference, messageId: reply.body.id, isPermanent: true },
    });
  });

  it('logs a badly signed webhook once a minute, counting the repeats', async () => {
    const workspace = await createTestWorkspace(server);
    const bot = await connectBot(workspace);
    for (let i = 0; i < 3; i += 1) {
      expect(await simulator.deliver(bot.target, update('spoofed'), { signature: 'invalid' })).toBe(401);
    }
    const [first, ...none] = await logOf(workspace, bot.id);
    expect(none).toEqual([]);
    expect(first).toMatchObject({ source: 'webhook', occurrences: 3, error: { code: 'bad_signature' } });
    expect(first!.error.en).toContain('signature does not match');
    expect(first!.error.ar).toContain('توقيعه لا يطابق');

    offsetMs += 61_000;
    expect(await simulator.deliver(bot.target, update('spoofed'), { signature: 'invalid' })).toBe(401);
    const log = await logOf(workspace, bot.id);
    expect(log.map((item) => item.occurrences)).toEqual([1, 3]);
    expect(new Date(log[0]!.occurredAt).getTime()).toBeGreaterThan(new Date(log[1]!.occurredAt).getTime());
    // A signed request still goes through, and the account's last error clears.
    expect(await simulator.deliver(bot.target, update('الرسالة الحقيقية'))).toBe(200);
    const [account] = (await workspace.admin.get('/api/channels')).body.items;
    expect(account.lastError).toBeNull();
  });

  it('keeps the newest 50 entries of an account’s log', async () => {
    const workspace = await createTestWorkspace(server);
    const bot = await connectBot(workspace);
    const times: string[] = [];
    for (let i = 0; i < 53; i += 1) {
      offsetMs += 61_000;
      times.push(clock.now().toISOString());
      expect(await simulator.deliver(bot.target, update(`spoofed ${i}`), { signature: 'invalid' })).toBe(401);
    }
    const log = await logOf(workspace, bot.id);
    expect(log).toHaveLength(50);
    // The three oldest went: the last kept is the fourth, written between times[3] and times[4].
    const at = (entry: LogEntry | undefined) => new Date(entry!.occurredAt).getTime();
    expect(at(log[0])).toBeGreaterThanOrEqual(new Date(times[52]!).getTime());
    expect(at(log[49])).toBeGreaterThanOrEqual(new Date(times[3]!).getTime());
    expect(at(log[49])).toBeLessThan(new Date(times[4]!).getTime());
  });

  it('logs a failed test connection in both languages, without the token', async () => {
    const workspace = await createTestWorkspace(server);
    const bot = await connectBot(workspace);
    simulator.failNext(
      { pathIncludes: '/getMe' },
      { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } },
    );
    const tested = await workspace.admin.post(`/api/channels/${bot.id}/test`);
    expect(tested.body).toMatchObject({ isOk: false, code: 'auth' });
    expect(tested.body.text.ar).toContain('رفض Telegram بيانات الاعتماد (401)');
    expect(tested.body.text.ar).toContain('Unauthorized');
    const [account] = (await workspace.admin.get('/api/channels')).body.items;
    expect(account.lastError).toEqual({ code: 'auth', en: tested.body.text.en, ar: tested.body.text.ar });
    const [entry] = await logOf(workspace, bot.id);
    expect(entry).toMatchObject({ source: 'test', error: { code: 'auth' } });
    expect(JSON.stringify(entry)).not.toContain('AAH-errors-token');
  });

  it('logs a mailbox that cannot be reached, in both languages', async () => {
    const workspace = await createTestWorkspace(server);
    const created = await workspace.admin.post('/api/channels/mailboxes', {
      host: '127.0.0.1',
      port: 1,
      isSecure: false,
      username: 'support',
      password: 'secret',
    });
    expect(created.status).toBe(201);
    await server.mailboxes!.refresh();
    const log = await waitFor(async () => {
      const answer = await workspace.admin.get(`/api/channels/mailboxes/${created.body.id}/errors`);
      return answer.body.items.length > 0 ? (answer.body.items as LogEntry[]) : undefined;
    });
    expect(log[0]).toMatchObject({ source: 'mailbox', error: { code: 'unreachable' } });
    expect(log[0]!.error.ar).toContain('تعذّر الوصول إلى خادم IMAP 127.0.0.1:1');
    const mailbox = (await workspace.admin.get('/api/channels/mailboxes')).body.items[0];
    expect(mailbox.lastError).toEqual(log[0]!.error);
  });

  it('shows a workspace only its own accounts’ logs', async () => {
    const owner = await createTestWorkspace(server);
    const other = await createTestWorkspace(server);
    const bot = await connectBot(owner);
    expect(await simulator.deliver(bot.target, update('spoofed'), { signature: 'invalid' })).toBe(401);
    expect(await logOf(owner, bot.id)).toHaveLength(1);
    const foreign = await other.admin.get(`/api/channels/${bot.id}/errors`);
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(foreign.body)).not.toContain('signature');
    const mailbox = await owner.admin.post('/api/channels/mailboxes', {
      host: '127.0.0.1',
      port: 1,
      username: 'support',
      password: 'secret',
    });
    expect((await other.admin.get(`/api/channels/mailboxes/${mailbox.body.id}/errors`)).status).toBe(404);
  });
});
