import { httpStatusOf } from '@sada/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { renderComplaintConfirmation } from './complaint-confirmation.page.ts';
import { renderComplaintForm } from './complaint-form.page.ts';
import { type FormPageConfig, newNonce, type PageLanguage, pageLanguage, sendPage } from './page-context.ts';
import { renderBilingualNotice, renderNotFound } from './status.page.ts';

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

/**
 * A customer page reached by a signed link (`/w/:workspace/<page>/<token>`): the token is the path's
 * wildcard rest, as it is longer than a route parameter may be (100 characters).
 */
export const signedLinkParams = z.object({ workspace: z.string().max(100), '*': z.string().max(4000) });

/** Plain HTML form posts (`application/x-www-form-urlencoded`), in this plugin's scope unless the app parses them already. */
export function acceptFormPosts(app: FastifyInstance) {
  if (app.hasContentTypeParser('application/x-www-form-urlencoded')) return;
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
}

/**
 * The language of a signed-link page: `?lang=`, else the reader's Accept-Language, else the
 * customer's language, else the workspace's.
 */
export function signedPageLanguage(
  request: FastifyRequest,
  lang: PageLanguage | undefined,
  found: { language: PageLanguage | null; workspace: { defaultLanguage: string } } | null | undefined,
): PageLanguage {
  const fallback = found?.language ?? (found?.workspace.defaultLanguage === 'en' ? 'en' : 'ar');
  return pageLanguage(lang, request.headers['accept-language'], fallback);
}

type Bilingual = { ar: string; en: string };

/** A signed link that opens nothing (expired, forged, for a case that is gone): 404 in both languages. */
export function sendInvalidLink(
  reply: FastifyReply,
  language: PageLanguage,
  text: { title: Bilingual; body: Bilingual },
) {
  const nonce = newNonce();
  return sendPage(reply, {
    html: renderBilingualNotice({ language, nonce, title: text.title, body: text.body }),
    policy: { nonce },
    status: 404,
    language,
    isPrivate: true,
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
