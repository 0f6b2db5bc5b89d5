import type Mail from 'nodemailer/lib/mailer/index.js';
import { InvalidMailError } from './mail-errors.ts';
import { normaliseMessageId } from './message-id.ts';

/** What the server knows about a reply it is about to send. */
export type OutboundMailInput = {
  from: { address: string; name: string };
  to: { address: string; name?: string | null };
  subject: string;
  /** The case reference (e.g. SAD-2026-000042), carried in the subject as `[REFERENCE]`. */
  reference: string | null;
  text: string;
  language: 'ar' | 'en';
  /** Our id for this mail, in `<local@host>` form (brackets are added when missing). */
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  /** An acknowledgement or other mail no person wrote: marked so auto-responders stay quiet. */
  isAutomatic?: boolean;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
};

/** References kept in a reply: the thread's first mail and the most recent ones. */
export const maxReferences = 10;

const address = /^[^\s<>()[\],;:"@\\]+@[^\s<>()[\],;:"@\\]+$/;
const replyPrefix = /^(\s*(re|fwd?|aw|tr|رد|إعادة توجيه|توجيه)\s*:\s*)*/i;

/**
 * Builds nodemailer message options for a reply. Header injection: names and the subject are
 * human text, so line breaks in them are folded to spaces; an address or message id with a
 * line break (or anything else an address cannot hold) is refused with InvalidMailError.
 */
export function composeMail(input: OutboundMailInput): Mail.Options {
  const messageId = checkedMessageId(input.messageId, 'Message-ID');
  const inReplyTo = input.inReplyTo === null ? null : checkedMessageId(input.inReplyTo, 'In-Reply-To');
  const references = limitReferences(input.references.map((id) => checkedMessageId(id, 'References')));
  const headers: Record<string, string> = input.isAutomatic
    ? { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' }
    : {};
  return {
    from: { name: singleLine(input.from.name), address: checkedAddress(input.from.address, 'from') },
    to: { name: singleLine(input.to.name ?? ''), address: checkedAddress(input.to.address, 'to') },
    subject: subjectWithReference(singleLine(input.subject), input.reference),
    messageId,
    ...(inReplyTo ? { inReplyTo } : {}),
    ...(references.length > 0 ? { references } : {}),
    headers,
    text: input.text,
    html: textToHtml(input.text, input.language),
    attachments: (input.attachments ?? []).map((attachment) => ({
      filename: singleLine(attachment.filename),
      content: attachment.content,
      contentType: attachment.contentType,
    })),
  };
}

/** Puts `[REFERENCE]` in the subject exactly once, after any Re:/Fwd: prefixes. */
export function subjectWithReference(subject: string, reference: string | null): string {
  if (reference === null) return subject;
  const tag = `[${singleLine(reference)}]`;
  const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const withoutTag = subject.replace(new RegExp(`\\s*${escaped}\\s*`, 'gi'), ' ').trim();
  const prefix = replyPrefix.exec(withoutTag)?.[0] ?? '';
  const rest = withoutTag.slice(prefix.length).trim();
  return `${prefix}${tag}${rest ? ` ${rest}` : ''}`;
}

function limitReferences(references: string[]): string[] {
  const unique = [...new Set(references)];
  if (unique.length <= maxReferences) return unique;
  return [unique[0]!, ...unique.slice(unique.length - (maxReferences - 1))];
}

function singleLine(text: string): string {
  return text.replace(/[\r\n\t\u2028\u2029]+/g, ' ').trim();
}

function checkedAddress(value: string, field: string): string {
  const trimmed = value.trim();
  if (!address.test(trimmed)) {
    throw new InvalidMailError(`The ${field} address ${JSON.stringify(value)} is not a valid e-mail address`);
  }
  return trimmed;
}

function checkedMessageId(value: string, header: string): string {
  if (/[\r\n]/.test(value)) throw new InvalidMailError(`The ${header} value contains a line break`);
  const id = normaliseMessageId(value);
  if (!id || !/^<[^<>\s]+@[^<>\s]+>$/.test(id)) {
    throw new InvalidMailError(`The ${header} value ${JSON.stringify(value)} is not a message id`);
  }
  return id;
}

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The HTML part of a text reply: escaped, paragraphs and line breaks kept, direction set. */
export function textToHtml(text: string, language: 'ar' | 'en'): string {
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  const align = language === 'ar' ? 'right' : 'left';
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n\s*\n/)
    .map(
      (paragraph) =>
        `<p>${paragraph.replace(/[&<>"']/g, (char) => htmlEscapes[char]!).replace(/\n/g, '<br>\n')}</p>`,
    );
  return [
    '<!DOCTYPE html>',
    `<html dir="${dir}" lang="${language}">`,
    '<head><meta charset="utf-8"></head>',
    `<body dir="${dir}">`,
    `<div dir="${dir}" style="text-align: ${align}">`,
    ...paragraphs,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}
