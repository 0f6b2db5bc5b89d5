import { describe, expect, it } from 'vitest';
import { createCase, createTestWorkspace, useTestServer } from './harness.ts';

const server = useTestServer();

const year = new Date().getUTCFullYear();

describe('case intake', () => {
  it('gives each new case a reference number of prefix, year and sequence', async () => {
    const { admin } = await createTestWorkspace(server(), { referencePrefix: 'ACME' });
    const first = await createCase(admin);
    const second = await createCase(admin);
    expect(first.referenceNumber).toMatch(new RegExp(`^ACME-(${year}|${year + 1})-000001$`));
    expect(second.referenceNumber).toBe(first.referenceNumber.replace('000001', '000002'));
    expect(first.status).toBe('new');
    expect(first.timeline).toHaveLength(1);
    expect(first.timeline[0]).toMatchObject({ type: 'case.created', actorLabel: 'Admin' });
  });

  it('hands out unique, gapless reference numbers under concurrent creation', async () => {
    const { admin } = await createTestWorkspace(server());
    const created = await Promise.all(
      Array.from({ length: 24 }, (_, index) => createCase(admin, { subject: `Case ${index}` })),
    );
    const sequences = created.map((body) => Number(body.referenceNumber.split('-')[2])).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 24 }, (_, index) => index + 1));
  });

  it('threads simultaneous first messages of one new identity into one customer', async () => {
    const { admin } = await createTestWorkspace(server());
    const identity = { channel: 'telegram', externalId: '987654', handle: '@same_person' };
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        createCase(admin, { subject: `Burst ${index}`, customer: { identity } }),
      ),
    );
    expect(new Set(created.map((body) => body.customerId)).size).toBe(1);
    const customers = (await admin.get('/api/customers?q=same_person')).body.items;
    expect(customers).toHaveLength(1);
    expect(customers[0].caseCount).toBe(8);
  });

  it('records every detail given at intake and finds or creates the customer by identity', async () => {
    const { admin } = await createTestWorkspace(server());
    const team = (await admin.post('/api/teams', { name: 'Delivery' })).body;
    const intake = {
      subject: 'الطلب ما وصل',
      description: 'طلبت يوم الأحد وما وصل شي',
      channel: 'phone',
      kind: 'complaint',
      category: 'delivery',
      product: 'Express',
      orderReference: 'ORD-77',
      region: 'الرياض',
      priority: 'P2',
      sentiment: 'negative',
      language: 'ar',
      teamId: team.id,
      tags: ['late', 'late', 'vip'],
      customer: { name: 'خالد', phone: '+966500000009' },
    };
    const first = await createCase(admin, intake);
    const { customer: _customer, ...fields } = intake;
    expect(first).toMatchObject({ ...fields, tags: ['late', 'vip'], customerName: 'خالد' });
    const second = await createCase(admin, { subject: 'Again', customer: { phone: '+966500000009' } });
    expect(second.customerId).toBe(first.customerId);
    const customer = (await admin.get(`/api/customers/${first.customerId}`)).body;
    expect(customer.identities).toEqual([
      expect.objectContaining({ channel: 'phone', externalId: '+966500000009' }),
    ]);
  });

  it('validates custom fields against the definitions the workspace declares', async () => {
    const { admin } = await createTestWorkspace(server());
    const field = await admin.post('/api/fields', {
      key: 'purchase_channel',
      labelAr: 'مكان الشراء',
      labelEn: 'Purchased through',
      type: 'select',
      isRequired: true,
      options: ['app', 'store'],
    });
    expect(field.status).toBe(201);
    const missing = await admin.post('/api/cases', { subject: 'No field' });
    expect(missing.status).toBe(422);
    expect(missing.body.error.fields).toEqual([
      { path: 'customFields.purchase_channel', message: 'is required' },
    ]);
    const wrong = await admin.post('/api/cases', {
      subject: 'Bad',
      customFields: { purchase_channel: 'web' },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.fields[0].message).toContain('app, store');
    const good = await createCase(admin, { customFields: { purchase_channel: 'app' } });
    expect(good.customFields).toEqual({ purchase_channel: 'app' });
  });
});

