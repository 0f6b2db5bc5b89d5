import { randomBytes, randomUUID } from 'node:crypto';
import type { LiveEvent } from '@sada/contracts';
import { type Clock, type Role, systemClock } from '@sada/core';
import { type Database, insertReportOnce, openDatabase, updateWorkspace } from '@sada/db';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../src/config.ts';
import { type Sada, startSada } from '../src/server.ts';

/** Which database this test run uses: the vitest project sets SADA_TEST_DB. */
export const testDatabaseKind = process.env.SADA_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/** A fresh embedded database, or the shared PostgreSQL test database (tests isolate by workspace). */
export function openTestDatabase(): Promise<Database> {
  if (testDatabaseKind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('SADA_TEST_DB=postgres needs TEST_DATABASE_URL');
    return openDatabase({ kind: 'postgres', url, poolSize: 10 });
  }
  return openDatabase({ kind: 'pglite' });
}

/** A fixed key, so every test server process opens the secrets the others sealed. */
const TEST_SECRET_KEY = Buffer.alloc(32, 7).toString('base64');

export type TestServer = Sada & { baseUrl: string };

/**
 * `jobs`: run background jobs; `triage`: also the triage worker (it reads only workspaces made with
 * `createTestWorkspace(server, { triage: true })`, so tests sharing one PostgreSQL database never
 * see another test's worker change their cases).
 */
export type TestServerOptions = {
  jobs?: boolean;
  triage?: boolean;
  clock?: Clock;
  database?: Database;
  /** Receive mail with the built-in SMTP server on a free port (server.smtp.port). */
  smtp?: boolean;
  /** Send mail through this SMTP relay (smtp://127.0.0.1:PORT of a test sink). */
  smtpRelay?: string;
  /** The social platforms' API (a simulator's URL). */
  platformUrl?: string;
  /**
   * A database of its own on PostgreSQL too (a fresh one, dropped at stop): for servers whose
   * background workers (the outbox) would otherwise take other test files' rows in the shared one.
   */
  isolated?: boolean;
};

/** The mail domain of test servers: mail to WORKSPACE@sada.test reaches that workspace. */
export const TEST_MAIL_DOMAIN = 'sada.test';

/** Starts the real server on the test database, listening on a free port of 127.0.0.1. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SADA_DEMO: 'false',
    SADA_JOBS: options.jobs || options.triage ? 'true' : 'false',
    SADA_TRIAGE: options.triage ? 'true' : 'false',
    SADA_SECRET_KEY: TEST_SECRET_KEY,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    // Tests stand behind a "proxy" on loopback so that each can present its own client address.
    SADA_TRUST_PROXY: '127.0.0.1',
    SADA_MAIL_DOMAIN: TEST_MAIL_DOMAIN,
    SADA_PUBLIC_URL: 'http://care.sada.test',
    ...(options.smtp && { SADA_SMTP_PORT: '0' }),
    ...(options.smtpRelay && { SADA_SMTP_RELAY: options.smtpRelay }),
    ...(options.platformUrl && {
      SADA_META_GRAPH_URL: options.platformUrl,
      SADA_TELEGRAM_API_URL: options.platformUrl,
      SADA_X_API_URL: options.platformUrl,
    }),
    ...(testDatabaseKind === 'postgres' && { DATABASE_URL: process.env.TEST_DATABASE_URL }),
  });
  const isolated =
    options.isolated && testDatabaseKind === 'postgres' ? await createIsolatedDatabase() : undefined;
  const database =
    options.database ??
    (isolated
      ? await openDatabase({ kind: 'postgres', url: isolated.url, poolSize: 10 })
      : await openTestDatabase());
  const sada = await startSada({ config, database, clock: options.clock ?? systemClock, listen: true });
  const stop = sada.stop;
  return Object.assign(sada, {
    baseUrl: sada.url!,
    async stop() {
      await stop();
      await isolated?.drop();
    },
  });
}

/** A fresh PostgreSQL database beside the shared test database (the test role may create databases). */
export async function createIsolatedDatabase() {
  const shared = new URL(process.env.TEST_DATABASE_URL!);
  const name = `sada_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: shared.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(shared);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: shared.toString() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Starts a test server before the tests of the enclosing file or describe block and stops it after
 * them; the returned function gives that server inside tests and hooks.
 */
export function useTestServer(options: TestServerOptions = {}): () => TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(options);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server)
      throw new Error('useTestServer: the server starts in beforeAll; ask for it inside a test or hook');
    return server;
  };
}

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers };

/** A query string of parameters, a list repeating its key (`?region=a&region=b`). */
export function queryOf(params: Record<string, string | string[]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, item);
  }
  return search.toString();
}

/** A client that speaks to the server as one signed-in user (cookie + CSRF) or with a token. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly auth: { cookie?: string; csrfToken?: string; bearer?: string } = {},
  ) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const allHeaders: Record<string, string> = { ...headers };
    if (body !== undefined) allHeaders['content-type'] ??= 'application/json';
    if (this.auth.cookie) allHeaders.cookie = this.auth.cookie;
    if (this.auth.csrfToken && !['GET', 'HEAD'].includes(method))
      allHeaders['x-csrf-token'] ??= this.auth.csrfToken;
    if (this.auth.bearer) allHeaders.authorization = `Bearer ${this.auth.bearer}`;
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: allHeaders,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // keeps the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
  patch<T = any>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body, headers);
  }
  delete<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, undefined, headers);
  }

  get cookie() {
    return this.auth.cookie;
  }
}

export const TEST_PASSWORD = 'correct horse battery staple';

export function uniqueSlug(prefix = 'ws'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

export type TestWorkspace = {
  slug: string;
  workspaceId: string;
  referencePrefix: string;
  admin: ApiClient;
  adminId: string;
  /** Adds a user with this role and returns a client signed in as them (cookie session). */
  signIn(
    role: Role,
    overrides?: { email?: string; name?: string },
  ): Promise<{ client: ApiClient; userId: string; email: string }>;
  /** Adds a user with this role and returns a client using an API token. */
  withToken(role: Role): Promise<{ client: ApiClient; userId: string }>;
};

export async function signInOverHttp(
  baseUrl: string,
  credentials: { email: string; password: string; workspace: string },
) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const body = (await response.json()) as { csrfToken: string; user: { id: string } };
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(body)}`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return { client: new ApiClient(baseUrl, { cookie, csrfToken: body.csrfToken }), userId: body.user.id };
}

