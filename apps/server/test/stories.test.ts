import {
  type SentButtons,
  type Simulator,
  startPlatformSimulator,
  telegramUpdate,
} from '@sada/channels/simulator';
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
import { connectTelegramBot, uniqueDigits } from './social-harness.ts';

// Success stories: a resolved case the customer rated 4 or 5 becomes a candidate, its text anonymised;
// the customer consents on a signed page or with a button; only then it exports as Markdown and SVG.

const server = useTestServer();

type XmlElement = { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string };
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

/** A strict little XML reader: throws unless every tag closes in order, attributes are quoted and & is escaped. */
function parseXml(source: string): XmlElement {
  const token = /<\?xml[^>]*\?>|<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  let index = 0;
  while (index < source.length) {
    token.lastIndex = index;
    const match = token.exec(source);
    if (!match) throw new Error(`Not XML at ${index}: ${source.slice(index, index + 40)}`);
    index = token.lastIndex;
    const [whole, closing, name, attributeText = '', selfClosing, text] = match;
    const top = stack.at(-1)!;
    if (text !== undefined) {
      if (text.replace(ENTITY, '').includes('&')) throw new Error(`Unescaped & in ${text}`);
      top.text += text;
    } else if (whole.startsWith('<?xml')) {
      // the declaration
    } else if (closing) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const attributes = Object.fromEntries(
        [...attributeText.matchAll(/([\w:.-]+)="([^"]*)"/g)].map(([, key, value]) => [key!, value!]),
      );
      const element: XmlElement = { name: name!, attributes, children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('Unclosed or several root elements');
  return root.children[0]!;
}

const CUSTOMER = { name: 'هدى الشمري', phone: '+966501234567', email: 'huda.shammari@example.com' };

/** Posts a form the way a browser does (form-urlencoded) to the page at `url`. */
async function postForm(url: string, fields: Record<string, string>) {
  const { pathname, search } = new URL(url);
  const response = await fetch(`${server().baseUrl}${pathname}${search}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, text: await response.text() };
}

async function getPage(url: string) {
  const { pathname, search } = new URL(url);
  const response = await fetch(`${server().baseUrl}${pathname}${search}`);
  return { status: response.status, text: await response.text() };
}

/** A resolved case whose customer answered the survey on its page (rating, comment), if `rating`. */
async function ratedCase(workspace: TestWorkspace, rating: number | null, comment = '') {
  const settings = await workspace.admin.patch('/api/workspace/settings', { survey: { delayMinutes: 0 } });
  expect(settings.status).toBe(200);
  const created = await createCase(workspace.admin, {
    subject: 'الطلبية لم تصل',
    description: `أنا ${CUSTOMER.name}، طلبت جهازًا ولم يصل بعد أسبوعين. رقمي ${CUSTOMER.phone}`,
    customer: CUSTOMER,
  });
  const reference: string = created.referenceNumber;
  const reply = await workspace.admin.post(`/api/cases/${reference}/messages`, {
    type: 'reply',
    body: 'أرسلنا لك جهازًا بديلًا بالشحن السريع ووصلك اليوم.',
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  const resolved = await workspace.admin.post(`/api/cases/${reference}/transition`, { to: 'resolved' });
  expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
  if (rating !== null) {
    const answer = await postForm(resolved.body.survey.url, { rating: String(rating), comment });
    expect(answer.status).toBe(200);
  }
  return { reference, caseId: created.id as string };
}

async function markedStory(workspace: TestWorkspace) {
  const { reference } = await ratedCase(
    workspace,
    5,
    `خدمة رائعة، شكرًا! — ${CUSTOMER.name} ${CUSTOMER.phone}`,
  );
  const marked = await workspace.admin.post(`/api/cases/${reference}/story`);
  expect(marked.status, JSON.stringify(marked.body)).toBe(201);
  return { reference, story: marked.body };
}

/** Asks the customer; answers the story page's address from the automatic message on the case. */
async function askConsent(client: ApiClient, story: { id: string; referenceNumber: string }) {
  const asked = await client.post(`/api/stories/${story.id}/request-consent`);
  expect(asked.status, JSON.stringify(asked.body)).toBe(200);
  const detail = (await client.get(`/api/cases/${story.referenceNumber}`)).body;
  const message = detail.messages.at(-1) as { body: string; isAutomatic: boolean };
  expect(message.isAutomatic).toBe(true);
  const url = message.body.match(/https?:\/\/\S+\/story\/\S+/)?.[0];
  expect(url, message.body).toBeDefined();
  return { asked: asked.body, url: url!, message };
}

describe('marking a story candidate', () => {
  it('refuses a case without a rating, with a low rating, or not yet resolved, saying why in both languages', async () => {
    const workspace = await createTestWorkspace(server());
    const unrated = await ratedCase(workspace, null);
    const low = await ratedCase(workspace, 3);
    const open = await createCase(workspace.admin);

    const refusedUnrated = await workspace.admin.post(`/api/cases/${unrated.reference}/story`);
    const refusedLow = await workspace.admin.post(`/api/cases/${low.reference}/story`, undefined, {
      'accept-language': 'ar',
    });
    const refusedOpen = await workspace.admin.post(`/api/cases/${open.referenceNumber}/story`);

    expect(refusedUnrated.status).toBe(422);
    expect(refusedUnrated.body.error.message).toMatch(/has not rated/);
    expect(refusedLow.status).toBe(422);
    expect(refusedLow.body.error.message).toContain('3 من 5');
    expect(refusedOpen.status).toBe(422);
    expect(refusedOpen.body.error.message).toMatch(/resolved or closed/);
    expect((await workspace.admin.get('/api/stories')).body.items).toEqual([]);
    expect((await workspace.admin.get(`/api/cases/${low.reference}/story`)).body).toMatchObject({
      canMark: false,
      rating: 3,
      story: null,
    });
  });

  it('prefills the draft from the case and shows it anonymised: no Arabic name, phone or reference', async () => {
    const workspace = await createTestWorkspace(server());
    const { reference } = await ratedCase(
      workspace,
      5,
      `${CUSTOMER.name} تشكركم، اتصلوا بي على ${CUSTOMER.phone}`,
    );
    expect((await workspace.admin.get(`/api/cases/${reference}/story`)).body).toMatchObject({
      canMark: true,
      rating: 5,
    });

    const marked = await workspace.admin.post(`/api/cases/${reference}/story`);

    expect(marked.status).toBe(201);
    const story = marked.body;
    expect(story).toMatchObject({
      status: 'candidate',
      isAnonymous: true,
      rating: 5,
      referenceNumber: reference,
    });
    expect(story.problem).toContain('الطلبية لم تصل');
    expect(story.problem).toContain(CUSTOMER.name);
    expect(story.resolution).toBe('أرسلنا لك جهازًا بديلًا بالشحن السريع ووصلك اليوم.');
    expect(story.customerWords).toContain('تشكركم');
    const shared = JSON.stringify(story.preview);
    expect(shared).not.toContain('هدى');
    expect(shared).not.toContain('الشمري');
    expect(shared).not.toContain('501234567');
    expect(story.preview.customerWords).toBe('العميل تشكركم، اتصلوا بي على [رقم الهاتف]');
    const timeline = (await workspace.admin.get(`/api/cases/${reference}`)).body.timeline;
    expect(timeline.map((event: { type: string }) => event.type)).toContain('story.marked');

    const again = await workspace.admin.post(`/api/cases/${reference}/story`);
    expect(again.status).toBe(409);
  });

  it('lets an editor change the text and anonymity and see the preview change', async () => {
    const workspace = await createTestWorkspace(server());
    const { story } = await markedStory(workspace);

    const edited = await workspace.admin.patch(`/api/stories/${story.id}`, {
      customerWords: 'هدى الشمري: أفضل خدمة!',
      isAnonymous: false,
    });

    expect(edited.status).toBe(200);
    expect(edited.body.preview.customerWords).toBe('هدى: أفضل خدمة!');
    const anonymous = await workspace.admin.patch(`/api/stories/${story.id}`, { isAnonymous: true });
    expect(anonymous.body.preview.customerWords).toBe('العميل: أفضل خدمة!');
    const empty = await workspace.admin.patch(`/api/stories/${story.id}`, {});
    expect(empty.status).toBe(422);
  });
});

describe('consent and export', () => {
  it('refuses export before consent; the signed page records consent once; then Markdown and SVG', async () => {
    const workspace = await createTestWorkspace(server());
    const { story } = await markedStory(workspace);
    expect((await workspace.admin.get(`/api/stories/${story.id}/story.md`)).status).toBe(409);
    expect((await workspace.admin.get(`/api/stories/${story.id}/card.svg`)).status).toBe(409);

    const { asked, url, message } = await askConsent(workspace.admin, story);
    expect(asked.status).toBe('consent_requested');
    // The customer writes Arabic (the workspace's language): asked in Arabic.
    expect(message.body).toContain('هل تسمح لنا بمشاركة قصتك');

    const page = await getPage(url);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="ar" dir="rtl"');
    expect(page.text).toContain('خدمة رائعة');
    expect(page.text).not.toContain('الشمري');
    const consented = await postForm(url, { storyId: story.id, answer: 'yes', useFirstName: '1' });
    expect(consented.status).toBe(200);
    expect(consented.text).toContain('شكرًا لك!');
    const second = await postForm(url, { storyId: story.id, answer: 'no' });
    expect(second.status).toBe(409);

    const stored = (await workspace.admin.get(`/api/stories/${story.id}`)).body;
    expect(stored).toMatchObject({ status: 'consented', consentVia: 'web', isAnonymous: false });
    const timeline = (await workspace.admin.get(`/api/cases/${story.referenceNumber}`)).body.timeline;
    expect(
      timeline
        .filter((event: { type: string }) => event.type.startsWith('story.'))
        .map((e: { type: string }) => e.type),
    ).toEqual(expect.arrayContaining(['story.marked', 'story.consent_requested', 'story.consented']));
    expect((await workspace.admin.get('/api/stories?status=consented')).body.items).toHaveLength(1);
    expect((await workspace.admin.get('/api/stories?status=candidate')).body.items).toEqual([]);

    const markdown = await workspace.admin.get(`/api/stories/${story.id}/story.md?lang=en`);
    expect(markdown.status).toBe(200);
    expect(markdown.headers.get('content-type')).toContain('text/markdown');
    expect(markdown.body).toContain('## What we did');
    expect(markdown.body).toContain('> خدمة رائعة، شكرًا! — هدى [رقم الهاتف]');
    expect(markdown.body).not.toContain('الشمري');

    const card = await workspace.admin.get(`/api/stories/${story.id}/card.svg?lang=ar`);
    expect(card.status).toBe(200);
    expect(card.headers.get('content-type')).toContain('image/svg+xml');
    const svg = parseXml(card.body);
    expect(svg).toMatchObject({ name: 'svg', attributes: { width: '1200', height: '630' } });
    const texts = svg.children.filter((element) => element.name === 'text');
    expect(texts.every((text) => text.attributes.direction === 'rtl')).toBe(true);
    expect(texts.map((text) => text.text).join(' ')).toContain('خدمة رائعة');
    const english = await workspace.admin.get(`/api/stories/${story.id}/card.svg?lang=en`);
    expect(english.body).toContain('direction="ltr"');
  });

  it('records a refusal, and an agent can withdraw consent on the customer’s request', async () => {
    const workspace = await createTestWorkspace(server());
    const refused = await markedStory(workspace);
    const { url } = await askConsent(workspace.admin, refused.story);
    expect((await postForm(url, { storyId: refused.story.id, answer: 'no' })).status).toBe(200);
    expect((await workspace.admin.get(`/api/stories/${refused.story.id}`)).body.status).toBe('declined');
    expect((await workspace.admin.post(`/api/stories/${refused.story.id}/request-consent`)).status).toBe(409);

    const other = await markedStory(workspace);
    const second = await askConsent(workspace.admin, other.story);
    await postForm(second.url, { storyId: other.story.id, answer: 'yes' });
    const withdrawn = await workspace.admin.post(`/api/stories/${other.story.id}/withdraw-consent`, {
      reason: 'Customer called and asked us not to share it',
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('declined');
    expect((await workspace.admin.get(`/api/stories/${other.story.id}/story.md`)).status).toBe(409);
  });

  it('shows another workspace nothing, and agents cannot manage stories', async () => {
    const workspace = await createTestWorkspace(server());
    const { story, reference } = await markedStory(workspace);
    const other = await createTestWorkspace(server());
    const { client: agent } = await workspace.signIn('agent');

    expect((await other.admin.get(`/api/stories/${story.id}`)).status).toBe(404);
    expect((await other.admin.get('/api/stories')).body.items).toEqual([]);
    expect((await other.admin.patch(`/api/stories/${story.id}`, { problem: 'x' })).status).toBe(404);
    expect((await other.admin.post(`/api/cases/${reference}/story`)).status).toBe(404);
    expect((await agent.get('/api/stories')).status).toBe(403);
    // A story link is bound to its workspace: under another workspace's address it does not open.
    const { url } = await askConsent(workspace.admin, story);
    expect((await getPage(url.replace(`/w/${workspace.slug}/`, `/w/${other.slug}/`))).status).toBe(404);
  });
});

describe('consent by a Telegram button', () => {
  let simulator: Simulator;
  let telegramServer: TestServer;

  beforeAll(async () => {
    simulator = await startPlatformSimulator({});
    telegramServer = await startTestServer({ jobs: true, platformUrl: simulator.url, isolated: true });
  });
  afterAll(async () => {
    await telegramServer?.stop();
    await simulator?.close();
  });

  it('records consent from a press in the customer’s chat, once, and ignores another chat', async () => {
    const workspace = await createTestWorkspace(telegramServer);
    await workspace.admin.patch('/api/workspace/settings', { survey: { delayMinutes: 0 } });
    const { botId, target } = await connectTelegramBot(workspace.admin, {
      baseUrl: telegramServer.baseUrl,
      secretToken: simulator.secrets.telegramSecretToken,
    });
    const chatId = Number(uniqueDigits().slice(0, 9));
    const opened = telegramUpdate({
      chatId,
      from: { id: chatId, firstName: 'Mona' },
      text: 'ما وصلني المبلغ المسترد',
      bot: { id: botId, username: 'sada_support_bot', firstName: 'Sada' },
    });
    expect(await simulator.deliver(target, opened)).toBe(200);
    const [summary] = await waitFor(async () => {
      const items = (await workspace.admin.get('/api/cases')).body.items;
      return items.length > 0 ? items : undefined;
    });
    const reference: string = summary.referenceNumber;
    await workspace.admin.post(`/api/cases/${reference}/transition`, { to: 'resolved' });
    await telegramServer.services.surveys.processDue();
    const survey: SentButtons = await waitFor(() =>
      simulator.sentButtons().find((sent) => sent.to === String(chatId)),
    );
    const fiveStars = survey.buttons.find((button) => button.payload.endsWith(':5'))!;
    expect((await simulator.press(target, survey, fiveStars.payload)).status).toBe(200);
    await waitFor(async () => {
      const detail = (await workspace.admin.get(`/api/cases/${reference}`)).body;
      return detail.survey?.status === 'answered' ? true : undefined;
    });

    const story = (await workspace.admin.post(`/api/cases/${reference}/story`)).body;
    await workspace.admin.post(`/api/stories/${story.id}/request-consent`);
    const ask: SentButtons = await waitFor(() =>
      simulator
        .sentButtons()
        .find(
          (sent) =>
            sent.to === String(chatId) && sent.buttons.some((b) => b.payload.startsWith('sada:story:')),
        ),
    );
    expect(ask.buttons.map((button) => button.payload)).toEqual([
      `sada:story:${story.id}:yes`,
      `sada:story:${story.id}:no`,
    ]);
    expect(ask.text).toContain(`/w/${workspace.slug}/story/`);
    const yes = ask.buttons[0]!.payload;

    await simulator.press(target, { ...ask, to: String(chatId + 1) }, yes);
    expect((await workspace.admin.get(`/api/stories/${story.id}`)).body.status).toBe('consent_requested');

    const pressed = await simulator.press(target, ask, yes);
    expect(pressed.status).toBe(200);
    expect(await simulator.deliver(target, pressed.delivery)).toBe(200);
    const consented = (await workspace.admin.get(`/api/stories/${story.id}`)).body;
    expect(consented).toMatchObject({ status: 'consented', consentVia: 'button', isAnonymous: true });
    const detail = (await workspace.admin.get(`/api/cases/${reference}`)).body;
    expect(
      detail.timeline.filter((event: { type: string }) => event.type === 'story.consented'),
    ).toHaveLength(1);
    expect(
      detail.messages.filter((message: { direction: string }) => message.direction === 'inbound'),
    ).toHaveLength(1);
  });
});
