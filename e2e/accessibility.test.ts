import { afterAll, beforeAll, expect, test } from 'vitest';
import { seriousAxeViolations } from './accessibility.ts';
import { type ConsoleFixture, newContext, signIn, startConsole } from './harness.ts';

let fixture: ConsoleFixture;
beforeAll(async () => {
  fixture = await startConsole();
});
afterAll(async () => {
  await fixture?.close();
});

for (const language of ['en', 'ar'] as const) {
  test(`the sign-in page has no serious accessibility problem (${language})`, async () => {
    const context = await newContext(fixture, language);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    // A button under the pointer keeps its text readable (Mantine's own hover colour does not).
    await page.getByRole('button', { name: /^(Sign in|دخول)$/ }).hover();
    expect(await seriousAxeViolations(page, 'form')).toEqual([]);
    await context.close();
  });

  test(`the inbox, its filters and its bulk bar have no serious accessibility problem (${language})`, async () => {
    const context = await newContext(fixture, language);
    const page = await context.newPage();
    await signIn(page, fixture.demo);
    await page.goto('/inbox/open');
    await page.locator('[data-case-row]').first().waitFor();
    await page.locator('[data-testid="view-count"]').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.locator('[data-case-row] input[type="checkbox"]').first().check();
    await page.getByTestId('bulk-bar').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByTestId('filters-button').click();
    await page.getByRole('dialog').waitFor();
    await page.getByRole('dialog').getByRole('button').last().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });

  test(`a case page has no serious accessibility problem (${language})`, async () => {
    const context = await newContext(fixture, language);
    const page = await context.newPage();
    await signIn(page, fixture.demo);
    await page.goto('/inbox/open');
    const link = page.locator('[data-case-row] a[data-case-link]').first();
    await link.waitFor();
    const subject = (await link.textContent()) ?? '';
    await link.click();
    await page.waitForURL(/\/cases\//, { waitUntil: 'commit' });
    // The case page is someone else's: wait until it shows the case it opened.
    await page.getByText(subject, { exact: true }).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
}
