import { type Simulator, startPlatformSimulator, telegramUpdate } from '@sada/channels/simulator';
import type { Clock } from '@sada/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  createCase,
  createTestWorkspace,
  startTestServer,
  type TestServer,
  type TestWorkspace,
  useTestServer,
  waitFor,
} from './harness.ts';
import { connectTelegramBot } from './social-harness.ts';

// The server's clock stands still unless a test moves it: surveys fall due at exact instants.
const startedAt = Date.now();
let offsetMs = 0;
const clock: Clock = { now: () => new Date(startedAt + offsetMs) };
const advance = (minutes: number) => {
  offsetMs += minutes * 60_000;
};

const server = useTestServer({ clock });

/** Runs the survey job's batches until nothing waits, as the worker does every minute. */
async function runSurveyJob() {
  while ((await server().services.surveys.processDue()) > 0) {
    // drains
  }
}

async function setSurvey(workspace: TestWorkspace, survey: Record<string, unknown>) {
  const response = await workspace.admin.patch('/api/workspace/settings', { survey });
  expect(response.status).toBe(200);
  return response.body;
}

async function resolvedCase(client: ApiClient, overrides: Record<string, unknown> = {}) {
  const created = await createCase(client, {
    customer: { name: 'Huda', email: `huda-${Math.random().toString(16).slice(2)}@example.com` },
    ...overrides,
  });
  const resolved = await client.post(`/api/cases/${created.referenceNumber}/transition`, { to: 'resolved' });
  expect(resolved.status).toBe(200);
  return resolved.body;
}

const caseOf = async (client: ApiClient, reference: string) =>
  (await client.get(`/api/cases/${reference}`)).body;

/** Posts the survey form the way a browser does (form-urlencoded) to the page at `url`. */
async function postSurvey(url: string, fields: Record<string, string>) {
  const { pathname, search } = new URL(url);
  const response = await fetch(`${server().baseUrl}${pathname}${search}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, text: await response.text() };
}

async function getSurveyPage(url: string) {
  const { pathname, search } = new URL(url);
  const response = await fetch(`${server().baseUrl}${pathname}${search}`);
  return { status: response.status, text: await response.text() };
}

describe('follow-up settings', () => {
  it('starts from the defaults and lets an admin change only what they name', async () => {
    const workspace = await createTestWorkspace(server());
    const { client: supervisor } = await workspace.signIn('supervisor');

    expect((await supervisor.get('/api/workspace/settings')).body).toEqual({
      survey: {
        delayMinutes: 1440,
        lowScoreThreshold: 2,
        lowScoreAction: 'reopen',
        expireAfterDays: 7,
        askNps: false,
      },
    });
    const changed = await setSurvey(workspace, { delayMinutes: 0 });
    expect(changed.survey).toMatchObject({ delayMinutes: 0, lowScoreThreshold: 2, expireAfterDays: 7 });
    await setSurvey(workspace, { askNps: true });

    expect((await supervisor.get('/api/workspace/settings')).body.survey).toEqual({
      delayMinutes: 0,
      lowScoreThreshold: 2,
      lowScoreAction: 'reopen',
      expireAfterDays: 7,
      askNps: true,
    });
  });

  it('refuses a value out of range, naming the field, and keeps the stored settings', async () => {
    const workspace = await createTestWorkspace(server());

    const response = await workspace.admin.patch('/api/workspace/settings', {
      survey: { delayMinutes: 10, lowScoreThreshold: 5 },
    });

    expect(response.status).toBe(422);
    expect(response.body.error.fields).toEqual([
      expect.objectContaining({ path: 'body.survey.lowScoreThreshold' }),
    ]);
    const arabic = await workspace.admin.patch(
      '/api/workspace/settings',
      { survey: { lowScoreAction: 'delete' } },
      { 'accept-language': 'ar' },
    );
    expect(arabic.status).toBe(422);
    expect(arabic.body.error.fields[0].message).toMatch(/[\u0600-\u06FF]/);
    expect((await workspace.admin.get('/api/workspace/settings')).body.survey.delayMinutes).toBe(1440);
  });

  it('lets supervisors read but only admins change the settings', async () => {
    const workspace = await createTestWorkspace(server());
    const { client: supervisor } = await workspace.signIn('supervisor');
    const { client: agent } = await workspace.signIn('agent');

    expect((await supervisor.patch('/api/workspace/settings', { survey: { delayMinutes: 0 } })).status).toBe(
      403,
    );
    expect((await agent.get('/api/workspace/settings')).status).toBe(403);
  });
});

describe('sending the survey', () => {
  it('schedules it at resolution and sends it, with its link, when the delay has passed', async () => {
    const workspace = await createTestWorkspace(server());
    // A token, not a session: sessions end while the clock moves a day.
    const { client: admin } = await workspace.withToken('admin');
    const resolved = await resolvedCase(admin);

    expect(resolved.survey).toMatchObject({ status: 'scheduled', sentAt: null, rating: null });
    const automatic = (detail: { messages: { isAutomatic?: boolean; direction: string }[] }) =>
      detail.messages.filter((message) => message.direction === 'outbound');
    expect(automatic(resolved)).toEqual([]);

    advance(23 * 60);
    await runSurveyJob();
    expect((await caseOf(admin, resolved.referenceNumber)).survey.status).toBe('scheduled');

    advance(61);
    await runSurveyJob();
    const sent = await caseOf(admin, resolved.referenceNumber);
    expect(sent.survey.status).toBe('sent');
    expect(sent.survey.url).toMatch(new RegExp(`^http://care\\.sada\\.test/w/${workspace.slug}/survey/`));
    const outbound = automatic(sent);
    expect(outbound).toHaveLength(1);
    expect(outbound[0]).toMatchObject({ body: expect.stringContaining(sent.survey.url) });
    expect(sent.timeline.map((event: { type: string }) => event.type)).toContain('survey.sent');
    expect(sent.status).toBe('resolved');
  });

  it('sends at once when the delay is 0', async () => {
    const workspace = await createTestWorkspace(server());
    await setSurvey(workspace, { delayMinutes: 0 });

    const resolved = await resolvedCase(workspace.admin);

    expect(resolved.survey.status).toBe('sent');
    expect(resolved.survey.url).toContain('/survey/');
  });

  it('cancels a survey not yet sent when the case is reopened, and schedules a new one at the next resolution', async () => {
    const workspace = await createTestWorkspace(server());
    const { client: admin } = await workspace.withToken('admin');
    const resolved = await resolvedCase(admin);
    const reference = resolved.referenceNumber;

    await admin.post(`/api/cases/${reference}/transition`, { to: 'open' });
    expect((await caseOf(admin, reference)).survey).toBeNull();
    advance(25 * 60);
    await runSurveyJob();
    expect(
      (await caseOf(admin, reference)).messages.filter(
        (m: { direction: string }) => m.direction === 'outbound',
      ),
    ).toEqual([]);

    const again = await admin.post(`/api/cases/${reference}/transition`, { to: 'resolved' });
    expect(again.body.survey.status).toBe('scheduled');
  });
});

