import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ConsoleFixture, newContext, signIn, startConsole } from './harness.ts';

let fixture: ConsoleFixture;
beforeAll(async () => {
  fixture = await startConsole();
});
afterAll(async () => {
  await fixture?.close();
});

test('an agent switches to away in the header, and the choice outlives a reload and a language change', async () => {
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  const switcher = page.getByTestId('availability');
  await expect.poll(() => switcher.getAttribute('data-availability')).toBe('offline');

  await switcher.click();
  await page.getByRole('menuitem', { name: /^Away/ }).click();
  await expect.poll(() => switcher.textContent()).toBe('Availability: Away');

  await page.reload();
  await expect.poll(() => page.getByTestId('availability').getAttribute('data-availability')).toBe('away');

  // In Arabic the same state reads in Arabic, on a right-to-left page.
  await page.getByTestId('user-menu').click();
  await page.getByText('العربية').click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  await expect.poll(() => page.getByTestId('availability').textContent()).toBe('الحضور: بعيد');
  await context.close();
});
