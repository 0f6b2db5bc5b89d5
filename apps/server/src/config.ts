import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((value) => (value === undefined ? fallback : ['true', '1', 'yes'].includes(value)));

// The whole configuration, read once from the environment at start. Defaults run the embedded setup.
const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000).describe('HTTP port'),
  HOST: z.string().default('0.0.0.0').describe('Interface to listen on'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .describe('A PostgreSQL server; when absent the embedded PGlite database is used (secret)'),
  SADA_DATA_DIR: z.string().default('./data').describe('Where the embedded database keeps its files'),
  SADA_WEB_DIR: z
    .string()
    .default(fileURLToPath(new URL('../../web/dist', import.meta.url)))
    .describe('The built agent console (apps/web/dist); npm start builds it when it is missing or stale'),
  SADA_DEMO: flag(true).describe('Create the demo workspace on first start'),
  SADA_JOBS: flag(true).describe('Run background job workers in this process'),
  SADA_TRIAGE: flag(true).describe(
    'Classify new cases and inbound messages in this process (with SADA_JOBS); off leaves them waiting',
  ),
  SADA_SECRET_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 random bytes in base64 (openssl rand -base64 32)')
    .optional()
    .describe(
      'Encrypts secrets at rest (API keys, channel tokens); when absent a key is made once in SADA_DATA_DIR/secret.key (secret)',
    ),
  SADA_COOKIE_SECURE: flag(false).describe('Mark the session cookie Secure (set behind HTTPS)'),
  SADA_TRUST_PROXY: z
    .string()
    .default('false')
    .describe(
      'false, true, or the proxy addresses/CIDRs whose X-Forwarded-For is believed (e.g. 127.0.0.1,10.0.0.0/8)',
    ),
  SADA_SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(24),
  SADA_DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  SADA_PUBLIC_URL: z
    .url()
    .regex(/^https?:\/\/[^/]+\/?$/, 'must be an origin such as https://care.example.com (no path)')
    .optional()
    .describe('How customers reach this server (links in e-mails); default http://localhost:PORT'),
  SADA_SMTP_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65_535)
    .optional()
    .describe('Receive e-mail on this port with the built-in SMTP server; unset: off (the demo uses 2525)'),
  SADA_MAIL_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+$/i, 'must be a host name such as mail.example.com')
    .optional()
    .describe('Mail to WORKSPACE@this domain becomes a case of that workspace; default the machine name'),
  SADA_DEMO_TRAFFIC_PER_MINUTE: z.coerce
    .number()
    .min(0)
    .max(600)
    .default(2)
    .describe('In the demo, sampled posts a minute from the simulated platforms (0: none)'),
  SADA_META_GRAPH_URL: z
    .url()
    .optional()
    .describe(
      'The Graph API (Facebook, Instagram, WhatsApp); a simulator stands in for it in tests and the demo',
    ),
  SADA_TELEGRAM_API_URL: z
    .url()
    .optional()
    .describe('The Telegram Bot API (default https://api.telegram.org)'),
  SADA_X_API_URL: z.url().optional().describe('The X API v2 (default https://api.x.com)'),
  SADA_SMTP_RELAY: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional()
    .describe('Where replies and acknowledgements are sent through (smtp://user:pass@host:587) (secret)'),
  SADA_WEBHOOK_ALLOW_PRIVATE: z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .describe(
      'Outgoing webhooks may reach loopback and private addresses, and http:// on localhost (default: outside production only)',
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type Config = {
  port: number;
  host: string;
  database:
    | { kind: 'pglite'; dataDir: string | undefined }
    | { kind: 'postgres'; url: string; poolSize: number };
  /** Where the built console's index.html and assets are. */
  webDir: string;
  isDemo: boolean;
  isJobsEnabled: boolean;
  isTriageEnabled: boolean;
  /** The key secrets are encrypted with, or the file it is kept in (made on first use). */
  secretKey: { kind: 'value'; key: Buffer } | { kind: 'file'; path: string };
  isCookieSecure: boolean;
  /** Whose X-Forwarded-For to believe: nobody by default, so clients cannot pick their own IP. */
  trustProxy: boolean | string[];
  sessionTtlMs: number;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  isProduction: boolean;
  /** The origin of links sent to customers. */
  publicUrl: string;
  /** The built-in SMTP server's port; null: off. */
  smtpPort: number | null;
  /** The port was asked for (SADA_SMTP_PORT), not the demo's default: failing to listen stops the start. */
  isSmtpPortRequired: boolean;
  /** Mail to WORKSPACE@mailDomain reaches that workspace; also the domain of outbound Message-IDs. */
  mailDomain: string;
  /** Outbound mail goes through this relay; null: replies by e-mail fail with a message saying so. */
  smtpRelay: string | null;
  /** Outgoing webhooks may reach loopback and private addresses (http:// only on localhost). */
  isWebhookPrivateAllowed: boolean;
  /** The social platforms' API base URLs (a simulator's in tests and the demo). */
  platformUrls: { meta: string; telegram: string; x: string };
  /**
   * The demo plays the platforms itself (a simulator in the process, accounts on the demo workspace,
   * sampled posts a minute) unless any platform URL was set; null outside the demo.
   */
  demoPlatforms: { trafficPerMinute: number } | null;
};

/** Parses the environment; every problem is reported at once and the process should stop. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
      .join('\n');
    throw new Error(`The configuration is not valid:\n${problems}`);
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    host: env.HOST,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: env.SADA_DB_POOL_SIZE }
      : { kind: 'pglite', dataDir: resolve(env.SADA_DATA_DIR) },
    webDir: resolve(env.SADA_WEB_DIR),
    isDemo: env.SADA_DEMO,
    isJobsEnabled: env.SADA_JOBS,
    isTriageEnabled: env.SADA_TRIAGE,
    secretKey: env.SADA_SECRET_KEY
      ? { kind: 'value', key: Buffer.from(env.SADA_SECRET_KEY, 'base64') }
      : { kind: 'file', path: resolve(env.SADA_DATA_DIR, 'secret.key') },
    isCookieSecure: env.SADA_COOKIE_SECURE,
    trustProxy: parseTrustProxy(env.SADA_TRUST_PROXY),
    sessionTtlMs: env.SADA_SESSION_TTL_HOURS * 3_600_000,
    logLevel: env.LOG_LEVEL,
    isProduction: env.NODE_ENV === 'production',
    publicUrl: (env.SADA_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    // The demo receives mail on 2525 unless told otherwise; production only when asked.
    smtpPort: env.SADA_SMTP_PORT ?? (env.SADA_DEMO && env.NODE_ENV !== 'production' ? 2525 : null),
    isSmtpPortRequired: env.SADA_SMTP_PORT !== undefined,
    mailDomain: (env.SADA_MAIL_DOMAIN ?? hostname()).toLowerCase(),
    smtpRelay: env.SADA_SMTP_RELAY ?? null,
    isWebhookPrivateAllowed:
      env.SADA_WEBHOOK_ALLOW_PRIVATE === undefined
        ? env.NODE_ENV !== 'production'
        : ['true', '1', 'yes'].includes(env.SADA_WEBHOOK_ALLOW_PRIVATE),
    platformUrls: {
      meta: (env.SADA_META_GRAPH_URL ?? 'https://graph.facebook.com').replace(/\/$/, ''),
      telegram: (env.SADA_TELEGRAM_API_URL ?? 'https://api.telegram.org').replace(/\/$/, ''),
      x: (env.SADA_X_API_URL ?? 'https://api.x.com').replace(/\/$/, ''),
    },
    demoPlatforms:
      env.SADA_DEMO &&
      env.NODE_ENV !== 'production' &&
      !env.SADA_META_GRAPH_URL &&
      !env.SADA_TELEGRAM_API_URL &&
      !env.SADA_X_API_URL
        ? { trafficPerMinute: env.SADA_DEMO_TRAFFIC_PER_MINUTE }
        : null,
  };
}

function parseTrustProxy(value: string): boolean | string[] {
  if (value === 'false' || value === '') return false;
  if (value === 'true') return true;
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}
