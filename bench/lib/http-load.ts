import net from 'node:net';

export type HttpAnswer = { status: number; body: string; latencyMs: number };

/** A keep-alive client for one base URL with at most `sockets` connections open, one request on each. */
export type HttpClient = {
  /** `body` is sent as JSON; a Buffer is sent as it is (already JSON), so callers can prepare it beforehand. */
  request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<HttpAnswer>;
  close(): void;
};

// The load generator shares the two cores with the server and PostgreSQL, so it does as little as an
// HTTP/1.1 client can: one write per request, and of the answer it reads the status, the
// Content-Length and the body. Anything else (chunked bodies, a closing server) fails the run loudly.
const HEADER_END = Buffer.from('\r\n\r\n');

type Waiter = {
  startedAt: number;
  resolve: (answer: HttpAnswer) => void;
  reject: (error: Error) => void;
};

type Connection = {
  socket: net.Socket;
  waiter: Waiter | undefined;
  received: Buffer[];
  receivedBytes: number;
  /** Once the head has arrived: its length with the blank line, and the status and body length. */
  head: { bytes: number; status: number; contentLength: number } | undefined;
};

function parseHead(head: string): { status: number; contentLength: number } {
  const status = Number(head.slice(9, 12));
  const lower = head.toLowerCase();
  if (lower.includes('\r\ntransfer-encoding:'))
    throw new Error('the bench client reads only Content-Length bodies');
  if (lower.includes('\r\nconnection: close')) throw new Error('the server closed a keep-alive connection');
  const match = /\r\ncontent-length:\s*(\d+)/.exec(lower);
  if (!match) throw new Error(`no Content-Length in the answer:\n${head}`);
  return { status, contentLength: Number(match[1]) };
}

function onData(connection: Connection, chunk: Buffer) {
  connection.received.push(chunk);
  connection.receivedBytes += chunk.length;
  const waiter = connection.waiter;
  if (!waiter) return void connection.socket.destroy(new Error('an answer nobody asked for'));
  try {
    if (!connection.head) {
      const all = connection.received.length === 1 ? chunk : Buffer.concat(connection.received);
      connection.received = [all];
      const end = all.indexOf(HEADER_END);
      if (end < 0) return;
      connection.head = { bytes: end + 4, ...parseHead(all.toString('latin1', 0, end)) };
    }
    const { bytes, status, contentLength } = connection.head;
    if (connection.receivedBytes < bytes + contentLength) return;
    if (connection.receivedBytes > bytes + contentLength) throw new Error('more bytes than Content-Length');
    const all =
      connection.received.length === 1 ? connection.received[0]! : Buffer.concat(connection.received);
    const body = all.toString('utf8', bytes);
    connection.waiter = undefined;
    connection.received = [];
    connection.receivedBytes = 0;
    connection.head = undefined;
    waiter.resolve({ status, body, latencyMs: performance.now() - waiter.startedAt });
  } catch (error) {
    connection.socket.destroy(error as Error);
  }
}

export function createHttpClient(baseUrl: string, token: string, sockets: number): HttpClient {
  const { hostname, port, host } = new URL(baseUrl);
  const idle: Connection[] = [];
  const queued: ((connection: Connection) => void)[] = [];
  const open = new Set<Connection>();
  const fixedHeaders = `Host: ${host}\r\nAuthorization: Bearer ${token}\r\n`;

  function connect(): Connection {
    const socket = net.connect({ host: hostname, port: Number(port), noDelay: true });
    const connection: Connection = {
      socket,
      waiter: undefined,
      received: [],
      receivedBytes: 0,
      head: undefined,
    };
    socket.on('data', (chunk: Buffer) => onData(connection, chunk));
    const fail = (error: Error) => {
      open.delete(connection);
      const at = idle.indexOf(connection);
      if (at >= 0) idle.splice(at, 1);
      const waiter = connection.waiter;
      connection.waiter = undefined;
      waiter?.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('the connection closed before the answer')));
    open.add(connection);
    return connection;
  }

  function acquire(): Promise<Connection> | Connection {
    const free = idle.pop();
    if (free) return free;
    if (open.size < sockets) return connect();
    return new Promise((resolve) => queued.push(resolve));
  }

  function release(connection: Connection) {
    const next = queued.shift();
    // A connection that failed is replaced for whoever waits.
    if (next) next(open.has(connection) ? connection : connect());
    else if (open.has(connection)) idle.push(connection);
  }

  return {
    async request(method, path, body) {
      const payload =
        body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
      const head =
        `${method} ${path} HTTP/1.1\r\n${fixedHeaders}` +
        (payload ? `Content-Type: application/json\r\nContent-Length: ${payload.length}\r\n\r\n` : '\r\n');
      const connection = await acquire();
      try {
        return await new Promise<HttpAnswer>((resolve, reject) => {
          connection.waiter = { startedAt: performance.now(), resolve, reject };
          connection.socket.write(payload ? Buffer.concat([Buffer.from(head, 'latin1'), payload]) : head);
        });
      } finally {
        release(connection);
      }
    },
    close() {
      for (const connection of open) connection.socket.destroy();
      open.clear();
      idle.length = 0;
    },
  };
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
