import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';

/** A throw-away Dovecot IMAP server with one user, for IMAP tests. */
export type DovecotServer = {
  host: '127.0.0.1';
  port: number;
  username: string;
  password: string;
  /** Puts a mail into the user's INBOX (IMAP APPEND as that user). */
  append(raw: Buffer | string): Promise<void>;
  /** Ends every IMAP session of the user (doveadm kick), as a server restart would. */
  disconnectClients(): Promise<void>;
  stop(): Promise<void>;
};

const dovecotBinary = '/usr/sbin/dovecot';
const execFileAsync = promisify(execFile);

type Identity = { uid: number; gid: number; user: string; group: string };

// Dovecot refuses to run login processes or mail access as root, so under root the services
// take Debian's dovecot/dovenull users and the mail belongs to nobody; under any other user
// everything runs as that user.
function identities(): { internal: Identity; login: Identity; mail: Identity } {
  const me = userInfo();
  if (me.uid !== 0) {
    const self = { uid: me.uid, gid: me.gid, user: me.username, group: groupName(me.gid) };
    return { internal: self, login: self, mail: self };
  }
  const nobody = systemUser('nobody') ?? { uid: 65534, gid: 65534, user: 'nobody', group: 'nogroup' };
  return {
    internal: systemUser('dovecot') ?? nobody,
    login: systemUser('dovenull') ?? nobody,
    mail: nobody,
  };
}

function systemUser(name: string): Identity | null {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${name}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid), user: name, group: groupName(Number(gid)) };
}

function groupName(gid: number): string {
  const line = readFileSync('/etc/group', 'utf8')
    .split('\n')
    .find((entry) => entry.split(':')[2] === String(gid));
  return line?.split(':')[0] ?? String(gid);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** How the test server should behave. */
export type DovecotOptions = {
  /** false hides IDLE from the capabilities, to test clients that must poll instead. */
  hasIdle?: boolean;
};

const capabilitiesWithoutIdle =
  'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE LITERAL+ NAMESPACE UIDPLUS UNSELECT';

function configuration(dir: string, port: number, options: DovecotOptions): string {
  const { internal, login, mail } = identities();
  return `${options.hasIdle === false ? `imap_capability = ${capabilitiesWithoutIdle}` : ''}
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_internal_user = ${internal.user}
default_internal_group = ${internal.group}
default_login_user = ${login.user}
first_valid_uid = ${mail.uid}
last_valid_uid = 0
first_valid_gid = ${mail.gid}
mail_uid = ${mail.uid}
mail_gid = ${mail.gid}
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${mail.uid} gid=${mail.gid} home=${dir}/mail/%u
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
mailbox_idle_check_interval = 1 secs
protocol imap {
  mail_max_userip_connections = 100
}
`;
}

// Resolves once the IMAP greeting arrives; rejects if Dovecot exits first or takes too long.
async function waitForGreeting(port: number, dovecot: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (dovecot.exitCode !== null) break;
    const isReady = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.setTimeout(1000, () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (isReady) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const log = await readFile(logFile, 'utf8').catch(() => '');
  throw new Error(`Dovecot did not answer on 127.0.0.1:${port}. Its log:\n${log}`);
}

/**
 * Starts Debian's Dovecot in the foreground with a generated config under a temp directory.
 * After a failed sign-in Dovecot delays further sign-ins from 127.0.0.1 by a few seconds (its
 * auth penalty), so tests of a wrong password are best run last.
 */
export async function startDovecot(options: DovecotOptions = {}): Promise<DovecotServer> {
  if (!existsSync(dovecotBinary)) {
    throw new Error(`${dovecotBinary} is missing: install Dovecot with "apt-get install dovecot-imapd"`);
  }
  const dir = await mkdtemp(join(tmpdir(), 'sada-dovecot-'));
  const { mail } = identities();
  // Dovecot's unprivileged processes must reach the passwd file and the mail directory.
  await chmod(dir, 0o755);
  await Promise.all(['run', 'state', 'mail'].map((name) => mkdir(join(dir, name))));
  await chown(join(dir, 'mail'), mail.uid, mail.gid);
  const username = 'agent';
  const password = `secret-${process.pid}`;
  await writeFile(join(dir, 'passwd'), `${username}:{PLAIN}${password}\n`, { mode: 0o644 });
  // Another process may take the free port before Dovecot binds it; then try another one.
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    await writeFile(join(dir, 'dovecot.conf'), configuration(dir, port, options));
    await writeFile(join(dir, 'dovecot.log'), '');
    const dovecot = spawn(dovecotBinary, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
    const stop = stopper(dovecot);
    try {
      await waitForGreeting(port, dovecot, join(dir, 'dovecot.log'));
      return running(dir, port, username, password, async () => {
        await stop();
        await rm(dir, { recursive: true, force: true });
      });
    } catch (error) {
      await stop();
      if (attempt < 3 && /Address already in use/.test(String(error))) continue;
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
  }
}

// Ends Dovecot (and makes sure it does not outlive the test process).
function stopper(dovecot: ChildProcess): () => Promise<void> {
  const killOnExit = () => dovecot.kill('SIGKILL');
  process.once('exit', killOnExit);
  return async () => {
    process.off('exit', killOnExit);
    if (dovecot.exitCode !== null || dovecot.signalCode !== null) return;
    const exited = new Promise((resolve) => dovecot.once('exit', resolve));
    dovecot.kill('SIGTERM');
    await exited;
  };
}

function running(
  dir: string,
  port: number,
  username: string,
  password: string,
  stop: () => Promise<void>,
): DovecotServer {
  return {
    host: '127.0.0.1',
    port,
    username,
    password,
    async append(raw) {
      const client = new ImapFlow({
        host: '127.0.0.1',
        port,
        secure: false,
        doSTARTTLS: false,
        auth: { user: username, pass: password },
        logger: false,
      });
      await client.connect();
      try {
        await client.append('INBOX', typeof raw === 'string' ? Buffer.from(raw) : raw);
      } finally {
        await client.logout();
      }
    },
    async disconnectClients() {
      await execFileAsync('/usr/bin/doveadm', ['-c', join(dir, 'dovecot.conf'), 'kick', username]);
    },
    stop,
  };
}
