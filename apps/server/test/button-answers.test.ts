import {
  type SentButtons,
  type Simulator,
  startPlatformSimulator,
  telegramUpdate,
  whatsappMessage,
  xDirectMessage,
} from '@sada/channels/simulator';
import { findLatestSurveyOfCase, lockCaseById } from '@sada/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendAutomaticMessage } from '../src/channels/automatic-message.ts';
import { buttonPayload, parseButtonPayload } from '../src/channels/button-answers.ts';
import { readOutboxPayload } from '../src/channels/delivery.ts';
import {
  createTestWorkspace,
  startTestServer,
  TEST_MAIL_DOMAIN,
  type TestServer,
  type TestWorkspace,
  waitFor,
} from './harness.ts';
import { connectChannel, connectTelegramBot, uniqueDigits } from './social-harness.ts';

// Buttons under Sada's automatic messages on social channels, and what a customer's press does: a
// Sada press goes to its handler (never a customer message), anything else stays a message.

const SUBJECT = '3f0c9d2a-1b4e-4c5d-9e6f-7a8b9c0d1e2f';

describe('button payloads', () => {
  it('round-trips kind, subject and choice', () => {
    const payload = buttonPayload('survey', SUBJECT, '5');
    expect(payload).toBe(`sada:survey:${SUBJECT}:5`);
    expect(parseButtonPayload(payload)).toEqual({ kind: 'survey', subjectId: SUBJECT, choice: '5' });
  });

  it('fits Telegram’s 64 bytes with the longest kind and choice', () => {
    const longest = buttonPayload('survey', SUBJECT, 'abcdefghijkl');
    expect(Buffer.byteLength(longest)).toBeLessThanOrEqual(64);
    expect(() => buttonPayload('survey', SUBJECT, 'abcdefghijklm')).toThrow();
    expect(() => buttonPayload('offer', 'not-a-uuid', 'accept')).toThrow();
  });

  it.each([
    ['another app’s button', 'menu:help'],
    ['an unknown kind', `sada:quiz:${SUBJECT}:a`],
    ['a subject that is not a uuid', 'sada:offer:1234:accept'],
    ['a choice with capitals', `sada:offer:${SUBJECT}:Accept`],
    ['extra parts', `sada:offer:${SUBJECT}:accept:again`],
    ['more than 64 bytes', `sada:offer:${SUBJECT}:${'a'.repeat(40)}`],
  ])('ignores %s', (_, payload) => {
    expect(parseButtonPayload(payload)).toBeNull();
  });
});

describe('outbox payloads', () => {
  it('reads buttons, new templates, and templates stored before the payload had a type', () => {
    const buttons = [{ title: 'Accept', payload: buttonPayload('offer', SUBJECT, 'accept') }];
    expect(readOutboxPayload('message', { type: 'buttons', buttons, buttonsLabel: 'Choose' })).toEqual({
      type: 'buttons',
      buttons,
      buttonsLabel: 'Choose',
    });
    const template = { name: 'case_update', language: 'ar', parameters: ['TST-1'] };
    expect(readOutboxPayload('template', { type: 'template', ...template })).toEqual({
      type: 'template',
      ...template,
    });
    expect(readOutboxPayload('template', template)).toEqual({ type: 'template', ...template });
    expect(readOutboxPayload('message', null)).toBeNull();
  });
});

