import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { systemClock } from '@sada/core';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { seedDemoWorkspace } from '../apps/server/src/demo/demo-seed.ts';
import { type ApiClient, startTestServer, type TestServer } from '../apps/server/test/harness.ts';

export const CHROMIUM_PATH = process.env.SADA_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = fileURLToPath(new URL('./artifacts/', import.meta.url));

/** Debian's Chromium, headless, with the flags that keep it off the network it cannot reach. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM_PATH}: install it with "apt-get install chromium" (.ci/run does).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export type ConsoleFixture = {
  server: TestServer;
  browser: Browser;
  demo: { workspace: string; email: string; password: string };
  close(): Promise<void>;
};

/**
 * A real server on a fresh database with the demo workspace, and a browser to drive the console.
 * `triage`: the triage worker reads new cases and messages in the background, as in production.
 */
export async function startConsole(
  options: { triage?: boolean; platformUrl?: string } = {},
): Promise<ConsoleFixture> {
  // With a platform simulator, the outbox worker runs too, so replies reach it.
  const server = await startTestServer({
    triage: options.triage ?? false,
    ...(options.platformUrl && { platformUrl: options.platformUrl, jobs: true }),
  });
  const credentials = await seedDemoWorkspace({
    services: server.services,
    database: server.database,
    clock: systemClock,
  });
  if (!credentials) throw new Error('the demo workspace already existed in a fresh database');
  const browser = await launchBrowser();
  return {
    server,
    browser,
    demo: { workspace: 'demo', email: credentials.email, password: credentials.password },
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}

/** A new browser context (its own cookies) with English or Arabic preselected. */
export async function newContext(
  fixture: ConsoleFixture,
  language: 'ar' | 'en' = 'en',
): Promise<BrowserContext> {
  const context = await fixture.browser.newContext({
    baseURL: fixture.server.baseUrl,
    locale: language === 'ar' ? 'ar-SA' : 'en-GB',
    viewport: { width: 1366, height: 800 },
  });
  await context.addInitScript((chosen) => {
    if (!localStorage.getItem('sada.language')) localStorage.setItem('sada.language', chosen);
  }, language);
  return context;
}

/** Signs in through the login form and waits for the inbox. */
export async function signIn(
  page: Page,
  credentials: { workspace: string; email: string; password: string },
) {
  await page.goto('/login');
  await page.getByLabel(/Workspace|مساحة العمل/).fill(credentials.workspace);
  await page.getByLabel(/E-mail|البريد الإلكتروني/).fill(credentials.email);
  await page.getByLabel(/^(Password|كلمة المرور)/).fill(credentials.password);
  await page.getByRole('button', { name: /^(Sign in|دخول)$/ }).click();
  await page.waitForURL(/\/inbox\//, { waitUntil: 'commit' });
}

/**
 * Opens a case page and waits until the side panels that load on their own (plan, offers) are
 * there, so nothing moves under a click that follows.
 */
export async function openCase(page: Page, reference: string) {
  await page.goto(`/cases/${reference}`);
  await page.getByTestId('case-page').waitFor();
  for (const panel of ['plan-panel', 'offers-panel']) {
    await page.locator(`[data-testid="${panel}"][aria-busy="false"]`).waitFor();
  }
}

/** Text as a person reads it: without the bidi isolation marks around names, spaces collapsed. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '')
    .replace(/[\u200e\u200f\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Subscribes someone through a section's subscriber picker (early warnings, reports), in Arabic. */
export async function subscribeInPicker(page: Page, section: Locator, name: string) {
  await section.getByLabel('اشترك لشخص آخر').click();
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await section.getByRole('button', { name: 'اشترك له' }).click();
}

/** Saves a full-page screenshot under e2e/artifacts/ (ignored by git) for people to look at. */
export async function saveScreenshot(page: Page, name: string) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS_DIR}${name}.png`, fullPage: false });
}

/** A user of the demo workspace, added by its admin, with a password the test knows. */
export async function addUser(admin: ApiClient, role: 'agent' | 'supervisor', name: string) {
  const credentials = {
    workspace: 'demo',
    email: `${name.toLowerCase().replace(/\W+/g, '.')}@demo.sada.local`,
    password: `${role}-password-1`,
  };
  const created = await admin.post('/api/users', { ...credentials, workspace: undefined, name, role });
  if (created.status !== 201) throw new Error(`could not add ${name}: ${JSON.stringify(created.body)}`);
  return credentials;
}
