import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiClient, signInOverHttp } from '../apps/server/test/harness.ts';
import { type ConsoleFixture, newContext, saveScreenshot, signIn, startConsole } from './harness.ts';

let fixture: ConsoleFixture;
let admin: ApiClient;

beforeAll(async () => {
  fixture = await startConsole();
  admin = (await signInOverHttp(fixture.server.baseUrl, fixture.demo)).client;
});
afterAll(async () => {
  await fixture?.close();
});

test('an admin sets up business hours with a holiday, makes them the workspace’s, and reads staffing in Arabic', async () => {
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Business hours' }).click();
  await page.getByRole('button', { name: 'Add a calendar' }).click();
  await page.getByLabel(/^Name/).fill('Riyadh office');
  await page.getByRole('button', { name: 'Sun–Thu 08:00–20:00' }).click();

  // A second Sunday opening over the first: the server says which day and which hours overlap.
  await page.getByRole('button', { name: 'Add hours on Sunday' }).click();
  await page.getByRole('button', { name: 'Save calendar' }).click();
  await page
    .getByRole('alert')
    .getByText('Sunday: 08:00–20:00 and 08:00–20:00 overlap; join them into one opening.')
    .waitFor();
  await page.getByRole('button', { name: 'Remove Sunday 08:00–20:00' }).last().click();

  await page.getByRole('button', { name: 'Add hours on Saturday' }).click();
  await page.getByLabel('Saturday: opens at').fill('10:00');
  await page.getByLabel('Saturday: closes at').fill('14:00');
  await page.getByRole('button', { name: 'Add a holiday' }).click();
  await page.getByLabel('Date', { exact: true }).fill('2026-12-02');
  await page.getByLabel('Holiday', { exact: true }).fill('National Day');
  await page.getByRole('button', { name: 'Save calendar' }).click();
  await page.getByText('Calendar saved.').waitFor();

  const saved = (await admin.get('/api/calendars')).body;
  const office = saved.items.find((item: { name: string }) => item.name === 'Riyadh office');
  expect(office).toMatchObject({
    isAlwaysOpen: false,
    hours: [
      ...[0, 1, 2, 3, 4].map((day) => ({ day, from: '08:00', to: '20:00' })),
      { day: 6, from: '10:00', to: '14:00' },
    ],
    holidays: [{ date: '2026-12-02', name: 'National Day' }],
  });

  await page.getByRole('combobox', { name: 'Workspace calendar' }).click();
  await page.getByRole('option', { name: 'Riyadh office' }).click();
  await page.getByText('Saved.', { exact: true }).waitFor();
  expect((await admin.get('/api/calendars')).body.workspaceCalendarId).toBe(office.id);
  await saveScreenshot(page, 'calendars-en');

  // In Arabic the staffing heatmap reads from the right: Sunday's column is right of Monday's.
  const arabic = await newContext(fixture, 'ar');
  const arabicPage = await arabic.newPage();
  await signIn(arabicPage, fixture.demo);
  await arabicPage.goto('/admin/staffing');
  const heatmap = arabicPage.getByTestId('staffing-heatmap');
  await heatmap.waitFor();
  expect(await arabicPage.evaluate(() => document.documentElement.dir)).toBe('rtl');
  await arabicPage.getByRole('heading', { name: 'التوظيف' }).waitFor();
  const sunday = await heatmap.getByRole('columnheader', { name: 'أحد', exact: true }).boundingBox();
  const monday = await heatmap.getByRole('columnheader', { name: 'اثنين', exact: true }).boundingBox();
  expect(sunday!.x).toBeGreaterThan(monday!.x);
  expect(await heatmap.getByRole('row').count()).toBe(25);
  await saveScreenshot(arabicPage, 'staffing-ar');
  await arabicPage.goto('/admin/calendars');
  await arabicPage.getByRole('heading', { name: 'ساعات العمل' }).waitFor();
  await arabicPage.getByRole('navigation', { name: 'التقويمات' }).getByText('Riyadh office').waitFor();
  await arabic.close();
  await context.close();
});
