// The few errors this package throws on purpose; everything else is a bug or a vendor error
// wrapped into one of these at the edge.

/** A mail that cannot be read as RFC 5322/MIME at all. */
export class MailFormatError extends Error {
  override readonly name = 'MailFormatError';
}

/** An outbound mail that must not be sent as asked, e.g. an address with a line break in it. */
export class InvalidMailError extends Error {
  override readonly name = 'InvalidMailError';
}

/** Thrown by a `deliver` callback to refuse a mail for good: the SMTP sender gets a 550. */
export class RejectedMail extends Error {
  override readonly name = 'RejectedMail';
  readonly isPermanent = true;
}

/**
 * What a failed send means to the outbox: retry later (`temporary`), ask an admin to fix the
 * relay's credentials (`auth_revoked`), or give up on this recipient (`not_found`) or message.
 */
export type DeliveryFailure = 'temporary' | 'auth_revoked' | 'not_found' | 'invalid_request';

/** Sending a mail failed; `isPermanent` says whether retrying could ever help (5xx) or not. */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  readonly isPermanent: boolean;
  readonly code: DeliveryFailure;
  readonly responseCode: number | null;

  constructor(
    message: string,
    options: { code: DeliveryFailure; responseCode?: number | null; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.code = options.code;
    this.isPermanent = options.code !== 'temporary';
    this.responseCode = options.responseCode ?? null;
  }
}

/** An IMAP mailbox could not be reached or read; the message says what a person should check. */
export class MailboxError extends Error {
  override readonly name = 'MailboxError';
  readonly isAuthenticationFailure: boolean;

  constructor(message: string, options: { isAuthenticationFailure?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.isAuthenticationFailure = options.isAuthenticationFailure ?? false;
  }
}
