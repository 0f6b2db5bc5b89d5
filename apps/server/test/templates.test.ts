import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestWorkspace, useTestServer } from './harness.ts';

const server = useTestServer();

const acknowledgement = {
  name: 'Acknowledgement',
  bodyAr: 'أهلًا {{customer.first_name}}، استلمنا طلبك برقم {{ case.reference }}.',
  bodyEn: 'Hi {{customer.first_name}}, we have your request {{case.reference}}.',
};

describe('reply templates', () => {
  it('lets a supervisor write templates that agents read, sorted by name', async () => {
    const workspace = await createTestWorkspace(server());
    const { client: supervisor } = await workspace.signIn('supervisor');
    const { client: agent } = await workspace.signIn('agent');

    const created = await supervisor.post('/api/templates', acknowledgement);
    await supervisor.post('/api/templates', { name: 'Apology', bodyEn: 'We are sorry, {{customer.name}}.' });

    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      ...acknowledgement,
      createdAt: expect.any(String),
      updatedAt: created.body.createdAt,
    });
    const listed = await agent.get('/api/templates');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((template: { name: string }) => template.name)).toEqual([
      'Acknowledgement',
      'Apology',
    ]);
    expect(listed.body.items.find((item: { id: string }) => item.id === created.body.id)).toEqual(
      created.body,
    );
  });

  it('rewrites one language, keeps the other, and moves updatedAt', async () => {
    const { admin } = await createTestWorkspace(server());
    const created = (await admin.post('/api/templates', acknowledgement)).body;

    const updated = await admin.patch(`/api/templates/${created.id}`, { bodyEn: 'Hello {{customer.name}}.' });

    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      bodyAr: acknowledgement.bodyAr,
      bodyEn: 'Hello {{customer.name}}.',
    });
    expect(Date.parse(updated.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));
  });

  it('deletes a template; it is gone afterwards', async () => {
    const { admin } = await createTestWorkspace(server());
    const created = (await admin.post('/api/templates', acknowledgement)).body;

    const deleted = await admin.delete(`/api/templates/${created.id}`);

    expect(deleted.status).toBe(204);
    expect((await admin.get('/api/templates')).body.items).toEqual([]);
    expect((await admin.delete(`/api/templates/${created.id}`)).status).toBe(404);
    expect((await admin.patch(`/api/templates/${created.id}`, { name: 'Back' })).status).toBe(404);
  });

  it('refuses a second template with the same name in the workspace with 409, in Arabic too', async () => {
    const { admin } = await createTestWorkspace(server());
    const other = (await admin.post('/api/templates', { name: 'Other', bodyEn: 'Hi' })).body;
    await admin.post('/api/templates', acknowledgement);

    const again = await admin.post('/api/templates', acknowledgement, { 'accept-language': 'ar' });
    const renamed = await admin.patch(`/api/templates/${other.id}`, { name: acknowledgement.name });

    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({
      code: 'conflict',
      message: 'يوجد قالب رد باسم "Acknowledgement" مسبقًا.',
    });
    expect(renamed.status).toBe(409);
    expect(renamed.body.error.message).toBe('A reply template named "Acknowledgement" already exists.');
  });

  it('refuses a template with neither an Arabic nor an English body, also after a change', async () => {
    const { admin } = await createTestWorkspace(server());
    const arabicOnly = (await admin.post('/api/templates', { name: 'Arabic', bodyAr: 'شكرًا لك' })).body;

    const empty = await admin.post('/api/templates', { name: 'Empty', bodyAr: '  ', bodyEn: '' });
    const emptied = await admin.patch(`/api/templates/${arabicOnly.id}`, { bodyAr: '' });

    expect(empty.status).toBe(422);
    expect(empty.body.error.fields).toEqual([
      { path: 'body.bodyAr', message: expect.stringContaining('cannot both be empty') },
    ]);
    expect(emptied.status).toBe(422);
    expect((await admin.get('/api/templates')).body.items).toEqual([arabicOnly]);
  });

  it('refuses a variable Sada does not know, naming it and the body it is in', async () => {
    const { admin } = await createTestWorkspace(server());

    const response = await admin.post('/api/templates', {
      name: 'Typo',
      bodyAr: 'أهلًا {{customer.firstname}}',
      bodyEn: 'Hi {{ customer.first_name }}, {{agent.nam}}',
    });

    expect(response.status).toBe(422);
    expect(response.body.error.fields).toEqual([
      { path: 'bodyAr', message: 'unknown variable {{customer.firstname}}' },
      { path: 'bodyEn', message: 'unknown variable {{agent.nam}}' },
    ]);
  });
});

describe('reply templates of another workspace', () => {
  it('are neither listed nor changed nor deleted, and may share a name', async () => {
    const a = await createTestWorkspace(server());
    const b = await createTestWorkspace(server());
    const ofB = (await b.admin.post('/api/templates', acknowledgement)).body;

    const sameName = await a.admin.post('/api/templates', acknowledgement);
    const change = await a.admin.patch(`/api/templates/${ofB.id}`, { bodyEn: 'Taken over' });
    const removal = await a.admin.delete(`/api/templates/${ofB.id}`);

    expect(sameName.status).toBe(201);
    expect(change.status).toBe(404);
    expect(removal.status).toBe(404);
    expect((await a.admin.get('/api/templates')).body.items.map((item: { id: string }) => item.id)).toEqual([
      sameName.body.id,
    ]);
    expect((await b.admin.get('/api/templates')).body.items).toEqual([ofB]);
  });

  it('answers 404 for an id that exists nowhere', async () => {
    const { admin } = await createTestWorkspace(server());

    expect((await admin.patch(`/api/templates/${randomUUID()}`, { name: 'x' })).status).toBe(404);
  });
});
