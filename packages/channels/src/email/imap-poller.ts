import type { LocalizedText } from '@sada/core';
import { ImapFlow } from 'imapflow';
import { quoted } from '../channel-error.ts';
import { type ChannelLogger, silentLogger } from '../channel-logger.ts';
import { type InboundMail, parseInboundMail } from './inbound-mail.ts';
import { MailboxError, MailFormatError } from './mail-errors.ts';

/** Where a mailbox has been read up to; kept by the caller between runs. */
export type ImapPollState = { uidValidity: string; lastUid: number };

/** A mailbox to read support mail from, and what to do with each mail. */
export type ImapPollerOptions = {
  host: string;
  port: number;
  isSecure: boolean;
  username: string;
  password: string;
  folder: string;
  tls?: { rejectUnauthorized?: boolean };
  state: { uidValidity: string | null; lastUid: number };
  /** Resolves once the mail is stored; the server side deduplicates by Message-ID. */
  deliver(mail: InboundMail, raw: Buffer, uid: number): Promise<void>;
  saveState(state: ImapPollState): Promise<void>;
  logger?: ChannelLogger;
};

/** Reads new mail from one IMAP folder, once or continuously. */
export type ImapPoller = {
  pollOnce(): Promise<{ delivered: number }>;
  /** Connects, delivers what is waiting, then stays connected (IDLE, or polling without it). */
  watch(options?: { fallbackIntervalMs?: number }): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Creates a poller. Each mail is delivered, then the state saved, then the mail marked \Seen,
 * one at a time in UID order: a crash re-delivers at most one mail and never skips one.
 */
export function createImapPoller(options: ImapPollerOptions): ImapPoller {
  const logger = options.logger ?? silentLogger;
  let state = { ...options.state };
  let client: ImapFlow | null = null;
  let isWatching = false;
  let running: Promise<unknown> = Promise.resolve();
  let fallbackTimer: NodeJS.Timeout | null = null;
  let reconnectTimer: NodeJS.Timeout | null = null;

  // Polls never overlap: an 'exists' event during a poll waits for it to finish.
  const serialise = <T>(work: () => Promise<T>): Promise<T> => {
    const next = running.then(work, work);
    running = next.catch(() => undefined);
    return next;
  };

  const poll = async (connection: ImapFlow): Promise<{ delivered: number }> => {
    const lock = await connection.getMailboxLock(options.folder).catch((error: unknown) => {
      throw mailboxError(error, options);
    });
    try {
      // NOOP makes the server report mail that arrived since the folder was opened.
      await connection.noop();
      const outcome = await deliverNew(connection, options, state, logger);
      state = outcome.state;
      return { delivered: outcome.delivered };
    } finally {
      lock.release();
    }
  };

  const pollOnce = () =>
    serialise(async () => {
      if (client) return poll(client);
      const connection = await connect(options, { isWatching: false, logger });
      try {
        return await poll(connection);
      } finally {
        await connection.logout().catch(() => connection.close());
      }
    });

  let fallbackIntervalMs = 60_000;
  let reconnectAttempts = 0;

  const startWatching = async () => {
    const connection = await connect(options, { isWatching: true, logger });
    client = connection;
    connection.on('exists', () => {
      serialise(() => poll(connection)).catch((error: unknown) =>
        logger.error('Could not read new mail from the IMAP folder', { folder: options.folder, error }),
      );
    });
    connection.on('close', () => {
      if (client !== connection) return;
      client = null;
      if (isWatching) scheduleReconnect();
    });
    try {
      await serialise(() => poll(connection));
    } catch (error) {
      client = null;
      await connection.logout().catch(() => connection.close());
      throw error;
    }
    reconnectAttempts = 0;
    // Without IDLE the server never tells us about new mail, so ask it on a timer.
    if (!connection.capabilities.has('IDLE')) {
      fallbackTimer = setInterval(() => {
        pollOnce().catch((error: unknown) => logger.error('IMAP poll failed', { error }));
      }, fallbackIntervalMs);
    }
  };

  // Servers drop idle connections now and then; reconnect at once, then back off to 5 minutes.
  const scheduleReconnect = () => {
    if (fallbackTimer) clearInterval(fallbackTimer);
    fallbackTimer = null;
    const delayMs = Math.min(1_000 * 2 ** reconnectAttempts, 300_000);
    reconnectAttempts += 1;
    logger.warn('The IMAP connection closed; reconnecting', { host: options.host, delayMs });
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      if (!isWatching) return;
      startWatching().catch((error: unknown) => {
        logger.error('Could not reconnect to the IMAP server', { error });
        if (isWatching) scheduleReconnect();
      });
    }, delayMs);
  };

  return {
    pollOnce,
    async watch(watchOptions = {}) {
      if (isWatching) return;
      isWatching = true;
      try {
        fallbackIntervalMs = watchOptions.fallbackIntervalMs ?? 60_000;
        await startWatching();
      } catch (error) {
        isWatching = false;
        throw error;
      }
    },
    async stop() {
      isWatching = false;
      if (fallbackTimer) clearInterval(fallbackTimer);
      if (reconnectTimer) clearTimeout(reconnectTimer);
      fallbackTimer = null;
      reconnectTimer = null;
      const connection = client;
      client = null;
      await running;
      if (connection?.usable) await connection.logout().catch(() => connection.close());
    },
  };
}

