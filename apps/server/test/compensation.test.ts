import type { Clock } from '@sada/core';
import { describe, expect, it } from 'vitest';
import {
  type ApiClient,
  createCase,
  createTestWorkspace,
  type TestWorkspace,
  useTestServer,
} from './harness.ts';

// The compensation policy, compensation given directly, approvals, and the ledger with its totals.

// The server's clock stands still unless a test moves it (months of the ledger are read at exact instants).
let now = new Date('2026-03-31T22:30:00Z');
const clock: Clock = { now: () => now };
const server = useTestServer({ clock });

async function newTeam(workspace: TestWorkspace, name: string): Promise<string> {
  const created = await workspace.admin.post('/api/teams', { name });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id;
}

async function setPolicy(workspace: TestWorkspace, policy: Record<string, unknown>) {
  const response = await workspace.admin.request('PUT', '/api/compensation/policy', policy);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

const give = (client: ApiClient, reference: string, body: Record<string, unknown>) =>
  client.post(`/api/cases/${reference}/compensations`, body);

/** Gives compensation and checks the request was taken. */
async function given(client: ApiClient, reference: string, body: Record<string, unknown>) {
  const response = await give(client, reference, body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

describe('compensation policy', () => {
  it('starts with every type, SAR, and limits of 100 (agent) and 1000 (supervisor)', async () => {
    const workspace = await createTestWorkspace(server());

    const policy = await workspace.admin.get('/api/compensation/policy');

    expect(policy.status).toBe(200);
    expect(policy.body).toEqual({
      types: [
        'refund',
        'replacement',
        'discount',
        'voucher',
        'repair',
        'apology',
        'service_credit',
        'explanation',
      ],
      currencies: ['SAR'],
      limits: { agent: { SAR: 100 }, supervisor: { SAR: 1000 } },
      teamBudgets: {},
    });
  });

  it('refuses limits in a currency the policy does not have and budgets of unknown teams', async () => {
    const workspace = await createTestWorkspace(server());
    const other = await createTestWorkspace(server());
    const foreignTeam = await newTeam(other, 'Elsewhere');

    const badCurrency = await workspace.admin.request('PUT', '/api/compensation/policy', {
      types: ['refund'],
      currencies: ['SAR'],
      limits: { agent: { USD: 50 }, supervisor: {} },
    });
    const lowercase = await workspace.admin.request('PUT', '/api/compensation/policy', {
      types: ['refund'],
      currencies: ['sar'],
      limits: { agent: {}, supervisor: {} },
    });
    const badTeam = await workspace.admin.request('PUT', '/api/compensation/policy', {
      types: ['refund'],
      currencies: ['SAR'],
      limits: { agent: {}, supervisor: {} },
      teamBudgets: { [foreignTeam]: { SAR: 100 } },
    });

    expect(badCurrency.status).toBe(422);
    expect(badCurrency.body.error.fields[0].path).toBe('body.limits.agent.USD');
    expect(lowercase.status).toBe(422);
    expect(badTeam.status).toBe(422);
    expect(badTeam.body.error.message).toContain('not in this workspace');
    const unchanged = await workspace.admin.get('/api/compensation/policy');
    expect(unchanged.body.currencies).toEqual(['SAR']);
  });

  it('keeps what an admin saves, and refuses a type it does not enable', async () => {
    const workspace = await createTestWorkspace(server());
    const team = await newTeam(workspace, 'Billing');
    const saved = await setPolicy(workspace, {
      types: ['refund', 'apology'],
      currencies: ['SAR', 'USD'],
      limits: { agent: { SAR: 50, USD: 10 }, supervisor: { SAR: 500 } },
      teamBudgets: { [team]: { SAR: 2000 } },
    });
    const created = await createCase(workspace.admin);

    const voucher = await give(workspace.admin, created.referenceNumber, {
      type: 'voucher',
      amount: 20,
      currency: 'SAR',
      reason: 'Goodwill',
    });

    expect(saved).toMatchObject({ types: ['refund', 'apology'], teamBudgets: { [team]: { SAR: 2000 } } });
    expect((await workspace.admin.get('/api/compensation/policy')).body).toEqual(saved);
    expect(voucher.status).toBe(422);
  });
});

describe('compensation given directly and approvals', () => {
  it('gives within the limit at once; above it waits, and only another lead can approve', async () => {
    const workspace = await createTestWorkspace(server());
    const { client: agent, userId: agentId } = await workspace.signIn('agent');
    const { client: supervisor } = await workspace.signIn('supervisor');
    const created = await createCase(workspace.admin, { customer: { name: 'Nora' } });

    const small = await give(agent, created.referenceNumber, {
      type: 'refund',
      amount: 80,
      currency: 'SAR',
      reason: 'Late delivery',
    });
    const large = await give(agent, created.referenceNumber, {
      type: 'refund',
      amount: 400,
      currency: 'SAR',
      reason: 'Broken on arrival',
    });
    const missingAmount = await give(agent, created.referenceNumber, { type: 'refund', reason: 'No amount' });

    expect(small.status).toBe(201);
    expect(small.body).toMatchObject({ status: 'given', amount: 80, currency: 'SAR' });
    expect(small.body.givenAt).not.toBeNull();
    expect(large.body).toMatchObject({ status: 'pending_approval', givenAt: null });
    expect(missingAmount.status).toBe(422);

    const pending = await supervisor.get('/api/compensations/pending');
    expect(pending.body.items).toHaveLength(1);
    expect(pending.body.items[0]).toMatchObject({
      id: large.body.id,
      case: { referenceNumber: created.referenceNumber, subject: created.subject },
      customer: { name: 'Nora' },
      requestedBy: { id: agentId },
      customerHistory: { caseCount: 1, givenTotals: [{ currency: 'SAR', count: 1, total: 80 }] },
    });

    const byAgent = await agent.post(`/api/compensations/${large.body.id}/approve`, {});
    expect(byAgent.status).toBe(403);

    const approved = await supervisor.post(`/api/compensations/${large.body.id}/approve`, { reason: 'Fair' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'given', decisionReason: 'Fair' });
    const again = await supervisor.post(`/api/compensations/${large.body.id}/approve`, {});
    expect(again.status).toBe(409);

    const detail = await workspace.admin.get(`/api/cases/${created.referenceNumber}`);
    const types = (detail.body.timeline as { type: string }[]).map((event) => event.type);
    expect(types).toEqual(
      expect.arrayContaining(['compensation.given', 'compensation.requested', 'compensation.approved']),
    );
    const notifications = await agent.get('/api/notifications');
    expect(notifications.body.items.map((item: { type: string }) => item.type)).toContain(
      'compensation.approved',
    );
  });

  it('never lets anyone decide their own request, in either language', async () => {
    const workspace = await createTestWorkspace(server());
    const { client: supervisor } = await workspace.signIn('supervisor');
    const created = await createCase(workspace.admin);
    const request = await give(supervisor, created.referenceNumber, {
      type: 'service_credit',
      amount: 5000,
      currency: 'SAR',
      reason: 'Outage for a month',
    });
    expect(request.body.status).toBe('pending_approval');

    const own = await supervisor.post(`/api/compensations/${request.body.id}/approve`, {});
    const ownReject = await supervisor.post(`/api/compensations/${request.body.id}/reject`, { reason: 'No' });
    const arabic = await supervisor.request(
      'POST',
      `/api/compensations/${request.body.id}/approve`,
      {},
      {
        'accept-language': 'ar',
      },
    );

    expect(own.status).toBe(403);
    expect(own.body.error.message).toContain('own');
    expect(ownReject.status).toBe(403);
    expect(arabic.status).toBe(403);
    expect(arabic.body.error.message).toMatch(/[\u0600-\u06FF]/);
    const rejectWithoutReason = await workspace.admin.post(`/api/compensations/${request.body.id}/reject`, {
      reason: ' ',
    });
    expect(rejectWithoutReason.status).toBe(422);
    const rejected = await workspace.admin.post(`/api/compensations/${request.body.id}/reject`, {
      reason: 'Outside the policy',
    });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decisionReason: 'Outside the policy',
      givenAt: null,
    });
  });

  it('sends a request to approval once the team’s monthly budget would be exceeded', async () => {
    const workspace = await createTestWorkspace(server());
    const team = await newTeam(workspace, 'Returns');
    await setPolicy(workspace, {
      types: ['refund'],
      currencies: ['SAR'],
      limits: { agent: { SAR: 200 }, supervisor: { SAR: 1000 } },
      teamBudgets: { [team]: { SAR: 300 } },
    });
    const { client: agent } = await workspace.signIn('agent');
    const created = await createCase(workspace.admin, { teamId: team });
    const refund = (amount: number) =>
      give(agent, created.referenceNumber, { type: 'refund', amount, currency: 'SAR', reason: 'Refund' });

    const first = await refund(150);
    const second = await refund(150);
    const third = await refund(10);

    expect([first.body.status, second.body.status, third.body.status]).toEqual([
      'given',
      'given',
      'pending_approval',
    ]);
  });
});

describe('the ledger', () => {
  async function workspaceWithGivenCompensation() {
    // Sessions last 24 hours: sign in at the later instant, then go back in time.
    now = new Date('2026-03-31T22:30:00Z');
    const workspace = await createTestWorkspace(server());
    await workspace.admin.patch('/api/workspace', { timeZone: 'Asia/Riyadh' });
    const billing = await newTeam(workspace, 'Billing');
    const delivery = await newTeam(workspace, 'Delivery');
    await setPolicy(workspace, {
      types: ['refund', 'voucher', 'apology'],
      currencies: ['SAR', 'USD'],
      limits: { agent: { SAR: 100 }, supervisor: { SAR: 1000 } },
    });
    const late = await createCase(workspace.admin, {
      teamId: delivery,
      category: 'delivery',
      product: 'Phone',
      customer: { name: 'Nora' },
    });
    const charged = await createCase(workspace.admin, {
      teamId: billing,
      category: 'billing',
      product: 'Plan',
    });
    const admin = workspace.admin;
    // 31 March 22:30 UTC is already 1 April in Riyadh.
    await given(admin, late.referenceNumber, {
      type: 'refund',
      amount: 100,
      currency: 'SAR',
      reason: 'Late',
    });
    await given(admin, late.referenceNumber, {
      type: 'voucher',
      amount: 25.5,
      currency: 'SAR',
      reason: 'Sorry',
    });
    await given(admin, charged.referenceNumber, {
      type: 'refund',
      amount: 20,
      currency: 'USD',
      reason: 'Twice',
    });
    await given(admin, charged.referenceNumber, { type: 'apology', reason: 'Our mistake' });
    now = new Date('2026-03-15T09:00:00Z');
    await given(admin, charged.referenceNumber, {
      type: 'refund',
      amount: 40,
      currency: 'SAR',
      reason: 'Twice',
    });
    const { client: agent } = await workspace.signIn('agent');
    // Waiting for approval: not in the totals.
    await given(agent, charged.referenceNumber, {
      type: 'refund',
      amount: 900,
      currency: 'SAR',
      reason: 'Big',
    });
    return { workspace, billing, delivery, late, agent };
  }

  it('sums given compensation by category, team and month against hand-computed figures', async () => {
    const { workspace, billing, delivery } = await workspaceWithGivenCompensation();
    const totals = async (by: string) => {
      const response = await workspace.admin.get(`/api/compensations/totals?by=${by}`);
      expect(response.status).toBe(200);
      return response.body.rows;
    };

    expect(await totals('category')).toEqual([
      { key: 'billing', label: 'billing', currency: 'SAR', count: 1, total: 40 },
      { key: 'billing', label: 'billing', currency: 'USD', count: 1, total: 20 },
      { key: 'delivery', label: 'delivery', currency: 'SAR', count: 2, total: 125.5 },
    ]);
    const byTeam = await totals('team');
    expect(byTeam).toHaveLength(3);
    expect(byTeam).toEqual(
      expect.arrayContaining([
        { key: delivery, label: 'Delivery', currency: 'SAR', count: 2, total: 125.5 },
        { key: billing, label: 'Billing', currency: 'SAR', count: 1, total: 40 },
        { key: billing, label: 'Billing', currency: 'USD', count: 1, total: 20 },
      ]),
    );
    expect(await totals('month')).toEqual([
      { key: '2026-03', label: '2026-03', currency: 'SAR', count: 1, total: 40 },
      { key: '2026-04', label: '2026-04', currency: 'SAR', count: 2, total: 125.5 },
      { key: '2026-04', label: '2026-04', currency: 'USD', count: 1, total: 20 },
    ]);
    const april = await workspace.admin.get(
      `/api/compensations/totals?by=product&from=${encodeURIComponent('2026-03-31T21:00:00Z')}`,
    );
    expect(april.body.rows).toEqual([
      { key: 'Phone', label: 'Phone', currency: 'SAR', count: 2, total: 125.5 },
      { key: 'Plan', label: 'Plan', currency: 'USD', count: 1, total: 20 },
    ]);
  });

  it('lists lines by status, team and customer, and a customer’s totals for the customer panel', async () => {
    const { workspace, delivery, late, agent } = await workspaceWithGivenCompensation();
    const { client: analyst } = await workspace.signIn('analyst');

    const pending = await analyst.get('/api/compensations?status=pending_approval');
    const ofTeam = await analyst.get(`/api/compensations?teamId=${delivery}`);
    const customerId = late.customerId as string;
    const panel = await agent.get(`/api/customers/${customerId}/compensation`);
    const agentLedger = await agent.get('/api/compensations');
    const ofCase = await agent.get(`/api/cases/${late.referenceNumber}/compensations`);

    expect(pending.body.items.map((item: { amount: number }) => item.amount)).toEqual([900]);
    expect(ofTeam.body.items.map((item: { type: string }) => item.type).sort()).toEqual([
      'refund',
      'voucher',
    ]);
    expect(panel.status).toBe(200);
    expect(panel.body.totals).toEqual([{ currency: 'SAR', count: 2, total: 125.5 }]);
    expect(panel.body.items).toHaveLength(2);
    expect(agentLedger.status).toBe(403);
    // The case page lists the case's own lines to anyone who reads the case, agents too.
    expect(ofCase.status).toBe(200);
    expect(ofCase.body.items).toHaveLength(2);
    expect(
      ofCase.body.items.every(
        (item: { case: { referenceNumber: string } }) => item.case.referenceNumber === late.referenceNumber,
      ),
    ).toBe(true);
  });

  it('shows another workspace nothing', async () => {
    const { workspace, late } = await workspaceWithGivenCompensation();
    const other = await createTestWorkspace(server());
    const [pendingItem] = (await workspace.admin.get('/api/compensations/pending')).body.items;

    const ledger = await other.admin.get('/api/compensations');
    const totals = await other.admin.get('/api/compensations/totals?by=category');
    const pending = await other.admin.get('/api/compensations/pending');
    const panel = await other.admin.get(`/api/customers/${late.customerId}/compensation`);
    const ofCase = await other.admin.get(`/api/cases/${late.referenceNumber}/compensations`);
    const approve = await other.admin.post(`/api/compensations/${pendingItem.id}/approve`, {});
    const give = await other.admin.post(`/api/cases/${late.referenceNumber}/compensations`, {
      type: 'apology',
      reason: 'Not ours',
    });

    expect(ledger.body.items).toEqual([]);
    expect(ofCase.status).toBe(404);
    expect(totals.body.rows).toEqual([]);
    expect(pending.body.items).toEqual([]);
    expect(panel.body).toEqual({ totals: [], items: [] });
    expect(approve.status).toBe(404);
    expect(give.status).toBe(404);
    const still = await workspace.admin.get('/api/compensations/pending');
    expect(still.body.items).toHaveLength(1);
  });
});
