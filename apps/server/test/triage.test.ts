import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCase, createTestWorkspace, testDatabaseKind, useTestServer, waitFor } from './harness.ts';
import { runSada } from './processes.ts';

const server = useTestServer({ triage: true });

const LEGAL_THREAT_AR =
  'طلبي متأخر أسبوعين ولم يرد علي أحد، سأرفع قضية على الشركة في المحكمة إذا لم تحلوا المشكلة اليوم';

async function triagedCase(client: { get(path: string): Promise<{ body: any }> }, ref: string) {
  await server().triage!.drain();
  return (await client.get(`/api/cases/${ref}`)).body;
}

describe('triage of new cases and inbound messages', () => {
  it('reads a new case in the background and explains the priority it gives, in both languages', async () => {
    const workspace = await createTestWorkspace(server(), { triage: true });
    const created = await createCase(workspace.admin, {
      subject: 'تأخر الطلب',
      description: LEGAL_THREAT_AR,
      customer: { name: 'سارة' },
    });
    expect(created.triage).toBeNull();

    const found = await waitFor(async () => {
      const body = (await workspace.admin.get(`/api/cases/${created.referenceNumber}`)).body;
      return body.triage ? body : undefined;
    }, 10_000);
    expect(found.kind).toBe('complaint');
    expect(found.language).toBe('ar');
    expect(found.sentiment).toBe('negative');
    expect(found.triage.source).toEqual({ messageId: null, text: `تأخر الطلب\n${LEGAL_THREAT_AR}` });
    const legal = found.triage.signals.find((signal: { type: string }) => signal.type === 'legal_threat');
    expect(legal.triggers.length).toBeGreaterThan(0);
    for (const trigger of legal.triggers) {
      expect(found.triage.source.text.slice(trigger.start, trigger.end)).toBe(trigger.text);
    }
    expect(['P1', 'P2']).toContain(found.priority);
    expect(found.triage.priority.level).toBe(found.priority);
    expect(found.triage.priority.summary.en).toMatch(/^P[12]: .*legal action/);
    expect(found.triage.priority.summary.ar).toContain('قانوني');
    expect(found.triage.lockedFields).toEqual([]);
    const event = found.timeline.find((entry: { type: string }) => entry.type === 'case.triaged');
    expect(event.actorLabel).toBe('Sada triage');
    expect(event.changes.priority).toEqual({ before: 'P3', after: found.priority });
    expect(event.changes.signals).toContain('legal_threat');
  });

  it('leaves alone the fields whoever opened the case chose', async () => {
    const workspace = await createTestWorkspace(server(), { triage: true });
    const created = await createCase(workspace.admin, {
      subject: 'Legal',
      description: 'I will sue you and take you to court, my lawyer is ready',
      priority: 'P4',
      kind: 'question',
    });
    const found = await triagedCase(workspace.admin, created.referenceNumber);
    expect(found.priority).toBe('P4');
    expect(found.kind).toBe('question');
    expect(found.language).toBe('en');
    expect(found.triage.lockedFields.sort()).toEqual(['kind', 'priority']);
    expect(found.triage.signals.map((signal: { type: string }) => signal.type)).toContain('legal_threat');
  });

  it('reads each inbound message once: signals add up and the priority only goes up', async () => {
    const workspace = await createTestWorkspace(server(), { triage: true });
    const created = await createCase(workspace.admin, {
      subject: 'Refund',
      description: 'My refund for order 5521 has not arrived yet, can you check?',
    });
    const first = await triagedCase(workspace.admin, created.referenceNumber);
    const added = await workspace.admin.post(`/api/cases/${created.referenceNumber}/messages`, {
      type: 'inbound',
      body: 'Still nothing. I am cancelling my subscription and I will post this on twitter for everyone to see',
    });
    expect(added.status).toBe(201);
    const later = await triagedCase(workspace.admin, created.referenceNumber);
    const types = later.triage.signals.map((signal: { type: string }) => signal.type);
    expect(types).toEqual(expect.arrayContaining(['churn_intent', 'going_public']));
    const going = later.triage.signals.find((signal: { type: string }) => signal.type === 'going_public');
    expect(going.messageId).toBe(added.body.id);
    expect(later.triage.source.messageId).toBe(added.body.id);
    // kind and category still come from the case's own text
    expect(later.triage.basis.messageId).toBeNull();
    expect(later.kind).toBe(first.kind);
    expect(Number(later.priority.slice(1))).toBeLessThanOrEqual(Number(first.priority.slice(1)));

    const calm = await workspace.admin.post(`/api/cases/${created.referenceNumber}/messages`, {
      type: 'inbound',
      body: 'ok thanks',
    });
    expect(calm.status).toBe(201);
    const calmer = await triagedCase(workspace.admin, created.referenceNumber);
    expect(calmer.priority).toBe(later.priority);
    const triaged = calmer.timeline.filter((entry: { type: string }) => entry.type === 'case.triaged');
    // one reading per text at most: drains after the fact find nothing new
    await server().triage!.drain();
    const again = (await workspace.admin.get(`/api/cases/${created.referenceNumber}`)).body;
    expect(again.timeline.filter((entry: { type: string }) => entry.type === 'case.triaged')).toHaveLength(
      triaged.length,
    );
  });

  it('does nothing in a workspace whose admin turned automatic triage off', async () => {
    const workspace = await createTestWorkspace(server(), { triage: true });
    const off = await workspace.admin.patch('/api/triage/settings', { isAutomatic: false });
    expect(off.status).toBe(200);
    expect(off.body.isAutomatic).toBe(false);
    const created = await createCase(workspace.admin, { description: LEGAL_THREAT_AR });
    const found = await triagedCase(workspace.admin, created.referenceNumber);
    expect(found.triage).toBeNull();
    expect(found.priority).toBe('P3');
  });
});

