import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { DeliveryError, type DeliveryFailure } from './mail-errors.ts';

/** Sends composed mail through one SMTP relay. */
export type MailSender = {
  send(message: Mail.Options): Promise<{ messageId: string; response: string }>;
  close(): void;
};

/**
 * Connects to the relay named by `smtp://user:pass@host:port` (STARTTLS when offered) or
 * `smtps://…` (TLS from the start). Failures throw DeliveryError: 5xx answers are permanent;
 * 4xx answers, timeouts and connection errors are temporary.
 */
export function createMailSender(url: string): MailSender {
  const target = new URL(url);
  if (target.protocol !== 'smtp:' && target.protocol !== 'smtps:') {
    throw new TypeError(`The mail relay URL must start with smtp:// or smtps://, not ${target.protocol}//`);
  }
  const isSecure = target.protocol === 'smtps:';
  const port = target.port ? Number(target.port) : isSecure ? 465 : 587;
  const transport = nodemailer.createTransport({
    host: target.hostname,
    port,
    secure: isSecure,
    ...(target.username
      ? { auth: { user: decodeURIComponent(target.username), pass: decodeURIComponent(target.password) } }
      : {}),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  const relay = `${target.hostname}:${port}`;
  return {
    async send(message) {
      try {
        const info = await transport.sendMail(message);
        return { messageId: info.messageId, response: info.response };
      } catch (error) {
        throw deliveryError(error, relay);
      }
    },
    close() {
      transport.close();
    },
  };
}

type SmtpFailure = { message?: string; responseCode?: number; response?: string; code?: string };

function deliveryError(error: unknown, relay: string): DeliveryError {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure;
  const responseCode = typeof failure.responseCode === 'number' ? failure.responseCode : null;
  if (responseCode !== null) {
    const answer = failure.response ?? failure.message ?? '';
    return new DeliveryError(`The mail relay ${relay} refused the mail: ${answer}`, {
      code: failureCode(responseCode, answer, failure.code),
      responseCode,
      cause: error,
    });
  }
  const reason = failure.message ?? String(error);
  return new DeliveryError(
    `Could not hand the mail to the relay ${relay} (${failure.code ?? 'error'}): ${reason}`,
    {
      code: 'temporary',
      cause: error,
    },
  );
}

// 4xx: try again later. 5xx: sign-in refused, recipient unknown (5.1.x), or anything else final.
function failureCode(responseCode: number, answer: string, code: string | undefined): DeliveryFailure {
  if (responseCode < 500) return 'temporary';
  if (code === 'EAUTH' || [530, 534, 535].includes(responseCode)) return 'auth_revoked';
  if (/\b5\.1\.[0-3]\b/.test(answer)) return 'not_found';
  return 'invalid_request';
}
