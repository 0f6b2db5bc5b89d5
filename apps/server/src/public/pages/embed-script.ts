import { STRINGS } from './strings.ts';

const TITLES = JSON.stringify({ ar: STRINGS.ar.embedTitle, en: STRINGS.en.embedTitle });

/**
 * GET /embed.js: `<script src="HOST/embed.js" data-workspace="SLUG" data-lang="ar" async>` puts the
 * complaint form in an iframe right after itself and sizes it to the heights that frame reports.
 */
export const EMBED_SCRIPT = `(() => {
  const script = document.currentScript;
  const slug = script && script.dataset.workspace;
  if (!slug) return;
  const origin = new URL(script.src).origin;
  const lang = script.dataset.lang === 'en' || script.dataset.lang === 'ar' ? script.dataset.lang : '';
  const url = new URL('/w/' + encodeURIComponent(slug) + '/complaint', origin);
  url.searchParams.set('embed', '1');
  if (lang) url.searchParams.set('lang', lang);
  const frame = document.createElement('iframe');
  frame.src = url.href;
  frame.title = ${TITLES}[lang || 'ar'];
  frame.style.cssText = 'display:block;width:100%;height:640px;border:0;';
  script.after(frame);
  // Only the frame we made, from Sada's origin, may resize it.
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    if (!data || data.type !== 'sada:height' || typeof data.height !== 'number') return;
    frame.style.height = Math.min(Math.max(Math.ceil(data.height), 100), 20000) + 'px';
  });
})();
`;