describe('case changes and the timeline', () => {
  it('appends an event with before and after for each change, and none for a no-op', async () => {
    const { admin } = await createTestWorkspace(server());
    const created = await createCase(admin, { priority: 'P3', tags: ['a'] });
    const ref = created.referenceNumber;
    const patched = await admin.patch(`/api/cases/${ref}`, {
      priority: 'P1',
      category: 'billing',
      tags: ['a'],
    });
    expect(patched.status).toBe(200);
    expect(patched.body.priority).toBe('P1');
    const update = patched.body.timeline.at(-1);
    expect(update.type).toBe('case.updated');
    expect(update.changes).toEqual({
      priority: { before: 'P3', after: 'P1' },
      category: { before: null, after: 'billing' },
    });
    const again = await admin.patch(`/api/cases/${ref}`, { priority: 'P1' });
    expect(again.body.timeline).toHaveLength(patched.body.timeline.length);
  });

  it('never lets the timeline be rewritten, even by SQL', async () => {
    const { admin } = await createTestWorkspace(server());
    const created = await createCase(admin);
    await expect(
      server().database.query('UPDATE case_event SET type = $1 WHERE case_id = $2', ['x', created.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      server().database.query('DELETE FROM case_event WHERE case_id = $1', [created.id]),
    ).rejects.toThrow(/append-only/);
  });

  it('moves through the lifecycle, stamps resolution and closing, and reopens', async () => {
    const { admin } = await createTestWorkspace(server());
    const ref = (await createCase(admin)).referenceNumber;
    for (const to of ['open', 'pending', 'resolved']) {
      expect((await admin.post(`/api/cases/${ref}/transition`, { to })).status).toBe(200);
    }
    const closed = (
      await admin.post(`/api/cases/${ref}/transition`, { to: 'closed', reason: 'customer confirmed' })
    ).body;
    expect(closed.status).toBe('closed');
    expect(closed.resolvedAt).not.toBeNull();
    expect(closed.closedAt).not.toBeNull();
    expect(closed.timeline.at(-1).changes).toEqual({
      status: { before: 'resolved', after: 'closed' },
      reason: 'customer confirmed',
    });
    const reopened = (await admin.post(`/api/cases/${ref}/transition`, { to: 'open' })).body;
    expect(reopened).toMatchObject({ status: 'open', resolvedAt: null, closedAt: null });
    expect(reopened.timeline.at(-1).changes.isReopen).toBe(true);
  });

  it('refuses a transition the lifecycle does not allow and says what is allowed', async () => {
    const { admin } = await createTestWorkspace(server());
    const ref = (await createCase(admin)).referenceNumber;
    const refused = await admin.post(`/api/cases/${ref}/transition`, { to: 'closed' });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      code: 'invalid_transition',
      message: 'A case cannot move from new to closed; from new it can move to: open, pending, resolved.',
    });
    expect((await admin.get(`/api/cases/${ref}`)).body.status).toBe('new');
  });

  it('assigns to a team and an active agent, and refuses analysts and strangers', async () => {
    const workspace = await createTestWorkspace(server());
    const { admin } = workspace;
    const agent = await workspace.signIn('agent');
    const analyst = await workspace.signIn('analyst');
    const team = (await admin.post('/api/teams', { name: 'Billing', memberIds: [agent.userId] })).body;
    const ref = (await createCase(admin)).referenceNumber;
    const assigned = await admin.post(`/api/cases/${ref}/assign`, {
      teamId: team.id,
      assigneeId: agent.userId,
    });
    expect(assigned.body).toMatchObject({ teamId: team.id, assigneeId: agent.userId });
    expect(
      assigned.body.timeline.filter((event: { type: string }) => event.type === 'case.assigned'),
    ).toMatchObject([
      {
        type: 'case.assigned',
        changes: {
          teamId: { before: null, after: team.id },
          assigneeId: { before: null, after: agent.userId },
        },
      },
    ]);
    // The customer is told that the Billing team has their case.
    expect(assigned.body.messages.at(-1)).toMatchObject({ direction: 'outbound', isAutomatic: true });
    expect(assigned.body.messages.at(-1).body).toContain('Billing');
    expect((await admin.post(`/api/cases/${ref}/assign`, { assigneeId: analyst.userId })).status).toBe(422);
    expect((await admin.post(`/api/cases/${ref}/assign`, { assigneeId: crypto.randomUUID() })).status).toBe(
      422,
    );
    const cleared = await admin.post(`/api/cases/${ref}/assign`, { assigneeId: null });
    expect(cleared.body.assigneeId).toBeNull();
  });
});

