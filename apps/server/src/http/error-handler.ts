import { AppError, type ErrorCode, type FieldIssue, httpStatusOf } from '@sada/core';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

type ErrorBody = { error: { code: ErrorCode; message: string; fields?: FieldIssue[] } };

// Fastify's own error codes that mean "your request is malformed" rather than "we failed".
const fastifyCodes: Record<string, { code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'payload_too_large',
    message: 'The request body is larger than 1 MiB.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'bad_request', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'bad_request',
    message: 'The request says it is JSON but has no body.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'bad_request', message: 'Send the body as application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'bad_request',
    message: 'The Content-Length does not match the body.',
  },
};

function toBody(error: unknown): { status: number; body: ErrorBody; isUnexpected: boolean } {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.fields) body.error.fields = error.fields;
    return { status: httpStatusOf[error.code], body, isUnexpected: false };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((issue) => ({
      path: [error.validationContext, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
      message: issue.message ?? 'is not valid',
    }));
    return {
      status: 422,
      body: {
        error: { code: 'validation_failed', message: 'Some fields are not valid; see error.fields.', fields },
      },
      isUnexpected: false,
    };
  }
  const fastifyError = error as Partial<FastifyError>;
  const known = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (known) return { status: httpStatusOf[known.code], body: { error: known }, isUnexpected: false };
  if (isResponseSerializationError(error)) {
    return {
      status: 500,
      body: { error: { code: 'internal', message: 'The server built an answer it may not send.' } },
      isUnexpected: true,
    };
  }
  if (
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return {
      status: fastifyError.statusCode,
      body: { error: { code: 'bad_request', message: fastifyError.message ?? 'The request is not valid.' } },
      isUnexpected: false,
    };
  }
  return {
    status: 500,
    body: { error: { code: 'internal', message: 'Something went wrong on our side; it has been logged.' } },
    isUnexpected: true,
  };
}

/** One handler turns anything thrown into `{error: {code, message}}` with the right status. */
export function registerErrorHandler(app: FastifyInstance, { isProduction }: { isProduction: boolean }) {
  app.setErrorHandler((error, request, reply) => {
    const { status, body, isUnexpected } = toBody(error);
    if (isUnexpected) {
      request.log.error({ err: error }, 'unexpected error');
      if (!isProduction && error instanceof Error)
        (body.error as Record<string, unknown>).stack = error.stack;
    }
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send({
        error: {
          code: 'not_found',
          message: `There is no ${request.method} ${request.url.split('?')[0]} route.`,
        },
      });
  });
}
