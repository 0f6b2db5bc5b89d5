// The customer's story-consent page, `/w/:workspace/story/:token` (signed link, no sign-in): the
// story as it would be shared, "Yes" / "No" and "you may use my first name", answered by a form POST
// to the same address; then a confirmation. The signed token in the address is the only key, so
// another site cannot post an answer (it cannot know the token).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ConsentAnswer, ConsentOutcome, StoryService } from '../../stories/story.service.ts';
import type { StoryText } from '../../stories/story-card.ts';
import { html, type RawHtml } from './html.ts';
import { pageHref, renderPage } from './layout.ts';
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
    title: 'May we share your story?',
    intro:
      'Thank you for your kind words. We would like to share your story with other customers, exactly as shown here.',
    problem: 'The problem',
    resolution: 'What we did',
    words: 'Your words',
    firstName: 'You may use my first name',
    yes: 'Yes, you may share it',
    no: 'No, please do not',
    thanks: 'Thank you!',
    thanksBody: 'You have allowed us to share your story. Should you change your mind, just tell us.',
    declined: 'Understood',
    declinedBody: 'We will not share your story. Thank you for your time.',
    answered: 'We already have your answer',
    answeredBody: 'You have already answered about this story. Should you change your mind, just tell us.',
    invalid: 'This link does not work',
    invalidBody: 'The link is wrong or has expired. Please use the newest message we sent you.',
  },
  ar: {
    title: 'هل تسمح لنا بمشاركة قصتك؟',
    intro: 'شكرًا لكلماتك الطيبة. نودّ مشاركة قصتك مع عملاء آخرين كما تظهر هنا تمامًا.',
    problem: 'المشكلة',
    resolution: 'ما قمنا به',
    words: 'كلماتك',
    firstName: 'يمكنكم ذكر اسمي الأول',
    yes: 'نعم، أوافق على المشاركة',
    no: 'لا، لا أوافق',
    thanks: 'شكرًا لك!',
    thanksBody: 'سمحت لنا بمشاركة قصتك. إن غيّرت رأيك فأخبرنا فحسب.',
    declined: 'حسنًا',
    declinedBody: 'لن نشارك قصتك. شكرًا لوقتك.',
    answered: 'وصلتنا إجابتك من قبل',
    answeredBody: 'أجبت عن هذه القصة من قبل. إن غيّرت رأيك فأخبرنا فحسب.',
    invalid: 'هذا الرابط لا يعمل',
    invalidBody: 'الرابط غير صحيح أو انتهت صلاحيته. يرجى استخدام أحدث رسالة أرسلناها إليك.',
  },
} as const;

type StoryPageView = { workspaceName: string; language: PageLanguage; path: string; nonce: string };

