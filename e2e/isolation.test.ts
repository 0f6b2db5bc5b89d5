import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createCase, createTestWorkspace, signInOverHttp } from '../apps/server/test/harness.ts';
import { type ConsoleFixture, newContext, signIn, startConsole } from './harness.ts';

let fixture: ConsoleFixture;
beforeAll(async () => {
  fixture = await startConsole();
});
afterAll(async () => {
  await fixture?.close();
});

/** Opens a case URL and waits for the console's request for that case to be answered. */
async function openCaseUrl(page: Page, reference: string) {
  const answered = page.waitForResponse((response) =>
    new URL(response.url()).pathname.startsWith(`/api/cases/${reference}`),
  );
  await page.goto(`/cases/${reference}`);
  const response = await answered;
  await page.waitForLoadState('networkidle');
  return response.status();
}

test('an agent of one workspace cannot open, list or find the cases of another', async () => {
  // Another workspace with the demo's own reference prefix: its first case has the very reference
  // number of a demo case. A third one has references the demo does not have at all.
  const twin = await createTestWorkspace(fixture.server, { referencePrefix: 'SAD' });
  const twinCase = await createCase(twin.admin, { subject: 'Twin workspace secret: payroll dispute' });
  const other = await createTestWorkspace(fixture.server, { referencePrefix: 'OTH' });
  const otherCase = await createCase(other.admin, { subject: 'Other workspace secret: merger rumours' });

  const demoAdmin = await signInOverHttp(fixture.server.baseUrl, fixture.demo);
  const password = 'agent password for the isolation test';
  const email = 'isolation.agent@demo.sada.local';
  const created = await demoAdmin.client.post('/api/users', {
    email,
    name: 'Isolation agent',
    role: 'agent',
    password,
  });
  expect(created.status).toBe(201);
  const demoCase = await demoAdmin.client.get(`/api/cases/${twinCase.referenceNumber}`);
  expect(demoCase.status).toBe(200);
  expect(demoCase.body.subject).not.toBe(twinCase.subject);

  const context = await newContext(fixture, 'en');
  const page = await context.newPage();
  await signIn(page, { workspace: 'demo', email, password });

  expect(await openCaseUrl(page, otherCase.referenceNumber)).toBe(404);
  expect(await page.locator('body').textContent()).not.toContain(otherCase.subject);

  // The same reference number opens the demo's own case, never the twin's.
  expect(await openCaseUrl(page, twinCase.referenceNumber)).toBe(200);
  await page.getByText(demoCase.body.subject).first().waitFor();
  expect(await page.locator('body').textContent()).not.toContain(twinCase.subject);

  // Neither the inbox nor its search shows the other workspaces' cases.
  await page.goto('/inbox/all?q=secret');
  await page.getByText('No case matches these filters.').waitFor();
  await page.goto('/inbox/all');
  await page.locator('[data-case-row]').first().waitFor();
  const inbox = (await page.locator('body').textContent()) ?? '';
  expect(inbox).not.toContain(twinCase.subject);
  expect(inbox).not.toContain(otherCase.subject);
  await context.close();
});
