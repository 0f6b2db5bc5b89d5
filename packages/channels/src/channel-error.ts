// Every channel failure a person reads (on a message, on a channel's setup page, in its error log)
// is our own sentence in Arabic and English, with the platform's own words quoted verbatim inside
// both, and one of a few stable codes the console and the outbox can decide on.
import type { LocalizedText } from '@sada/core';

/** Why a channel failed, in the same few words for every platform and for e-mail. */
export type ChannelErrorCode =
  | 'window_closed'
  | 'too_long'
  | 'empty'
  | 'not_supported'
  | 'auth'
  | 'permission'
  | 'rate_limited'
  | 'unreachable'
  | 'invalid_request'
  | 'platform_error'
  | 'rejected_recipient'
  | 'bounced'
  | 'not_configured'
  | 'disconnected'
  | 'bad_signature'
  | 'not_found';

/** A failure as stored and shown: its code and its text in both languages. */
export type ChannelFailure = { code: ChannelErrorCode; text: LocalizedText };

/** A channel error thrown on purpose; `message` is the English text so that logs stay readable. */
export class ChannelError extends Error {
  override readonly name: string = 'ChannelError';
  readonly code: ChannelErrorCode;
  readonly text: LocalizedText;

  constructor(code: ChannelErrorCode, text: LocalizedText, options: { cause?: unknown } = {}) {
    super(text.en, { cause: options.cause });
    this.code = code;
    this.text = text;
  }
}

/** The platform's (or server's) own words, quoted as they came, the same in both languages. */
export function quoted(words: string): string {
  const trimmed = words.trim().replace(/\s+/g, ' ');
  return `“${trimmed.length > 300 ? `${trimmed.slice(0, 300)}…` : trimmed}”`;
}

/** Anything thrown, as a failure a person can read: our own errors keep their code and text. */
export function channelFailureOf(
  error: unknown,
  fallback: ChannelErrorCode = 'platform_error',
): ChannelFailure {
  if (error instanceof ChannelError) return { code: error.code, text: error.text };
  const words = error instanceof Error ? error.message : String(error);
  return {
    code: fallback,
    text: {
      en: `Something went wrong: ${quoted(words)}.`,
      ar: `حدث خطأ: ${quoted(words)}.`,
    },
  };
}
