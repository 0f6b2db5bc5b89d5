import sanitizeHtml from 'sanitize-html';

// What an agent's console may show of a customer's HTML: formatting, links and direction, and
// nothing that runs, styles the console, or calls home. Images are dropped altogether: remote
// ones track the reader, and inline (cid:/data:) ones arrive as attachments anyway.
const policy: sanitizeHtml.IOptions = {
  allowedTags: (
    'p br div span b strong i em u s small sub sup blockquote q pre code ul ol li dl dt dd a ' +
    'h1 h2 h3 h4 h5 h6 hr table thead tbody tfoot tr th td caption bdi bdo'
  ).split(' '),
  allowedAttributes: {
    '*': ['dir', 'lang'],
    a: ['href', 'title', 'rel', 'target'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  // Direction set on <html> or <body> survives on a <div>; the <head> never shows.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'head', 'title'],
  transformTags: {
    html: 'div',
    body: 'div',
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
};

/** Sanitises a mail's HTML for display: no scripts, styles, handlers or images; RTL kept. */
export function sanitiseMailHtml(html: string): string {
  return sanitizeHtml(html, policy).trim();
}

const blockEnd = /^\/(p|div|li|h[1-6]|tr|pre|ul|ol|table|dt|dd)$/;
const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Plain text of sanitised HTML (the output of sanitiseMailHtml): block elements become lines,
 * and blockquotes become `> ` lines so quote folding treats them like a plain-text reply.
 */
export function htmlToPlainText(sanitisedHtml: string): string {
  let depth = 0;
  let text = '';
  let line = '';
  const endLine = () => {
    text += `${'> '.repeat(depth)}${line.trim()}\n`;
    line = '';
  };
  for (const token of sanitisedHtml.split(/(<[^>]*>)/)) {
    const tag = /^<\s*(\/?[a-z0-9]+)/i.exec(token)?.[1]?.toLowerCase();
    if (tag === undefined) line += decodeEntities(token.replace(/\s+/g, ' '));
    else if (tag === 'br' || blockEnd.test(tag)) endLine();
    else if (tag === 'blockquote' || tag === '/blockquote') {
      if (line.trim() !== '') endLine();
      depth = Math.max(0, depth + (tag === 'blockquote' ? 1 : -1));
    } else if (tag === 'li') line += '- ';
  }
  if (line.trim() !== '') endLine();
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (entity, name: string) => {
    if (!name.startsWith('#')) return entities[name.toLowerCase()] ?? entity;
    const isHex = name[1] === 'x' || name[1] === 'X';
    const codePoint = Number.parseInt(name.slice(isHex ? 2 : 1), isHex ? 16 : 10);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
  });
}
