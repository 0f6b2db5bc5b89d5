import { randomBytes } from 'node:crypto';
import type { Role } from '@sada/core';
import { describe, expect, it } from 'vitest';
import {
  ApiClient,
  createCase,
  createTestWorkspace,
  signInOverHttp,
  TEST_PASSWORD,
  type TestWorkspace,
  useTestServer,
} from './harness.ts';

const server = useTestServer();

// Failed sign-ins are limited per client address too, and the server trusts X-Forwarded-For:
// each attempt comes from its own address so that tests never use up each other's allowance.
function anotherAddress(): string {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${c}`;
}

type Credentials = { email: string; password: string; workspace: string };

function attemptLogin(credentials: Credentials, address = anotherAddress()) {
  return new ApiClient(server().baseUrl).post('/api/auth/login', credentials, { 'x-forwarded-for': address });
}

/** A user added by the workspace admin over the API, with credentials the test knows. */
async function addUser(workspace: TestWorkspace, role: Role = 'agent') {
  const email = `${role}-${randomBytes(4).toString('hex')}@${workspace.slug}.test`;
  const password = `password of ${email}`;
  const response = await workspace.admin.post('/api/users', { email, name: `A ${role}`, role, password });
  expect(response.status).toBe(201);
  const credentials: Credentials = { email, password, workspace: workspace.slug };
  return { id: response.body.id as string, credentials };
}

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and returns the user with a CSRF token', async () => {
    const workspace = await createTestWorkspace(server());
    const { id, credentials } = await addUser(workspace, 'supervisor');

    const response = await attemptLogin(credentials);

    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({
      id,
      email: credentials.email,
      role: 'supervisor',
      workspace: { slug: workspace.slug },
    });
    expect(response.body.csrfToken).toEqual(expect.any(String));
    expect(response.body.csrfToken.length).toBeGreaterThanOrEqual(32);
    const cookies = response.headers.getSetCookie();
    expect(cookies).toHaveLength(1);
    const attributes = cookies[0]!.split(';').map((part) => part.trim().toLowerCase());
    expect(attributes[0]).toMatch(/^sada_session=[\w-]{32,}$/);
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).toContain('path=/');
  });

  it('answers a wrong password, an unknown e-mail and an unknown workspace with the same 401', async () => {
    const workspace = await createTestWorkspace(server());
    const { credentials } = await addUser(workspace);

    const answers = await Promise.all([
      attemptLogin({ ...credentials, password: 'not the password' }),
      attemptLogin({ ...credentials, email: `nobody@${workspace.slug}.test` }),
      attemptLogin({ ...credentials, workspace: `${workspace.slug}-elsewhere` }),
    ]);

    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.headers.getSetCookie()).toEqual([]);
    }
    expect(answers[0]!.body).toEqual({
      error: { code: 'unauthorized', message: expect.any(String) },
    });
    expect(answers[1]!.body).toEqual(answers[0]!.body);
    expect(answers[2]!.body).toEqual(answers[0]!.body);
  });

  it('refuses the sixth attempt on one account within 15 minutes with 429, even with the right password', async () => {
    const workspace = await createTestWorkspace(server());
    const { credentials } = await addUser(workspace);
    const colleague = await addUser(workspace);

    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const failed = await attemptLogin({ ...credentials, password: `guess number ${attempt}` });
      expect(failed.status).toBe(401);
    }
    const sixth = await attemptLogin(credentials);

    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('rate_limited');
    expect(sixth.headers.getSetCookie()).toEqual([]);
    // The limit is per account: a colleague in the same workspace still signs in.
    expect((await attemptLogin(colleague.credentials)).status).toBe(200);
  });

  it('lets no more than five wrong guesses through when they arrive at the same time', async () => {
    const workspace = await createTestWorkspace(server());
    const { credentials } = await addUser(workspace);

    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, guess) => attemptLogin({ ...credentials, password: `guess ${guess}` })),
    );

    // Each attempt is written before it is counted, so simultaneous guesses see each other: at most
    // five are checked (fewer when others were written first), the rest are refused unchecked.
    const statuses = answers.map((answer) => answer.status);
    const checked = statuses.filter((status) => status === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(12 - checked);
    expect((await attemptLogin(credentials)).status).toBe(429);
  });

  it('reads the signed-in user from GET /api/me with the session cookie', async () => {
    const workspace = await createTestWorkspace(server());
    const { id, credentials } = await addUser(workspace, 'analyst');
    const { client } = await signInOverHttp(server().baseUrl, credentials);

    const me = await client.get('/api/me');

    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id, email: credentials.email, role: 'analyst', teamIds: [] });
    expect(me.body.csrfToken).toEqual(expect.any(String));
  });

  it('ends the session on logout, so the cookie no longer signs in', async () => {
    const workspace = await createTestWorkspace(server());
    const { credentials } = await addUser(workspace);
    const { client } = await signInOverHttp(server().baseUrl, credentials);

    const logout = await client.post('/api/auth/logout');

    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie()[0]).toMatch(/^sada_session=;/);
    const me = await client.get('/api/me');
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('unauthorized');
  });
});

describe('CSRF protection of cookie sessions', () => {
  it.each([
    ['without an X-CSRF-Token', {}],
    ['with an X-CSRF-Token that is not this session’s', { 'x-csrf-token': 'wrong-token' }],
  ])('refuses an unsafe request %s with 403 and changes nothing', async (_case, headers) => {
    const workspace = await createTestWorkspace(server());
    const cookieOnly = new ApiClient(server().baseUrl, { cookie: workspace.admin.cookie! });

    const created = await cookieOnly.post('/api/cases', { subject: 'Should not exist' }, headers);

    expect(created.status).toBe(403);
    expect(created.body).toEqual({ error: { code: 'forbidden', message: expect.stringMatching(/CSRF/) } });
    const cases = await workspace.admin.get('/api/cases');
    expect(cases.body.items).toEqual([]);
  });

  it('refuses the CSRF token of another session of the same user', async () => {
    const workspace = await createTestWorkspace(server());
    const { credentials } = await addUser(workspace);
    const first = await signInOverHttp(server().baseUrl, credentials);
    const second = await attemptLogin(credentials);

    const created = await first.client.post(
      '/api/cases',
      { subject: 'Should not exist' },
      { 'x-csrf-token': second.body.csrfToken },
    );

    expect(created.status).toBe(403);
    expect((await workspace.admin.get('/api/cases')).body.items).toEqual([]);
  });
});

describe('API tokens', () => {
  it('shows the secret only when created and lists the token with just a hint', async () => {
    const workspace = await createTestWorkspace(server());

    const created = await workspace.admin.post('/api/me/tokens', { name: 'CRM sync' });

    expect(created.status).toBe(201);
    const { token, secret } = created.body;
    expect(secret).toMatch(/^sada_/);
    expect(token).toMatchObject({ name: 'CRM sync', revokedAt: null });
    expect(secret.startsWith(token.hint.replace('…', ''))).toBe(true);
    const listed = await workspace.admin.get('/api/me/tokens');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      {
        id: token.id,
        name: 'CRM sync',
        hint: token.hint,
        createdAt: token.createdAt,
        lastUsedAt: null,
        revokedAt: null,
      },
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    const [stored] = await server().database.query('SELECT * FROM api_token WHERE id = $1', [token.id]);
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it('authenticates a Bearer token without a CSRF token', async () => {
    const workspace = await createTestWorkspace(server());
    const { secret } = (await workspace.admin.post('/api/me/tokens', { name: 'integration' })).body;
    const integration = new ApiClient(server().baseUrl, { bearer: secret });

    const me = await integration.get('/api/me');
    const created = await integration.post('/api/cases', { subject: 'Opened by the integration' });

    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { id: workspace.adminId }, csrfToken: null });
    expect(created.status).toBe(201);
  });

  it('refuses a revoked token with 401', async () => {
    const workspace = await createTestWorkspace(server());
    const { token, secret } = (await workspace.admin.post('/api/me/tokens', { name: 'old' })).body;
    const integration = new ApiClient(server().baseUrl, { bearer: secret });
    expect((await integration.get('/api/me')).status).toBe(200);

    const revoked = await workspace.admin.delete(`/api/me/tokens/${token.id}`);

    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const refused = await integration.get('/api/me');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('unauthorized');
  });
});

describe('ending access', () => {
  it('ends the sessions and stops the API tokens of a user an admin deactivates', async () => {
    const workspace = await createTestWorkspace(server());
    const agent = await workspace.signIn('agent');
    const { secret } = (await agent.client.post('/api/me/tokens', { name: 'mine' })).body;
    const integration = new ApiClient(server().baseUrl, { bearer: secret });
    expect((await integration.get('/api/me')).status).toBe(200);

    const deactivated = await workspace.admin.patch(`/api/users/${agent.userId}`, { isActive: false });

    expect(deactivated.status).toBe(200);
    expect(deactivated.body.isActive).toBe(false);
    expect((await agent.client.get('/api/me')).status).toBe(401);
    expect((await integration.get('/api/me')).status).toBe(401);
    expect((await integration.post('/api/cases', { subject: 'After leaving' })).status).toBe(401);
    const login = await attemptLogin({
      email: agent.email,
      password: TEST_PASSWORD,
      workspace: workspace.slug,
    });
    expect(login.status).toBe(401);
  });

  it('ends the sessions of a user whose password is changed; only the new password signs in', async () => {
    const workspace = await createTestWorkspace(server());
    const { id, credentials } = await addUser(workspace);
    const { client } = await signInOverHttp(server().baseUrl, credentials);
    const newPassword = 'a brand new password';

    const changed = await workspace.admin.patch(`/api/users/${id}`, { password: newPassword });

    expect(changed.status).toBe(200);
    expect((await client.get('/api/me')).status).toBe(401);
    expect((await attemptLogin(credentials)).status).toBe(401);
    expect((await attemptLogin({ ...credentials, password: newPassword })).status).toBe(200);
  });

  it('keeps the sessions of other users when one user is deactivated', async () => {
    const workspace = await createTestWorkspace(server());
    const leaving = await workspace.signIn('agent');
    const staying = await workspace.signIn('agent');

    await workspace.admin.patch(`/api/users/${leaving.userId}`, { isActive: false });

    expect((await staying.client.get('/api/me')).status).toBe(200);
    await createCase(staying.client);
  });
});

describe('password storage', () => {
  it('stores passwords as scrypt hashes, never as the password itself', async () => {
    const workspace = await createTestWorkspace(server());
    const { id, credentials } = await addUser(workspace);

    const [row] = await server().database.query<{ password_hash: string }>(
      'SELECT password_hash FROM app_user WHERE id = $1',
      [id],
    );

    expect(row!.password_hash.startsWith('scrypt$')).toBe(true);
    expect(row!.password_hash).not.toContain(credentials.password);
  });
});
