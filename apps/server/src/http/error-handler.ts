import { readLocalizedMessage } from '@sada/contracts';
import { AppError, type ErrorCode, httpStatusOf, type LocalizedText, type UiLanguage } from '@sada/core';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

type Problem = {
  status: number;
  code: ErrorCode;
  text: LocalizedText;
  fields?: { path: string; message: LocalizedText }[];
};

const arabicZod = z.locales.ar().localeError;
const englishZod = z.locales.en().localeError;

/** Arabic when the request prefers it (Accept-Language), English otherwise. */
export function preferredLanguage(request: FastifyRequest): UiLanguage {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'en';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', quality] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), quality: quality === undefined ? 1 : Number(quality) };
    })
    .sort((a, b) => b.quality - a.quality);
  const first = ranked.find((entry) => entry.tag.startsWith('ar') || entry.tag.startsWith('en'));
  return first?.tag.startsWith('ar') ? 'ar' : 'en';
}

// Fastify's own error codes that mean "your request is malformed" rather than "we failed".
const fastifyProblems: Record<string, { code: ErrorCode; text: LocalizedText }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'payload_too_large',
    text: { en: 'The request body is larger than 1 MiB.', ar: 'حجم جسم الطلب أكبر من 1 ميغابايت.' },
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'bad_request',
    text: { en: 'The request body is not valid JSON.', ar: 'جسم الطلب ليس JSON صحيحًا.' },
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'bad_request',
    text: { en: 'The request says it is JSON but has no body.', ar: 'الطلب مُعلَن بصيغة JSON لكنه بلا جسم.' },
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'bad_request',
    text: { en: 'Send the body as application/json.', ar: 'أرسل جسم الطلب بصيغة application/json.' },
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'bad_request',
    text: {
      en: 'The Content-Length does not match the body.',
      ar: 'قيمة Content-Length لا تطابق جسم الطلب.',
    },
  },
};

const UNEXPECTED: LocalizedText = {
  en: 'Something went wrong on our side; it has been logged.',
  ar: 'حدث خطأ من جهتنا وتم تسجيله.',
};

type ZodIssueLike = Parameters<typeof arabicZod>[0];

// A zod issue in both languages: our own messages carry both (see contracts), zod's come from its locales.
function localizeIssue(issue: ZodIssueLike & { message?: string }): LocalizedText {
  const own = issue.message ? readLocalizedMessage(issue.message) : undefined;
  if (own) return own;
  const en = englishZod(issue);
  const ar = arabicZod(issue);
  const text = (value: typeof en) =>
    typeof value === 'string' ? value : (value?.message ?? issue.message ?? '');
  return {
    en: issue.message || text(en),
    ar: text(ar) || issue.message || text(en),
  };
}

/** A zod failure of input the route read itself (multipart forms) as the API's 422, paths under `context`. */
export function validationErrorOf(error: z.ZodError, context: string): AppError {
  return new AppError(
    'validation_failed',
    { en: 'Some fields are not valid; see error.fields.', ar: 'بعض الحقول غير صحيحة؛ انظر error.fields.' },
    {
      fields: error.issues.map((issue) => ({
        path: [context, ...issue.path.map(String)].join('.'),
        message: localizeIssue(issue as unknown as ZodIssueLike & { message?: string }),
      })),
    },
  );
}

function toProblem(error: unknown): Problem & { isUnexpected: boolean } {
  if (error instanceof AppError) {
    return {
      status: httpStatusOf[error.code],
      code: error.code,
      text: error.text,
      fields: error.fields,
      isUnexpected: false,
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((item) => {
      // The type provider flattens each zod issue into an Ajv-like record; put the issue back together.
      const issue = {
        ...item.params,
        code: item.keyword,
        message: item.message,
      } as unknown as ZodIssueLike & {
        message?: string;
      };
      return {
        path: [error.validationContext, ...item.instancePath.split('/').filter(Boolean)].join('.'),
        message: localizeIssue(issue),
      };
    });
    return {
      status: 422,
      code: 'validation_failed',
      text: {
        en: 'Some fields are not valid; see error.fields.',
        ar: 'بعض الحقول غير صحيحة؛ انظر error.fields.',
      },
      fields,
      isUnexpected: false,
    };
  }
  const fastifyError = error as Partial<FastifyError>;
  const known = fastifyError.code ? fastifyProblems[fastifyError.code] : undefined;
  if (known) return { status: httpStatusOf[known.code], ...known, isUnexpected: false };
  if (isResponseSerializationError(error))
    return { status: 500, code: 'internal', text: UNEXPECTED, isUnexpected: true };
  if (
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    const message = fastifyError.message ?? 'The request is not valid.';
    return {
      status: fastifyError.statusCode,
      code: 'bad_request',
      // Fastify's own text is English only; Arabic readers get a sentence of ours with it as the detail.
      text: { en: message, ar: `الطلب غير صالح (${message}).` },
      isUnexpected: false,
    };
  }
  return { status: 500, code: 'internal', text: UNEXPECTED, isUnexpected: true };
}

/** One handler turns anything thrown into `{error: {code, message, fields?}}` in the caller's language. */
export function registerErrorHandler(app: FastifyInstance, { isProduction }: { isProduction: boolean }) {
  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error);
    const language = preferredLanguage(request);
    const body: { error: Record<string, unknown> } = {
      error: { code: problem.code, message: problem.text[language] },
    };
    if (problem.fields) {
      body.error.fields = problem.fields.map((field) => ({
        path: field.path,
        message: field.message[language],
      }));
    }
    if (problem.isUnexpected) {
      request.log.error({ err: error }, 'unexpected error');
      if (!isProduction && error instanceof Error) body.error.stack = error.stack;
    }
    void reply.status(problem.status).header('content-language', language).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const language = preferredLanguage(request);
    const message = {
      en: `There is no ${request.method} ${path} route.`,
      ar: `لا يوجد مسار ${request.method} ${path}.`,
    };
    void reply
      .status(404)
      .header('content-language', language)
      .send({ error: { code: 'not_found', message: message[language] } });
  });
}
