import { weeklyHoursPhrase } from '@sada/core';
import { html } from '../public/pages/html.ts';
import { formatDateTime, pageHref, renderPage } from '../public/pages/layout.ts';
import type { PageLanguage } from '../public/pages/page-context.ts';
import { otherLanguage } from '../public/pages/strings.ts';
import type { WorkspaceResponseTime } from './response-time.service.ts';
import { answerPhrase, CHANNEL_NAMES, closedPhrase } from './response-time-text.ts';

const WORDS = {
  en: {
    title: 'How fast we answer',
    intro: 'The typical time until a person from our team first answers a new message, by channel.',
    open: 'Open now',
    none: 'No messages were answered in the last 24 hours, so there is no figure yet.',
    sample: (count: number, window: '1h' | '24h') =>
      `${count} ${count === 1 ? 'case' : 'cases'} answered in the last ${window === '1h' ? 'hour' : '24 hours'}`,
    hours: 'Opening hours',
    zone: 'Time zone',
    updated: 'Updated',
  },
  ar: {
    title: 'سرعة ردّنا',
    intro: 'المدة المعتادة حتى يرد أحد أعضاء فريقنا أول مرة على رسالة جديدة، لكل قناة.',
    open: 'مفتوح الآن',
    none: 'لم نرد على رسائل في آخر 24 ساعة، فلا رقم بعد.',
    sample: (count: number, window: '1h' | '24h') =>
      `عدد الحالات التي رددنا عليها في ${window === '1h' ? 'الساعة الأخيرة' : 'آخر 24 ساعة'}: ${count}`,
    hours: 'ساعات العمل',
    zone: 'المنطقة الزمنية',
    updated: 'آخر تحديث',
  },
} as const;

/** The public page of a workspace's live response time: each channel's figure and the opening hours. */
export function renderResponseTimePage(o: {
  figures: WorkspaceResponseTime;
  language: PageLanguage;
  nonce: string;
}): string {
  const { figures, language } = o;
  const words = WORDS[language];
  const zone = figures.calendar.timeZone;
  const state = figures.isOpen
    ? html`<p class="notice">${words.open}</p>`
    : html`<p class="notice warn">${closedPhrase(figures.opensAt, language, zone)}</p>`;
  const measured = figures.channels.filter((item) => item.medianSeconds !== null);
  const channels =
    measured.length === 0
      ? html`<p>${words.none}</p>`
      : html`<dl class="facts">${measured.map(
          (item) =>
            html`<dt>${CHANNEL_NAMES[language][item.channel]}</dt><dd>${answerPhrase(item.medianSeconds, language)}<br><span class="hint">${words.sample(item.sampleSize, item.window)}</span></dd>`,
        )}</dl>`;
  const body = html`<h1>${words.title}</h1>
<p class="hint">${words.intro}</p>
${state}
<section class="card">${channels}</section>
<h2>${words.hours}</h2>
<p>${weeklyHoursPhrase(figures.calendar, language)}</p>
<p class="hint">${words.zone}: <bdi dir="ltr">${zone}</bdi> · ${words.updated}: <time datetime="${figures.updatedAt.toISOString()}">${formatDateTime(figures.updatedAt, language, zone)}</time></p>`;
  return renderPage({
    language,
    title: words.title,
    nonce: o.nonce,
    isEmbed: false,
    workspaceName: figures.workspace.name,
    switchHref: pageHref(`/w/${encodeURIComponent(figures.workspace.slug)}/response-time`, {
      lang: otherLanguage(language),
    }),
    body,
  });
}
