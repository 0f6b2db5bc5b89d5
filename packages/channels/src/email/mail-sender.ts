import type { LocalizedText } from '@sada/core';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { type ChannelErrorCode, quoted } from '../channel-error.ts';
import { DeliveryError } from './mail-errors.ts';

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
    const answer = quoted(failure.response ?? failure.message ?? '');
    const code = failureCode(responseCode, answer, failure.code);
    const isPermanent = responseCode >= 500;
    const advice = isPermanent ? adviceFor(code) : RETRIED;
    return new DeliveryError(
      code,
      {
        en: `The mail relay ${relay} refused the mail: ${answer}. ${advice.en}`,
        ar: `رفض خادم البريد الصادر ${relay} الرسالة: ${answer}. ${advice.ar}`,
      },
      { isPermanent, responseCode, cause: error },
    );
  }
  const reason = quoted(failure.message ?? String(error));
  const what = failure.code ?? 'error';
  return new DeliveryError(
    'unreachable',
    {
      en: `Could not hand the mail to the relay ${relay} (${what}): ${reason}. ${RETRIED.en}`,
      ar: `تعذّر تسليم الرسالة إلى خادم البريد الصادر ${relay} (${what}): ${reason}. ${RETRIED.ar}`,
    },
    { isPermanent: false, cause: error },
  );
}

const RETRIED: LocalizedText = { en: 'It will be retried.', ar: 'ستُعاد المحاولة.' };

/** What to do about a permanent refusal. */
function adviceFor(code: ChannelErrorCode): LocalizedText {
  if (code === 'auth') {
    return {
      en: 'Check the user name and password in SADA_SMTP_RELAY.',
      ar: 'تحقق من اسم المستخدم وكلمة المرور في SADA_SMTP_RELAY.',
    };
  }
  if (code === 'rejected_recipient') {
    return {
      en: 'The address does not exist: ask the customer for another one.',
      ar: 'العنوان غير موجود: اطلب من العميل عنوانًا آخر.',
    };
  }
  return { en: 'It will not be retried.', ar: 'لن تُعاد المحاولة.' };
}

// 4xx: try again later. 5xx: sign-in refused, recipient unknown (5.1.x), or anything else final.
function failureCode(responseCode: number, answer: string, code: string | undefined): ChannelErrorCode {
  if (responseCode < 500) return 'platform_error';
  if (code === 'EAUTH' || [530, 534, 535].includes(responseCode)) return 'auth';
  if (/\b5\.1\.[0-3]\b/.test(answer)) return 'rejected_recipient';
  return 'invalid_request';
}
