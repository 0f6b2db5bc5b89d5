import { canonicalTimeZone } from '@sada/core';
import { html, type RawHtml, raw, safeUrl } from './html.ts';
import { localeOf, type PageLanguage } from './page-context.ts';
import { PAGE_SCRIPT } from './page-script.ts';
import { otherLanguage, STRINGS } from './strings.ts';

// Logical properties only (inline/block, start/end), so the same rules lay out Arabic and English.
const STYLESHEET = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1rem/1.6 system-ui,-apple-system,"Segoe UI","Noto Sans Arabic",Tahoma,sans-serif;color:#1b1f24;background:#f6f7f9;overflow-wrap:anywhere}
[lang=ar] body{line-height:1.8}
.embed body{background:transparent}
.bar{display:flex;gap:1rem;align-items:center;justify-content:space-between;padding-block:.75rem;padding-inline:1rem;background:#fff;border-block-end:1px solid #dde1e6}
.bar strong{font-size:1.05rem}
main{max-inline-size:42rem;margin-inline:auto;padding-block:1.5rem 3rem;padding-inline:1rem}
.embed main{padding-block:.5rem;max-inline-size:none}
.embed .switch{display:block;text-align:end}
h1{font-size:1.6rem;line-height:1.3;margin-block:0 .75rem}
h2{font-size:1.2rem;margin-block:1.5rem .5rem}
a{color:#0b57d0}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
.field{margin-block:1.1rem}
label,legend{display:block;font-weight:600;margin-block-end:.25rem}
fieldset{border:0;padding:0;margin:0}
.check label,.option label{display:inline;font-weight:400;margin-inline-start:.4rem}
.hint{color:#4a5562;font-size:.9rem;margin-block:0 .3rem}
.req{color:#b3261e;margin-inline-start:.2rem}
input[type=text],input[type=email],input[type=tel],input[type=number],input[type=date],input[type=search],select,textarea{inline-size:100%;font:inherit;padding:.55rem .7rem;border:1px solid #8a94a0;border-radius:.4rem;background:#fff;color:inherit}
textarea{min-block-size:9rem;resize:vertical}
input[type=file]{font:inherit;max-inline-size:100%}
[aria-invalid=true]{border-color:#b3261e;border-width:2px}
.field-error{color:#b3261e;font-weight:600;margin-block:0 .3rem}
.field-error:empty{display:none}
button{font:inherit;font-weight:600;padding:.65rem 1.4rem;border:0;border-radius:.4rem;background:#0b57d0;color:#fff;cursor:pointer}
button[disabled]{opacity:.6;cursor:progress}
button.quiet{background:#e8eef9;color:#0b57d0;padding:.3rem .8rem}
.summary{border:2px solid #b3261e;border-radius:.4rem;padding:1rem;background:#fff;margin-block:1rem}
.summary h2{margin-block-start:0;color:#b3261e}
.summary ul{margin:0;padding-inline-start:1.2rem}
.summary[hidden]{display:none}
.notice{border-inline-start:4px solid #137333;background:#e6f4ea;padding:.75rem 1rem;margin-block:1rem}
.notice.warn{border-inline-start-color:#b06000;background:#fef7e0}
.trap{position:absolute;inset-inline-start:-10000px;inline-size:1px;block-size:1px;overflow:hidden}
.reference{font-size:2rem;font-weight:700;letter-spacing:.04em;user-select:all;margin-block:.25rem}
.card{background:#fff;border:1px solid #dde1e6;border-radius:.5rem;padding:1rem;margin-block:1rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
ol.updates{list-style:none;margin:0;padding:0}
ol.updates>li{border-inline-start:3px solid #8a94a0;padding-inline-start:.8rem;margin-block:1rem}
ol.updates>li.team{border-inline-start-color:#0b57d0}
ol.updates .meta{color:#4a5562;font-size:.85rem}
ol.updates .body{white-space:pre-wrap;margin-block:.2rem}
.status-label{display:inline-block;padding-inline:.6rem;border-radius:1rem;background:#e8eef9;font-weight:600}
.bilingual section+section{margin-block-start:2rem;padding-block-start:1rem;border-block-start:1px solid #dde1e6}
@media (max-width:30rem){h1{font-size:1.35rem}.reference{font-size:1.5rem}dl.facts{grid-template-columns:1fr}}
`
  .trim()
  .replace(/\n/g, '');

export type PageShell = {
  language: PageLanguage;
  title: string;
  nonce: string;
  isEmbed: boolean;
  /** Shown in the top bar; null on pages with no workspace (the 404 page). */
  workspaceName: string | null;
  /** The same page in the other language; null hides the switch. */
  switchHref: string | null;
  body: RawHtml;
  /** Extra markup for <head> (a captcha provider's script). */
  head?: RawHtml;
};

/** A link to this page in the other language, named in that language. */
function languageSwitch(language: PageLanguage, href: string): RawHtml {
  const other = otherLanguage(language);
  return html`<a class="switch" href="${href}" lang="${other}" hreflang="${other}">${STRINGS[language].otherLanguageName}</a>`;
}

/** The whole document around a page's body: language and direction, stylesheet, bar, script. */
export function renderPage(shell: PageShell): string {
  const { language, nonce } = shell;
  const direction = language === 'ar' ? 'rtl' : 'ltr';
  const switchLink = shell.switchHref ? languageSwitch(language, shell.switchHref) : '';
  const bar = shell.isEmbed
    ? switchLink
    : html`<header class="bar">${shell.workspaceName ? html`<strong>${shell.workspaceName}</strong>` : raw('<span></span>')}${switchLink}</header>`;
  const title = shell.workspaceName ? `${shell.title} · ${shell.workspaceName}` : shell.title;
  return html`<!doctype html>
<html lang="${language}" dir="${direction}"${shell.isEmbed ? raw(' class="embed"') : ''} data-locale="${localeOf(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${title}</title>
<style nonce="${nonce}">${raw(STYLESHEET)}</style>
${shell.head ?? ''}
</head>
<body>
${shell.isEmbed ? html`<main>${bar}${shell.body}</main>` : html`${bar}<main>${shell.body}</main>`}
<script nonce="${nonce}">${raw(PAGE_SCRIPT)}</script>
</body>
</html>
`.value;
}

/** A date and time in the page's language and the workspace's time zone, naming the zone. */
export function formatDateTime(date: Date, language: PageLanguage, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat(localeOf(language), dateTimeOptions(timeZone)).format(date);
}

/** The options the server and the page script both format the expected reply time with. */
export function dateTimeOptions(timeZone: string): Intl.DateTimeFormatOptions {
  // An unknown zone would make Intl throw: fall back to UTC, which the format names.
  return {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: canonicalTimeZone(timeZone) ?? 'UTC',
    timeZoneName: 'short',
  };
}

/** A size such as "10 MB" in the page's language. */
export function formatBytes(bytes: number, language: PageLanguage): string {
  const megabytes = bytes / (1024 * 1024);
  const number = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 });
  if (megabytes >= 1) return `${number.format(megabytes)} ${language === 'ar' ? 'ميغابايت' : 'MB'}`;
  return `${number.format(Math.max(1, Math.round(bytes / 1024)))} ${language === 'ar' ? 'كيلوبايت' : 'KB'}`;
}

/** The path of the same page with the given query parameters (absent values left out). */
export function pageHref(path: string, query: Record<string, string | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, value);
  const suffix = search.toString();
  return suffix ? `${path}?${suffix}` : path;
}

/** The form's own address (language and embedding kept), for the switch and "send another". */
export function complaintFormHref(slug: string, language: PageLanguage | null, embed: boolean): string {
  return pageHref(`/w/${encodeURIComponent(slug)}/complaint`, { embed: embed ? '1' : null, lang: language });
}

/** A path of ours with `lang` set, so the next page speaks the same language. */
export function withLanguage(path: string, language: PageLanguage): string {
  if (safeUrl(path) !== path || !path.startsWith('/')) return safeUrl(path);
  const url = new URL(path, 'http://sada.invalid');
  url.searchParams.set('lang', language);
  return `${url.pathname}${url.search}${url.hash}`;
}
