import {
  defaultTrafficAccounts,
  type Simulator,
  sampleTraffic,
  startPlatformSimulator,
  trafficDelivery,
} from '@sada/channels/simulator';
import type { Clock } from '@sada/core';
import {
  type Database,
  findWorkspaceBySlug,
  insertChannelAccount,
  listChannelAccounts,
  timeOrderedId,
} from '@sada/db';
import type { SecretBox } from '../secrets/secret-box.ts';
import { DEMO_WORKSPACE } from './demo-seed.ts';

/**
 * The demo's social platforms: a simulator plays Meta, Telegram and X in this process, the demo
 * workspace has an account on each, and a steady trickle of sampled Arabic and English posts arrives
 * through the real webhooks (signed as the platforms sign them).
 */
export async function startDemoPlatforms() {
  return startPlatformSimulator({ port: 0, host: '127.0.0.1', xUserId: defaultTrafficAccounts.xUserId });
}

/** Connects the demo workspace's five accounts to the simulator, once. */
async function connectDemoAccounts(deps: {
  database: Database;
  clock: Clock;
  secrets: SecretBox;
  simulator: Simulator;
}) {
  const db = deps.database.orm;
  const workspace = await findWorkspaceBySlug(db, DEMO_WORKSPACE);
  if (!workspace) return undefined;
  const { secrets } = deps.simulator;
  const accounts = defaultTrafficAccounts;
  const wanted = [
    {
      kind: 'facebook',
      accountId: accounts.facebookPageId,
      credentials: {
        appSecret: secrets.appSecret,
        pageId: accounts.facebookPageId,
        pageAccessToken: 'demo-page-token',
      },
    },
    {
      kind: 'instagram',
      accountId: accounts.instagramAccountId,
      credentials: {
        appSecret: secrets.appSecret,
        instagramAccountId: accounts.instagramAccountId,
        accessToken: 'demo-instagram-token',
      },
    },
    {
      kind: 'whatsapp',
      accountId: accounts.whatsappPhoneNumberId,
      credentials: {
        appSecret: secrets.appSecret,
        phoneNumberId: accounts.whatsappPhoneNumberId,
        accessToken: 'demo-whatsapp-token',
      },
    },
    {
      kind: 'telegram',
      accountId: String(accounts.telegramBotId),
      credentials: {
        botToken: `${accounts.telegramBotId}:AAH-demo-telegram-bot-token`,
        secretToken: secrets.telegramSecretToken,
      },
    },
    {
      kind: 'x',
      accountId: accounts.xUserId,
      credentials: {
        consumerSecret: secrets.consumerSecret,
        userId: accounts.xUserId,
        accessToken: 'demo-x-token',
      },
    },
  ];
  const existing = await listChannelAccounts(db, workspace.id);
  for (const account of wanted) {
    if (existing.some((row) => row.kind === account.kind)) continue;
    const now = deps.clock.now();
    await insertChannelAccount(db, {
      id: timeOrderedId(now),
      workspaceId: workspace.id,
      kind: account.kind,
      name: `Demo ${account.kind}`,
      accountId: account.accountId,
      sealedCredentials: deps.secrets.seal(JSON.stringify(account.credentials)),
      verifyToken: account.kind === 'telegram' || account.kind === 'x' ? null : secrets.verifyToken,
      createdAt: now,
    });
  }
  return listChannelAccounts(db, workspace.id);
}

/** Delivers `perMinute` sampled posts a minute to this server's webhooks until stopped. */
export async function startDemoTraffic(deps: {
  database: Database;
  clock: Clock;
  secrets: SecretBox;
  simulator: Simulator;
  serverUrl: string;
  perMinute: number;
  onError: (error: unknown) => void;
}) {
  const accounts = await connectDemoAccounts(deps);
  const telegram = accounts?.find((row) => row.kind === 'telegram');
  if (!accounts || deps.perMinute <= 0) return { stop() {} };
  const samples = sampleTraffic({ count: Number.POSITIVE_INFINITY, seed: Date.now() % 100_000 });
  const pathOf = (channel: string) =>
    channel === 'telegram'
      ? `/webhooks/telegram/${telegram?.id}`
      : channel === 'x'
        ? '/webhooks/x'
        : '/webhooks/meta';
  let isStopped = false;
  let timer: NodeJS.Timeout | undefined;
  const next = async () => {
    const sample = samples.next();
    if (isStopped || sample.done) return;
    const delivery = trafficDelivery(sample.value, defaultTrafficAccounts);
    await deps.simulator
      .deliver(`${deps.serverUrl}${pathOf(sample.value.channel)}`, delivery)
      .catch(deps.onError);
    if (!isStopped) {
      timer = setTimeout(() => void next(), 60_000 / deps.perMinute);
      timer.unref();
    }
  };
  timer = setTimeout(() => void next(), 5_000);
  timer.unref();
  return {
    stop() {
      isStopped = true;
      clearTimeout(timer);
    },
  };
}
