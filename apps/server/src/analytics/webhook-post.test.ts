import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isPrivateAddress, postWebhook, webhookSignature, webhookUrlProblem } from './webhook-post.ts';

async function withReceiver(listener: RequestListener, run: (url: string) => Promise<void>) {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

const post = (url: string, isPrivateAllowed = true) =>
  postWebhook({
    url,
    body: '{"a":1}',
    secret: 'whsec_test',
    deliveryId: 'd-1',
    event: 'analytics.test',
    isPrivateAllowed,
  });

describe('outgoing webhook addresses', () => {
  it('knows loopback, private and link-local addresses from public ones', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      '::ffff:10.0.0.1',
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['8.8.8.8', '2606:4700::1111', 'hooks.example.com']) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it('takes https anywhere public, and localhost over http only where private addresses are allowed', () => {
    expect(webhookUrlProblem('https://hooks.example.com/sada', false)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:9000/sada', true)).toBeNull();
    expect(webhookUrlProblem('http://localhost:9000/sada', false)?.en).toContain('Use https://');
    expect(webhookUrlProblem('https://169.254.169.254/latest', false)?.en).toContain('private');
    expect(webhookUrlProblem('https://[::1]/sada', false)?.en).toContain('private');
    expect(webhookUrlProblem('http://hooks.example.com/sada', true)?.en).toContain('Use https://');
  });
});

describe('posting a webhook', () => {
  it('signs the body with the secret and names the delivery', async () => {
    let headers: Record<string, unknown> = {};
    await withReceiver(
      (request, response) => {
        headers = request.headers;
        request.resume().on('end', () => response.end('ok'));
      },
      async (url) => {
        expect(await post(url)).toEqual({ isDelivered: true, httpStatus: 200 });
      },
    );
    expect(headers['x-sada-signature']).toBe(webhookSignature('whsec_test', '{"a":1}'));
    expect(headers['x-sada-delivery']).toBe('d-1');
  });

  it('does not follow a redirect, and says so', async () => {
    let requests = 0;
    await withReceiver(
      (_request, response) => {
        requests += 1;
        response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
      },
      async (url) => {
        const outcome = await post(url);
        expect(outcome).toMatchObject({
          isDelivered: false,
          httpStatus: 302,
          failure: { isPermanent: true },
        });
        if (!outcome.isDelivered) expect(outcome.failure.en).toContain('do not follow redirects');
      },
    );
    expect(requests).toBe(1);
  });

  it('reads only the start of a huge answer, and retries a 5xx', async () => {
    await withReceiver(
      (_request, response) => {
        response.writeHead(503);
        response.write('x'.repeat(100_000));
        response.write('y'.repeat(1_000_000));
        response.end();
      },
      async (url) => {
        const outcome = await post(url);
        expect(outcome).toMatchObject({
          isDelivered: false,
          httpStatus: 503,
          failure: { isPermanent: false },
        });
        if (!outcome.isDelivered) expect(outcome.failure.en.length).toBeLessThan(400);
      },
    );
  });

  it('refuses a private address when they are not allowed, without connecting', async () => {
    let requests = 0;
    await withReceiver(
      (_request, response) => {
        requests += 1;
        response.end();
      },
      async (url) => {
        const outcome = await post(url.replace('http:', 'https:'), false);
        expect(outcome).toMatchObject({ isDelivered: false, failure: { isPermanent: true } });
      },
    );
    expect(requests).toBe(0);
  });
});