describe('messages', () => {
  it('keeps replies, private replies, notes and logged customer messages in one thread', async () => {
    const { admin } = await createTestWorkspace(server());
    const ref = (await createCase(admin, { channel: 'whatsapp' })).referenceNumber;
    const reply = await admin.post(`/api/cases/${ref}/messages`, {
      type: 'reply',
      body: 'نعتذر، سنتابع طلبك',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ direction: 'outbound', visibility: 'public', channel: 'whatsapp' });
    await admin.post(`/api/cases/${ref}/messages`, {
      type: 'reply',
      visibility: 'private',
      body: 'Please DM us your order number',
    });
    await admin.post(`/api/cases/${ref}/messages`, {
      type: 'note',
      visibility: 'public',
      body: 'Courier says tomorrow',
      attachments: [{ name: 'waybill.pdf', contentType: 'application/pdf', size: 2048 }],
    });
    await admin.post(`/api/cases/${ref}/messages`, { type: 'inbound', body: 'Order ORD-1' });
    const detail = (await admin.get(`/api/cases/${ref}`)).body;
    expect(detail.messages.map((message: any) => [message.direction, message.visibility])).toEqual([
      ['outbound', 'public'],
      ['outbound', 'private'],
      ['note', 'private'],
      ['inbound', 'public'],
    ]);
    expect(detail.messages[2].attachments).toEqual([
      { name: 'waybill.pdf', contentType: 'application/pdf', size: 2048 },
    ]);
    expect(detail.timeline.filter((event: any) => event.type === 'message.added')).toHaveLength(4);
  });

  it('opens a new case on the first reply and brings a pending case back when the customer writes', async () => {
    const { admin } = await createTestWorkspace(server());
    const ref = (await createCase(admin)).referenceNumber;
    await admin.post(`/api/cases/${ref}/messages`, { type: 'note', body: 'looking' });
    expect((await admin.get(`/api/cases/${ref}`)).body.status).toBe('new');
    await admin.post(`/api/cases/${ref}/messages`, {
      type: 'reply',
      body: 'Could you send the order number?',
    });
    expect((await admin.get(`/api/cases/${ref}`)).body.status).toBe('open');
    await admin.post(`/api/cases/${ref}/transition`, { to: 'pending' });
    await admin.post(`/api/cases/${ref}/messages`, { type: 'inbound', body: 'ORD-55' });
    const detail = (await admin.get(`/api/cases/${ref}`)).body;
    expect(detail.status).toBe('open');
    expect(detail.timeline.at(-1).changes).toEqual({
      status: { before: 'pending', after: 'open' },
      reason: 'the customer wrote',
    });
  });
});

