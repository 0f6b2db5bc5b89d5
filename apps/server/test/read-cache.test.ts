import type { Clock } from '@sada/core';
import { findUserById, findWorkspaceById } from '@sada/db';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createServices, READ_CACHE_TTL_MS } from '../src/services.ts';
import { ApiClient, createCase, createTestWorkspace, useTestServer } from './harness.ts';

// The server keeps an API token's actor and a workspace's custom fields for a moment. These tests
// show that no change is missed for longer than that: at once in the process that made the change,
// within READ_CACHE_TTL_MS in another process (a second set of services over the same database,
// with a clock the test moves).

const server = useTestServer();

function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms) {
      offset += ms;
    },
  };
}

/** Another server process on the same database, as far as its caches go. */
function otherProcess() {
  const clock = movableClock();
  const services = createServices({ database: server().database, clock, config: loadConfig({}) });
  return { services, clock };
}

/** An actor of `services` for a user of a workspace, as the CLI and import make one. */
async function actorOf(services: ReturnType<typeof createServices>, workspaceId: string, userId: string) {
  const workspace = await findWorkspaceById(server().database.orm, workspaceId);
  const user = await findUserById(server().database.orm, workspaceId, userId);
  return { ...services.workspaces.systemActor(workspace!, user!), role: user!.role as 'admin' };
}

async function tokenFor(workspaceId: string, userId: string) {
  const actor = await actorOf(server().services, workspaceId, userId);
  return server().services.auth.createApiToken({ actor, name: 'integration' });
}

describe('API tokens', () => {
  it('stops a token revoked through another server within a second', async () => {
    const workspace = await createTestWorkspace(server());
    const { token, secret } = await tokenFor(workspace.workspaceId, workspace.adminId);
    const other = otherProcess();
    expect(await other.services.auth.actorFromApiToken(secret)).toBeDefined();

    const revoked = await workspace.admin.delete(`/api/me/tokens/${token.id}`);

    expect(revoked.status).toBe(200);
    expect((await new ApiClient(server().baseUrl, { bearer: secret }).get('/api/me')).status).toBe(401);
    other.clock.advance(READ_CACHE_TTL_MS);
    expect(await other.services.auth.actorFromApiToken(secret)).toBeUndefined();
  });

  it("applies a user's new role to their token from the next request", async () => {
    const workspace = await createTestWorkspace(server());
    const agent = await workspace.withToken('agent');
    await createCase(agent.client);

    const demoted = await workspace.admin.patch(`/api/users/${agent.userId}`, { role: 'analyst' });

    expect(demoted.status).toBe(200);
    const refused = await agent.client.post('/api/cases', { subject: 'After the demotion' });
    expect(refused.status).toBe(403);
  });

  it('stops the tokens of a user deactivated through another server within a second', async () => {
    const workspace = await createTestWorkspace(server());
    const agent = await workspace.withToken('agent');
    const { secret } = await tokenFor(workspace.workspaceId, agent.userId);
    const other = otherProcess();
    expect(await other.services.auth.actorFromApiToken(secret)).toBeDefined();

    await workspace.admin.patch(`/api/users/${agent.userId}`, { isActive: false });

    other.clock.advance(READ_CACHE_TTL_MS);
    expect(await other.services.auth.actorFromApiToken(secret)).toBeUndefined();
  });

  it("numbers a token's next case with the workspace's new reference prefix", async () => {
    const workspace = await createTestWorkspace(server());
    const agent = await workspace.withToken('agent');
    await createCase(agent.client);

    const changed = await workspace.admin.patch('/api/workspace', { referencePrefix: 'NEW' });

    expect(changed.status).toBe(200);
    expect((await createCase(agent.client)).referenceNumber).toMatch(/^NEW-\d{4}-000002$/);
  });
});

describe('custom fields', () => {
  it('checks a case against a required field added a moment before', async () => {
    const workspace = await createTestWorkspace(server());
    await createCase(workspace.admin);

    const field = await workspace.admin.post('/api/fields', {
      key: 'order_channel',
      labelAr: 'قناة الطلب',
      labelEn: 'Order channel',
      type: 'text',
      isRequired: true,
    });

    expect(field.status).toBe(201);
    const refused = await workspace.admin.post('/api/cases', { subject: 'No order channel' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields).toEqual([
      expect.objectContaining({ path: 'customFields.order_channel' }),
    ]);
  });

  it('checks cases taken by another server against a field made required here within a second', async () => {
    const workspace = await createTestWorkspace(server());
    await workspace.admin.post('/api/fields', {
      key: 'branch',
      labelAr: 'الفرع',
      labelEn: 'Branch',
      type: 'text',
      isRequired: false,
    });
    const other = otherProcess();
    const actor = await actorOf(other.services, workspace.workspaceId, workspace.adminId);
    const intake = {
      subject: 'Taken by the other server',
      description: '',
      channel: 'phone' as const,
      kind: 'complaint' as const,
      priority: 'P3' as const,
      tags: [],
      customFields: {},
    };
    await other.services.cases.create({ actor, input: intake });

    const changed = await workspace.admin.patch('/api/fields/branch', { isRequired: true });

    expect(changed.status).toBe(200);
    other.clock.advance(READ_CACHE_TTL_MS);
    await expect(other.services.cases.create({ actor, input: intake })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});