/** A new workspace with an admin signed in over HTTP; each test gets its own, so tests never share data. */
export async function createTestWorkspace(
  server: TestServer,
  options: { referencePrefix?: string; triage?: boolean } = {},
): Promise<TestWorkspace> {
  const slug = uniqueSlug();
  const { workspaces, auth } = server.services;
  const { workspace } = await workspaces.ensureWorkspace({
    slug,
    name: `Test ${slug}`,
    referencePrefix: options.referencePrefix ?? 'TST',
  });
  if (!options.triage) {
    await updateWorkspace(server.database.orm, workspace.id, { triageSettings: { isAutomatic: false } });
  }
  const adminEmail = `admin@${slug}.test`;
  const adminUser = await workspaces.createUser({
    workspace,
    email: adminEmail,
    name: 'Admin',
    role: 'admin',
    password: TEST_PASSWORD,
  });
  const admin = await signInOverHttp(server.baseUrl, {
    email: adminEmail,
    password: TEST_PASSWORD,
    workspace: slug,
  });
  let counter = 0;
  const addUser = async (role: Role, overrides: { email?: string; name?: string } = {}) => {
    counter += 1;
    const email = overrides.email ?? `${role}${counter}@${slug}.test`;
    const user = await workspaces.createUser({
      workspace,
      email,
      name: overrides.name ?? `${role} ${counter}`,
      role,
      password: TEST_PASSWORD,
    });
    return { user, email };
  };
  return {
    slug,
    workspaceId: workspace.id,
    referencePrefix: workspace.referencePrefix,
    admin: admin.client,
    adminId: adminUser.id,
    async signIn(role, overrides) {
      const { user, email } = await addUser(role, overrides);
      const { client } = await signInOverHttp(server.baseUrl, {
        email,
        password: TEST_PASSWORD,
        workspace: slug,
      });
      return { client, userId: user.id, email };
    },
    async withToken(role) {
      const { user } = await addUser(role);
      const actor = workspaces.systemActor(workspace, user);
      const { secret } = await auth.createApiToken({ actor: { ...actor, role }, name: 'test' });
      return { client: new ApiClient(server.baseUrl, { bearer: secret }), userId: user.id };
    },
  };
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('waitFor: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A case through the API with sensible defaults; returns the created case body. */
export async function createCase(client: ApiClient, overrides: Record<string, unknown> = {}) {
  const response = await client.post('/api/cases', {
    subject: 'Order did not arrive',
    description: 'Waiting for a week.',
    ...overrides,
  });
  if (response.status !== 201)
    throw new Error(`createCase failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export type LiveConnection = {
  /** Everything the server sent, in order. */
  events: LiveEvent[];
  /** Sends a command as JSON. */
  send(command: unknown): void;
  sendText(text: string): void;
  /** Resolves with the close code once the socket is closed (by either side). */
  closed: Promise<number>;
  close(): Promise<number>;
};

/** Opens /api/live as a signed-in client (on its server, or another) and resolves once the server says it is ready. */
export async function connectLive(client: ApiClient, baseUrl = client.baseUrl): Promise<LiveConnection> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/live`, {
    headers: { cookie: client.cookie! },
  });
  const events: LiveEvent[] = [];
  socket.on('message', (data) => events.push(JSON.parse(String(data))));
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  await waitFor(() => events.find((event) => event.type === 'ready'));
  return {
    events,
    send: (command) => socket.send(JSON.stringify(command)),
    sendText: (text) => socket.send(text),
    closed,
    close() {
      if (socket.readyState !== WebSocket.CLOSED) socket.close();
      return closed;
    },
  };
}

/** Stores a small on-demand report made at `createdAt` straight through the repository (for the list's paging). */
export async function storeTestReport(
  database: Database,
  workspaceId: string,
  createdAt: Date,
): Promise<string> {
  const row = await insertReportOnce(database.orm, {
    id: randomUUID(),
    workspaceId,
    kind: 'on-demand',
    periodStart: new Date('2026-11-01T00:00:00Z'),
    periodEnd: new Date('2026-11-08T00:00:00Z'),
    timeZone: 'Asia/Riyadh',
    language: 'ar',
    pdf: Buffer.from('%PDF-1.4'),
    pdfPages: 1,
    csv: 'section,item,measure,value',
    requestedBy: null,
    createdAt,
  });
  return row!.id;
}
