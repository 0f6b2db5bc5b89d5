import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer } from './harness.ts';

// One person writes on several channels; where the platform does not prove it, Sada suggests who may
// be the same person and an agent merges.

describe('customers who may be the same person', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('suggests the same e-mail, phone, handle on another channel or full name, and nobody else', async () => {
    const { admin } = await createTestWorkspace(server);
    const create = async (body: Record<string, unknown>) => {
      const created = await admin.post('/api/customers', body);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      return created.body as { id: string };
    };
    const fahad = await create({
      name: 'فهد الحربى',
      email: 'Fahad@example.com',
      phone: '+966 50 123 4567',
      identities: [{ channel: 'x', externalId: '9001', handle: '@Fahad_H' }],
    });
    const byEmail = await create({ name: 'F. H.', email: 'fahad@EXAMPLE.com' });
    const byPhone = await create({ name: 'رقم فقط', phone: '0501234567' });
    const byHandle = await create({
      name: 'fahad.h',
      identities: [{ channel: 'instagram', externalId: '17841', handle: 'fahad_h' }],
    });
    const byName = await create({ name: 'فهد الحربي' });
    // Not the same person: a first name only, a handle on the same channel, another phone.
    await create({ name: 'فهد' });
    await create({ name: 'Other', identities: [{ channel: 'x', externalId: '9002', handle: 'fahad_h2' }] });
    await create({ name: 'Another', phone: '+966 55 999 0000' });
    const merged = await create({ name: 'Old duplicate', email: 'fahad@example.com' });
    expect((await admin.post(`/api/customers/${byEmail.id}/merge`, { sourceId: merged.id })).status).toBe(
      200,
    );

    const other = await createTestWorkspace(server);
    await other.admin.post('/api/customers', { name: 'فهد الحربي', email: 'fahad@example.com' });

    const answer = await admin.get(`/api/customers/${fahad.id}/lookalikes`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const reasons = Object.fromEntries(
      (answer.body as { customer: { id: string }; reasons: string[] }[]).map((item) => [
        item.customer.id,
        item.reasons,
      ]),
    );
    expect(reasons).toEqual({
      [byEmail.id]: ['email'],
      [byPhone.id]: ['phone'],
      [byHandle.id]: ['handle'],
      [byName.id]: ['name'],
    });

    // Merging a suggestion makes it disappear from the suggestions.
    expect((await admin.post(`/api/customers/${fahad.id}/merge`, { sourceId: byPhone.id })).status).toBe(200);
    const after = (await admin.get(`/api/customers/${fahad.id}/lookalikes`)).body as {
      customer: { id: string };
    }[];
    expect(after.map((item) => item.customer.id)).not.toContain(byPhone.id);

    const stranger = await other.admin.get(`/api/customers/${fahad.id}/lookalikes`);
    expect(stranger.status).toBe(404);
  });
});
