import {
  createFieldRequest,
  createTeamRequest,
  createUserRequest,
  errorResponse,
  fieldDefinition,
  team,
  updateFieldRequest,
  updateTeamRequest,
  updateUserRequest,
  user,
  uuid,
} from '@sada/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.hooks.ts';
import type { Services } from '../services.ts';

export const peopleRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const { people } = services;

  app.get(
    '/api/users',
    {
      config: { permission: 'user:read' },
      schema: { tags: ['users'], summary: 'Users of the workspace', response: { 200: z.array(user) } },
    },
    async (request) => people.listUsers(actorOf(request)),
  );

  app.post(
    '/api/users',
    {
      config: { permission: 'user:manage' },
      schema: {
        tags: ['users'],
        summary: 'Add a user (admin)',
        body: createUserRequest,
        response: { 201: user, 409: errorResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await people.createUser({ actor: actorOf(request), ...request.body })),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { permission: 'user:manage' },
      schema: {
        tags: ['users'],
        summary: 'Change name, role, password, skills, capacity, shifts or deactivate (admin)',
        params: z.object({ id: uuid }),
        body: updateUserRequest,
        response: { 200: user, 404: errorResponse },
      },
    },
    async (request) =>
      people.updateUser({ actor: actorOf(request), id: request.params.id, changes: request.body }),
  );

  app.get(
    '/api/teams',
    {
      config: { permission: 'team:read' },
      schema: { tags: ['teams'], summary: 'Teams (departments)', response: { 200: z.array(team) } },
    },
    async (request) => people.listTeams(actorOf(request)),
  );

  app.post(
    '/api/teams',
    {
      config: { permission: 'team:manage' },
      schema: {
        tags: ['teams'],
        summary: 'Create a team (admin)',
        body: createTeamRequest,
        response: { 201: team, 409: errorResponse },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await people.createTeam({ actor: actorOf(request), ...request.body })),
  );

  app.patch(
    '/api/teams/:id',
    {
      config: { permission: 'team:manage' },
      schema: {
        tags: ['teams'],
        summary: 'Rename a team, set its members or its assignment mode (admin)',
        params: z.object({ id: uuid }),
        body: updateTeamRequest,
        response: { 200: team, 404: errorResponse },
      },
    },
    async (request) => people.updateTeam({ actor: actorOf(request), id: request.params.id, ...request.body }),
  );

  app.get(
    '/api/fields',
    {
      config: { permission: 'field:read' },
      schema: {
        tags: ['fields'],
        summary: 'Custom case field definitions',
        response: { 200: z.array(fieldDefinition) },
      },
    },
    async (request) => people.listFields(actorOf(request)),
  );

  app.post(
    '/api/fields',
    {
      config: { permission: 'field:manage' },
      schema: {
        tags: ['fields'],
        summary: 'Declare a custom case field (admin)',
        body: createFieldRequest,
        response: { 201: fieldDefinition },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await people.createField({ actor: actorOf(request), field: request.body })),
  );

  app.patch(
    '/api/fields/:key',
    {
      config: { permission: 'field:manage' },
      schema: {
        tags: ['fields'],
        summary: 'Change a custom field (admin); deactivate instead of deleting',
        params: z.object({ key: z.string().max(40) }),
        body: updateFieldRequest,
        response: { 200: fieldDefinition, 404: errorResponse },
      },
    },
    async (request) =>
      people.updateField({ actor: actorOf(request), key: request.params.key, changes: request.body }),
  );
};
