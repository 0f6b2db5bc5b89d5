/** Every failure the API can report, as a code; the HTTP status is derived from it in one table. */
export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'invalid_transition'
  | 'payload_too_large'
  | 'validation_failed'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

/** User-facing text exists in both languages; the API answers in the one the request prefers. */
export type LocalizedText = { en: string; ar: string };

export type UiLanguage = 'en' | 'ar';

export type FieldIssue = { path: string; message: LocalizedText };

/** The one error type of Sada: a code, a message a person can act on (in Arabic and English), optional failing fields. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly text: LocalizedText;
  readonly fields: FieldIssue[] | undefined;

  constructor(
    code: ErrorCode,
    text: LocalizedText,
    options: { fields?: FieldIssue[]; cause?: unknown } = {},
  ) {
    super(text.en, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.text = text;
    this.fields = options.fields;
  }
}

export const httpStatusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  validation_failed: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};
