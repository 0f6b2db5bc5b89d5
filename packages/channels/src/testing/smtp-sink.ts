import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { type InboundMail, parseInboundMail } from '../email/inbound-mail.ts';

/** A mail the sink received. */
export type SunkMail = { envelope: { from: string; to: string[] }; raw: Buffer; mail: InboundMail };

/** An SMTP server on 127.0.0.1 that keeps what it receives, for outbound tests. */
export type SmtpSink = {
  port: number;
  messages: SunkMail[];
  /** Resolves once `count` mails have arrived; rejects after `timeoutMs` (default 10 s). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  /** Answers the next mail's DATA with this code and text instead of 250. */
  failNext(code: number, text: string): void;
  close(): Promise<void>;
};

/** Starts an SMTP sink on a free port of 127.0.0.1 (no TLS, any AUTH accepted). */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SunkMail[] = [];
  const failures: { code: number; text: string }[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    onAuth(_auth, _session, callback) {
      callback(null, { user: 'sink' });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const failure = failures.shift();
        if (failure) {
          callback(Object.assign(new Error(failure.text), { responseCode: failure.code }));
          return;
        }
        const raw = Buffer.concat(chunks);
        const mailFrom = session.envelope.mailFrom;
        parseInboundMail(raw).then(
          (mail) => {
            messages.push({
              envelope: {
                from: mailFrom ? mailFrom.address : '',
                to: session.envelope.rcptTo.map((recipient) => recipient.address),
              },
              raw,
              mail,
            });
            for (const wake of waiters) wake();
            callback(null);
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    messages,
    waitFor(count, timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`The SMTP sink received ${messages.length} of ${count} mails in ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    failNext(code, text) {
      failures.push({ code, text });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
