// Shared by the tests of social channels: unique platform ids and connecting accounts over the API.
import { expect } from 'vitest';
import type { ApiClient } from './harness.ts';

/** A numeric id no other test run uses (platform ids are digits: pages, bots, users). */
export const uniqueDigits = () =>
  String(Date.now()).slice(-9) + String(Math.floor(Math.random() * 1e6)).padStart(6, '0');

/** Connects a channel account as the workspace's admin; fails the test unless it was created. */
export async function connectChannel(admin: ApiClient, body: Record<string, unknown>) {
  const created = await admin.post('/api/channels', body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string; webhookUrl: string; verifyToken?: string };
}

/** A Facebook Page of the workspace's own, signed with the simulator's app secret; answers its id. */
export async function connectFacebookPage(admin: ApiClient, appSecret: string) {
  const pageId = uniqueDigits();
  await connectChannel(admin, {
    kind: 'facebook',
    name: 'Our Page',
    credentials: { appSecret, pageId, pageAccessToken: 'page-token' },
  });
  return pageId;
}

/** A Telegram bot of the workspace's own; answers its id, token, account and webhook address. */
export async function connectTelegramBot(
  admin: ApiClient,
  options: { baseUrl: string; secretToken: string },
) {
  const botId = Number(uniqueDigits().slice(0, 10));
  const botToken = `${botId}:AAH-test-token-0123456789abcdef`;
  const channel = await connectChannel(admin, {
    kind: 'telegram',
    name: 'Support bot',
    credentials: { botToken, secretToken: options.secretToken },
  });
  return {
    botId,
    botToken,
    channelId: channel.id,
    target: `${options.baseUrl}/webhooks/telegram/${channel.id}`,
  };
}
