import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, createCase, signInOverHttp } from '../apps/server/test/harness.ts';
import { seriousAxeViolations } from './accessibility.ts';
import { type ConsoleFixture, newContext, saveScreenshot, signIn, startConsole } from './harness.ts';

// A supervisor edits a success story in Arabic: the preview shows the text as it would be shared,
// without the customer's name, and with their first name only once anonymity is switched off.
let fixture: ConsoleFixture;
let admin: ApiClient;

beforeAll(async () => {
  fixture = await startConsole();
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
});
afterAll(async () => {
  await fixture?.close();
});

/** A resolved case the customer rated 5 on the survey page, marked as a story candidate. */
async function storyCandidate() {
  expect((await admin.patch('/api/workspace/settings', { survey: { delayMinutes: 0 } })).status).toBe(200);
  const created = await createCase(admin, {
    subject: 'الطلبية لم تصل',
    description: 'طلبت جهازًا ولم يصل بعد أسبوعين.',
    customer: { name: 'ريم العتيبي', email: 'reem.otaibi@example.com' },
  });
  const resolved = await admin.post(`/api/cases/${created.referenceNumber}/transition`, { to: 'resolved' });
  const { pathname } = new URL(resolved.body.survey.url);
  const answered = await fetch(`${fixture.server.baseUrl}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ rating: '5', comment: 'خدمة ممتازة' }).toString(),
  });
  expect(answered.status).toBe(200);
  const marked = await admin.post(`/api/cases/${created.referenceNumber}/story`);
  expect(marked.status).toBe(201);
  return marked.body as { id: string; referenceNumber: string };
}

test('a supervisor edits a story in Arabic and sees the anonymised preview', async () => {
  const story = await storyCandidate();
  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await signIn(page, fixture.demo);

  await page.getByRole('link', { name: 'قصص النجاح' }).click();
  await page.waitForURL(/\/stories$/);
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  await page.getByTestId('story-row').filter({ hasText: story.referenceNumber }).click();
  await page.getByRole('heading', { name: `قصة الحالة ${story.referenceNumber}` }).waitFor();

  const words = page.getByRole('textbox', { name: 'كلمات العميل' });
  await words.fill('ريم العتيبي تقول: خدمة ممتازة وسريعة، راسلوني على reem.otaibi@example.com');
  await page.getByRole('button', { name: 'حفظ القصة', exact: true }).click();
  const preview = page.getByTestId('story-preview');
  await expect.poll(() => preview.textContent()).toContain('العميل تقول: خدمة ممتازة وسريعة');
  expect(await preview.textContent()).not.toContain('ريم');
  expect(await preview.textContent()).toContain('[البريد الإلكتروني]');
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);

  await page.getByRole('switch', { name: /دون هوية/ }).click({ force: true });
  await page.getByRole('button', { name: 'حفظ القصة', exact: true }).click();
  await expect.poll(() => preview.textContent()).toContain('ريم تقول');
  expect(await preview.textContent()).not.toContain('العتيبي');
  expect((await admin.get(`/api/stories/${story.id}`)).body).toMatchObject({ isAnonymous: false });
  expect(await seriousAxeViolations(page, '#main')).toEqual([]);
  await saveScreenshot(page, 'stories-editor-ar');
  await context.close();
});

test('with the customer’s consent, the card downloads as a PNG for sharing', async () => {
  const story = await storyCandidate();
  expect((await admin.post(`/api/stories/${story.id}/request-consent`)).status).toBe(200);
  const asked = (await admin.get(`/api/cases/${story.referenceNumber}`)).body.messages.at(-1).body as string;
  const { pathname } = new URL(asked.match(/https?:\/\/\S+\/story\/\S+/)![0]);
  const consented = await fetch(`${fixture.server.baseUrl}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ storyId: story.id, answer: 'yes' }).toString(),
  });
  expect(consented.status).toBe(200);

  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.goto('/stories');
  await page.getByTestId('story-row').filter({ hasText: story.referenceNumber }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'PNG card (Arabic)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('story-ar.png');
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const png = Buffer.concat(chunks);
  // A PNG (its signature), twice the card's size: 1200 × 630 drawn at 2×.
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2400, 1260]);
  await context.close();
});
