// Test helper: a local HTTP server standing in for graph.facebook.com, recording what it was asked
// and answering what the test queued. Not exported from the package.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';

export type GraphCall = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: unknown;
};

export type GraphAnswer = { status: number; body: unknown; headers?: Record<string, string> };

export type GraphStub = {
  baseUrl: string;
  calls: GraphCall[];
  /** Answers the next requests in order; when none is queued, 200 `{}`. */
  answer(...answers: GraphAnswer[]): void;
  close(): Promise<void>;
};

export async function startGraphStub(): Promise<GraphStub> {
  const calls: GraphCall[] = [];
  const queue: GraphAnswer[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://stub');
      const text = Buffer.concat(chunks).toString('utf8');
      calls.push({
        method: request.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: request.headers,
        body: text === '' ? null : JSON.parse(text),
      });
      const next = queue.shift() ?? { status: 200, body: {} };
      response.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
      response.end(typeof next.body === 'string' ? next.body : JSON.stringify(next.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    answer: (...answers) => queue.push(...answers),
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/**
 * A stub for one test file: started before its tests, closed after them, its calls forgotten
 * before each test. Read its fields inside tests only.
 */
export function useGraphStub(): Omit<GraphStub, 'close'> {
  let stub: GraphStub | undefined;
  beforeAll(async () => {
    stub = await startGraphStub();
  });
  afterAll(async () => {
    await stub?.close();
  });
  beforeEach(() => {
    stub?.calls.splice(0);
  });
  const started = () => {
    if (!stub) throw new Error('The Graph API stub is used outside a test.');
    return stub;
  };
  return {
    get baseUrl() {
      return started().baseUrl;
    },
    get calls() {
      return started().calls;
    },
    answer: (...answers) => started().answer(...answers),
  };
}
