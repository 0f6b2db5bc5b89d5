// A story as it is shared: its text anonymised (or with the first name only), as Markdown, and as a
// 1200×630 SVG card. Pure functions: the service feeds them the stored story.
import { anonymiseText } from '@sada/core';
import type { StoryView } from '@sada/db';

export type StoryText = { problem: string; resolution: string; customerWords: string };

const firstNameOf = (name: string) => name.trim().split(/\s+/)[0] ?? '';

/**
 * The story's text as it would be shared: e-mails, phones and references always go; the name goes
 * too when the story is anonymous, else only the first name stays.
 */
export function sharedText(view: StoryView): StoryText {
  const name = view.customerName?.trim() ?? '';
  const identifiers = {
    names: view.isAnonymous && name ? [name] : [],
    emails: view.customerEmail ? [view.customerEmail] : [],
    phones: view.customerPhone ? [view.customerPhone] : [],
    references: [view.referenceNumber, ...(view.orderReference ? [view.orderReference] : [])],
  };
  const share = (text: string) => {
    const cleaned = anonymiseText(text, identifiers);
    const first = firstNameOf(name);
    return !view.isAnonymous && name.includes(' ') ? cleaned.split(name).join(first) : cleaned;
  };
  return {
    problem: share(view.problem),
    resolution: share(view.resolution),
    customerWords: share(view.customerWords),
  };
}

const HEADINGS = {
  en: {
    title: (workspace: string) => `A customer story from ${workspace}`,
    problem: 'The problem',
    resolution: 'What we did',
    words: "In the customer's words",
    date: 'Date',
    by: (first: string) => `— ${first}`,
    anonymous: '— a customer',
  },
  ar: {
    title: (workspace: string) => `قصة عميل من ${workspace}`,
    problem: 'المشكلة',
    resolution: 'ما قمنا به',
    words: 'بكلمات العميل',
    date: 'التاريخ',
    by: (first: string) => `— ${first}`,
    anonymous: '— أحد عملائنا',
  },
} as const;

function signature(view: StoryView, language: 'ar' | 'en'): string {
  const first = firstNameOf(view.customerName ?? '');
  return !view.isAnonymous && first ? HEADINGS[language].by(first) : HEADINGS[language].anonymous;
}

/** Markdown has few special characters at a line's start; a leading # or > would change the text's meaning. */
const markdownLines = (text: string, prefix = '') =>
  text
    .split(/\r?\n/)
    .map((line) => `${prefix}${line.replace(/^([#>*+-]|\d+\.)/, '\\$1')}`)
    .join('\n');

/** The story as Markdown: title, problem, what we did, the customer's words and the date. */
export function storyMarkdown(
  view: StoryView,
  options: { workspaceName: string; language: 'ar' | 'en' },
): string {
  const text = sharedText(view);
  const words = HEADINGS[options.language];
  const date = (view.consentAt ?? view.updatedAt).toISOString().slice(0, 10);
  return [
    `# ${words.title(options.workspaceName)}`,
    '',
    `## ${words.problem}`,
    '',
    markdownLines(text.problem),
    '',
    `## ${words.resolution}`,
    '',
    markdownLines(text.resolution),
    '',
    `## ${words.words}`,
    '',
    markdownLines(text.customerWords, '> '),
    '>',
    `> ${signature(view, options.language)}`,
    '',
    `${words.date}: ${date}`,
    '',
  ].join('\n');
}

const escapeXml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .split('')
    // Control characters XML 1.0 does not allow (tab, line feed and carriage return are allowed).
    .filter((char) => char.charCodeAt(0) >= 0x20 || '\t\n\r'.includes(char))
    .join('');

/** An estimate of a character's width in ems, close enough for sans-serif fonts to wrap by. */
function charWidth(char: string): number {
  if (/\s/.test(char)) return 0.28;
  if (/[\u0600-\u06FF]/.test(char)) return 0.5;
  if (/[iljtf.,;:'!|()[\]]/.test(char)) return 0.3;
  if (/[MW@%mw]/.test(char)) return 0.85;
  if (/[A-Z0-9]/.test(char)) return 0.65;
  return 0.55;
}

const measure = (text: string, fontSize: number) =>
  [...text].reduce((width, char) => width + charWidth(char), 0) * fontSize;

/** Lines of at most `maxWidth` pixels; past `maxLines`, the last line ends with an ellipsis. */
export function wrapText(text: string, options: { fontSize: number; maxWidth: number; maxLines: number }) {
  const lines: string[] = [];
  let line = '';
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, options.fontSize) <= options.maxWidth || !line) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
  }
  if (line) lines.push(line);
  if (lines.length <= options.maxLines) return lines;
  const kept = lines.slice(0, options.maxLines);
  kept[kept.length - 1] = `${kept[kept.length - 1]} …`;
  return kept;
}

const WIDTH = 1200;
const HEIGHT = 630;
const MARGIN = 80;

/** The story as a 1200×630 SVG card: workspace name, the customer's words as a quote, what was done. */
export function storyCardSvg(
  view: StoryView,
  options: { workspaceName: string; language: 'ar' | 'en' },
): string {
  const text = sharedText(view);
  const isRtl = options.language === 'ar';
  // With direction="rtl", text-anchor="start" puts the line's start at x on the right.
  const x = isRtl ? WIDTH - MARGIN : MARGIN;
  const textAttributes = `x="${x}" direction="${isRtl ? 'rtl' : 'ltr'}" text-anchor="start"`;
  const maxWidth = WIDTH - 2 * MARGIN;
  const quote = wrapText(text.customerWords, { fontSize: 44, maxWidth, maxLines: 4 });
  const resolution = wrapText(`${HEADINGS[options.language].resolution}: ${text.resolution}`, {
    fontSize: 26,
    maxWidth,
    maxLines: 2,
  });
  const quoteTop = 230;
  const quoteLines = quote.map(
    (line, index) =>
      `<text ${textAttributes} y="${quoteTop + index * 60}" font-size="44" fill="#1b2a3a">${escapeXml(index === 0 ? `“${line}` : line)}${index === quote.length - 1 ? '”' : ''}</text>`,
  );
  const signatureY = quoteTop + quote.length * 60 + 10;
  const resolutionTop = Math.max(signatureY + 70, 500);
  const resolutionLines = resolution.map(
    (line, index) =>
      `<text ${textAttributes} y="${resolutionTop + index * 36}" font-size="26" fill="#445566">${escapeXml(line)}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" xml:lang="${options.language}" font-family="'Noto Sans Arabic', 'Noto Sans', 'DejaVu Sans', sans-serif" role="img">`,
    `<title>${escapeXml(HEADINGS[options.language].title(options.workspaceName))}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#f6f8fb"/>`,
    `<rect ${isRtl ? `x="${WIDTH - 24}"` : 'x="0"'} width="24" height="${HEIGHT}" fill="#2f6fde"/>`,
    `<text ${textAttributes} y="120" font-size="34" font-weight="bold" fill="#2f6fde">${escapeXml(options.workspaceName)}</text>`,
    ...quoteLines,
    `<text ${textAttributes} y="${signatureY}" font-size="28" fill="#445566">${escapeXml(signature(view, options.language))}</text>`,
    ...resolutionLines,
    '</svg>',
    '',
  ].join('\n');
}
