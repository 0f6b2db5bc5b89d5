// The few errors this package throws on purpose; everything else is a bug or a vendor error
// wrapped into one of these at the edge.
import type { LocalizedText } from '@sada/core';
import { ChannelError, type ChannelErrorCode } from '../channel-error.ts';

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

/** Sending a mail failed; `isPermanent` says whether retrying could ever help (5xx) or not. */
export class DeliveryError extends ChannelError {
  override readonly name = 'DeliveryError';
  readonly isPermanent: boolean;
  readonly responseCode: number | null;

  constructor(
    code: ChannelErrorCode,
    text: LocalizedText,
    options: { isPermanent: boolean; responseCode?: number | null; cause?: unknown },
  ) {
    super(code, text, { cause: options.cause });
    this.isPermanent = options.isPermanent;
    this.responseCode = options.responseCode ?? null;
  }
}

/** An IMAP mailbox could not be reached or read; the text says what a person should check. */
export class MailboxError extends ChannelError {
  override readonly name = 'MailboxError';
  readonly isAuthenticationFailure: boolean;

  constructor(code: ChannelErrorCode, text: LocalizedText, options: { cause?: unknown } = {}) {
    super(code, text, { cause: options.cause });
    this.isAuthenticationFailure = code === 'auth';
  }
}