describe('answering on the survey page', () => {
  async function sentSurvey(options: { survey?: Record<string, unknown> } = {}) {
    const workspace = await createTestWorkspace(server());
    await setSurvey(workspace, { delayMinutes: 0, ...options.survey });
    const { client: supervisor, userId: supervisorId } = await workspace.signIn('supervisor');
    const { client: agent, userId: agentId } = await workspace.signIn('agent');
    const resolved = await resolvedCase(workspace.admin, { assigneeId: agentId });
    return {
      workspace,
      supervisor,
      supervisorId,
      agent,
      reference: resolved.referenceNumber,
      url: resolved.survey.url as string,
    };
  }

  it('shows the page in the customer language, right to left, with an accessible 1–5 rating', async () => {
    const { url } = await sentSurvey();

    const page = await getSurveyPage(url);

    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="ar" dir="rtl"');
    expect(page.text).toContain('كيف كانت خدمتنا؟');
    expect(page.text.match(/type="radio" name="rating"/g)).toHaveLength(5);
    expect(page.text).toContain('<legend>تقييمك');
    expect((await getSurveyPage(`${url}?lang=en`)).text).toContain('How did we do?');
  });

  it('stores a good rating with its comment and leaves the case resolved', async () => {
    const { workspace, reference, url } = await sentSurvey();

    const answer = await postSurvey(url, { rating: '5', comment: 'Quick and kind' });

    expect(answer.status).toBe(200);
    expect(answer.text).toContain('شكرًا لك!');
    const detail = await caseOf(workspace.admin, reference);
    expect(detail.status).toBe('resolved');
    expect(detail.survey).toMatchObject({
      status: 'answered',
      rating: 5,
      comment: 'Quick and kind',
      answeredVia: 'web',
    });
  });

  it('asks for the rating on the status page too, until it is answered', async () => {
    const { workspace, reference, url } = await sentSurvey();
    const detail = await caseOf(workspace.admin, reference);
    const link = server().services.statusLink({ id: workspace.workspaceId, slug: workspace.slug }, detail.id);
    const statusPage = async () => {
      const response = await fetch(`${link}&lang=en`.replace(new URL(link).origin, server().baseUrl));
      return response.text();
    };
    const before = await statusPage();
    expect(before).toContain('Rate how we handled your case');
    expect(before).toContain(`href="${new URL(url).pathname}?lang=en"`);

    await postSurvey(url, { rating: '4' });
    expect(await statusPage()).not.toContain('Rate how we handled your case');
  });

  it('reopens the case on a low score and tells the assignee and the supervisor, with the comment', async () => {
    const { workspace, supervisor, agent, reference, url } = await sentSurvey();

    await postSurvey(url, { rating: '1', comment: 'The parcel is still missing' });

    const detail = await caseOf(workspace.admin, reference);
    expect(detail.status).toBe('open');
    expect(detail.survey).toMatchObject({ status: 'answered', rating: 1 });
    const lowScore = detail.timeline.find((event: { type: string }) => event.type === 'survey.low_score');
    expect(lowScore.changes).toMatchObject({
      rating: 1,
      comment: 'The parcel is still missing',
      action: 'reopen',
    });
    const notifications = (await supervisor.get('/api/notifications')).body.items;
    expect(notifications).toEqual([
      expect.objectContaining({
        type: 'survey.low_score',
        caseReference: reference,
        excerpt: expect.stringContaining('The parcel is still missing'),
      }),
    ]);
    expect((await agent.get('/api/notifications')).body.items).toEqual([
      expect.objectContaining({ type: 'survey.low_score', caseReference: reference }),
    ]);
  });

  it("only alerts the supervisors in 'alert' mode: the case stays resolved", async () => {
    const { workspace, supervisor, agent, reference, url } = await sentSurvey({
      survey: { lowScoreAction: 'alert' },
    });

    await postSurvey(url, { rating: '2', comment: 'Slow' });

    expect((await caseOf(workspace.admin, reference)).status).toBe('resolved');
    expect((await agent.get('/api/notifications')).body.items).toEqual([]);
    expect((await supervisor.get('/api/notifications')).body.items).toEqual([
      expect.objectContaining({ type: 'survey.low_score', excerpt: expect.stringContaining('Slow') }),
    ]);
  });

  it('answers an invalid rating with the form again and stores nothing', async () => {
    const { workspace, reference, url } = await sentSurvey();

    for (const rating of ['0', '6', 'five', '']) {
      const answer = await postSurvey(url, { rating, comment: 'hello' });
      expect(answer.status).toBe(422);
      expect(answer.text).toContain('اختر تقييمًا من 1 إلى 5.');
    }

    expect((await caseOf(workspace.admin, reference)).survey).toMatchObject({
      status: 'sent',
      rating: null,
      comment: null,
    });
  });

  it('ignores a second answer', async () => {
    const { workspace, reference, url } = await sentSurvey();
    await postSurvey(url, { rating: '4' });

    const second = await postSurvey(url, { rating: '1', comment: 'changed my mind' });

    expect(second.status).toBe(409);
    expect(second.text).toContain('تمت الإجابة عن هذا الاستبيان من قبل');
    const detail = await caseOf(workspace.admin, reference);
    expect(detail.survey).toMatchObject({ rating: 4, comment: null });
    expect(detail.status).toBe('resolved');
  });

  it("refuses another workspace's link", async () => {
    const { url } = await sentSurvey();
    const other = await createTestWorkspace(server());
    const foreign = url.replace(/\/w\/[^/]+\//, `/w/${other.slug}/`);

    expect((await getSurveyPage(foreign)).status).toBe(404);
    expect((await postSurvey(foreign, { rating: '5' })).status).toBe(404);
    expect((await getSurveyPage(`${url}x`)).status).toBe(404);
  });

  it('expires an unanswered survey after the set days and closes the case', async () => {
    const { workspace, reference, url } = await sentSurvey({ survey: { expireAfterDays: 3 } });
    const { client: admin } = await workspace.withToken('admin');

    advance(3 * 24 * 60 - 5);
    await runSurveyJob();
    expect((await caseOf(admin, reference)).survey.status).toBe('sent');
    advance(10);
    await runSurveyJob();

    const detail = await caseOf(admin, reference);
    expect(detail.survey.status).toBe('expired');
    expect(detail.status).toBe('closed');
    expect(detail.timeline.map((event: { type: string }) => event.type)).toContain('survey.expired');
    const late = await postSurvey(url, { rating: '5' });
    expect(late.status).toBe(410);
    expect(late.text).toContain('هذا الاستبيان مغلق');
  });
});

describe('satisfaction summary', () => {
  it('computes CSAT, response rate, average and NPS per agent against hand-computed figures', async () => {
    const workspace = await createTestWorkspace(server());
    await setSurvey(workspace, { delayMinutes: 0, askNps: true, lowScoreAction: 'alert' });
    const { client: analyst } = await workspace.signIn('analyst');
    const { userId: agentId } = await workspace.signIn('agent', { name: 'Salma' });
    const from = clock.now().toISOString();
    const answers = [{ rating: '5', nps: '10' }, { rating: '4', nps: '9' }, { rating: '2', nps: '3' }, null];
    for (const answer of answers) {
      const resolved = await resolvedCase(workspace.admin, { assigneeId: agentId });
      if (answer) await postSurvey(resolved.survey.url, answer);
    }
    await resolvedCase(workspace.admin);

    const response = await analyst.get(`/api/surveys/summary?by=agent&from=${encodeURIComponent(from)}`);

    expect(response.status).toBe(200);
    const salma = response.body.rows.find((row: { key: string | null }) => row.key === agentId);
    // 4 sent, 3 answered; ratings 5, 4, 2: average 3.67, 2 of 3 satisfied; NPS: 2 promoters, 1 detractor of 3.
    expect(salma).toEqual({
      key: agentId,
      label: 'Salma',
      sent: 4,
      answered: 3,
      responseRate: 0.75,
      averageRating: 3.67,
      csatPercent: 66.7,
      nps: 33,
    });
    expect(response.body.rows.find((row: { key: string | null }) => row.key === null)).toMatchObject({
      sent: 1,
      answered: 0,
      csatPercent: null,
    });
    expect((await (await workspace.signIn('agent')).client.get('/api/surveys/summary')).status).toBe(403);
  });
});

describe('answering by a Telegram button', () => {
  let simulator: Simulator;
  let social: TestServer;

  beforeAll(async () => {
    simulator = await startPlatformSimulator({});
    social = await startTestServer({ jobs: true, platformUrl: simulator.url, isolated: true });
  });
  afterAll(async () => {
    await social?.stop();
    await simulator?.close();
  });

  it("lands the rating on the right case's survey and answers the customer with the comment link", async () => {
    const workspace = await createTestWorkspace(social);
    const { client: supervisor } = await workspace.signIn('supervisor');
    await setSurvey(workspace, { delayMinutes: 0 });
    const { target } = await connectTelegramBot(workspace.admin, {
      baseUrl: social.baseUrl,
      secretToken: simulator.secrets.telegramSecretToken,
    });
    const update = telegramUpdate({
      chatId: 777001,
      from: { id: 777001, firstName: 'Mona' },
      text: 'الطلب متأخر',
    });
    expect(await simulator.deliver(target, update)).toBe(200);
    const opened = await waitFor(async () => {
      const [item] = (await workspace.admin.get('/api/cases?channel=telegram')).body.items;
      return item;
    });

    const resolved = await workspace.admin.post(`/api/cases/${opened.referenceNumber}/transition`, {
      to: 'resolved',
    });
    expect(resolved.body.survey.status).toBe('sent');
    const sent = await waitFor(() =>
      simulator
        .sentButtons()
        .find((item) => item.buttons.some((button) => button.payload.startsWith('sada:survey:'))),
    );
    expect(sent.buttons.map((button) => button.title)).toEqual([
      '5 ★ ممتاز',
      '4 ★ جيد',
      '3 ★ مقبول',
      '2 ★ ضعيف',
      '1 ★ سيئ جدًا',
    ]);
    expect(sent.text).toContain(resolved.body.survey.url);

    const pressed = await simulator.press(target, sent, '1 ★ سيئ جدًا');
    expect(pressed.status).toBe(200);
    const answered = await waitFor(async () => {
      const detail = (await workspace.admin.get(`/api/cases/${opened.referenceNumber}`)).body;
      return detail.survey.status === 'answered' ? detail : undefined;
    });
    expect(answered.survey).toMatchObject({ rating: 1, answeredVia: 'button', comment: null });
    expect(answered.status).toBe('open');
    // A retried webhook changes nothing.
    expect((await simulator.deliver(target, pressed.delivery)).valueOf()).toBe(200);
    expect((await workspace.admin.get(`/api/cases/${opened.referenceNumber}`)).body.survey.rating).toBe(1);

    // The page then takes the comment, once.
    const { pathname } = new URL(answered.survey.url);
    const page = await fetch(`${social.baseUrl}${pathname}`);
    expect(await page.text()).toContain('قيّمتنا 1 من 5');
    const comment = await fetch(`${social.baseUrl}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ comment: 'لم يصل الطلب بعد' }).toString(),
    });
    expect(comment.status).toBe(200);
    const withComment = (await workspace.admin.get(`/api/cases/${opened.referenceNumber}`)).body;
    expect(withComment.survey).toMatchObject({ rating: 1, comment: 'لم يصل الطلب بعد' });
    const notifications = (await supervisor.get('/api/notifications')).body.items;
    expect(notifications.map((item: { excerpt: string }) => item.excerpt).join(' ')).toContain(
      'لم يصل الطلب بعد',
    );
  });
});
