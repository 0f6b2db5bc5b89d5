// The customer's solution-offer page, `/w/:workspace/offer/:token` (signed link, no sign-in): the
// options in Arabic or English, one radio each, chosen by a form POST to the same address; then a
// confirmation. A chosen, expired, withdrawn or rejected offer says so. The signed token in the
// address is the only key, so another site cannot post a choice (it cannot know the token).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { OfferService } from '../../offers/offer.service.ts';
import type { ChoiceOutcome, StoredOption } from '../../offers/offer-steps.ts';
import { optionsOf, optionText } from '../../offers/offer-steps.ts';
import { html, type RawHtml } from './html.ts';
import { formatDateTime, pageHref, renderPage } from './layout.ts';
import { newNonce, type PageLanguage, sendPage } from './page-context.ts';
import {
  acceptFormPosts,
  sendInvalidLink,
  sendNotFound,
  signedLinkParams,
  signedPageLanguage,
} from './page-replies.ts';

const TEXT = {
  en: {
    title: 'Your solution options',
    intro: 'We are sorry for the trouble. Please choose the option that suits you best.',
    choose: 'Confirm my choice',
    until: 'This offer is open until',
    thanks: 'Thank you, we have your choice',
    thanksBody: 'We have recorded your choice and will keep you informed of the next steps:',
    chosen: 'You have already chosen',
    expired: 'This offer has expired',
    expiredBody: 'The time to choose has passed. We will be in touch with you.',
    closed: 'This offer is no longer open',
    closedBody: 'This offer was withdrawn or replaced. We will be in touch with you.',
    invalid: 'This link does not work',
    invalidBody: 'The link is wrong or has expired. Please use the newest message we sent you.',
    pick: 'Please choose one of the options.',
  },
  ar: {
    title: 'خيارات الحل المقترحة',
    intro: 'نعتذر عن الإزعاج. يرجى اختيار الخيار الأنسب لك.',
    choose: 'تأكيد اختياري',
    until: 'العرض متاح حتى',
    thanks: 'شكرًا لك، وصلنا اختيارك',
    thanksBody: 'سجّلنا اختيارك وسنبقيك على اطلاع بالخطوات التالية:',
    chosen: 'لقد اخترت من قبل',
    expired: 'انتهت صلاحية هذا العرض',
    expiredBody: 'انتهى وقت الاختيار. سنتواصل معك.',
    closed: 'هذا العرض لم يعد متاحًا',
    closedBody: 'سُحب هذا العرض أو استُبدل. سنتواصل معك.',
    invalid: 'هذا الرابط لا يعمل',
    invalidBody: 'الرابط غير صحيح أو انتهت صلاحيته. يرجى استخدام أحدث رسالة أرسلناها إليك.',
    pick: 'يرجى اختيار أحد الخيارات.',
  },
} as const;

type OfferPageView = {
  workspaceName: string;
  timeZone: string;
  language: PageLanguage;
  path: string;
  nonce: string;
};

function page(view: OfferPageView, title: string, body: RawHtml): string {
  return renderPage({
    language: view.language,
    title,
    nonce: view.nonce,
    isEmbed: false,
    workspaceName: view.workspaceName,
    switchHref: pageHref(view.path, { lang: view.language === 'ar' ? 'en' : 'ar' }),
    body,
  });
}

/** The options with a radio each and the submit button. */
export function renderOfferChoice(
  view: OfferPageView & {
    offerId: string;
    message: string;
    options: StoredOption[];
    expiresAt: Date | null;
    error: boolean;
  },
): string {
  const text = TEXT[view.language];
  const action = pageHref(view.path, { lang: view.language });
  const body = html`<h1>${text.title}</h1>
${view.message ? html`<p>${view.message}</p>` : ''}
<p>${text.intro}</p>
${view.error ? html`<p class="error" role="alert">${text.pick}</p>` : ''}
<form method="post" action="${action}">
<input type="hidden" name="offerId" value="${view.offerId}">
<fieldset>
<legend>${text.title}</legend>
${view.options.map(
  (option) =>
    html`<p><label><input type="radio" name="optionId" value="${option.id}" required> ${optionText(option, view.language)}</label></p>`,
)}
</fieldset>
${view.expiresAt ? html`<p>${text.until} ${formatDateTime(view.expiresAt, view.language, view.timeZone)}</p>` : ''}
<button type="submit">${text.choose}</button>
</form>`;
  return page(view, text.title, body);
}

