import http from 'node:http';

export type HttpAnswer = { status: number; body: string; latencyMs: number };

/** A keep-alive client for one base URL with at most `sockets` connections open. */
export type HttpClient = {
  request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<HttpAnswer>;
  close(): void;
};

export function createHttpClient(baseUrl: string, token: string, sockets: number): HttpClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const { hostname, port } = new URL(baseUrl);
  return {
    request(method, path, body) {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const headers: http.OutgoingHttpHeaders = { authorization: `Bearer ${token}` };
      if (payload) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = payload.length;
      }
      return send({ agent, hostname, port: Number(port), method, path, headers }, payload);
    },
    close() {
      agent.destroy();
    },
  };
}

function send(options: http.RequestOptions, payload: Buffer | undefined): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const request = http.request(options, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          latencyMs: performance.now() - startedAt,
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(payload);
  });
}

/**
 * Sends `count` requests with `concurrency` workers, each starting its next request as soon as its
 * last one answered (closed loop). Returns every answer and the wall-clock time of the run.
 */
export async function runClosedLoop(
  count: number,
  concurrency: number,
  sendOne: (index: number) => Promise<HttpAnswer>,
): Promise<{ answers: HttpAnswer[]; elapsedMs: number }> {
  const answers: HttpAnswer[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      answers[index] = await sendOne(index);
    }
  };
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { answers, elapsedMs: performance.now() - startedAt };
}
