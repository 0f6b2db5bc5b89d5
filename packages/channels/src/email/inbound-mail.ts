import { type AddressObject, type HeaderValue, type ParsedMail, simpleParser } from 'mailparser';
import { type AutomaticReason, automaticReason } from './automatic-mail.ts';
import { MailFormatError } from './mail-errors.ts';
import { htmlToPlainText, sanitiseMailHtml } from './mail-html.ts';
import { normaliseMessageId, parseMessageIds } from './message-id.ts';
import { foldQuotedText } from './quote-folding.ts';

/** A file that came with a mail; inline ones are images shown in the HTML body. */
export type InboundAttachment = {
  name: string;
  contentType: string;
  content: Buffer;
  size: number;
  contentId: string | null;
  isInline: boolean;
};

/** A received mail, parsed and made safe to show; message ids are in `<local@host>` form. */
export type InboundMail = {
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  from: { address: string; name: string } | null;
  /** Lower-cased addresses from To, Cc, Delivered-To and X-Original-To, without duplicates. */
  recipients: string[];
  subject: string;
  /** The new words only: quoted history and signature folded off. */
  text: string;
  /** What was folded off `text`. */
  quoted: string;
  /** Sanitised HTML (no scripts, styles, handlers, images), or null when the mail had none. */
  html: string | null;
  attachments: InboundAttachment[];
  date: Date | null;
  automatic: AutomaticReason | null;
  /** A few headers worth logging, by lower-case name. */
  headers: Record<string, string>;
};

/** What else is known about a mail besides its text. */
export type ParseInboundMailOptions = {
  /** The SMTP envelope sender; `null` is the empty sender `<>` that bounces use. */
  envelopeFrom?: string | null;
};

const loggedHeaders = [
  'message-id',
  'date',
  'from',
  'to',
  'cc',
  'subject',
  'in-reply-to',
  'return-path',
  'delivered-to',
  'x-original-to',
  'auto-submitted',
  'precedence',
  'list-id',
  'content-type',
  'x-mailer',
  'user-agent',
];
const automaticHeaders = [
  'auto-submitted',
  'x-autoreply',
  'x-autorespond',
  'x-auto-response-suppress',
  'precedence',
  'list-id',
  'list-unsubscribe',
  'return-path',
  'from',
  'content-type',
];

/** Parses a raw RFC 5322 mail; throws MailFormatError when it is not a mail at all. */
export async function parseInboundMail(
  source: Buffer | NodeJS.ReadableStream,
  options: ParseInboundMailOptions = {},
): Promise<InboundMail> {
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(source as Parameters<typeof simpleParser>[0], {
      skipImageLinks: true,
      skipHtmlToText: true,
    });
  } catch (error) {
    throw new MailFormatError(`The mail could not be parsed as MIME: ${messageOf(error)}`, { cause: error });
  }
  const rawHeaders = rawHeaderValues(parsed);
  if (rawHeaders.size === 0) {
    throw new MailFormatError('The mail has no headers: it does not look like an RFC 5322 message');
  }
  const html = typeof parsed.html === 'string' ? sanitiseMailHtml(parsed.html) : null;
  // Without a text part, the text comes from the sanitised HTML, so nothing the HTML hid
  // (scripts, styles, tracking images) reaches an agent or the triage model.
  const plain = parsed.text?.trim() ? parsed.text : html ? htmlToPlainText(html) : '';
  const folded = foldQuotedText(plain);
  const automatic = automaticReason({
    ...Object.fromEntries(automaticHeaders.map((name) => [name, rawHeaders.get(name)])),
    ...(options.envelopeFrom === null ? { 'return-path': '<>' } : {}),
  });
  return {
    messageId: normaliseMessageId(parsed.messageId),
    inReplyTo: parseMessageIds(rawHeaders.get('in-reply-to')),
    references: parseMessageIds(rawHeaders.get('references')),
    from: senderOf(parsed.from),
    recipients: recipientsOf(parsed),
    subject: (parsed.subject ?? '').trim(),
    text: folded.text,
    quoted: folded.quoted,
    html,
    attachments: parsed.attachments.map((attachment, index) => ({
      name: attachment.filename ?? `attachment-${index + 1}`,
      contentType: attachment.contentType,
      content: attachment.content,
      size: attachment.size,
      contentId: normaliseMessageId(attachment.cid ?? attachment.contentId),
      isInline: attachment.contentDisposition === 'inline' || attachment.related === true,
    })),
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null,
    automatic,
    headers: Object.fromEntries(
      loggedHeaders.flatMap((name) => {
        const value = rawHeaders.get(name);
        return value === undefined ? [] : [[name, value.slice(0, 500)]];
      }),
    ),
  };
}

// Header values as the sender wrote them (unfolded, encoded words decoded by mailparser's
// structured parse where it had one), first occurrence of each name.
function rawHeaderValues(parsed: ParsedMail): Map<string, string> {
  const values = new Map<string, string>();
  for (const { key, line } of parsed.headerLines) {
    // mailparser reports a line without a colon under the empty name.
    if (key === '' || values.has(key)) continue;
    const value = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    values.set(key, decodedText(parsed.headers.get(key)) ?? value);
  }
  return values;
}

function decodedText(value: HeaderValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'text' in value && typeof value.text === 'string')
    return value.text;
  return undefined;
}

function senderOf(from: AddressObject | undefined): InboundMail['from'] {
  const sender = from?.value.find((entry) => entry.address);
  if (!sender?.address) return null;
  return { address: sender.address.toLowerCase(), name: (sender.name ?? '').trim() };
}

function recipientsOf(parsed: ParsedMail): string[] {
  const addresses = new Set<string>();
  const add = (value: HeaderValue | undefined) => {
    for (const address of addressesIn(value)) addresses.add(address.toLowerCase());
  };
  add(parsed.to);
  add(parsed.cc);
  add(parsed.headers.get('delivered-to'));
  add(parsed.headers.get('x-original-to'));
  return [...addresses];
}

function addressesIn(value: HeaderValue | AddressObject[] | undefined): string[] {
  if (value === undefined || value instanceof Date) return [];
  if (typeof value === 'string') return value.match(/[^\s<>,;"]+@[^\s<>,;"]+/g) ?? [];
  if (Array.isArray(value)) return value.flatMap((entry) => addressesIn(entry as HeaderValue));
  if ('value' in value && Array.isArray(value.value)) {
    return value.value.flatMap((entry) => [
      ...(typeof entry === 'object' && entry && 'address' in entry && entry.address ? [entry.address] : []),
      ...(typeof entry === 'object' && entry && 'group' in entry && Array.isArray(entry.group)
        ? entry.group.flatMap((member: { address?: string }) => (member.address ? [member.address] : []))
        : []),
    ]);
  }
  return [];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