describe('corrections and adaptation', () => {
  it('keeps an agent’s correction of kind or category, locks the field and learns from it', async () => {
    const workspace = await createTestWorkspace(server(), { triage: true });
    const { client: agent } = await workspace.signIn('agent');
    const created = await createCase(agent, {
      subject: 'Voucher',
      description: 'The voucher code SAVE10 does not work at checkout',
    });
    const triaged = await triagedCase(agent, created.referenceNumber);
    const wrong = triaged.triage.category.id === 'account' ? 'delivery' : 'account';
    const corrected = await agent.patch(`/api/cases/${created.referenceNumber}`, {
      kind: 'question',
      category: wrong,
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.triage.lockedFields.sort()).toEqual(['category', 'kind']);

    const settings = await workspace.admin.get('/api/triage/settings');
    expect(settings.body.model.pendingCorrections).toBe(triaged.kind === 'question' ? 1 : 2);

    // a later message does not undo what a person set
    await agent.post(`/api/cases/${created.referenceNumber}/messages`, {
      type: 'inbound',
      body: 'This is unacceptable, I want a refund now!',
    });
    const after = await triagedCase(agent, created.referenceNumber);
    expect(after.kind).toBe('question');
    expect(after.category).toBe(wrong);
  });

  it('retrains on the workspace’s corrections and reports the gain on held-out ones', async () => {
    const workspace = await createTestWorkspace(server(), { triage: true });
    const categories = [
      { id: 'vouchers', names: { ar: 'القسائم', en: 'Vouchers' } },
      { id: 'delivery', names: { ar: 'التوصيل', en: 'Delivery' }, basedOn: ['delivery'] },
      { id: 'other', names: { ar: 'أخرى', en: 'Other' }, basedOn: ['other'] },
    ];
    expect((await workspace.admin.patch('/api/triage/settings', { categories })).status).toBe(200);
    const nothing = await workspace.admin.post('/api/triage/retrain');
    expect(nothing.status).toBe(409);
    expect(nothing.body.error.message).toMatch(/No corrections yet/);

    const texts = [
      'The voucher code is rejected at checkout',
      'My promo code WELCOME does not apply',
      'coupon expired before I could use it',
      'the gift voucher balance shows zero',
      'discount code not accepted in the app',
      'voucher from your email is invalid',
      'I cannot redeem my voucher',
      'promo voucher says already used',
      'your coupon code gives an error',
      'the voucher disappeared from my account wallet',
      'كود الخصم لا يعمل عند الدفع',
      'القسيمة منتهية الصلاحية',
    ];
    for (const text of texts) {
      const created = await createCase(workspace.admin, { subject: 'Code', description: text });
      await triagedCase(workspace.admin, created.referenceNumber);
      await workspace.admin.patch(`/api/cases/${created.referenceNumber}`, { category: 'vouchers' });
    }
    const retrained = await workspace.admin.post('/api/triage/retrain');
    expect(retrained.status).toBe(200);
    expect(retrained.body.corrections).toBe(texts.length);
    expect(retrained.body.category.adaptedAccuracy).toBeGreaterThanOrEqual(
      retrained.body.category.baseAccuracy,
    );

    const settings = (await workspace.admin.get('/api/triage/settings')).body;
    expect(settings.model.adaptation.corrections).toBe(texts.length);
    expect(settings.model.pendingCorrections).toBe(0);

    const fresh = await createCase(workspace.admin, {
      subject: 'Code',
      description: 'my voucher code is not working',
    });
    const read = await triagedCase(workspace.admin, fresh.referenceNumber);
    expect(read.category).toBe('vouchers');
    expect(read.triage.modelVersion).toMatch(/\+ws-/);
  });
});

describe('triage settings', () => {
  it('validates categories and assistant settings with messages a person can act on', async () => {
    const workspace = await createTestWorkspace(server());
    const badId = await workspace.admin.patch('/api/triage/settings', {
      categories: [{ id: 'Late Delivery', names: { ar: 'تأخير', en: 'Late' } }],
    });
    expect(badId.status).toBe(422);
    expect(badId.body.error.fields[0].path).toBe('body.categories.0.id');
    const twice = await workspace.admin.patch('/api/triage/settings', {
      categories: [
        { id: 'late', names: { ar: 'تأخير', en: 'Late' } },
        { id: 'late', names: { ar: 'تأخير', en: 'Late' } },
      ],
    });
    expect(twice.status).toBe(422);
    const noUrl = await workspace.admin.patch('/api/triage/settings', { assistant: { isEnabled: true } });
    expect(noUrl.status).toBe(422);
    expect(noUrl.body.error.fields[0].path).toBe('assistant.baseUrl');
    const badRule = await workspace.admin.patch('/api/triage/settings', {
      priorityRules: { signalMinConfidence: 3 },
    });
    expect(badRule.status).toBe(422);
    expect(badRule.body.error.fields[0].path).toBe('priorityRules.signalMinConfidence');
    const settings = await workspace.admin.get('/api/triage/settings');
    expect(settings.body.categories.map((c: { id: string }) => c.id)).toContain('delivery');
    expect(settings.body.priorityRules.signalMinConfidence).toBe(0.5);
  });

  it('stores the assistant key encrypted and never sends it back', async () => {
    const workspace = await createTestWorkspace(server());
    const secret = 'sk-test-0123456789abcdef';
    const saved = await workspace.admin.patch('/api/triage/settings', {
      assistant: { isEnabled: true, baseUrl: 'http://127.0.0.1:9/v1', model: 'm', apiKey: secret },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.assistant).toEqual({
      isEnabled: true,
      baseUrl: 'http://127.0.0.1:9/v1',
      model: 'm',
      hasApiKey: true,
    });
    expect(JSON.stringify(saved.body)).not.toContain(secret);
    const rows = await server().database.query<{ settings: string }>(
      'SELECT assistant_settings::text AS settings FROM workspace WHERE id = $1',
      [workspace.workspaceId],
    );
    expect(rows[0]!.settings).not.toContain(secret);
    expect(rows[0]!.settings).toContain('sealedApiKey');
    const removed = await workspace.admin.patch('/api/triage/settings', { assistant: { apiKey: null } });
    expect(removed.body.assistant.hasApiKey).toBe(false);
  });

  it('lets only admins change settings or retrain', async () => {
    const workspace = await createTestWorkspace(server());
    const { client: supervisor } = await workspace.signIn('supervisor');
    const { client: analyst } = await workspace.signIn('analyst');
    expect((await supervisor.patch('/api/triage/settings', { isAutomatic: false })).status).toBe(403);
    expect((await supervisor.post('/api/triage/retrain')).status).toBe(403);
    expect((await analyst.get('/api/triage/settings')).status).toBe(200);
  });
});

describe('tone coach and reply suggestions', () => {
  it('flags an excuse with its exact words, in the draft the agent is typing', async () => {
    const workspace = await createTestWorkspace(server());
    const created = await createCase(workspace.admin, {
      description: 'الشحنة وصلت مكسورة',
      customer: { name: 'Omar Haddad' },
    });
    const draft = 'نعتذر عن ذلك، لكن هذا ليس خطأنا فالشحن مسؤولية شركة التوصيل';
    const report = await workspace.admin.post('/api/triage/coach', {
      draft,
      referenceNumber: created.referenceNumber,
    });
    expect(report.status).toBe(200);
    const excuse = report.body.items.find(
      (item: { check: string }) => item.check === 'apologises_without_excuses',
    );
    expect(excuse.status).toBe('fail');
    expect(excuse.spans.length).toBeGreaterThan(0);
    for (const span of excuse.spans) expect(draft.slice(span.start, span.end)).toBe(span.text);
    expect(excuse.suggestion.ar).not.toBe('');
    const name = report.body.items.find((item: { check: string }) => item.check === 'uses_customer_name');
    expect(name.status).toBe('fail');

    const missing = await workspace.admin.post('/api/triage/coach', {
      draft,
      referenceNumber: 'TST-2020-999999',
    });
    expect(missing.status).toBe(404);
  });

  it('suggests the replies of similar resolved cases and templates, best first', async () => {
    const workspace = await createTestWorkspace(server());
    const resolved = await createCase(workspace.admin, {
      subject: 'استرداد',
      description: 'لم يصلني المبلغ المسترد لطلب رقم 3321 حتى الآن',
    });
    const reply = 'نعتذر عن التأخير، تم تحويل المبلغ المسترد وسيصل خلال ٣ أيام عمل';
    await workspace.admin.post(`/api/cases/${resolved.referenceNumber}/messages`, {
      type: 'reply',
      body: reply,
    });
    await workspace.admin.post(`/api/cases/${resolved.referenceNumber}/transition`, { to: 'resolved' });
    const unrelated = await createCase(workspace.admin, {
      subject: 'Password',
      description: 'cannot log in',
    });
    await workspace.admin.post(`/api/cases/${unrelated.referenceNumber}/messages`, {
      type: 'reply',
      body: 'Please reset your password from the login page.',
    });
    await workspace.admin.post(`/api/cases/${unrelated.referenceNumber}/transition`, { to: 'resolved' });
    await workspace.admin.post('/api/templates', {
      name: 'تأخير الاسترداد',
      bodyAr: 'نعتذر عن تأخر المبلغ المسترد، نتابع الأمر مع البنك',
    });

    const open = await createCase(workspace.admin, {
      subject: 'المبلغ المسترد',
      description: 'متى يصل المبلغ المسترد؟ انتظرت أسبوعين',
    });
    const suggestions = await workspace.admin.get(`/api/cases/${open.referenceNumber}/suggestions`);
    expect(suggestions.status).toBe(200);
    const sources = suggestions.body.items.map((item: { source: string; title: string }) => item.title);
    expect(sources.slice(0, 2).sort()).toEqual([resolved.referenceNumber, 'تأخير الاسترداد'].sort());
    expect(
      suggestions.body.items.find((item: { title: string }) => item.title === resolved.referenceNumber).body,
    ).toBe(reply);
    expect(sources.indexOf(unrelated.referenceNumber)).not.toBe(0);

    const other = await createTestWorkspace(server());
    expect((await other.admin.get(`/api/cases/${open.referenceNumber}/suggestions`)).status).toBe(404);
  });
});

/** A local server that speaks OpenAI's chat-completions API and remembers what it was asked. */
async function startChatServer(answer: (body: any) => { status: number; body: unknown }) {
  const requests: { headers: Record<string, unknown>; body: any; url: string }[] = [];
  const http = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => {
      raw += chunk;
    });
    request.on('end', () => {
      const body = JSON.parse(raw || '{}');
      requests.push({ headers: request.headers, body, url: request.url ?? '' });
      const { status, body: reply } = answer(body);
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}

describe('the optional language model', () => {
  it('drafts a reply and summarises a case through an OpenAI-compatible endpoint', async () => {
    const chat = await startChatServer((body) => ({
      status: 200,
      body: {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: body.messages[0].content.startsWith('Summarise')
                ? '- العميل ينتظر استرداد المبلغ'
                : 'نعتذر يا سارة، سنعيد المبلغ خلال ٣ أيام',
            },
            finish_reason: 'stop',
          },
        ],
      },
    }));
    try {
      const workspace = await createTestWorkspace(server());
      const { client: agent } = await workspace.signIn('agent');
      const created = await createCase(agent, {
        description: 'أين المبلغ المسترد؟',
        language: 'ar',
        customer: { name: 'سارة علي' },
      });
      const off = await agent.post(`/api/cases/${created.referenceNumber}/assistant/draft`);
      expect(off.status).toBe(409);
      expect(off.body.error.message).toMatch(/assistant is off/);

      await workspace.admin.patch('/api/triage/settings', {
        assistant: { isEnabled: true, baseUrl: chat.baseUrl, model: 'local-model', apiKey: 'sk-local' },
      });
      const draft = await agent.post(`/api/cases/${created.referenceNumber}/assistant/draft`);
      expect(draft.status).toBe(200);
      expect(draft.body).toEqual({ text: 'نعتذر يا سارة، سنعيد المبلغ خلال ٣ أيام', model: 'local-model' });
      const asked = chat.requests[0]!;
      expect(asked.url).toBe('/v1/chat/completions');
      expect(asked.headers.authorization).toBe('Bearer sk-local');
      expect(asked.body.model).toBe('local-model');
      expect(asked.body.messages[0].content).toContain('in Arabic');
      expect(asked.body.messages[0].content).toContain('سارة علي');
      expect(asked.body.messages[1].content).toContain('أين المبلغ المسترد؟');

      const summary = await agent.post(`/api/cases/${created.referenceNumber}/assistant/summary`);
      expect(summary.status).toBe(200);
      expect(summary.body.text).toBe('- العميل ينتظر استرداد المبلغ');
    } finally {
      await chat.close();
    }
  });

  it('says what went wrong when the endpoint fails, and sends nothing for an analyst', async () => {
    const chat = await startChatServer(() => ({ status: 401, body: { error: { message: 'bad key' } } }));
    try {
      const workspace = await createTestWorkspace(server());
      const created = await createCase(workspace.admin, { description: 'where is my order' });
      await workspace.admin.patch('/api/triage/settings', {
        assistant: { isEnabled: true, baseUrl: chat.baseUrl, model: 'm', apiKey: 'wrong' },
      });
      const failed = await workspace.admin.post(`/api/cases/${created.referenceNumber}/assistant/draft`);
      expect(failed.status).toBe(503);
      expect(failed.body.error.message).toContain('401');
      expect(failed.body.error.message).toContain('check the API key');

      const { client: analyst } = await workspace.signIn('analyst');
      const denied = await analyst.post(`/api/cases/${created.referenceNumber}/assistant/draft`);
      expect(denied.status).toBe(403);
      expect(chat.requests).toHaveLength(1);
    } finally {
      await chat.close();
    }
  });
});

