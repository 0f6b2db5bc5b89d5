import { attr, html, type RawHtml } from './html.ts';
import { pageHref, renderPage } from './layout.ts';
import type { PageLanguage } from './page-context.ts';
import { otherLanguage } from './strings.ts';

// The satisfaction survey's sentences, in Arabic and English; the English shape is the contract.
const en = {
  title: 'How did we do?',
  intro: (reference: string) =>
    `Your request ${reference} is resolved. Tell us how we did: it takes a few seconds.`,
  rating: 'Your rating',
  ratings: ['1 — Very poor', '2 — Poor', '3 — Okay', '4 — Good', '5 — Excellent'],
  comment: 'Anything you would like to tell us? (optional)',
  nps: 'How likely are you to recommend us to a friend? (optional)',
  npsEnds: '0 means not at all likely, 10 extremely likely.',
  submit: 'Send my answer',
  addComment: 'Add my comment',
  ratedAlready: (rating: number) => `You rated us ${rating} out of 5. You may add a comment.`,
  chooseRating: 'Choose a rating from 1 to 5.',
  commentTooLong: 'The comment may be at most 2000 characters.',
  commentNeeded: 'Write a comment, or leave the page.',
  errorSummary: 'Please check the following',
  thanksTitle: 'Thank you!',
  thanks: 'Your answer has reached us. It helps us serve you better.',
  answeredTitle: 'Already answered',
  answered: 'This survey has already been answered. Thank you: nothing was changed.',
  closedTitle: 'This survey is closed',
  closed:
    'This survey is no longer open for answers. If you still need help, write to us on your usual channel.',
  invalidTitle: 'Link not valid',
  invalid: 'This survey link is not valid or has expired.',
};

type SurveyStrings = Omit<typeof en, 'ratings'> & { ratings: readonly string[] };

const ar: SurveyStrings = {
  title: 'كيف كانت خدمتنا؟',
  intro: (reference: string) =>
    `تمت معالجة طلبك ${reference}. أخبرنا برأيك في خدمتنا: لن يستغرق ذلك سوى ثوانٍ.`,
  rating: 'تقييمك',
  ratings: ['1 — سيئ جدًا', '2 — ضعيف', '3 — مقبول', '4 — جيد', '5 — ممتاز'],
  comment: 'هل لديك ما تودّ إخبارنا به؟ (اختياري)',
  nps: 'ما مدى احتمال أن توصي بنا لصديق؟ (اختياري)',
  npsEnds: '0 تعني غير محتمل إطلاقًا، و10 محتمل جدًا.',
  submit: 'أرسل إجابتي',
  addComment: 'أضف تعليقي',
  ratedAlready: (rating: number) => `قيّمتنا ${rating} من 5. يمكنك إضافة تعليق.`,
  chooseRating: 'اختر تقييمًا من 1 إلى 5.',
  commentTooLong: 'يجب ألا يزيد التعليق على 2000 حرف.',
  commentNeeded: 'اكتب تعليقًا، أو غادر الصفحة.',
  errorSummary: 'يرجى مراجعة ما يلي',
  thanksTitle: 'شكرًا لك!',
  thanks: 'وصلتنا إجابتك، وهي تساعدنا على خدمتك بشكل أفضل.',
  answeredTitle: 'تمت الإجابة مسبقًا',
  answered: 'تمت الإجابة عن هذا الاستبيان من قبل. شكرًا لك: لم يتغير شيء.',
  closedTitle: 'هذا الاستبيان مغلق',
  closed: 'لم يعد هذا الاستبيان يقبل الإجابات. إن كنت لا تزال بحاجة إلى مساعدة فراسلنا عبر قناتك المعتادة.',
  invalidTitle: 'الرابط غير صالح',
  invalid: 'رابط الاستبيان هذا غير صالح أو انتهت صلاحيته.',
};

export const SURVEY_STRINGS: Record<PageLanguage, SurveyStrings> = { en, ar };

export const COMMENT_MAX_LENGTH = 2000;

/** What the survey page shows: the questions (or only the comment after a button rating), or a notice. */
export type SurveyPageState =
  | { kind: 'form'; askNps: boolean }
  | { kind: 'comment'; rating: number }
  | { kind: 'thanks' }
  | { kind: 'answered' }
  | { kind: 'closed' };

export type SurveyFormProblem = 'chooseRating' | 'commentTooLong' | 'commentNeeded';

/** The survey page's address (its path carries the signed token). */
export function surveyHref(slug: string, token: string, language?: PageLanguage | null) {
  return pageHref(`/w/${encodeURIComponent(slug)}/survey/${encodeURIComponent(token)}`, { lang: language });
}

