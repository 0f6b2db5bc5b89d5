import { createImapPoller, type ImapPoller } from '@sada/channels';
import type { Clock } from '@sada/core';
import {
  type Database,
  findWorkspaceById,
  lastErrorColumns,
  listEnabledMailboxes,
  type MailboxRow,
  recordChannelError,
  updateMailbox,
} from '@sada/db';
import type { SecretBox } from '../secrets/secret-box.ts';
import { storedFailureOf } from './channel-errors.ts';
import type { EmailIntake } from './email-intake.ts';

const RECONCILE_MS = 30_000;
const FALLBACK_POLL_MS = 60_000;
const RETRY_AFTER_ERROR_MS = 60_000;

// What, when it changes, means connecting again.
const connectionOf = (row: MailboxRow) =>
  [
    row.host,
    row.port,
    row.isSecure,
    row.username,
    row.sealedPassword,
    row.folder,
    row.uidValidity ?? '',
  ].join('\n');

/**
 * Keeps one IMAP connection per enabled mailbox: new mail arrives by IDLE where the server offers
 * it (by polling where not), each mail becomes a case or joins its case, and the folder's position
 * is saved after each mail. Errors are written on the mailbox for the admin, and retried.
 */
export function createMailboxWatcher(deps: {
  database: Database;
  clock: Clock;
  secrets: SecretBox;
  email: EmailIntake;
  onError: (error: unknown) => void;
}) {
  const { database, clock, secrets } = deps;
  const db = database.orm;
  const running = new Map<string, { connection: string; poller: ImapPoller; restartAt: number | null }>();
  let timer: NodeJS.Timeout | undefined;
  let isStopped = false;

  function watch(row: MailboxRow) {
    const poller = createImapPoller({
      host: row.host,
      port: row.port,
      isSecure: row.isSecure,
      username: row.username,
      password: secrets.open(row.sealedPassword),
      folder: row.folder,
      state: { uidValidity: row.uidValidity, lastUid: row.lastUid },
      async deliver(mail, raw) {
        const workspace = await findWorkspaceById(db, row.workspaceId);
        if (!workspace) throw new Error(`mailbox ${row.id}: its workspace is gone`);
        await deps.email.receive(workspace, mail, raw);
      },
      async saveState(state) {
        await updateMailbox(db, row.id, {
          uidValidity: state.uidValidity,
          lastUid: state.lastUid,
          lastPolledAt: clock.now(),
          ...lastErrorColumns(null),
        });
      },
    });
    const entry = { connection: connectionOf(row), poller, restartAt: null as number | null };
    running.set(row.id, entry);
    void poller
      .watch({ fallbackIntervalMs: FALLBACK_POLL_MS })
      .then(() => updateMailbox(db, row.id, { lastPolledAt: clock.now(), ...lastErrorColumns(null) }))
      .catch(async (error: unknown) => {
        entry.restartAt = clock.now().getTime() + RETRY_AFTER_ERROR_MS;
        const failure = storedFailureOf(error, 'unreachable');
        await db
          .transaction(async (tx) => {
            await updateMailbox(tx, row.id, { ...lastErrorColumns(failure), lastPolledAt: clock.now() });
            await recordChannelError(tx, {
              workspaceId: row.workspaceId,
              mailboxId: row.id,
              occurredAt: clock.now(),
              source: 'mailbox',
              failure,
            });
          })
          .catch(deps.onError);
      });
  }

  async function reconcile() {
    const rows = await listEnabledMailboxes(db);
    const wanted = new Map(rows.map((row) => [row.id, row]));
    for (const [id, entry] of running) {
      const row = wanted.get(id);
      const isDue = entry.restartAt !== null && entry.restartAt <= clock.now().getTime();
      if (!row || connectionOf(row) !== entry.connection || isDue) {
        running.delete(id);
        await entry.poller.stop().catch(deps.onError);
      }
    }
    for (const row of rows) if (!running.has(row.id) && !isStopped) watch(row);
  }

  return {
    async start() {
      await reconcile().catch(deps.onError);
      timer = setInterval(() => void reconcile().catch(deps.onError), RECONCILE_MS);
      timer.unref();
    },
    /** Looks at the mailboxes again now (after an admin changed one). */
    refresh: () => reconcile(),
    async stop() {
      isStopped = true;
      clearInterval(timer);
      await Promise.allSettled([...running.values()].map((entry) => entry.poller.stop()));
      running.clear();
    },
  };
}

export type MailboxWatcher = ReturnType<typeof createMailboxWatcher>;
