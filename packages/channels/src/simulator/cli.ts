import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { SocialKind } from '../social/adapter.ts';
import type { SimulatorSecrets } from './delivery.ts';
import { type Simulator, startPlatformSimulator } from './platform-simulator.ts';
import { defaultTrafficAccounts, sampleTraffic, type TrafficAccounts, trafficDelivery } from './traffic.ts';

// `sada simulate`: starts the platform simulator and, with --target, sends Sada sampled traffic.

/** The `--secrets` file: what Sada's channels are configured with, so its signature checks pass. */
export type SimulateSecretsFile = {
  meta?: { appSecret?: string; verifyToken?: string };
  /** `channelId`: Sada's id of the Telegram channel, the last segment of its webhook URL. */
  telegram?: { secretToken?: string; channelId?: string };
  x?: { consumerSecret?: string };
  accounts?: Partial<TrafficAccounts>;
  /** Webhook path per channel on the target (default: Sada's `/webhooks/meta`, `/webhooks/telegram/<channelId>`, `/webhooks/x`). */
  webhookPaths?: Partial<Record<SocialKind, string>>;
};

export type SimulateRun = {
  simulator: Simulator;
  /** Resolves when `--count` deliveries were made (never without `--count` or `--target`, until stopped). */
  done: Promise<void>;
  stop(): Promise<void>;
};

const usage = `Usage: sada simulate [--port 4010] [--host 127.0.0.1] [--target http://localhost:3000]
  [--rate 6] [--count N] [--seed 1] [--secrets secrets.json]
Plays Meta Graph, the Telegram Bot API and X at its URL (set SADA_META_GRAPH_URL, SADA_TELEGRAM_API_URL
and SADA_X_API_URL to it); with --target, delivers --rate sampled posts a minute to Sada's webhooks.`;

function positiveNumber(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0)
    throw new Error(`--${name} must be a positive number, not "${value}"\n${usage}`);
  return number;
}

function portOf(value: string | undefined): number {
  if (value === undefined) return 4010;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port must be a port number, not "${value}"\n${usage}`);
  return port;
}

// The routes of apps/server's social.routes.ts: one for Meta's apps, one per Telegram bot, one for X.
function defaultWebhookPath(channel: SocialKind, file: SimulateSecretsFile): string {
  switch (channel) {
    case 'facebook':
    case 'instagram':
    case 'whatsapp':
      return '/webhooks/meta';
    case 'telegram':
      return `/webhooks/telegram/${encodeURIComponent(file.telegram?.channelId ?? 'simulated')}`;
    case 'x':
      return '/webhooks/x';
  }
}

function readSecretsFile(path: string | undefined): SimulateSecretsFile {
  if (!path) return {};
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`${path} must hold a JSON object`);
  return parsed as SimulateSecretsFile;
}

function secretsOf(file: SimulateSecretsFile): Partial<SimulatorSecrets> {
  const entries = {
    appSecret: file.meta?.appSecret,
    verifyToken: file.meta?.verifyToken,
    telegramSecretToken: file.telegram?.secretToken,
    consumerSecret: file.x?.consumerSecret,
  };
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => typeof value === 'string'));
}

/** Runs `sada simulate` with its command-line arguments; `log` receives one line per event. */
export async function runSimulateCommand(
  args: string[],
  log: (line: string) => void = (line) => console.log(line),
): Promise<SimulateRun> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      target: { type: 'string' },
      rate: { type: 'string' },
      count: { type: 'string' },
      seed: { type: 'string' },
      secrets: { type: 'string' },
    },
    strict: true,
  });
  const rate = positiveNumber(values.rate, 'rate', 6);
  const count =
    values.count === undefined ? Number.POSITIVE_INFINITY : positiveNumber(values.count, 'count', 1);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, not "${values.seed}"\n${usage}`);
  const file = readSecretsFile(values.secrets);
  const accounts = { ...defaultTrafficAccounts, ...file.accounts };
  const simulator = await startPlatformSimulator({
    port: portOf(values.port),
    ...(values.host && { host: values.host }),
    secrets: secretsOf(file),
    xUserId: accounts.xUserId,
  });
  log(`Platform simulator at ${simulator.url}`);
  log(
    `  SADA_META_GRAPH_URL=${simulator.url} SADA_TELEGRAM_API_URL=${simulator.url} SADA_X_API_URL=${simulator.url}`,
  );

  let timer: NodeJS.Timeout | undefined;
  let isStopped = false;
  let finish = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const target = values.target;
  if (target) {
    const webhookUrl = (channel: SocialKind) =>
      new URL(file.webhookPaths?.[channel] ?? defaultWebhookPath(channel, file), target).toString();
    const samples = sampleTraffic({ count, seed });
    const deliverNext = async () => {
      const next = samples.next();
      if (isStopped || next.done) {
        finish();
        return;
      }
      const sample = next.value;
      const delivery = trafficDelivery(sample, accounts);
      const status = await simulator.deliver(webhookUrl(sample.channel), delivery);
      log(
        `${status} ${sample.channel}/${sample.surface} ${sample.language} ${sample.kind}: ${sample.text.slice(0, 60)}`,
      );
      if (!isStopped) timer = setTimeout(deliverNext, 60_000 / rate);
    };
    timer = setTimeout(deliverNext, 0);
  }

  return {
    simulator,
    done,
    async stop() {
      isStopped = true;
      clearTimeout(timer);
      finish();
      await simulator.close();
    },
  };
}