describe('listing and search', () => {
  it('filters by status, team, assignee, priority, channel, kind, category and tag', async () => {
    const workspace = await createTestWorkspace(server());
    const { admin } = workspace;
    const agent = await workspace.signIn('agent');
    const team = (await admin.post('/api/teams', { name: 'Tech' })).body;
    const a = await createCase(admin, {
      priority: 'P1',
      channel: 'x',
      kind: 'complaint',
      category: 'billing',
      tags: ['vip'],
      teamId: team.id,
    });
    const b = await createCase(admin, {
      priority: 'P4',
      channel: 'email',
      kind: 'question',
      assigneeId: agent.userId,
    });
    await admin.post(`/api/cases/${b.referenceNumber}/transition`, { to: 'open' });
    const refs = async (query: string, client = admin) =>
      (await client.get(`/api/cases?${query}`)).body.items.map((item: any) => item.referenceNumber);
    expect(await refs('priority=P1')).toEqual([a.referenceNumber]);
    expect(await refs('status=open')).toEqual([b.referenceNumber]);
    expect(await refs('status=new,open')).toEqual([b.referenceNumber, a.referenceNumber]);
    expect(await refs(`team=${team.id}`)).toEqual([a.referenceNumber]);
    expect(await refs('team=none')).toEqual([b.referenceNumber]);
    expect(await refs('assignee=me', agent.client)).toEqual([b.referenceNumber]);
    expect(await refs('assignee=none')).toEqual([a.referenceNumber]);
    expect(await refs('channel=email&kind=question')).toEqual([b.referenceNumber]);
    expect(await refs('category=billing&tag=vip')).toEqual([a.referenceNumber]);
    expect(await refs(`customer=${crypto.randomUUID()}`)).toEqual([]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(await refs(`createdFrom=${encodeURIComponent(future)}`)).toEqual([]);
  });

  it('pages with keyset cursors without skipping or repeating a case, in every sort order', async () => {
    const { admin } = await createTestWorkspace(server());
    const priorities = ['P1', 'P2', 'P3', 'P4'];
    const created = [];
    for (let index = 0; index < 11; index += 1) {
      created.push(await createCase(admin, { subject: `Case ${index}`, priority: priorities[index % 4] }));
    }
    for (const sort of ['-createdAt', 'createdAt', 'priority', '-priority', '-updatedAt']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = (
          await admin.get(`/api/cases?limit=4&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`)
        ).body;
        seen.push(...page.items.map((item: any) => item.referenceNumber));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen).size, sort).toBe(11);
      expect(seen).toHaveLength(11);
    }
    const newestFirst = (await admin.get('/api/cases?limit=3')).body.items.map((item: any) => item.subject);
    expect(newestFirst).toEqual(['Case 10', 'Case 9', 'Case 8']);
    const bad = await admin.get('/api/cases?cursor=not-a-cursor');
    expect(bad.status).toBe(400);
  });

  it('finds Arabic text whatever its hamza, ta marbuta, diacritics or tatweel', async () => {
    const { admin } = await createTestWorkspace(server());
    const luggage = await createCase(admin, { subject: 'الأمتعة المفقودة في المطار', description: '' });
    const refund = await createCase(admin, {
      subject: 'استرداد المبلغ',
      description: 'خُصِم مرتين من البطاقة',
    });
    await createCase(admin, { subject: 'Late delivery', description: 'Courier never came' });
    const search = async (q: string) =>
      (await admin.get(`/api/cases?q=${encodeURIComponent(q)}`)).body.items.map(
        (item: any) => item.referenceNumber,
      );
    expect(await search('امتعه')).toEqual([luggage.referenceNumber]);
    expect(await search('أمتعـــة')).toEqual([luggage.referenceNumber]);
    expect(await search('خصم')).toEqual([refund.referenceNumber]);
    expect(await search('إسترداد')).toEqual([refund.referenceNumber]);
    expect(await search('كرتون')).toEqual([]);
  });

  it('finds English words by their stem and searches message bodies too', async () => {
    const { admin } = await createTestWorkspace(server());
    const late = await createCase(admin, { subject: 'Late deliveries again', description: '' });
    const other = await createCase(admin, { subject: 'Question', description: '' });
    await admin.post(`/api/cases/${other.referenceNumber}/messages`, {
      type: 'inbound',
      body: 'My invoice number is ٤٥٦٧',
    });
    const search = async (q: string) =>
      (await admin.get(`/api/cases?q=${encodeURIComponent(q)}`)).body.items.map(
        (item: any) => item.referenceNumber,
      );
    expect(await search('delivery')).toEqual([late.referenceNumber]);
    expect(await search('invoices')).toEqual([other.referenceNumber]);
    expect(await search('4567')).toEqual([other.referenceNumber]);
    expect(await search('late invoice')).toEqual([]);
  });

  it('updates the search document when the subject changes', async () => {
    const { admin } = await createTestWorkspace(server());
    const created = await createCase(admin, { subject: 'Printer broken', description: '' });
    await admin.post(`/api/cases/${created.referenceNumber}/messages`, { type: 'note', body: 'toner' });
    await admin.patch(`/api/cases/${created.referenceNumber}`, { subject: 'Scanner broken' });
    const search = async (q: string) => (await admin.get(`/api/cases?q=${q}`)).body.items.length;
    expect(await search('printer')).toBe(0);
    expect(await search('scanner')).toBe(1);
    expect(await search('toner')).toBe(1);
  });
});

