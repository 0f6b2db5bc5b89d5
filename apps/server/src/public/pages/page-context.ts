import { randomBytes } from 'node:crypto';
import type { PublicCaseView, PublicComplaintRequest, PublicFormConfig } from '@sada/contracts';
import type { FastifyReply } from 'fastify';
import type { UploadedFile } from '../../channels/channel-intake.ts';

export type PageLanguage = 'ar' | 'en';

export type { UploadedFile } from '../../channels/channel-intake.ts';

/** The form's configuration as the pages get it; `timeZone` formats dates when the service gives it. */
export type FormPageConfig = PublicFormConfig & { embedOrigins: string[]; timeZone?: string };

/**
 * The public channels service the pages call (the lead's `PublicChannelsApi`). The optional
 * `timeZone` fields are read when present, so the service may add them without a change here.
 */
export interface PublicChannelsApi {
  /** Throws AppError not_found for an unknown workspace or a form that is switched off. */
  formConfig(slug: string): Promise<FormPageConfig>;
  submitComplaint(o: {
    slug: string;
    input: PublicComplaintRequest;
    files: UploadedFile[];
    ip: string;
    language: PageLanguage;
  }): Promise<{ reference: string; statusUrl: string; expectedResponseBy: Date }>;
  /** A wrong combination is not_found with one message whatever was wrong; too many tries rate_limited. */
  lookupStatus(o: {
    slug: string;
    reference: string;
    contact: string;
    ip: string;
  }): Promise<{ token: string; statusUrl: string; case: PublicCaseView }>;
  /** A bad or expired token throws AppError unauthorized. */
  viewStatus(o: { slug: string; token: string }): Promise<PublicCaseView>;
  addStatusMessage(o: {
    slug: string;
    token: string;
    body: string;
    files: UploadedFile[];
    clientMessageId?: string;
    ip: string;
  }): Promise<unknown>;
  workspaceName(
    slug: string,
  ): Promise<{ name: string; defaultLanguage: PageLanguage; timeZone?: string } | null>;
}

/** `?lang=` first, then the first of Arabic or English the browser asks for, then the workspace's. */
export function pageLanguage(
  query: string | undefined,
  acceptLanguage: string | undefined,
  fallback: PageLanguage,
): PageLanguage {
  if (query === 'ar' || query === 'en') return query;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((param) => param.trim().startsWith('q='));
      const quality = q === undefined ? 1 : Number(q.trim().slice(2));
      return { tag, quality: Number.isNaN(quality) ? 0 : quality, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'ar' || tag.startsWith('ar-')) return 'ar';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return fallback;
}

/** Intl locale of a page: Gregorian calendar and Latin digits in Arabic, as the console shows them. */
export const localeOf = (language: PageLanguage) =>
  language === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB';

/** A fresh nonce for one response's inline style and script. */
export const newNonce = () => randomBytes(16).toString('base64');

type CaptchaSource = { script: string; sources: string[]; widgetClass: string; responseField: string };

/** Each provider's script, the origins its script, frames and styles come from, and its widget. */
export const CAPTCHA_PROVIDERS: Record<string, CaptchaSource> = {
  turnstile: {
    script: 'https://challenges.cloudflare.com/turnstile/v0/api.js',
    sources: ['https://challenges.cloudflare.com'],
    widgetClass: 'cf-turnstile',
    responseField: 'cf-turnstile-response',
  },
  hcaptcha: {
    script: 'https://js.hcaptcha.com/1/api.js',
    sources: ['https://hcaptcha.com', 'https://*.hcaptcha.com'],
    widgetClass: 'h-captcha',
    responseField: 'h-captcha-response',
  },
  recaptcha: {
    script: 'https://www.google.com/recaptcha/api.js',
    sources: ['https://www.google.com/recaptcha/', 'https://www.gstatic.com/recaptcha/'],
    widgetClass: 'g-recaptcha',
    responseField: 'g-recaptcha-response',
  },
};

export type PagePolicy = {
  nonce: string;
  /** Embedded form: the sites allowed to frame it (empty: any); otherwise framing is refused. */
  embedOrigins?: readonly string[] | null;
  /** The captcha provider whose script, frames and styles the page loads. */
  captchaProvider?: string | null;
};

/** The Content-Security-Policy of a public page: inline code only with this response's nonce. */
export function contentSecurityPolicy({ nonce, embedOrigins, captchaProvider }: PagePolicy): string {
  const captcha = captchaProvider ? (CAPTCHA_PROVIDERS[captchaProvider]?.sources ?? []) : [];
  const extra = (list: string[]) => (list.length > 0 ? ` ${list.join(' ')}` : '');
  const frameAncestors =
    embedOrigins === undefined || embedOrigins === null
      ? "'none'"
      : embedOrigins.length > 0
        ? embedOrigins.join(' ')
        : '*';
  return [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'${extra(captcha)}`,
    `script-src 'nonce-${nonce}'${extra(captcha)}`,
    "img-src 'self' data:",
    // The progressive-enhancement script submits with fetch to this site.
    `connect-src 'self'${extra(captcha)}`,
    ...(captcha.length > 0 ? [`frame-src${extra(captcha)}`] : []),
    "form-action 'self'",
    "base-uri 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** Sends a rendered page with the security headers every public page carries. */
export function sendPage(
  reply: FastifyReply,
  page: { html: string; policy: PagePolicy; status?: number; isPrivate?: boolean; language: PageLanguage },
) {
  if (page.isPrivate) void reply.header('x-robots-tag', 'noindex');
  return reply
    .status(page.status ?? reply.statusCode)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-language', page.language)
    .header('content-security-policy', contentSecurityPolicy(page.policy))
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('cache-control', page.isPrivate ? 'no-store' : 'no-cache')
    .header('vary', 'accept-language')
    .send(page.html);
}