/** Said after a choice, or when the offer cannot be chosen any more. */
export function renderOfferOutcome(
  view: OfferPageView & {
    state: 'chosen_now' | 'chosen_before' | 'expired' | 'closed';
    option: StoredOption | undefined;
  },
): string {
  const text = TEXT[view.language];
  const chosen = view.option ? html`<p><strong>${optionText(view.option, view.language)}</strong></p>` : '';
  const parts: Record<typeof view.state, [string, RawHtml]> = {
    chosen_now: [text.thanks, html`<h1>${text.thanks}</h1><p>${text.thanksBody}</p>${chosen}`],
    chosen_before: [text.chosen, html`<h1>${text.chosen}</h1>${chosen}`],
    expired: [text.expired, html`<h1>${text.expired}</h1><p>${text.expiredBody}</p>`],
    closed: [text.closed, html`<h1>${text.closed}</h1><p>${text.closedBody}</p>`],
  };
  const [title, body] = parts[view.state];
  return page(view, title, body);
}

const params = signedLinkParams;
type OfferParams = { workspace: string; token: string };
const routeOf = (value: z.infer<typeof params>): OfferParams => ({
  workspace: value.workspace,
  token: value['*'],
});
const query = z.object({ lang: z.enum(['ar', 'en']).optional().catch(undefined) });
const choiceBody = z
  .object({ offerId: z.string().max(100).optional(), optionId: z.string().max(12).optional() })
  .catch({ offerId: undefined, optionId: undefined });

/** The offer page's routes; registered beside the other public pages. */
export const offerPageRoutes: FastifyPluginAsyncZod<{ offers: OfferService }> = async (app, { offers }) => {
  acceptFormPosts(app);

  async function load(request: FastifyRequest, route: OfferParams, reply: FastifyReply, lang?: PageLanguage) {
    const found = await offers.viewForCustomer({
      slug: route.workspace,
      token: route.token,
    });
    const language = signedPageLanguage(request, lang, found);
    if (!found) {
      await sendNotFound(reply, language);
      return null;
    }
    const nonce = newNonce();
    if (!found.offer) {
      const both = (key: 'invalid' | 'invalidBody') => ({ ar: TEXT.ar[key], en: TEXT.en[key] });
      await sendInvalidLink(reply, language, { title: both('invalid'), body: both('invalidBody') });
      return null;
    }
    const view: OfferPageView = {
      workspaceName: found.workspace.name,
      timeZone: found.workspace.timeZone,
      language,
      path: `/w/${encodeURIComponent(route.workspace)}/offer/${encodeURIComponent(route.token)}`,
      nonce,
    };
    return { view, offer: found.offer };
  }

  const send = (reply: FastifyReply, view: OfferPageView, body: string, status = 200) =>
    sendPage(reply, {
      html: body,
      policy: { nonce: view.nonce },
      status,
      language: view.language,
      isPrivate: true,
    });

  const stateOf = (status: string) =>
    status === 'chosen' ? 'chosen_before' : status === 'expired' ? 'expired' : 'closed';

  app.get(
    '/w/:workspace/offer/*',
    { schema: { hide: true, params, querystring: query } },
    async (request, reply) => {
      const loaded = await load(request, routeOf(request.params), reply, request.query.lang);
      if (!loaded) return reply;
      const { view, offer } = loaded;
      const options = optionsOf(offer);
      if (offer.status !== 'sent') {
        const option = options.find((candidate) => candidate.id === offer.chosenOptionId);
        return send(reply, view, renderOfferOutcome({ ...view, state: stateOf(offer.status), option }));
      }
      return send(
        reply,
        view,
        renderOfferChoice({
          ...view,
          offerId: offer.id,
          message: offer.message,
          options,
          expiresAt: offer.expiresAt,
          error: false,
        }),
      );
    },
  );

  app.post(
    '/w/:workspace/offer/*',
    { schema: { hide: true, params, querystring: query, body: choiceBody } },
    async (request, reply) => {
      const loaded = await load(request, routeOf(request.params), reply, request.query.lang);
      if (!loaded) return reply;
      const { view, offer } = loaded;
      const options = optionsOf(offer);
      const { offerId, optionId } = request.body;
      const result = await offers.chooseOnPage({
        slug: request.params.workspace,
        token: request.params['*'],
        offerId: offerId ?? '',
        optionId: optionId ?? '',
      });
      const outcome: ChoiceOutcome = result?.outcome ?? 'not_open';
      if (outcome === 'unknown_option') {
        return send(
          reply,
          view,
          renderOfferChoice({
            ...view,
            offerId: offer.id,
            message: offer.message,
            options,
            expiresAt: offer.expiresAt,
            error: true,
          }),
          422,
        );
      }
      const chosenId = result?.offer?.chosenOptionId ?? offer.chosenOptionId;
      const option = options.find((candidate) => candidate.id === chosenId);
      const state =
        outcome === 'chosen'
          ? 'chosen_now'
          : outcome === 'already_chosen'
            ? 'chosen_before'
            : stateOf(result?.offer?.status ?? offer.status);
      return send(
        reply,
        view,
        renderOfferOutcome({ ...view, state, option }),
        outcome === 'chosen' ? 200 : 409,
      );
    },
  );
};
