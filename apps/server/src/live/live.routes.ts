import type { LiveEvent } from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { LiveHub } from './live-hub.ts';

export const liveRoutes: FastifyPluginAsyncZod<{ hub: LiveHub }> = async (app, { hub }) => {
  app.get(
    '/api/live',
    {
      websocket: true,
      config: { permission: 'case:read' },
      schema: {
        tags: ['live'],
        summary: 'WebSocket: case created / updated / message events of your workspace',
      },
    },
    (socket, request) => {
      const actor = actorOf(request);
      const send = (event: LiveEvent) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
      };
      const leave = hub.join(actor.workspace.id, { send });
      socket.on('close', leave);
      send({ type: 'ready', workspaceId: actor.workspace.id });
    },
  );
};
