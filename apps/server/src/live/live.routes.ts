import { type LiveEvent, liveCommand } from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { LiveHub } from './live-hub.ts';

// 1008: policy violation. A console that sends what it should not is told so and disconnected.
const INVALID_COMMAND = 1008;

function parseCommand(data: unknown) {
  try {
    const parsed = liveCommand.safeParse(JSON.parse(String(data)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const liveRoutes: FastifyPluginAsyncZod<{ hub: LiveHub }> = async (app, { hub }) => {
  app.get(
    '/api/live',
    {
      websocket: true,
      config: { permission: 'case:read' },
      schema: {
        tags: ['live'],
        summary:
          'WebSocket: case, message, notification and presence events of your workspace; send {type:"presence"} to show which case you have open',
      },
    },
    (socket, request) => {
      const actor = actorOf(request);
      const send = (event: LiveEvent) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
      };
      const member = hub.join(
        { workspaceId: actor.workspace.id, userId: actor.userId, name: actor.name },
        send,
      );
      socket.on('close', () => member.leave());
      socket.on('message', (data) => {
        const command = parseCommand(data);
        if (!command) {
          socket.close(INVALID_COMMAND, 'invalid command');
          return;
        }
        member.setPresence(command.referenceNumber?.toUpperCase() ?? null, command.state);
      });
      send({ type: 'ready', workspaceId: actor.workspace.id });
      for (const event of member.presenceSnapshot()) send(event);
    },
  );
};