function ratingGroup(strings: SurveyStrings, values: { rating?: string }, problem: SurveyFormProblem | null) {
  const error = problem === 'chooseRating' ? strings.chooseRating : '';
  const options = strings.ratings.map((label, index) => {
    const value = String(index + 1);
    return html`<div class="option"><input type="radio" name="rating" id="f-rating-${value}" value="${value}" required${attr('checked', values.rating === value)}><label for="f-rating-${value}">${label}</label></div>`;
  });
  return html`<fieldset class="field" id="f-rating" role="radiogroup" aria-required="true"${attr('aria-invalid', error ? 'true' : null)}${attr('aria-describedby', error ? 'f-rating-error' : null)}><legend>${strings.rating}<span class="req" aria-hidden="true">*</span></legend><p class="field-error" id="f-rating-error">${error}</p>${options}</fieldset>`;
}

function npsGroup(strings: SurveyStrings, values: { nps?: string }) {
  const options = Array.from({ length: 11 }, (_, score) => {
    const value = String(score);
    return html`<span class="option"><input type="radio" name="nps" id="f-nps-${value}" value="${value}"${attr('checked', values.nps === value)}><label for="f-nps-${value}">${value}</label></span> `;
  });
  return html`<fieldset class="field" id="f-nps" aria-describedby="f-nps-hint"><legend>${strings.nps}</legend><p class="hint" id="f-nps-hint">${strings.npsEnds}</p>${options}</fieldset>`;
}

function commentField(
  strings: SurveyStrings,
  values: { comment?: string },
  problem: SurveyFormProblem | null,
) {
  const error =
    problem === 'commentTooLong'
      ? strings.commentTooLong
      : problem === 'commentNeeded'
        ? strings.commentNeeded
        : '';
  return html`<div class="field"><label for="f-comment">${strings.comment}</label><p class="field-error" id="f-comment-error">${error}</p><textarea name="comment" id="f-comment" rows="4" maxlength="${COMMENT_MAX_LENGTH}" dir="auto"${attr('aria-invalid', error ? 'true' : null)}${attr('aria-describedby', error ? 'f-comment-error' : null)}>${values.comment ?? ''}</textarea></div>`;
}

function errorSummary(strings: SurveyStrings, problem: SurveyFormProblem | null): RawHtml {
  if (!problem) return html``;
  const target = problem === 'chooseRating' ? '#f-rating-1' : '#f-comment';
  return html`<div id="error-summary" class="summary" tabindex="-1" aria-labelledby="error-summary-title" autofocus><h2 id="error-summary-title">${strings.errorSummary}</h2><ul><li><a href="${target}">${strings[problem]}</a></li></ul></div>`;
}

/** The intro sentence with the reference isolated, so it reads left to right inside Arabic. */
function introOf(strings: SurveyStrings, reference: string): RawHtml {
  const [before = '', after = ''] = strings.intro('\u0000').split('\u0000');
  return html`${before}<bdi dir="ltr">${reference}</bdi>${after}`;
}

/** The public satisfaction survey of one case: a 1–5 rating, a comment, and the optional NPS question. */
export function renderSurveyPage(o: {
  workspace: { slug: string; name: string };
  language: PageLanguage;
  nonce: string;
  token: string;
  reference: string;
  state: SurveyPageState;
  values?: { rating?: string; comment?: string; nps?: string };
  problem?: SurveyFormProblem | null;
}): string {
  const { workspace, language, state } = o;
  const strings = SURVEY_STRINGS[language];
  const values = o.values ?? {};
  const problem = o.problem ?? null;
  const action = surveyHref(workspace.slug, o.token, language);
  const notice = (title: string, text: string) =>
    html`<h1 tabindex="-1">${title}</h1><p class="notice" role="status">${text}</p>`;
  let body: RawHtml;
  let title = strings.title;
  switch (state.kind) {
    case 'form':
      body = html`<h1>${strings.title}</h1><p>${introOf(strings, o.reference)}</p>${errorSummary(strings, problem)}<form method="post" action="${action}" accept-charset="utf-8" aria-labelledby="survey-title"><span id="survey-title" hidden>${strings.title}</span>${ratingGroup(strings, values, problem)}${state.askNps ? npsGroup(strings, values) : ''}${commentField(strings, values, problem)}<button type="submit">${strings.submit}</button></form>`;
      break;
    case 'comment':
      body = html`<h1>${strings.title}</h1><p class="notice">${strings.ratedAlready(state.rating)}</p>${errorSummary(strings, problem)}<form method="post" action="${action}" accept-charset="utf-8" aria-label="${strings.addComment}">${commentField(strings, values, problem)}<button type="submit">${strings.addComment}</button></form>`;
      break;
    case 'thanks':
      title = strings.thanksTitle;
      body = notice(strings.thanksTitle, strings.thanks);
      break;
    case 'answered':
      title = strings.answeredTitle;
      body = notice(strings.answeredTitle, strings.answered);
      break;
    case 'closed':
      title = strings.closedTitle;
      body = notice(strings.closedTitle, strings.closed);
      break;
  }
  return renderPage({
    language,
    title,
    nonce: o.nonce,
    isEmbed: false,
    workspaceName: workspace.name,
    switchHref: surveyHref(workspace.slug, o.token, otherLanguage(language)),
    body,
  });
}
