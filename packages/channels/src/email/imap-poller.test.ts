import { ImapFlow } from 'imapflow';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type DovecotServer, startDovecot } from '../testing/dovecot.ts';
import {
  createImapPoller,
  type ImapPoller,
  type ImapPollerOptions,
  type ImapPollState,
} from './imap-poller.ts';
import type { InboundMail } from './inbound-mail.ts';
import { MailboxError } from './mail-errors.ts';

let dovecot: DovecotServer;
beforeAll(async () => {
  dovecot = await startDovecot();
}, 60_000);
afterAll(async () => {
  await dovecot?.stop();
});

const pollers: ImapPoller[] = [];
afterEach(async () => {
  await Promise.all(pollers.splice(0).map((poller) => poller.stop()));
});

let sequence = 0;
function complaint(subject: string): string {
  sequence += 1;
  return [
    'From: Ahmed <ahmed@example.com>',
    'To: support@sada.test',
    `Subject: ${subject}`,
    `Message-ID: <imap-${sequence}-${Date.now()}@example.com>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    `شكوى رقم ${sequence}`,
    '',
  ].join('\r\n');
}

// Each test reads the folder from where the previous one left off, via its own saved state.
let sharedState: ImapPollState | null = null;

function createPoller(overrides: Partial<ImapPollerOptions> = {}) {
  const delivered: { mail: InboundMail; uid: number }[] = [];
  const saved: ImapPollState[] = [];
  const poller = createImapPoller({
    host: dovecot.host,
    port: dovecot.port,
    isSecure: false,
    username: dovecot.username,
    password: dovecot.password,
    folder: 'INBOX',
    state: sharedState ?? { uidValidity: null, lastUid: 0 },
    deliver: async (mail, _raw, uid) => {
      delivered.push({ mail, uid });
    },
    saveState: async (state) => {
      saved.push(state);
      sharedState = state;
    },
    ...overrides,
  });
  pollers.push(poller);
  return { poller, delivered, saved };
}

async function seenUids(): Promise<number[]> {
  const client = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user: dovecot.username, pass: dovecot.password },
    logger: false,
  });
  await client.connect();
  try {
    await client.mailboxOpen('INBOX');
    return (await client.search({ seen: true }, { uid: true })) || [];
  } finally {
    await client.logout();
  }
}

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('createImapPoller against Dovecot', { timeout: 30_000 }, () => {
  it('delivers new mails in order, saving the state after each, and nothing twice', async () => {
    await dovecot.append(complaint('first'));
    await dovecot.append(complaint('second'));
    const { poller, delivered, saved } = createPoller();
    expect(await poller.pollOnce()).toEqual({ delivered: 2 });
    expect(delivered.map((entry) => entry.mail.subject)).toEqual(['first', 'second']);
    expect(delivered.map((entry) => entry.uid)).toEqual([1, 2]);
    expect(delivered[0]?.mail.text).toBe('شكوى رقم 1');
    expect(saved.map((state) => state.lastUid)).toEqual([1, 2]);
    expect(saved[0]?.uidValidity).toMatch(/^\d+$/);
    expect(await poller.pollOnce()).toEqual({ delivered: 0 });
    expect(delivered).toHaveLength(2);
    expect(await seenUids()).toEqual([1, 2]);
  });

  it('starts from the beginning of the folder when UIDVALIDITY changed', async () => {
    const { poller, delivered } = createPoller({ state: { uidValidity: '1', lastUid: 99 } });
    await poller.pollOnce();
    expect(delivered.map((entry) => entry.uid)).toEqual([1, 2]);
  });

  it('keeps the state of the last stored mail when deliver fails, so the rest comes next time', async () => {
    await dovecot.append(complaint('third'));
    await dovecot.append(complaint('fourth'));
    const { poller, saved } = createPoller({
      deliver: async (mail) => {
        if (mail.subject === 'fourth') throw new Error('database unavailable');
      },
    });
    await expect(poller.pollOnce()).rejects.toThrow('database unavailable');
    expect(saved.map((state) => state.lastUid)).toEqual([3]);
    const retry = createPoller();
    expect(await retry.poller.pollOnce()).toEqual({ delivered: 1 });
    expect(retry.delivered[0]?.mail.subject).toBe('fourth');
  });

  it('delivers a mail that arrives while watching, without another poll (IDLE)', async () => {
    const { poller, delivered } = createPoller();
    await poller.watch({ fallbackIntervalMs: 600_000 });
    expect(delivered).toHaveLength(0);
    await dovecot.append(complaint('while watching'));
    await waitUntil(() => delivered.length === 1);
    expect(delivered[0]?.mail.subject).toBe('while watching');
  });

  it('reconnects when the server drops the watching connection', async () => {
    const warnings: string[] = [];
    const { poller, delivered } = createPoller({
      logger: { warn: (message) => warnings.push(message), error: () => {} },
    });
    await poller.watch();
    await dovecot.disconnectClients();
    await waitUntil(() => warnings.includes('The IMAP connection closed; reconnecting'));
    await dovecot.append(complaint('after reconnect'));
    await waitUntil(() => delivered.length === 1);
    expect(delivered[0]?.mail.subject).toBe('after reconnect');
  });

  it('delivers new mail by polling when the server has no IDLE', async () => {
    const withoutIdle = await startDovecot({ hasIdle: false });
    try {
      const { poller, delivered } = createPoller({
        port: withoutIdle.port,
        password: withoutIdle.password,
        state: { uidValidity: null, lastUid: 0 },
        saveState: async () => {},
      });
      await poller.watch({ fallbackIntervalMs: 200 });
      await withoutIdle.append(complaint('polled'));
      await waitUntil(() => delivered.length === 1);
      expect(delivered[0]?.mail.subject).toBe('polled');
      await poller.stop();
    } finally {
      await withoutIdle.stop();
    }
  });

  it('says clearly that nothing answers on a closed port', async () => {
    const { poller } = createPoller({ port: 1 });
    await expect(poller.pollOnce()).rejects.toThrow(
      /Could not reach the IMAP server 127\.0\.0\.1:1: .*refused/,
    );
  });

  it('names a folder that does not exist', async () => {
    const { poller } = createPoller({ folder: 'Complaints' });
    await expect(poller.pollOnce()).rejects.toThrow(/folder "Complaints" does not exist/);
  });

  // Last: Dovecot slows further sign-ins from the same address for a few seconds after a failure.
  it('says clearly that the sign-in failed on a wrong password', async () => {
    const { poller } = createPoller({ password: 'wrong' });
    const failure = await poller.pollOnce().catch((error) => error);
    expect(failure).toBeInstanceOf(MailboxError);
    expect(failure.isAuthenticationFailure).toBe(true);
    expect(failure.message).toContain(`IMAP sign-in to 127.0.0.1:${dovecot.port} as agent failed`);
    expect(failure.code).toBe('auth');
    expect(failure.text.ar).toContain(`فشل تسجيل الدخول إلى IMAP على 127.0.0.1:${dovecot.port} باسم agent`);
  });
});
