import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import type { Clock } from '@sada/core';
import type { Database } from '@sada/db';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { alertSubscriptionRoutes } from './analytics/alert-subscription.routes.ts';
import { analyticsRoutes } from './analytics/analytics.routes.ts';
import { assignmentRoutes } from './assignment/assignment.routes.ts';
import { registerAuthHooks } from './auth/auth.hooks.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { calendarRoutes } from './calendars/calendar.routes.ts';
import { staffingRoutes } from './calendars/staffing.routes.ts';
import { caseRoutes } from './cases/case.routes.ts';
import { caseBulkRoutes } from './cases/case-bulk.routes.ts';
import { channelRoutes } from './channels/channels.routes.ts';
import { publicRoutes } from './channels/public.routes.ts';
import { socialRoutes } from './channels/social.routes.ts';
import { compensationRoutes } from './compensation/compensation.routes.ts';
import type { Config } from './config.ts';
import { customerRoutes } from './customers/customer.routes.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { healthRoutes } from './http/health.routes.ts';
import { registerIdempotencyHooks } from './http/idempotency.hooks.ts';
import { offerPageRoutes } from './public/pages/offer.page.ts';
import { publicPageRoutes } from './public/pages/public-page.routes.ts';
import { reportRoutes } from './reports/report.routes.ts';
import { responseTimeRoutes } from './response-time/response-time.routes.ts';
import './http/route-config.ts';
import { liveRoutes } from './live/live.routes.ts';
import type { LiveHub } from './live/live-hub.ts';
import { moderationRoutes } from './moderation/moderation.routes.ts';
import { notificationRoutes } from './notifications/notification.routes.ts';
import { offerRoutes } from './offers/offer.routes.ts';
import { peopleRoutes } from './people/people.routes.ts';
import { planRoutes } from './plans/plan.routes.ts';
import { problemRoutes } from './problems/problem.routes.ts';
import { storyPageRoutes } from './public/pages/story.page.ts';
import { routingRoutes } from './routing/routing.routes.ts';
import type { Services } from './services.ts';
import { slaRoutes } from './sla/sla.routes.ts';
import { storyRoutes } from './stories/story.routes.ts';
import { surveyRoutes } from './surveys/survey.routes.ts';
import { surveyPageRoutes } from './surveys/survey-page.routes.ts';
import { templateRoutes } from './templates/template.routes.ts';
import { triageRoutes } from './triage/triage.routes.ts';
import { viewRoutes } from './views/view.routes.ts';
import { webRoutes } from './web/web.routes.ts';
import { widgetRoutes } from './web/widget.routes.ts';
import { workspaceRoutes } from './workspaces/workspace.routes.ts';

export type AppDeps = { config: Config; database: Database; clock: Clock; services: Services; hub: LiveHub };

const BODY_LIMIT = 1024 * 1024;

/** The HTTP API and WebSocket, with every route, hook and the OpenAPI document. */
export async function buildApp({
  config,
  database,
  clock,
  services,
  hub,
}: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    trustProxy: config.trustProxy,
    logger: {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
    },
    // Unknown query keys are rejected by the schemas; coercion is explicit there too.
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app, { isProduction: config.isProduction });

  await app.register(fastifyCookie);
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sada API',
        version: '0.1.0',
        description:
          'Complaint management and social customer care. Sign in with POST /api/auth/login (cookie + X-CSRF-Token) or send "Authorization: Bearer <API token>". Errors are {error:{code,message,fields?}}.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sada_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { isPublic: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  registerAuthHooks(app, services);
  registerIdempotencyHooks(app, { database, clock });

  await app.register(healthRoutes, { database });
  await app.register(authRoutes, { services, config });
  await app.register(peopleRoutes, { services });
  await app.register(assignmentRoutes, { services });
  await app.register(customerRoutes, { services });
  await app.register(caseRoutes, { services });
  await app.register(caseBulkRoutes, { services });
  await app.register(workspaceRoutes, { services });
  await app.register(templateRoutes, { services });
  await app.register(calendarRoutes, { services });
  await app.register(staffingRoutes, { services });
  await app.register(triageRoutes, { services });
  await app.register(viewRoutes, { services });
  await app.register(slaRoutes, { services });
  await app.register(surveyRoutes, { services });
  await app.register(surveyPageRoutes, { surveys: services.surveys });
  await app.register(planRoutes, { services });
  await app.register(problemRoutes, { services });
  await app.register(offerRoutes, { services });
  await app.register(storyRoutes, { services });
  await app.register(compensationRoutes, { services });
  await app.register(notificationRoutes, { services });
  await app.register(routingRoutes, { services });
  await app.register(liveRoutes, { hub });
  await app.register(channelRoutes, { services });
  await app.register(socialRoutes, { services });
  await app.register(moderationRoutes, { services });
  await app.register(publicRoutes, { services, hub });
  await app.register(publicPageRoutes, { api: services.publicChannels });
  await app.register(offerPageRoutes, { offers: services.offers });
  await app.register(storyPageRoutes, { stories: services.stories });
  await app.register(responseTimeRoutes, { services });
  await app.register(analyticsRoutes, { services });
  await app.register(reportRoutes, { services });
  await app.register(alertSubscriptionRoutes, { services });
  // Before the console's catch-all, which would take /widget.js for a page of the console.
  await app.register(widgetRoutes);
  await app.register(webRoutes, { webDir: config.webDir });
  return app;
}
