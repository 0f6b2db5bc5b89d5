import { httpStatusOf } from '@sada/core';
import type { FastifyReply } from 'fastify';
import { renderComplaintConfirmation } from './complaint-confirmation.page.ts';
import { renderComplaintForm } from './complaint-form.page.ts';
import { type FormPageConfig, newNonce, type PageLanguage, sendPage } from './page-context.ts';
import { renderNotFound } from './status.page.ts';

/** The 404 page in both languages, the reader's first. */
export function sendNotFound(reply: FastifyReply, language: PageLanguage) {
  const nonce = newNonce();
  return sendPage(reply, {
    html: renderNotFound({ language, nonce }),
    policy: { nonce },
    status: 404,
    language,
  });
}

type FormReply = { status?: number };

/** Sends the complaint form (again, with values and errors) with its security headers: for the API's form post. */
export function sendComplaintForm(
  reply: FastifyReply,
  o: Omit<Parameters<typeof renderComplaintForm>[0], 'nonce'> & FormReply,
) {
  const nonce = newNonce();
  return sendPage(reply, {
    html: renderComplaintForm({ ...o, nonce }),
    policy: framing(nonce, o.config, o.embed),
    status: o.status ?? (o.errors ? httpStatusOf[o.errors.code] : 200),
    language: o.language,
  });
}

/** Sends the confirmation page with its security headers: for the API's answer to a plain form post. */
export function sendComplaintConfirmation(
  reply: FastifyReply,
  o: Omit<Parameters<typeof renderComplaintConfirmation>[0], 'nonce'> & FormReply,
) {
  const nonce = newNonce();
  return sendPage(reply, {
    html: renderComplaintConfirmation({ ...o, nonce }),
    policy: { nonce, embedOrigins: o.embed ? o.config.embedOrigins : null },
    status: o.status ?? 201,
    language: o.language,
    isPrivate: true,
  });
}

const framing = (nonce: string, config: FormPageConfig, embed: boolean) => ({
  nonce,
  embedOrigins: embed ? config.embedOrigins : null,
  captchaProvider: config.captcha?.provider ?? null,
});