async function connect(
  options: ImapPollerOptions,
  mode: { isWatching: boolean; logger: ChannelLogger },
): Promise<ImapFlow> {
  const connection = new ImapFlow({
    host: options.host,
    port: options.port,
    secure: options.isSecure,
    auth: { user: options.username, pass: options.password },
    ...(options.tls ? { tls: options.tls } : {}),
    logger: false,
    // A watching connection idles soon after each poll, so new mail is announced at once.
    ...(mode.isWatching ? { autoIdleDelay: 1_000 } : { disableAutoIdle: true }),
    connectionTimeout: 30_000,
  });
  // Errors after connect arrive as events; unheard, they would crash the process. A lost
  // connection also emits 'close', which is what the watcher reconnects on.
  connection.on('error', (error: unknown) =>
    mode.logger.warn('IMAP connection error', { host: options.host, error }),
  );
  try {
    await connection.connect();
  } catch (error) {
    connection.close();
    throw mailboxError(error, options);
  }
  return connection;
}

async function deliverNew(
  connection: ImapFlow,
  options: ImapPollerOptions,
  start: ImapPollerOptions['state'],
  logger: ChannelLogger,
): Promise<{ state: ImapPollerOptions['state']; delivered: number }> {
  const mailbox = connection.mailbox;
  if (!mailbox) {
    throw new MailboxError('not_found', {
      en: `The IMAP folder "${options.folder}" could not be opened.`,
      ar: `تعذّر فتح مجلد IMAP "${options.folder}".`,
    });
  }
  const uidValidity = String(mailbox.uidValidity);
  let state = start;
  if (state.uidValidity !== null && state.uidValidity !== uidValidity) {
    // The server renumbered the folder: old UIDs mean nothing, so read it again from the start.
    logger.warn('The IMAP folder was renumbered (UIDVALIDITY changed); reading it from the start', {
      folder: options.folder,
    });
  }
  if (state.uidValidity !== uidValidity) state = { uidValidity, lastUid: 0 };
  // UIDNEXT is only known as of SELECT, so a mail announced since then is found by searching.
  if (mailbox.exists === 0) return { state, delivered: 0 };
  const found = await connection.search({ uid: `${state.lastUid + 1}:*` }, { uid: true });
  // `n:*` always matches the highest UID, even below n, hence the filter.
  const uids = (found || []).filter((uid) => uid > state.lastUid).sort((a, b) => a - b);
  let delivered = 0;
  for (const uid of uids) {
    const message = await connection.fetchOne(String(uid), { source: true }, { uid: true });
    if (message !== false && message.source) {
      const mail = await parseOrSkip(message.source, uid, options, logger);
      if (mail) {
        await options.deliver(mail, message.source, uid);
        delivered += 1;
      }
    }
    state = { uidValidity, lastUid: uid };
    await options.saveState({ uidValidity, lastUid: uid });
    await connection.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true }).catch((error: unknown) => {
      logger.warn('Could not mark a delivered mail as seen', { uid, error });
    });
  }
  return { state, delivered };
}

