import type { Permission } from '@sada/core';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission the route needs; every non-public route declares one. */
    permission?: Permission | 'self';
    /** Reachable without signing in (health, login, docs). */
    isPublic?: boolean;
  }
  interface FastifyRequest {
    actor?: import('../auth/actor.ts').Actor;
  }
}
