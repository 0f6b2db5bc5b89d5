import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorkspace, startTestServer, type TestServer } from './harness.ts';

// The customer list, newest first, a page at a time: every customer once, whatever the page size.

describe('the customer list in pages', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('walks every customer once, in the order of the whole list, and refuses a cursor it did not give', async () => {
    const { admin } = await createTestWorkspace(server);
    const made: string[] = [];
    for (const name of ['سارة', 'Omar', 'ليلى', 'Nadia', 'خالد', 'Yusuf', 'منى']) {
      const created = await admin.post('/api/customers', { name });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      made.push(created.body.id);
    }

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await admin.get(`/api/customers?limit=3${query}`);
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);

    // The same order as one page holding them all (two made in the same millisecond go by id).
    const whole = await admin.get('/api/customers?limit=100');
    expect(seen).toEqual(whole.body.items.map((item: { id: string }) => item.id));
    expect([...seen].sort()).toEqual([...made].sort());
    expect(pages).toBe(3);
    const forged = await admin.get('/api/customers?cursor=not-a-cursor', { 'accept-language': 'en' });
    expect(forged.status).toBe(400);
    expect(forged.body.error.message).toContain('The cursor is not valid');
  });
});
