import { bulkCaseRequest, bulkCaseResponse, errorResponse } from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.hooks.ts';
import { preferredLanguage } from '../http/error-handler.ts';
import type { Services } from '../services.ts';
import { applyBulkAction } from './case-bulk.service.ts';

export const caseBulkRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/api/cases/bulk',
    {
      config: { permission: 'case:write' },
      schema: {
        tags: ['cases'],
        summary:
          'Assign, tag or change the status of up to 200 cases; each case succeeds or fails on its own',
        body: bulkCaseRequest,
        response: { 200: bulkCaseResponse, 422: errorResponse },
      },
    },
    async (request) => {
      const language = preferredLanguage(request);
      const results = await applyBulkAction({
        cases: services.cases,
        actor: actorOf(request),
        ...request.body,
        onUnexpected: (error, referenceNumber) =>
          request.log.error({ err: error, referenceNumber }, 'unexpected error in a bulk action'),
      });
      return {
        results: results.map((result) =>
          result.ok
            ? result
            : {
                referenceNumber: result.referenceNumber,
                ok: false as const,
                error: { code: result.error.code, message: result.error.text[language] },
              },
        ),
      };
    },
  );
};
