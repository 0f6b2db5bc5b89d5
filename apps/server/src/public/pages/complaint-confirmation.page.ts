import { html, type RawHtml, safeUrl } from './html.ts';
import { complaintFormHref, formatDateTime, renderPage, withLanguage } from './layout.ts';
import type { FormPageConfig, PageLanguage } from './page-context.ts';
import { type PageStrings, STRINGS } from './strings.ts';

export type Confirmation = {
  reference: string;
  statusHref: string;
  expectedText: string;
  hasEmail: boolean;
  anotherHref: string;
  embed: boolean;
};

/** The confirmation's markup, shared by the server-rendered page and the page script's template. */
export function confirmationSection(strings: PageStrings, o: Confirmation): RawHtml {
  const c = strings.confirmation;
  // The status page refuses to be framed, so from the embedded form it opens in a new tab.
  const target = o.embed ? html` target="_blank" rel="noopener"` : '';
  return html`<section id="complaint-confirmation" class="card" aria-labelledby="done-title">
<h1 id="done-title" tabindex="-1">${c.title}</h1>
<p id="reference-label">${c.referenceLabel}</p>
<p class="reference" dir="ltr" aria-labelledby="reference-label" data-slot="reference">${o.reference}</p>
<button type="button" class="quiet" data-copy="${o.reference}" data-copied="${c.copied}" hidden>${c.copy}</button>
<p>${c.keepIt}</p>
<p>${c.expected} <strong data-slot="expected">${o.expectedText}</strong></p>
${o.hasEmail ? html`<p data-slot="email">${c.emailSent}</p>` : ''}
<p><a data-slot="status" href="${safeUrl(o.statusHref)}"${target}>${c.statusLink}</a></p>
<p><a href="${o.anotherHref}">${c.another}</a></p>
</section>`;
}

/** The page after a complaint was sent without the page script: the reference, when to expect a reply, the status link. */
export function renderComplaintConfirmation(o: {
  config: FormPageConfig;
  language: PageLanguage;
  reference: string;
  statusUrl: string;
  expectedResponseBy: Date;
  embed: boolean;
  nonce: string;
  /** The customer gave an e-mail address, so the acknowledgement went there. */
  hasEmail?: boolean;
}): string {
  const { config, language, embed } = o;
  const strings = STRINGS[language];
  const slug = config.workspace.slug;
  const body = confirmationSection(strings, {
    reference: o.reference,
    statusHref: withLanguage(o.statusUrl, language),
    expectedText: formatDateTime(o.expectedResponseBy, language, config.timeZone),
    hasEmail: o.hasEmail ?? false,
    anotherHref: complaintFormHref(slug, language, embed),
    embed,
  });
  return renderPage({
    language,
    title: strings.confirmation.title,
    nonce: o.nonce,
    isEmbed: embed,
    workspaceName: config.workspace.name,
    // The confirmation cannot be fetched again, so there is no switch to the other language.
    switchHref: null,
    body,
  });
}
