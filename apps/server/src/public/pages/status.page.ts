import { randomUUID } from 'node:crypto';
import type { PublicCaseView } from '@sada/contracts';
import type { AppError } from '@sada/core';
import {
  attachmentsHint,
  controlAttrs,
  errorSummary,
  type FieldFrame,
  field,
  fieldMessages,
} from './form-controls.ts';
import { html, type RawHtml, safeUrl } from './html.ts';
import { formatBytes, formatDateTime, pageHref, renderPage } from './layout.ts';
import type { PageLanguage } from './page-context.ts';
import { otherLanguage, STRINGS } from './strings.ts';

/** The workspace a status page belongs to, as the top bar and the links need it. */
export type StatusWorkspace = { slug: string; name: string; timeZone?: string | undefined };

/** Why the lookup form is shown again: no such complaint, too many tries, or an expired link. */
export type LookupNotice = 'not_found' | 'rate_limited' | 'expired' | null;

/** The status page's address (`t` the signed token, when there is one). */
export function statusHref(slug: string, o: { token?: string | null; language?: PageLanguage | null } = {}) {
  return pageHref(`/w/${encodeURIComponent(slug)}/status`, { t: o.token, lang: o.language });
}

/** The form that finds a complaint by its reference and the e-mail or phone given with it. */
export function renderStatusLookup(o: {
  workspace: StatusWorkspace;
  language: PageLanguage;
  nonce: string;
  values: { reference?: string; contact?: string };
  notice: LookupNotice;
  /** Fields left empty (the request's validation). */
  errors: AppError | null;
}): string {
  const { workspace, language } = o;
  const strings = STRINGS[language];
  const lookup = strings.lookup;
  const messages = fieldMessages(o.errors, language);
  const reference: FieldFrame = {
    id: 'f-reference',
    label: lookup.reference,
    isRequired: true,
    hint: lookup.referenceHint,
    error: messages.get('f-reference'),
  };
  const contact: FieldFrame = {
    id: 'f-contact',
    label: lookup.contact,
    isRequired: true,
    error: messages.get('f-contact'),
  };
  // One message whatever did not match: the page never tells whether a reference exists.
  const problem =
    o.notice === 'not_found'
      ? lookup.notFound
      : o.notice === 'rate_limited'
        ? strings.rateLimited
        : undefined;
  const body = html`<h1>${lookup.title}</h1>
${o.notice === 'expired' ? html`<p class="notice warn" role="status">${lookup.expired}</p>` : ''}
${errorSummary({ error: o.errors, language, fieldIds: new Set(['f-reference', 'f-contact']), ...(problem && { message: problem }) })}
<p>${lookup.intro}</p>
<p class="hint">${strings.requiredNote}</p>
<form method="post" action="${statusHref(workspace.slug, { language })}" accept-charset="utf-8">
${field(reference, html`<input type="text" name="reference" value="${o.values.reference ?? ''}" dir="ltr" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="40"${controlAttrs(reference)}>`)}
${field(contact, html`<input type="text" name="contact" value="${o.values.contact ?? ''}" dir="ltr" autocomplete="email" spellcheck="false" maxlength="254"${controlAttrs(contact)}>`)}
<button type="submit">${lookup.submit}</button>
</form>
<p><a href="${pageHref(`/w/${encodeURIComponent(workspace.slug)}/complaint`, { lang: language })}">${lookup.newComplaint}</a></p>`;
  return renderPage({
    language,
    title: problem || o.errors ? `${strings.errorTitle}: ${lookup.title}` : lookup.title,
    nonce: o.nonce,
    isEmbed: false,
    workspaceName: workspace.name,
    switchHref: statusHref(workspace.slug, { language: otherLanguage(language) }),
    body,
  });
}

type Update = PublicCaseView['updates'][number];

