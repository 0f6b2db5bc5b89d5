import { escapeHtml } from '../public/pages/html.ts';

export type BadgeTheme = 'light' | 'dark';

const THEMES: Record<BadgeTheme, { background: string; border: string; text: string }> = {
  light: { background: '#ffffff', border: '#d0d7de', text: '#1b1f24' },
  dark: { background: '#1b1f24', border: '#3d444d', text: '#f6f7f9' },
};
const OPEN_DOT = '#1a7f37';
const CLOSED_DOT = '#b06000';

const FONT_SIZE = 12;
const HEIGHT = 28;
// Room for the dot before the text and a margin after it.
const TEXT_START = 26;
const TEXT_END = 12;

/**
 * The text's width at FONT_SIZE in a system sans-serif, estimated per character (no font is
 * measured on the server): generous enough that nothing is cut off, close enough not to look empty.
 */
export function estimatedTextWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    if (/[\u064B-\u065F\u0670]/.test(character)) continue; // Arabic marks sit on their letter
    if (/[\s.,:·،il'|!]/.test(character)) width += 3.8;
    else if (/[\u0600-\u06FF]/.test(character)) width += 5.6;
    else if (/[0-9]/.test(character)) width += 7.4;
    else if (/[A-ZmwMW]/.test(character)) width += 9;
    else width += 7.1;
  }
  return Math.ceil(width);
}

/**
 * An SVG badge with one line of text: right-to-left and anchored at the right for Arabic, the dot
 * green while open and amber while closed. Every piece of text is escaped.
 */
export function renderBadge(o: {
  text: string;
  language: 'ar' | 'en';
  theme: BadgeTheme;
  isOpen: boolean;
}): string {
  const colors = THEMES[o.theme];
  const isRtl = o.language === 'ar';
  const width = TEXT_START + estimatedTextWidth(o.text) + TEXT_END;
  const dotX = isRtl ? width - 14 : 14;
  const textX = isRtl ? width - TEXT_START : TEXT_START;
  const text = escapeHtml(o.text);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-label="${text}" xml:lang="${o.language}">`,
    `<title>${text}</title>`,
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${HEIGHT - 1}" rx="6" fill="${colors.background}" stroke="${colors.border}"/>`,
    `<circle cx="${dotX}" cy="${HEIGHT / 2}" r="4" fill="${o.isOpen ? OPEN_DOT : CLOSED_DOT}"/>`,
    `<text x="${textX}" y="18" fill="${colors.text}" font-family="system-ui,-apple-system,'Segoe UI','Noto Sans Arabic',Tahoma,sans-serif" font-size="${FONT_SIZE}" direction="${isRtl ? 'rtl' : 'ltr'}" unicode-bidi="embed" text-anchor="start">${text}</text>`,
    '</svg>',
  ].join('\n');
}