describe('sada triage (command line)', () => {
  it('classifies JSON lines from standard input and names the lines it cannot read', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'سأرفع قضية عليكم، الطلب لم يصل منذ أسبوعين', isPublic: true }),
      JSON.stringify({ id: 2, text: 'thanks, great service!' }),
      'not json',
      JSON.stringify({ id: 3 }),
    ].join('\n');
    const run = await runSada(['triage', 'classify'], {}, input);
    expect(run.code).toBe(1);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'a', language: { label: 'ar' }, kind: { label: 'complaint' } });
    expect(lines[0].signals.map((signal: { type: string }) => signal.type)).toContain('legal_threat');
    expect(lines[0].priority.summary.en).toMatch(/legal action/);
    expect(lines[1]).toMatchObject({ id: 2, kind: { label: 'praise' }, sentiment: { label: 'positive' } });
    expect(lines[2]).toEqual({ line: 3, error: expect.stringContaining('not JSON') });
    expect(lines[3]).toEqual({ line: 4, error: expect.stringContaining('text') });
  });

  it.runIf(testDatabaseKind === 'postgres')('retrains a workspace from its corrections', async () => {
    const workspace = await createTestWorkspace(server(), { triage: true });
    const created = await createCase(workspace.admin, { subject: 'Code', description: 'voucher rejected' });
    const read = await triagedCase(workspace.admin, created.referenceNumber);
    await workspace.admin.patch(`/api/cases/${created.referenceNumber}`, {
      kind: read.kind === 'suggestion' ? 'question' : 'suggestion',
    });
    const run = await runSada(['triage', 'retrain', '--workspace', workspace.slug], {
      DATABASE_URL: process.env.TEST_DATABASE_URL!,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Adapted .* from 1 corrections/);
    const settings = (await workspace.admin.get('/api/triage/settings')).body;
    expect(settings.model.adaptation.corrections).toBe(1);
  });

  it('says which workspace it cannot find', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sada-triage-'));
    const run = await runSada(['triage', 'retrain', '--workspace', 'nowhere'], {
      SADA_DATA_DIR: dataDir,
      ...(testDatabaseKind === 'postgres' && { DATABASE_URL: process.env.TEST_DATABASE_URL! }),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no workspace "nowhere"');
  }, 120_000);
});
