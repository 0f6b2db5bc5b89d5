import { errorResponse, updateWorkspaceRequest, workspaceSettings } from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const workspaceRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { workspaces } = services;

  app.get(
    '/api/workspace',
    {
      config: { permission: 'workspace:read' },
      schema: {
        tags: ['workspace'],
        summary: "Your workspace's name, reference prefix, default language and time zone",
        response: { 200: workspaceSettings },
      },
    },
    async (request) => workspaces.settings(actorOf(request)),
  );

  app.patch(
    '/api/workspace',
    {
      config: { permission: 'workspace:admin' },
      schema: {
        tags: ['workspace'],
        summary: 'Change the workspace settings (admin); a new reference prefix applies to new cases only',
        body: updateWorkspaceRequest,
        response: { 200: workspaceSettings, 422: errorResponse },
      },
    },
    async (request) => workspaces.updateSettings({ actor: actorOf(request), changes: request.body }),
  );
};
