import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ApiClient, createCase, createTestWorkspace, useTestServer } from './harness.ts';

const server = useTestServer();

const referencesOf = (page: { items: { referenceNumber: string }[] }) =>
  page.items.map((item) => item.referenceNumber);

describe('malformed requests', () => {
  it('answers malformed JSON with 400 bad_request and creates nothing', async () => {
    const { admin } = await createTestWorkspace(server());

    const response = await admin.request('POST', '/api/cases', '{"subject": "Broken', {
      'content-type': 'application/json',
    });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'bad_request', message: expect.any(String) } });
    expect((await admin.get('/api/cases')).body.items).toEqual([]);
  });

  it('answers a body over 1 MiB with 413 payload_too_large', async () => {
    const { admin } = await createTestWorkspace(server());
    const body = JSON.stringify({ subject: 'Too long', description: 'x'.repeat(1024 * 1024) });

    const response = await admin.request('POST', '/api/cases', body);

    expect(response.status).toBe(413);
    expect(response.body).toEqual({ error: { code: 'payload_too_large', message: expect.any(String) } });
  });

  it('names an unknown body field in error.fields with 422', async () => {
    const { admin } = await createTestWorkspace(server());

    const response = await admin.post('/api/cases', { subject: 'Charged twice', shoeSize: 44 });

    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.fields).toEqual([
      { path: 'body', message: expect.stringContaining('shoeSize') },
    ]);
  });

  it('refuses an unknown query parameter on GET /api/cases with 422', async () => {
    const { admin } = await createTestWorkspace(server());

    const response = await admin.get('/api/cases?colour=red');

    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('validation_failed');
    expect(response.body.error.fields).toEqual([
      { path: 'querystring', message: expect.stringContaining('colour') },
    ]);
  });

  it('names the field of an invalid enum value with 422, in the body and in the query', async () => {
    const { admin } = await createTestWorkspace(server());

    const inBody = await admin.post('/api/cases', { subject: 'Charged twice', priority: 'P9' });
    const inQuery = await admin.get('/api/cases?status=archived');

    expect(inBody.status).toBe(422);
    expect(inBody.body.error.fields).toEqual([
      { path: 'body.priority', message: expect.stringContaining('P1') },
    ]);
    expect(inQuery.status).toBe(422);
    expect(inQuery.body.error.fields).toEqual([
      { path: expect.stringMatching(/^querystring\.status/), message: expect.any(String) },
    ]);
  });

  it('answers an unknown route with a 404 JSON error', async () => {
    const { admin } = await createTestWorkspace(server());

    const signedIn = await admin.get('/api/complaints');
    const anonymous = await new ApiClient(server().baseUrl).post('/api/cases/TST-2026-000001/escalate', {});

    for (const response of [signedIn, anonymous]) {
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    }
  });
});

describe('domain errors', () => {
  it('refuses new → closed with 409 invalid_transition, naming the allowed statuses, and leaves the case as it was', async () => {
    const { admin } = await createTestWorkspace(server());
    const created = await createCase(admin);

    const response = await admin.post(`/api/cases/${created.referenceNumber}/transition`, { to: 'closed' });

    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('invalid_transition');
    expect(response.body.error.message).toContain('open, pending, resolved');
    const after = await admin.get(`/api/cases/${created.referenceNumber}`);
    expect(after.body).toMatchObject({ status: 'new', closedAt: null, updatedAt: created.updatedAt });
    expect(after.body.timeline.map((event: { type: string }) => event.type)).toEqual(['case.created']);
  });

  it.each([
    ['an invalid custom field', { customFields: { product_line: 'satellite' } }, 'customFields.product_line'],
    ['a required custom field left out', {}, 'customFields.product_line'],
    [
      'a team that does not exist',
      { customFields: { product_line: 'fiber' }, teamId: randomUUID() },
      'teamId',
    ],
  ])('writes neither customer nor case when a case with a new customer has %s', async (_cause, extra, path) => {
    const { admin } = await createTestWorkspace(server());
    const field = await admin.post('/api/fields', {
      key: 'product_line',
      labelAr: 'الخدمة',
      labelEn: 'Product line',
      type: 'select',
      options: ['mobile', 'fiber'],
      isRequired: true,
    });
    expect(field.status).toBe(201);

    const response = await admin.post('/api/cases', {
      subject: 'No signal since Monday',
      customer: { name: 'Huda Alharbi', identity: { channel: 'whatsapp', externalId: '+966511112222' } },
      ...extra,
    });

    expect(response.status).toBe(422);
    expect(response.body.error.fields).toEqual([{ path, message: expect.any(String) }]);
    expect((await admin.get('/api/customers?q=966511112222')).body.items).toEqual([]);
    expect((await admin.get('/api/customers?q=Huda')).body.items).toEqual([]);
    expect((await admin.get('/api/cases')).body.items).toEqual([]);
  });
});

describe('Idempotency-Key', () => {
  it('answers a repeated request with the first answer and creates one case', async () => {
    const { admin } = await createTestWorkspace(server());
    const headers = { 'idempotency-key': randomUUID() };
    const body = { subject: 'Refund not received', priority: 'P2' };

    const first = await admin.post('/api/cases', body, headers);
    const second = await admin.post('/api/cases', body, headers);

    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(referencesOf((await admin.get('/api/cases')).body)).toEqual([first.body.referenceNumber]);
  });

  it('refuses the same key with a different body with 422', async () => {
    const { admin } = await createTestWorkspace(server());
    const headers = { 'idempotency-key': randomUUID() };
    const first = await admin.post('/api/cases', { subject: 'Refund not received' }, headers);

    const reused = await admin.post('/api/cases', { subject: 'Something else entirely' }, headers);

    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('validation_failed');
    expect(referencesOf((await admin.get('/api/cases')).body)).toEqual([first.body.referenceNumber]);
  });

  it('creates exactly one case from five concurrent requests with the same key', async () => {
    const { admin } = await createTestWorkspace(server());
    const headers = { 'idempotency-key': randomUUID() };
    const body = { subject: 'Double-clicked submit' };

    const answers = await Promise.all(
      Array.from({ length: 5 }, () => admin.post('/api/cases', body, headers)),
    );

    const created = answers.filter((answer) => answer.status === 201);
    const stillRunning = answers.filter((answer) => answer.status === 409);
    expect(created.length + stillRunning.length, `statuses ${answers.map((a) => a.status)}`).toBe(5);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((answer) => answer.body.referenceNumber)).size).toBe(1);
    for (const answer of stillRunning) expect(answer.body.error.code).toBe('conflict');
    expect((await admin.get('/api/cases')).body.items).toHaveLength(1);
  });

  it('frees the key when the request fails, so a corrected retry with it succeeds', async () => {
    const { admin } = await createTestWorkspace(server());
    const headers = { 'idempotency-key': randomUUID() };

    const failed = await admin.post(
      '/api/cases',
      { subject: 'Assigned to nobody', teamId: randomUUID() },
      headers,
    );
    const retried = await admin.post('/api/cases', { subject: 'Assigned to nobody' }, headers);

    expect(failed.status).toBe(422);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(referencesOf((await admin.get('/api/cases')).body)).toEqual([retried.body.referenceNumber]);
  });
});