function updateItem(update: Update, language: PageLanguage, timeZone: string | undefined): RawHtml {
  const strings = STRINGS[language].status;
  const who = update.from === 'team' ? strings.fromTeam : strings.fromCustomer;
  const when = formatDateTime(update.at, language, timeZone);
  const change =
    update.kind === 'status' && update.status
      ? html`<p class="body">${strings.changedTo} <span class="status-label">${strings.labels[update.status]}</span></p>`
      : '';
  const files =
    update.attachments.length > 0
      ? html`<ul aria-label="${strings.attachments}">${update.attachments.map(
          (file) =>
            html`<li><a href="${safeUrl(file.url)}" download="${file.name}"><bdi>${file.name}</bdi></a> (${formatBytes(file.size, language)})</li>`,
        )}</ul>`
      : '';
  return html`<li class="${update.from}" data-kind="${update.kind}"><p class="meta">${update.kind === 'status' ? '' : html`<strong>${who}</strong> · `}<time datetime="${update.at.toISOString()}">${when}</time></p>${update.body ? html`<p class="body" dir="auto">${update.body}</p>` : ''}${change}${files}</li>`;
}

// The resolution plan as the customer sees it: the steps they can see, done or still to come.
const PLAN_STRINGS = {
  en: {
    title: 'Plan to resolve your case',
    progress: (done: number, total: number) => `${done} of ${total} steps done`,
    done: 'Done',
    inProgress: 'In progress',
    pending: 'To come',
    doneOn: 'Done on',
    expectedBy: 'Expected by',
  },
  ar: {
    title: 'خطة حل حالتك',
    progress: (done: number, total: number) => `أُنجزت ${done} من ${total} خطوات`,
    done: 'منجزة',
    inProgress: 'قيد التنفيذ',
    pending: 'قادمة',
    doneOn: 'أُنجزت في',
    expectedBy: 'متوقّعة في',
  },
} as const;

type PlanView = NonNullable<PublicCaseView['plan']>;

function planSection(
  plan: PlanView | undefined,
  language: PageLanguage,
  timeZone: string | undefined,
): RawHtml | '' {
  if (!plan || plan.length === 0) return '';
  const strings = PLAN_STRINGS[language];
  const done = plan.filter((step) => step.status === 'done').length;
  const label = { done: strings.done, in_progress: strings.inProgress, pending: strings.pending };
  const when = (prefix: string, date: Date) =>
    html` · ${prefix} <time datetime="${date.toISOString()}">${formatDateTime(date, language, timeZone)}</time>`;
  const item = (step: PlanView[number]) =>
    html`<li data-status="${step.status}"><p class="meta"><span class="status-label" data-status="${step.status}">${label[step.status]}</span>${step.status === 'done' && step.completedAt ? when(strings.doneOn, step.completedAt) : step.status !== 'done' && step.dueAt ? when(strings.expectedBy, step.dueAt) : ''}</p><p class="body" dir="auto">${step.title}</p>${step.note ? html`<p class="body" dir="auto">${step.note}</p>` : ''}</li>`;
  return html`<section aria-labelledby="plan-title"><h2 id="plan-title">${strings.title}</h2>
<p><progress max="${plan.length}" value="${done}" aria-labelledby="plan-progress"></progress> <span id="plan-progress">${strings.progress(done, plan.length)}</span></p>
<ol class="updates plan">${plan.map(item)}</ol></section>`;
}

// While the satisfaction survey waits for an answer, the status page asks for it too.
const SURVEY_STRINGS = {
  en: { title: 'How did we do?', link: 'Rate how we handled your case' },
  ar: { title: 'ما رأيك في خدمتنا؟', link: 'قيّم طريقة تعاملنا مع حالتك' },
} as const;

function surveySection(url: string | null | undefined, language: PageLanguage): RawHtml | '' {
  if (!url) return '';
  const strings = SURVEY_STRINGS[language];
  return html`<section aria-labelledby="survey-title" class="card"><h2 id="survey-title">${strings.title}</h2>
<p><a href="${pageHref(new URL(url).pathname, { lang: language })}">${strings.link}</a></p></section>`;
}

