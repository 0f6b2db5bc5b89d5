/** Why a mail was sent by a machine rather than a person; null when a person wrote it. */
export type AutomaticReason = 'auto_reply' | 'bounce' | 'mailing_list';

/** Header values by name; names are matched case-insensitively. */
export type MailHeaderValues = Readonly<Record<string, string | readonly string[] | undefined>>;

const mailerDaemon = /^(mailer-daemon|postmaster)@/i;

/**
 * Tells auto-replies, bounces and list mail apart from mail a person wrote, from the headers
 * alone (RFC 3834, RFC 3464, RFC 2369 and the vendor headers Exchange and others set). A bounce
 * wins over an auto-reply, since delivery reports usually carry Auto-Submitted too.
 */
export function automaticReason(headers: MailHeaderValues): AutomaticReason | null {
  const header = lowerCaseLookup(headers);
  if (isBounce(header)) return 'bounce';
  const autoSubmitted = header('auto-submitted').toLowerCase();
  const precedence = header('precedence').toLowerCase();
  if (autoSubmitted !== '' && autoSubmitted !== 'no') return 'auto_reply';
  if (header('x-autoreply') !== '' || header('x-autorespond') !== '') return 'auto_reply';
  if (
    header('x-auto-response-suppress')
      .toLowerCase()
      .split(/[\s,]+/)
      .includes('all')
  )
    return 'auto_reply';
  if (precedence === 'auto_reply') return 'auto_reply';
  if (['bulk', 'junk', 'list'].includes(precedence)) return 'mailing_list';
  if (header('list-id') !== '' || header('list-unsubscribe') !== '') return 'mailing_list';
  return null;
}

function isBounce(header: (name: string) => string): boolean {
  const contentType = header('content-type').toLowerCase();
  if (/multipart\/report/.test(contentType) && /report-type\s*=\s*"?delivery-status/.test(contentType)) {
    return true;
  }
  if (header('return-path').replace(/\s+/g, '') === '<>') return true;
  return mailerDaemon.test(addressOf(header('from')));
}

function addressOf(from: string): string {
  const bracketed = /<([^<>]*)>/.exec(from);
  return (bracketed ? bracketed[1]! : from).trim();
}

function lowerCaseLookup(headers: MailHeaderValues): (name: string) => string {
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = typeof value === 'string' ? value : value.join(', ');
    byName.set(name.toLowerCase(), text.trim());
  }
  return (name) => byName.get(name) ?? '';
}
