import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local HTTP server standing in for a platform's API in tests: adapters are pointed at it through
// `baseUrl`, so requests go over a real socket and nothing mocks fetch. Used by the Telegram and X tests.

/** One request as the platform would have received it. */
export type RecordedRequest = {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
};

/** What the stand-in platform answers. */
export type StubAnswer = { status?: number; headers?: Record<string, string>; json: unknown };

export type PlatformStub = { baseUrl: string; requests: RecordedRequest[]; stop(): Promise<void> };

/** Starts the stand-in on a free local port; `answer` decides each response. */
export async function startPlatformStub(
  answer: (request: RecordedRequest) => StubAnswer,
): Promise<PlatformStub> {
  const requests: RecordedRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const request: RecordedRequest = {
        method: incoming.method ?? '',
        url: new URL(incoming.url ?? '/', 'http://stub.local'),
        headers: incoming.headers,
        body,
        json: body === '' ? null : JSON.parse(body),
      };
      requests.push(request);
      const { status = 200, headers = {}, json } = answer(request);
      outgoing.writeHead(status, { 'content-type': 'application/json', ...headers });
      outgoing.end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