// A message that is not a mail at all would block the folder forever if it were retried; it is
// logged and left unread in the mailbox for a person to look at.
async function parseOrSkip(
  raw: Buffer,
  uid: number,
  options: ImapPollerOptions,
  logger: ChannelLogger,
): Promise<InboundMail | null> {
  try {
    return await parseInboundMail(raw);
  } catch (error) {
    if (!(error instanceof MailFormatError)) throw error;
    logger.warn('Skipped an IMAP message that is not a mail', { folder: options.folder, uid, error });
    return null;
  }
}

type ImapFailure = {
  message?: string;
  code?: string;
  authenticationFailed?: boolean;
  responseText?: string;
  serverResponseCode?: string;
  mailboxMissing?: boolean;
  tlsFailed?: boolean;
};

function mailboxError(error: unknown, options: ImapPollerOptions): MailboxError {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as ImapFailure;
  const server = `${options.host}:${options.port}`;
  const detail = quoted((failure.responseText || failure.message || String(error)).replace(/\.+$/, ''));
  const { folder, username } = options;
  if (failure.authenticationFailed) {
    return new MailboxError(
      'auth',
      {
        en: `IMAP sign-in to ${server} as ${username} failed: ${detail}. Check the username and password (or app password).`,
        ar: `فشل تسجيل الدخول إلى IMAP على ${server} باسم ${username}: ${detail}. تحقق من اسم المستخدم وكلمة المرور (أو كلمة مرور التطبيق).`,
      },
      { cause: error },
    );
  }
  if (failure.mailboxMissing || failure.serverResponseCode === 'NONEXISTENT') {
    return new MailboxError(
      'not_found',
      {
        en: `The IMAP folder "${folder}" does not exist for ${username} on ${server}.`,
        ar: `مجلد IMAP "${folder}" غير موجود للمستخدم ${username} على ${server}.`,
      },
      { cause: error },
    );
  }
  if (failure.tlsFailed || /certificate|tls|ssl/i.test(failure.message ?? '')) {
    return new MailboxError(
      'unreachable',
      {
        en: `TLS with the IMAP server ${server} failed: ${detail}. Check the port and TLS setting.`,
        ar: `فشل اتصال TLS بخادم IMAP ${server}: ${detail}. تحقق من المنفذ وإعداد TLS.`,
      },
      { cause: error },
    );
  }
  const reasons: Record<string, LocalizedText> = {
    ECONNREFUSED: {
      en: 'the connection was refused (is the host and port right, is the server running?)',
      ar: 'رُفض الاتصال (هل المضيف والمنفذ صحيحان، وهل الخادم يعمل؟)',
    },
    ENOTFOUND: { en: 'the host name was not found', ar: 'لم يُعثر على اسم المضيف' },
    ETIMEDOUT: { en: 'the connection timed out', ar: 'انتهت مهلة الاتصال' },
    CONNECT_TIMEOUT: { en: 'the connection timed out', ar: 'انتهت مهلة الاتصال' },
    GREETING_TIMEOUT: {
      en: 'the server did not greet in time (is this an IMAP port, and is TLS set right?)',
      ar: 'لم يرحّب الخادم في الوقت المحدد (هل هذا منفذ IMAP، وهل إعداد TLS صحيح؟)',
    },
  };
  const reason = reasons[failure.code ?? ''] ?? { en: detail, ar: detail };
  return new MailboxError(
    'unreachable',
    {
      en: `Could not reach the IMAP server ${server}: ${reason.en}.`,
      ar: `تعذّر الوصول إلى خادم IMAP ${server}: ${reason.ar}.`,
    },
    { cause: error },
  );
}
