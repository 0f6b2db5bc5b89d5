import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, signInOverHttp } from '../apps/server/test/harness.ts';
import { seriousAxeViolations } from './accessibility.ts';
import {
  type ConsoleFixture,
  newContext,
  openCase,
  saveScreenshot,
  signIn,
  startConsole,
} from './harness.ts';

let fixture: ConsoleFixture;
let admin: ApiClient;

beforeAll(async () => {
  fixture = await startConsole();
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
});
afterAll(async () => {
  await fixture?.close();
});

test('an Arabic customer rates a resolved case on the survey page, and the team sees the rating', async () => {
  const settings = await admin.patch('/api/workspace/settings', { survey: { delayMinutes: 0 } });
  expect(settings.status).toBe(200);
  const created = await admin.post('/api/cases', {
    subject: 'تأخر الشحنة',
    description: 'طلبت قبل أسبوع ولم يصل شيء.',
    language: 'ar',
    customer: { name: 'نورة', email: 'noura-survey@example.com' },
  });
  expect(created.status).toBe(201);
  const reference = created.body.referenceNumber as string;
  const resolved = await admin.post(`/api/cases/${reference}/transition`, { to: 'resolved' });
  expect(resolved.body.survey.status).toBe('sent');
  const { pathname } = new URL(resolved.body.survey.url);

  const customer = await fixture.browser.newContext({
    baseURL: fixture.server.baseUrl,
    locale: 'ar-SA',
    viewport: { width: 390, height: 844 },
  });
  const page = await customer.newPage();
  await page.goto(pathname);
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  expect(await page.locator('html').getAttribute('lang')).toBe('ar');
  await page.getByRole('heading', { name: 'كيف كانت خدمتنا؟' }).waitFor();
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Sending without a rating asks for one, and keeps the comment.
  await page.getByLabel(/هل لديك ما تودّ إخبارنا به؟/).fill('وصل الطلب أخيرًا، شكرًا');
  await page.locator('form').evaluate((form) => (form as HTMLFormElement).submit());
  await page.getByText('اختر تقييمًا من 1 إلى 5.').first().waitFor();
  expect(await page.getByLabel(/هل لديك ما تودّ إخبارنا به؟/).inputValue()).toBe('وصل الطلب أخيرًا، شكرًا');
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.getByRole('radio', { name: '4 — جيد' }).check();
  await saveScreenshot(page, 'survey-ar');
  await page.getByRole('button', { name: 'أرسل إجابتي' }).click();
  await page.getByRole('heading', { name: 'شكرًا لك!' }).waitFor();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await customer.close();

  const team = await newContext(fixture, 'en');
  const agent = await team.newPage();
  await signIn(agent, fixture.demo);
  await openCase(agent, reference);
  const panel = agent.getByTestId('survey-panel');
  await panel.waitFor();
  await expect.poll(async () => (await panel.textContent()) ?? '').toContain('4 of 5');
  expect(await panel.textContent()).toContain('وصل الطلب أخيرًا، شكرًا');

  // Admin → Satisfaction survey: the settings as stored, and the summary with this answer.
  await agent.goto('/admin/surveys');
  await agent.getByRole('heading', { name: 'Satisfaction survey' }).waitFor();
  expect(await agent.getByLabel('Send after (minutes)').inputValue()).toBe('0');
  await agent.getByRole('combobox', { name: 'Group by' }).waitFor();
  const summary = agent.getByTestId('survey-summary');
  await summary.waitFor();
  expect(await summary.textContent()).toContain('Answered');
  expect(await seriousAxeViolations(agent)).toEqual([]);
  await saveScreenshot(agent, 'survey-admin-en');
  await team.close();
});