describe('customers', () => {
  it('merges two customers: identities and cases move, the timeline and an audit record say so', async () => {
    const { admin } = await createTestWorkspace(server());
    const fromX = await createCase(admin, {
      customer: { name: 'Khalid', identity: { channel: 'x', externalId: '111', handle: '@khalid' } },
    });
    const fromMail = await createCase(admin, { customer: { name: 'Khalid S', email: 'khalid@example.com' } });
    const merged = await admin.post(`/api/customers/${fromMail.customerId}/merge`, {
      sourceId: fromX.customerId,
    });
    expect(merged.status).toBe(200);
    expect(merged.body.identities.map((identity: any) => identity.channel).sort()).toEqual(['email', 'x']);
    const moved = (await admin.get(`/api/cases/${fromX.referenceNumber}`)).body;
    expect(moved.customerId).toBe(fromMail.customerId);
    expect(moved.timeline.at(-1)).toMatchObject({
      type: 'case.customer_changed',
      changes: { customerId: { before: fromX.customerId, after: fromMail.customerId } },
    });
    const source = (await admin.get(`/api/customers/${fromX.customerId}`)).body;
    expect(source.mergedIntoId).toBe(fromMail.customerId);
    expect(source.identities).toEqual([]);
    const audit = await server().database.query<{ action: string; details: any }>(
      'SELECT action, details FROM audit_record WHERE subject_id = $1',
      [fromMail.customerId],
    );
    expect(audit).toEqual([
      {
        action: 'customer.merged',
        details: expect.objectContaining({
          sourceId: fromX.customerId,
          movedCaseReferences: [fromX.referenceNumber],
        }),
      },
    ]);
    const listed = (await admin.get('/api/customers?q=khalid')).body.items;
    expect(listed.map((customer: any) => customer.id)).toEqual([fromMail.customerId]);
    expect(listed[0].caseCount).toBe(2);
    const next = await createCase(admin, { customer: { identity: { channel: 'x', externalId: '111' } } });
    expect(next.customerId).toBe(fromMail.customerId);
  });

  it('refuses an identity that already belongs to another customer', async () => {
    const { admin } = await createTestWorkspace(server());
    await admin.post('/api/customers', {
      name: 'A',
      identities: [{ channel: 'telegram', externalId: '42' }],
    });
    const second = await admin.post('/api/customers', {
      name: 'B',
      identities: [{ channel: 'telegram', externalId: '42' }],
    });
    expect(second.status).toBe(409);
    expect((await admin.get('/api/customers?q=B')).body.items).toEqual([]);
  });

  it('searches customers by name, e-mail, phone and handle in Arabic and English', async () => {
    const { admin } = await createTestWorkspace(server());
    await admin.post('/api/customers', { name: 'ريم القحطاني', phone: '+966500000001' });
    await admin.post('/api/customers', {
      name: 'Sarah',
      email: 'Sarah@Example.com',
      identities: [{ channel: 'instagram', externalId: '9', handle: '@sarah.j' }],
    });
    const names = async (q: string) =>
      (await admin.get(`/api/customers?q=${encodeURIComponent(q)}`)).body.items.map((c: any) => c.name);
    expect(await names('القحطانى')).toEqual(['ريم القحطاني']);
    expect(await names('sarah@example')).toEqual(['Sarah']);
    expect(await names('sarah.j')).toEqual(['Sarah']);
    expect(await names('500000001')).toEqual(['ريم القحطاني']);
  });
});

describe('errors in the language of the caller', () => {
  it('answers in Arabic when the request prefers Arabic, in English otherwise', async () => {
    const { admin } = await createTestWorkspace(server());
    const ref = (await createCase(admin)).referenceNumber;
    const arabic = { 'accept-language': 'ar-SA,ar;q=0.9,en;q=0.5' };
    const refused = await admin.post(`/api/cases/${ref}/transition`, { to: 'closed' }, arabic);
    expect(refused.headers.get('content-language')).toBe('ar');
    expect(refused.body.error.message).toBe(
      'لا يمكن نقل الحالة من «جديدة» إلى «مغلقة»؛ المسموح من «جديدة»: «مفتوحة»، «بانتظار العميل»، «محلولة».',
    );
    const invalid = await admin.post(
      '/api/users',
      { email: 'x@y.test', name: 'X', role: 'agent', password: 'short' },
      arabic,
    );
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.message).toBe('بعض الحقول غير صحيحة؛ انظر error.fields.');
    expect(invalid.body.error.fields).toEqual([
      { path: 'body.password', message: 'استخدم 10 أحرف على الأقل.' },
    ]);
    const badEnum = await admin.post('/api/cases', { subject: 'x', priority: 'P9' }, arabic);
    expect(badEnum.body.error.fields[0].path).toBe('body.priority');
    expect(badEnum.body.error.fields[0].message).toMatch(/[\u0600-\u06FF]/);
    const missing = await admin.get('/api/cases/TST-2000-000999', arabic);
    expect(missing.body.error.message).toBe('لا توجد حالة برقم TST-2000-000999 في مساحة العمل هذه.');
    const english = await admin.post('/api/users', {
      email: 'x@y.test',
      name: 'X',
      role: 'agent',
      password: 'short',
    });
    expect(english.headers.get('content-language')).toBe('en');
    expect(english.body.error.fields).toEqual([
      { path: 'body.password', message: 'Use at least 10 characters.' },
    ]);
  });
});
