import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ConsoleFixture, newContext, signIn, startConsole } from './harness.ts';

let fixture: ConsoleFixture;
beforeAll(async () => {
  fixture = await startConsole();
});
afterAll(async () => {
  await fixture?.close();
});

test('a wrong password is refused with the server’s sentence and nobody is signed in', async () => {
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await page.goto('/');
  await page.waitForURL(/\/login$/, { waitUntil: 'commit' });
  await page.getByLabel('Workspace').fill('demo');
  await page.getByLabel('E-mail').fill(fixture.demo.email);
  await page.getByLabel(/^Password/).fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/password/i);
  expect(page.url()).toMatch(/\/login$/);
  await context.close();
});

test('signing in opens the inbox, and a reload keeps the session', async () => {
  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, fixture.demo);
  await expect.poll(() => page.getByTestId('user-menu').textContent()).toContain('Demo admin');
  await page.reload();
  await page.waitForURL(/\/inbox\//, { waitUntil: 'commit' });
  await expect.poll(() => page.getByTestId('live-status').getAttribute('data-status')).toBe('open');
  const cookies = await context.cookies();
  expect(cookies.find((cookie) => cookie.name === 'sada_session')?.httpOnly).toBe(true);
  await context.close();
});

test('Arabic is the default language and mirrors the page', async () => {
  const context = await newContext(fixture, 'ar');
  const page = await context.newPage();
  await page.goto('/login');
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ar');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('تسجيل الدخول إلى صدى');
  await page.getByText('English').click();
  await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('ltr');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to Sada');
  await context.close();
});
