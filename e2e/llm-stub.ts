import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

type ChatMessage = { role: string; content: string };
/** One request the stub received: what Sada asked and with which key. */
export type ChatRequest = { model: string; messages: ChatMessage[]; authorization: string | undefined };

export type LlmStub = {
  /** What the workspace's assistant settings take as baseUrl (…/v1). */
  baseUrl: string;
  requests: ChatRequest[];
  close(): Promise<void>;
};

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A language model for tests on 127.0.0.1, speaking OpenAI's chat-completions API: POST
 * {baseUrl}/chat/completions answers `{choices: [{message: {content}}]}` with what `reply` makes
 * of the request; any other request is a 404.
 */
export async function startLlmStub(reply: (request: ChatRequest) => string): Promise<LlmStub> {
  const requests: ChatRequest[] = [];
  const server = createServer((request, response) => {
    void (async () => {
      if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const body = JSON.parse(await readBody(request)) as { model: string; messages: ChatMessage[] };
      const received = {
        model: body.model,
        messages: body.messages,
        authorization: request.headers.authorization,
      };
      requests.push(received);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: `chatcmpl-${requests.length}`,
          object: 'chat.completion',
          model: body.model,
          choices: [
            { index: 0, message: { role: 'assistant', content: reply(received) }, finish_reason: 'stop' },
          ],
        }),
      );
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