describe('buttons on social channels', () => {
  let simulator: Simulator;
  let server: TestServer;

  beforeAll(async () => {
    simulator = await startPlatformSimulator({});
    server = await startTestServer({ jobs: true, platformUrl: simulator.url, isolated: true });
  });
  afterAll(async () => {
    await server?.stop();
    await simulator?.close();
  });

  const webhook = (path: string) => `${server.baseUrl}${path}`;

  const connect = (workspace: TestWorkspace, body: Record<string, unknown>) =>
    connectChannel(workspace.admin, body);

  const connectBot = (workspace: TestWorkspace) =>
    connectTelegramBot(workspace.admin, {
      baseUrl: server.baseUrl,
      secretToken: simulator.secrets.telegramSecretToken,
    });

  /** An update from Mona's private chat with the bot: a text, or a press (`callbackData`). */
  const fromChat = (
    bot: { botId: number },
    chatId: number,
    content: Omit<Parameters<typeof telegramUpdate>[0], 'chatId' | 'from' | 'bot'>,
  ) =>
    telegramUpdate({
      chatId,
      from: { id: chatId, firstName: 'Mona' },
      bot: { id: bot.botId, username: 'sada_support_bot', firstName: 'Sada' },
      ...content,
    });

  const casesOf = async (workspace: TestWorkspace) =>
    (await workspace.admin.get('/api/cases')).body.items as { referenceNumber: string }[];

  async function caseDetail(workspace: TestWorkspace, reference: string) {
    return (await workspace.admin.get(`/api/cases/${reference}`)).body as {
      id: string;
      referenceNumber: string;
      messages: { direction: string; body: string; isAutomatic: boolean }[];
    };
  }

  async function onlyCase(workspace: TestWorkspace) {
    const [summary] = await waitFor(async () => {
      const items = await casesOf(workspace);
      return items.length > 0 ? items : undefined;
    });
    return caseDetail(workspace, summary!.referenceNumber);
  }

  async function automatic(
    workspace: TestWorkspace,
    caseId: string,
    input: { body: string; buttons?: { title: string; payload: string }[]; buttonsLabel?: string },
  ) {
    return server.database.orm.transaction(async (tx) => {
      const caseRow = await lockCaseById(tx, workspace.workspaceId, caseId);
      return sendAutomaticMessage(tx, {
        caseRow: caseRow!,
        label: 'Sada',
        now: new Date(),
        mailDomain: TEST_MAIL_DOMAIN,
        ...input,
      });
    });
  }

  /** The buttons the simulator received in a message to `to`. */
  const buttonsTo = (to: string) => waitFor(() => simulator.sentButtons().find((sent) => sent.to === to));

  async function telegramCase(workspace: TestWorkspace, chatId: number) {
    const bot = await connectBot(workspace);
    const opened = fromChat(bot, chatId, { text: 'ما وصلني المبلغ المسترد' });
    expect(await simulator.deliver(bot.target, opened)).toBe(200);
    return { bot, detail: await onlyCase(workspace) };
  }

  it('Telegram: an automatic message carries an inline keyboard', async () => {
    const workspace = await createTestWorkspace(server);
    const chatId = Number(uniqueDigits().slice(0, 9));
    const { detail } = await telegramCase(workspace, chatId);

    const stored = await automatic(workspace, detail.id, {
      body: 'هل تقبل العرض؟ https://care.sada.test/offer',
      buttons: [
        { title: 'أقبل', payload: buttonPayload('offer', SUBJECT, 'accept') },
        { title: 'أرفض', payload: buttonPayload('offer', SUBJECT, 'decline') },
      ],
    });
    expect(stored).toMatchObject({ direction: 'outbound', visibility: 'public', isAutomatic: true });

    const sent = await buttonsTo(String(chatId));
    expect(sent).toMatchObject({
      surface: 'telegram',
      text: 'هل تقبل العرض؟ https://care.sada.test/offer',
      buttons: [
        { title: 'أقبل', payload: `sada:offer:${SUBJECT}:accept` },
        { title: 'أرفض', payload: `sada:offer:${SUBJECT}:decline` },
      ],
    });
    const after = await caseDetail(workspace, detail.referenceNumber);
    expect(after.messages.at(-1)).toMatchObject({ isAutomatic: true, direction: 'outbound' });
  });

  it('WhatsApp: an automatic message carries interactive reply buttons', async () => {
    const workspace = await createTestWorkspace(server);
    const phoneNumberId = uniqueDigits();
    await connect(workspace, {
      kind: 'whatsapp',
      name: 'Support line',
      credentials: { appSecret: simulator.secrets.appSecret, phoneNumberId, accessToken: 'wa-token' },
    });
    const waId = `9665${uniqueDigits().slice(0, 8)}`;
    const inbound = whatsappMessage({ phoneNumberId, waId, name: 'Huda', text: 'Where is my refund?' });
    expect(await simulator.deliver(webhook('/webhooks/meta'), inbound)).toBe(200);
    const detail = await onlyCase(workspace);

    await automatic(workspace, detail.id, {
      body: 'Do you accept our offer?',
      buttons: [
        { title: 'Accept', payload: buttonPayload('offer', SUBJECT, 'accept') },
        { title: 'Decline', payload: buttonPayload('offer', SUBJECT, 'decline') },
      ],
    });
    await buttonsTo(waId);
    const request = simulator.sent.find((item) => item.path.endsWith(`/${phoneNumberId}/messages`));
    expect(request!.json).toMatchObject({
      to: waId,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Do you accept our offer?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: `sada:offer:${SUBJECT}:accept`, title: 'Accept' } },
            { type: 'reply', reply: { id: `sada:offer:${SUBJECT}:decline`, title: 'Decline' } },
          ],
        },
      },
    });
  });

  it('X: the buttons are left out and the text goes as a plain direct message', async () => {
    const workspace = await createTestWorkspace(server);
    const userId = uniqueDigits();
    await connect(workspace, {
      kind: 'x',
      name: '@SadaSupport',
      credentials: { consumerSecret: simulator.secrets.consumerSecret, userId, accessToken: 'x-token' },
    });
    const senderId = uniqueDigits();
    const dm = xDirectMessage({ forUserId: userId, senderId, senderName: 'Sami', text: 'Refund please' });
    expect(await simulator.deliver(webhook('/webhooks/x'), dm)).toBe(200);
    const detail = await onlyCase(workspace);

    const body = 'Rate us here: https://care.sada.test/survey';
    await automatic(workspace, detail.id, {
      body,
      buttons: [{ title: 'Great', payload: buttonPayload('survey', SUBJECT, '5') }],
    });
    const [sent] = await simulator.waitForSent(1, {
      match: { pathIncludes: `/2/dm_conversations/with/${senderId}/messages` },
    });
    expect(sent!.json).toEqual({ text: body });
    expect(simulator.sentButtons().filter((item) => item.to === senderId)).toEqual([]);
  });

  it('Telegram: a Sada press stores no customer message and opens no case, and the button stops spinning', async () => {
    const workspace = await createTestWorkspace(server);
    const bot = await connectBot(workspace);
    const chatId = Number(uniqueDigits().slice(0, 9));
    // A press of a survey button nobody has: no survey with this id.
    const press = fromChat(bot, chatId, {
      callbackData: buttonPayload('survey', SUBJECT, '4'),
      replyTo: { messageId: 77, text: 'How did we do?' },
    });
    const callbackId = (press.body.callback_query as { id: string }).id;
    expect(await simulator.deliver(bot.target, press)).toBe(200);

    await simulator.waitForSent(1, {
      match: { pathIncludes: `/bot${bot.botToken}/answerCallbackQuery` },
    });
    expect(
      simulator.sent.find((item) => item.path === `/bot${bot.botToken}/answerCallbackQuery`)!.json,
    ).toEqual({ callback_query_id: callbackId });
    expect(await casesOf(workspace)).toEqual([]);

    // A Sada button of a kind nothing answers is ignored too, and the channel's log says so.
    const unknown = fromChat(bot, chatId, {
      callbackData: `sada:quiz:${SUBJECT}:a`,
    });
    expect(await simulator.deliver(bot.target, unknown)).toBe(200);
    expect(await casesOf(workspace)).toEqual([]);
    const errors = (await workspace.admin.get(`/api/channels/${bot.channelId}/errors`)).body;
    expect(JSON.stringify(errors)).toContain('unhandled_button');
  });

  it('Telegram: a press of another app’s button still opens a case as before, and stops spinning', async () => {
    const workspace = await createTestWorkspace(server);
    const bot = await connectBot(workspace);
    const chatId = Number(uniqueDigits().slice(0, 9));
    const press = fromChat(bot, chatId, {
      callbackData: 'menu:help',
    });
    expect(await simulator.deliver(bot.target, press)).toBe(200);
    const detail = await onlyCase(workspace);
    expect(detail.messages).toEqual([expect.objectContaining({ direction: 'inbound', body: 'menu:help' })]);
    await simulator.waitForSent(1, { match: { pathIncludes: `/bot${bot.botToken}/answerCallbackQuery` } });
  });

  it('Telegram: a survey is answered by a press in the right chat, once, and not from another chat', async () => {
    const workspace = await createTestWorkspace(server);
    const settings = await workspace.admin.patch('/api/workspace/settings', { survey: { delayMinutes: 0 } });
    expect(settings.status, JSON.stringify(settings.body)).toBe(200);
    const chatId = Number(uniqueDigits().slice(0, 9));
    const { bot, detail } = await telegramCase(workspace, chatId);
    const resolved = await workspace.admin.post(`/api/cases/${detail.referenceNumber}/transition`, {
      to: 'resolved',
    });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    await server.services.surveys.processDue();
    const sent: SentButtons = await buttonsTo(String(chatId));
    expect(sent.buttons).toHaveLength(5);
    const surveyOf = () => findLatestSurveyOfCase(server.database.orm, workspace.workspaceId, detail.id);
    expect((await surveyOf())?.status).toBe('sent');
    const fiveStars = sent.buttons.find((button) => button.payload.endsWith(':5'))!;

    // Someone else's chat, the same button: ignored.
    const elsewhere = Number(uniqueDigits().slice(0, 9));
    const stranger = await simulator.press(bot.target, { ...sent, to: String(elsewhere) }, fiveStars.payload);
    expect(stranger.status).toBe(200);
    expect((await surveyOf())?.status).toBe('sent');
    expect(await casesOf(workspace)).toHaveLength(1);

    // The customer's press, and the platform's retry of the same webhook.
    const pressed = await simulator.press(bot.target, sent, fiveStars.payload);
    expect(pressed.status).toBe(200);
    expect(await simulator.deliver(bot.target, pressed.delivery)).toBe(200);
    expect(await surveyOf()).toMatchObject({ status: 'answered', rating: 5, answeredVia: 'button' });

    // One reply, after the survey message, from Sada; no customer message came of the presses.
    const after = await waitFor(async () => {
      const current = await caseDetail(workspace, detail.referenceNumber);
      const surveyAt = current.messages.findIndex((message) => message.body === sent.text);
      return surveyAt >= 0 && current.messages.length > surveyAt + 1
        ? current.messages.slice(surveyAt + 1)
        : undefined;
    });
    expect(after).toEqual([expect.objectContaining({ direction: 'outbound', isAutomatic: true })]);
    expect(after[0]!.body).toMatch(/5/);
    const inbound = (await caseDetail(workspace, detail.referenceNumber)).messages.filter(
      (message) => message.direction === 'inbound',
    );
    expect(inbound).toHaveLength(1);
    await waitFor(() =>
      simulator.sent.some(
        (item) =>
          item.path === `/bot${bot.botToken}/sendMessage` &&
          (item.json as { text?: string }).text === after[0]!.body,
      )
        ? true
        : undefined,
    );
  });
});
