import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { type ChannelLogger, silentLogger } from '../channel-logger.ts';
import { type InboundMail, parseInboundMail } from './inbound-mail.ts';
import { MailFormatError } from './mail-errors.ts';

/** A mail accepted over SMTP, handed to the caller before the sender hears 250. */
export type SmtpDelivery = {
  /** The envelope sender; null for the empty sender `<>` of bounces. */
  envelopeFrom: string | null;
  /** Envelope recipients that acceptsRecipient allowed, lower-cased. */
  recipients: string[];
  mail: InboundMail;
  raw: Buffer;
};

/** Options of an inbound MX: no AUTH, STARTTLS only when a key and certificate are given. */
export type SmtpInboundOptions = {
  /** 0 picks a free port; the real one is returned. */
  port: number;
  host?: string;
  /** The name this server greets with (EHLO and banner). */
  serverName: string;
  maxBytes: number;
  tls?: { key: string | Buffer; cert: string | Buffer };
  acceptsRecipient(address: string): Promise<boolean>;
  /** Resolves once the mail is stored; throw RejectedMail to refuse it for good (550). */
  deliver(input: SmtpDelivery): Promise<void>;
  logger?: ChannelLogger;
};

/** A running inbound SMTP server. */
export type SmtpInbound = { port: number; close(): Promise<void> };

type SmtpReplyError = Error & { responseCode: number };

function reply(responseCode: number, message: string): SmtpReplyError {
  return Object.assign(new Error(message), { responseCode });
}

/** Starts an inbound SMTP server (an MX for the workspace's support addresses). */
export async function startSmtpInbound(options: SmtpInboundOptions): Promise<SmtpInbound> {
  const logger = options.logger ?? silentLogger;
  const server = new SMTPServer({
    name: options.serverName,
    banner: `${options.serverName} ESMTP`,
    size: options.maxBytes,
    authOptional: true,
    disabledCommands: options.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    hideSTARTTLS: !options.tls,
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    logger: false,
    onRcptTo(address, _session, callback) {
      options.acceptsRecipient(address.address.toLowerCase()).then(
        (isAccepted) =>
          callback(isAccepted ? null : reply(550, `5.1.1 <${address.address}>: no such mailbox here`)),
        (error: unknown) => {
          logger.error('Could not check an SMTP recipient', { recipient: address.address, error });
          callback(reply(451, '4.3.0 Temporary failure checking the recipient, try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      receive(stream, session, options, logger).then(() => callback(null), callback);
    },
  });
  server.on('error', (error) => logger.warn('SMTP connection error', { error }));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function receive(
  stream: SMTPServerDataStream,
  session: SMTPServerSession,
  options: SmtpInboundOptions,
  logger: ChannelLogger,
): Promise<void> {
  const raw = await readLimited(stream, options.maxBytes);
  if (raw === null) throw reply(552, `5.3.4 Message too big: the limit is ${options.maxBytes} bytes`);
  const mailFrom = session.envelope.mailFrom;
  const envelopeFrom = mailFrom && mailFrom.address !== '' ? mailFrom.address : null;
  let mail: InboundMail;
  try {
    mail = await parseInboundMail(raw, { envelopeFrom });
  } catch (error) {
    if (error instanceof MailFormatError) throw reply(550, `5.6.0 ${error.message}`);
    throw error;
  }
  const recipients = session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase());
  try {
    await options.deliver({ envelopeFrom, recipients, mail, raw });
  } catch (error) {
    if (isPermanent(error)) throw reply(550, `5.7.1 ${error.message}`);
    logger.error('Could not store an inbound mail; the sender will retry', {
      messageId: mail.messageId,
      error,
    });
    throw reply(451, '4.3.0 Temporary failure storing the message, try again later');
  }
}

function isPermanent(error: unknown): error is Error {
  return error instanceof Error && (error as { isPermanent?: unknown }).isPermanent === true;
}

// Reads the whole message, or drains it and returns null once it passes the limit (the stream
// must be consumed either way for the SMTP session to carry on).
async function readLimited(
  stream: SMTPServerDataStream & Readable,
  maxBytes: number,
): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  return size > maxBytes || stream.sizeExceeded ? null : Buffer.concat(chunks);
}