function page(view: StoryPageView, title: string, body: RawHtml): string {
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

/** The story as it would be shared, with the consent form. */
export function renderStoryConsent(view: StoryPageView & { storyId: string; text: StoryText }): string {
  const text = TEXT[view.language];
  const action = pageHref(view.path, { lang: view.language });
  const section = (heading: string, body: string) =>
    body ? html`<h2>${heading}</h2><p dir="auto">${body}</p>` : '';
  const body = html`<h1>${text.title}</h1>
<p>${text.intro}</p>
${section(text.problem, view.text.problem)}
${section(text.resolution, view.text.resolution)}
${view.text.customerWords ? html`<h2>${text.words}</h2><blockquote dir="auto">${view.text.customerWords}</blockquote>` : ''}
<form method="post" action="${action}">
<input type="hidden" name="storyId" value="${view.storyId}">
<p><label><input type="checkbox" name="useFirstName" value="1"> ${text.firstName}</label></p>
<p><button type="submit" name="answer" value="yes">${text.yes}</button>
<button type="submit" name="answer" value="no">${text.no}</button></p>
</form>`;
  return page(view, text.title, body);
}

/** Said after an answer, or when the story was answered before. */
export function renderStoryOutcome(
  view: StoryPageView & { state: 'consented' | 'declined' | 'answered' },
): string {
  const text = TEXT[view.language];
  const parts: Record<typeof view.state, [string, string]> = {
    consented: [text.thanks, text.thanksBody],
    declined: [text.declined, text.declinedBody],
    answered: [text.answered, text.answeredBody],
  };
  const [title, body] = parts[view.state];
  return page(view, title, html`<h1>${title}</h1><p>${body}</p>`);
}

const params = signedLinkParams;
const query = z.object({ lang: z.enum(['ar', 'en']).optional().catch(undefined) });
const answerBody = z
  .object({
    storyId: z.string().max(100).optional(),
    answer: z.enum(['yes', 'no']).optional().catch(undefined),
    useFirstName: z.string().max(10).optional(),
  })
  .catch({ storyId: undefined, answer: undefined, useFirstName: undefined });

/** The story-consent page's routes; registered beside the other public pages. */
export const storyPageRoutes: FastifyPluginAsyncZod<{ stories: StoryService }> = async (app, { stories }) => {
  acceptFormPosts(app);

  async function load(
    request: FastifyRequest,
    route: z.infer<typeof params>,
    reply: FastifyReply,
    lang?: PageLanguage,
  ) {
    const found = await stories.viewForCustomer({ slug: route.workspace, token: route['*'] });
    const language = signedPageLanguage(request, lang, found);
    if (!found) {
      await sendNotFound(reply, language);
      return null;
    }
    const nonce = newNonce();
    if (!found.story) {
      const both = (key: 'invalid' | 'invalidBody') => ({ ar: TEXT.ar[key], en: TEXT.en[key] });
      await sendInvalidLink(reply, language, { title: both('invalid'), body: both('invalidBody') });
      return null;
    }
    const view: StoryPageView = {
      workspaceName: found.workspace.name,
      language,
      path: `/w/${encodeURIComponent(route.workspace)}/story/${encodeURIComponent(route['*'])}`,
      nonce,
    };
    return { view, story: found.story };
  }

  const send = (reply: FastifyReply, view: StoryPageView, body: string, status = 200) =>
    sendPage(reply, {
      html: body,
      policy: { nonce: view.nonce },
      status,
      language: view.language,
      isPrivate: true,
    });

  app.get(
    '/w/:workspace/story/*',
    { schema: { hide: true, params, querystring: query } },
    async (request, reply) => {
      const loaded = await load(request, request.params, reply, request.query.lang);
      if (!loaded) return reply;
      const { view, story } = loaded;
      if (story.status === 'consented' || story.status === 'declined')
        return send(reply, view, renderStoryOutcome({ ...view, state: 'answered' }));
      return send(reply, view, renderStoryConsent({ ...view, storyId: story.id, text: story.text }));
    },
  );

  app.post(
    '/w/:workspace/story/*',
    { schema: { hide: true, params, querystring: query, body: answerBody } },
    async (request, reply) => {
      const loaded = await load(request, request.params, reply, request.query.lang);
      if (!loaded) return reply;
      const { view, story } = loaded;
      const { answer, useFirstName, storyId } = request.body;
      if (!answer)
        return send(reply, view, renderStoryConsent({ ...view, storyId: story.id, text: story.text }), 422);
      const choice: ConsentAnswer = answer === 'yes' && useFirstName ? 'yes_named' : answer;
      const outcome: ConsentOutcome =
        (await stories.answerOnPage({
          slug: request.params.workspace,
          token: request.params['*'],
          storyId: storyId ?? '',
          answer: choice,
        })) ?? 'not_asked';
      const state = outcome === 'consented' ? 'consented' : outcome === 'declined' ? 'declined' : 'answered';
      return send(reply, view, renderStoryOutcome({ ...view, state }), outcome === state ? 200 : 409);
    },
  );
};
