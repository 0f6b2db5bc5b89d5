import {
  assistantText,
  classifyRequest,
  coachReport,
  coachRequest,
  errorResponse,
  replySuggestionList,
  retrainResult,
  triageSettings,
  updateTriageSettingsRequest,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const triageRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { triage } = services;
  const caseParams = z.object({ ref: z.string().max(40) });

  app.get(
    '/api/triage/settings',
    {
      config: { permission: 'workspace:read' },
      schema: {
        tags: ['triage'],
        summary: "The workspace's categories, priority rules, assistant and model adaptation",
        response: { 200: triageSettings },
      },
    },
    async (request) => triage.settings(actorOf(request)),
  );

  app.patch(
    '/api/triage/settings',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['triage'],
        summary:
          'Change categories, priority rules or the assistant (admin); the API key is stored encrypted',
        body: updateTriageSettingsRequest,
        response: { 200: triageSettings, 422: errorResponse },
      },
    },
    async (request) => triage.updateSettings(actorOf(request), request.body),
  );

  app.post(
    '/api/triage/retrain',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['triage'],
        summary: "Adapt the model to this workspace's corrections now (also done nightly)",
        response: { 200: retrainResult, 409: errorResponse },
      },
    },
    async (request) => triage.retrainAsAdmin(actorOf(request)),
  );

  app.post(
    '/api/triage/classify',
    {
      config: { permission: 'case:read' },
      schema: {
        tags: ['triage'],
        summary: 'Classify a text as triage would (language, dialect, kind, sentiment, category, signals)',
        body: classifyRequest,
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (request) => triage.classify(actorOf(request), request.body.text),
  );

  app.post(
    '/api/triage/coach',
    {
      config: { permission: 'case:read' },
      schema: {
        tags: ['triage'],
        summary:
          'Check a draft reply: acknowledgement, apology without excuses, solution and time, tone, length',
        body: coachRequest,
        response: { 200: coachReport, 404: errorResponse },
      },
    },
    async (request) => triage.coach(actorOf(request), request.body),
  );

  app.get(
    '/api/cases/:ref/suggestions',
    {
      config: { permission: 'case:read' },
      schema: {
        tags: ['triage'],
        summary: "The three best starting points for a reply: templates and resolved cases' replies",
        params: caseParams,
        response: { 200: replySuggestionList, 404: errorResponse },
      },
    },
    async (request) => triage.suggestions(actorOf(request), request.params.ref),
  );

  app.post(
    '/api/cases/:ref/assistant/draft',
    {
      config: { permission: 'case:write' },
      schema: {
        tags: ['triage'],
        summary: "Draft a reply with the workspace's language model (when an admin turned it on)",
        params: caseParams,
        response: { 200: assistantText, 404: errorResponse, 409: errorResponse, 503: errorResponse },
      },
    },
    async (request) => triage.draftReply(actorOf(request), request.params.ref),
  );

  app.post(
    '/api/cases/:ref/assistant/summary',
    {
      config: { permission: 'case:read' },
      schema: {
        tags: ['triage'],
        summary: "Summarise the case's thread with the workspace's language model",
        params: caseParams,
        response: { 200: assistantText, 404: errorResponse, 409: errorResponse, 503: errorResponse },
      },
    },
    async (request) => triage.summarise(actorOf(request), request.params.ref),
  );
};