/** The customer's view of a case: status, dates, the updates in order, and a form to write more. */
export function renderCaseStatus(o: {
  workspace: StatusWorkspace;
  language: PageLanguage;
  nonce: string;
  token: string;
  view: PublicCaseView;
  /** The message just sent was stored. */
  isSent: boolean;
  /** What went wrong with the message being sent, kept in `values.body` to try again. */
  error: AppError | null;
  values: { body?: string };
  /** Limits shown beside the file input. */
  attachments: { maxBytes: number; maxCount: number; types: readonly string[] };
}): string {
  const { workspace, language, view } = o;
  const strings = STRINGS[language];
  const status = strings.status;
  const zone = workspace.timeZone;
  const messages = fieldMessages(o.error, language);
  const message: FieldFrame = {
    id: 'f-body',
    label: status.message,
    isRequired: false,
    error: messages.get('f-body'),
  };
  const files: FieldFrame = {
    id: 'f-attachments',
    label: status.files,
    isRequired: false,
    hint: attachmentsHint(o.attachments, language),
    error: messages.get('f-attachments'),
  };
  const action = pageHref(`/w/${encodeURIComponent(workspace.slug)}/status/messages`, {
    t: o.token,
    lang: language,
  });
  const body = html`<h1 dir="auto">${view.subject || status.title(view.reference)}</h1>
${o.isSent ? html`<p class="notice" role="status">${status.sent}</p>` : ''}
<div class="card"><dl class="facts">
<dt>${status.reference}</dt><dd><bdi dir="ltr" class="ref">${view.reference}</bdi></dd>
<dt>${status.status}</dt><dd><span class="status-label" data-status="${view.status}">${status.labels[view.status]}</span></dd>
<dt>${status.createdAt}</dt><dd><time datetime="${view.createdAt.toISOString()}">${formatDateTime(view.createdAt, language, zone)}</time></dd>
${view.expectedResponseBy ? html`<dt>${status.expected}</dt><dd><time datetime="${view.expectedResponseBy.toISOString()}">${formatDateTime(view.expectedResponseBy, language, zone)}</time></dd>` : ''}
</dl></div>
${surveySection(view.surveyUrl, language)}
${planSection(view.plan, language, zone)}
<h2>${status.updates}</h2>
${view.updates.length > 0 ? html`<ol class="updates">${[...view.updates].sort((a, b) => a.at.getTime() - b.at.getTime()).map((update) => updateItem(update, language, zone))}</ol>` : html`<p>${status.noUpdates}</p>`}
<h2 id="add-message">${status.addMessage}</h2>
${errorSummary({ error: o.error, language, fieldIds: new Set(['f-body', 'f-attachments']) })}
<form method="post" enctype="multipart/form-data" accept-charset="utf-8" action="${action}" aria-labelledby="add-message">
<input type="hidden" name="clientMessageId" value="${randomUUID()}">
${field(message, html`<textarea name="body" rows="5" maxlength="20000" dir="auto"${controlAttrs(message)}>${o.values.body ?? ''}</textarea>`)}
${field(files, html`<input type="file" name="attachments" multiple accept="${o.attachments.types.join(',')}"${controlAttrs(files)}>`)}
<button type="submit">${status.send}</button>
</form>`;
  return renderPage({
    language,
    title: status.title(view.reference),
    nonce: o.nonce,
    isEmbed: false,
    workspaceName: workspace.name,
    switchHref: statusHref(workspace.slug, { token: o.token, language: otherLanguage(language) }),
    body,
  });
}

/** A page in both languages, the reader's first: an unknown address, or a failure of ours. */
export function renderBilingualNotice(o: {
  language: PageLanguage;
  nonce: string;
  title: { ar: string; en: string };
  body: { ar: string; en: string };
}): string {
  const order: PageLanguage[] = [o.language, otherLanguage(o.language)];
  const body = html`<div class="bilingual">${order.map(
    (language) =>
      html`<section lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">${language === o.language ? html`<h1>${o.title[language]}</h1>` : html`<h2>${o.title[language]}</h2>`}<p>${o.body[language]}</p></section>`,
  )}</div>`;
  return renderPage({
    language: o.language,
    title: `${o.title[o.language]} · ${o.title[otherLanguage(o.language)]}`,
    nonce: o.nonce,
    isEmbed: false,
    workspaceName: null,
    switchHref: null,
    body,
  });
}

/** The page for an address with no workspace (or no form), in both languages. */
export function renderNotFound(o: { language: PageLanguage; nonce: string }): string {
  return renderBilingualNotice({
    ...o,
    title: { ar: STRINGS.ar.notFound.title, en: STRINGS.en.notFound.title },
    body: { ar: STRINGS.ar.notFound.body, en: STRINGS.en.notFound.body },
  });
}
