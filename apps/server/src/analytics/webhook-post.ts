// Outgoing webhooks go to addresses admins type in: each POST is signed, times out, reads at most a
// little of the answer, never follows a redirect, and (unless the config allows it) never reaches a
// loopback or private address, checked on the address actually connected to (no DNS rebinding).
import { createHmac } from 'node:crypto';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';
import type { LocalizedText } from '@sada/core';

const TIMEOUT_MS = 10_000;
/** Of the receiver's answer only this much is read (for the error shown to admins). */
const MAX_ANSWER_BYTES = 64 * 1024;
const SHOWN_ANSWER_CHARS = 200;

export type WebhookFailure = LocalizedText & {
  code: 'temporary' | 'rate_limited' | 'invalid_request' | 'not_found';
  isPermanent: boolean;
};

export type WebhookOutcome =
  | { isDelivered: true; httpStatus: number }
  | { isDelivered: false; httpStatus: number | null; failure: WebhookFailure };

const privateRanges = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv6');
}

/** Loopback, private, link-local and other addresses no public receiver has. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPrivateAddress(mapped[1]!);
  const family = isIP(address);
  if (family === 0) return false;
  return privateRanges.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const isLocalHostName = (host: string) =>
  host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\./.test(host);

/** Why a webhook address cannot be used, or null when it can (checked again on each send). */
export function webhookUrlProblem(value: string, isPrivateAllowed: boolean): LocalizedText | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return {
      en: 'This is not a web address: write it in full, like https://hooks.example.com/sada.',
      ar: 'هذا ليس عنوان ويب: اكتبه كاملًا، مثل https://hooks.example.com/sada.',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      en: `Webhooks are sent over https://, not ${url.protocol}//: write an address that starts with https://.`,
      ar: `تُرسل الخطافات عبر https:// لا ${url.protocol}//: اكتب عنوانًا يبدأ بـ https://.`,
    };
  }
  if (url.username || url.password) {
    return {
      en: 'Put no user name or password in the address: the receiver checks the X-Sada-Signature header instead.',
      ar: 'لا تضع اسم مستخدم أو كلمة مرور في العنوان: يتحقق المستقبِل من ترويسة X-Sada-Signature بدلًا منها.',
    };
  }
  const host = url.hostname.toLowerCase();
  const isLocal = isLocalHostName(host) || isPrivateAddress(host.replace(/^\[|\]$/g, ''));
  if (url.protocol === 'http:' && !(isLocal && isPrivateAllowed)) {
    return {
      en: 'Use https:// so that alerts travel encrypted (http:// is accepted only for localhost on a test server).',
      ar: 'استخدم https:// لتصل التنبيهات مشفّرة (لا يُقبل http:// إلا لـ localhost على خادم تجريبي).',
    };
  }
  if (isLocal && !isPrivateAllowed) {
    return {
      en: `This server does not send webhooks to local or private addresses (${host}): use the receiver's public https:// address.`,
      ar: `لا يرسل هذا الخادم الخطافات إلى عناوين محلية أو خاصة (${host}): استخدم عنوان https:// العام للمستقبِل.`,
    };
  }
  return null;
}

/** `sha256=<hex>` of the body under the webhook's secret: what X-Sada-Signature carries. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** POSTs the signed JSON body once; answers whether a 2xx came back, or why not. */
export async function postWebhook(options: {
  url: string;
  body: string;
  secret: string;
  deliveryId: string;
  event: string;
  isPrivateAllowed: boolean;
}): Promise<WebhookOutcome> {
  const problem = webhookUrlProblem(options.url, options.isPrivateAllowed);
  if (problem) return failed(null, { ...problem, code: 'invalid_request', isPermanent: true });
  const url = new URL(options.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<WebhookOutcome>((resolve) => {
    let isSettled = false;
    const settle = (outcome: WebhookOutcome) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(outcome);
    };
    const request = send(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(options.body),
        'user-agent': 'Sada-Webhooks/1',
        'x-sada-event': options.event,
        'x-sada-delivery': options.deliveryId,
        'x-sada-signature': webhookSignature(options.secret, options.body),
      },
      lookup: guardedLookup(options.isPrivateAllowed),
    });
    const timer = setTimeout(
      () =>
        settle(
          failed(null, {
            code: 'temporary',
            isPermanent: false,
            en: `${url.host} did not answer within ${TIMEOUT_MS / 1000} seconds. It will be retried.`,
            ar: `لم يُجب ${url.host} خلال ${TIMEOUT_MS / 1000} ثوانٍ. ستُعاد المحاولة.`,
          }),
        ),
      TIMEOUT_MS,
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      const isBlocked = error.code === 'EPRIVATEADDRESS';
      settle(
        failed(null, {
          code: isBlocked ? 'invalid_request' : 'temporary',
          isPermanent: isBlocked,
          en: isBlocked
            ? `${url.hostname} leads to a private address; this server sends webhooks only to public ones.`
            : `Could not reach ${url.host} (${error.code ?? error.message}). It will be retried.`,
          ar: isBlocked
            ? `يشير ${url.hostname} إلى عنوان خاص؛ لا يرسل هذا الخادم الخطافات إلا إلى عناوين عامة.`
            : `تعذّر الوصول إلى ${url.host} (${error.code ?? error.message}). ستُعاد المحاولة.`,
        }),
      );
    });
    request.on('response', (response) => {
      readAnswer(response).then((answer) => settle(outcomeOf(url, response, answer)));
    });
    request.end(options.body);
  });
}

function failed(httpStatus: number | null, failure: WebhookFailure): WebhookOutcome {
  return { isDelivered: false, httpStatus, failure };
}

/** At most MAX_ANSWER_BYTES of the answer, as text; the rest is not waited for. */
function readAnswer(response: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(chunks).toString('utf8'));
    response.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
      else {
        response.destroy();
        done();
      }
    });
    response.on('end', done);
    response.on('error', done);
    response.on('close', done);
  });
}

function outcomeOf(url: URL, response: IncomingMessage, answer: string): WebhookOutcome {
  const status = response.statusCode ?? 0;
  if (status >= 200 && status < 300) return { isDelivered: true, httpStatus: status };
  const said = answer.replace(/\s+/g, ' ').trim().slice(0, SHOWN_ANSWER_CHARS);
  const quote = said ? `: “${said}”` : '';
  if (status >= 300 && status < 400) {
    const location = String(response.headers.location ?? '').slice(0, SHOWN_ANSWER_CHARS);
    return failed(status, {
      code: 'invalid_request',
      isPermanent: true,
      en: `${url.host} answered ${status}, a redirect to ${location || 'another address'}; webhooks do not follow redirects: put the final address in the webhook.`,
      ar: `أجاب ${url.host} بـ ${status}، وهي إحالة إلى ${location || 'عنوان آخر'}؛ لا تتبع الخطافات الإحالات: ضع العنوان النهائي في الخطاف.`,
    });
  }
  if (status === 410) {
    return failed(status, {
      code: 'not_found',
      isPermanent: true,
      en: `${url.host} answered 410 Gone${quote}: the receiver no longer exists; change or delete the webhook.`,
      ar: `أجاب ${url.host} بـ 410 Gone${quote}: المستقبِل لم يعد موجودًا؛ غيّر الخطاف أو احذفه.`,
    });
  }
  return failed(status, {
    code: status === 429 ? 'rate_limited' : status >= 500 ? 'temporary' : 'invalid_request',
    isPermanent: false,
    en: `${url.host} answered HTTP ${status}${quote}. It will be retried.`,
    ar: `أجاب ${url.host} بـ HTTP ${status}${quote}. ستُعاد المحاولة.`,
  });
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** dns.lookup that refuses private addresses, so the checked address is the one connected to. */
function guardedLookup(isPrivateAllowed: boolean) {
  return (hostname: string, options: object, callback: LookupCallback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const list = addresses as LookupAddress[];
      if (!isPrivateAllowed && list.some((entry) => isPrivateAddress(entry.address))) {
        const blocked: NodeJS.ErrnoException = new Error(`${hostname} resolves to a private address`);
        blocked.code = 'EPRIVATEADDRESS';
        return callback(blocked, '');
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      const [first] = list;
      if (!first) return callback(new Error(`${hostname} has no address`), '');
      return callback(null, first.address, first.family);
    });
  };
}
