import { Group, NumberInput, PasswordInput, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorOf } from '../ui/FormError.tsx';
import { AdminForm } from './AdminForm.tsx';
import { type Mailbox, useCreateMailbox, useUpdateMailbox } from './admin-queries.ts';
import { changedParts } from './channel-settings.ts';

// IMAP's ports: with TLS from the first byte, and without.
const TLS_PORT = 993;
const PLAIN_PORT = 143;

/** Adds an IMAP mailbox or changes one; the password is only sent when typed (it is never shown). */
export function MailboxForm({ mailbox, onDone }: { mailbox: Mailbox | null; onDone: () => void }) {
  const { t } = useTranslation(['channels', 'common']);
  const create = useCreateMailbox();
  const update = useUpdateMailbox();
  const { isPending, error } = mailbox ? update : create;
  const [host, setHost] = useState(mailbox?.host ?? '');
  const [port, setPort] = useState<number | string>(mailbox?.port ?? TLS_PORT);
  const [isSecure, setIsSecure] = useState(mailbox?.isSecure ?? true);
  const [username, setUsername] = useState(mailbox?.username ?? '');
  const [password, setPassword] = useState('');
  const [folder, setFolder] = useState(mailbox?.folder ?? 'INBOX');
  const [isEnabled, setIsEnabled] = useState(mailbox?.isEnabled ?? true);
  const errorAt = (field: string) => fieldErrorOf(error, field);

  const switchSecure = (secure: boolean) => {
    setIsSecure(secure);
    // The usual port follows TLS, unless someone typed another one.
    if (secure && port === PLAIN_PORT) setPort(TLS_PORT);
    if (!secure && port === TLS_PORT) setPort(PLAIN_PORT);
  };
  const submit = () => {
    const settings = {
      host: host.trim(),
      port: typeof port === 'number' ? port : Number(port),
      isSecure,
      username: username.trim(),
      folder: folder.trim(),
      isEnabled,
    };
    if (!mailbox) {
      create.mutate({ ...settings, password }, { onSuccess: onDone });
      return;
    }
    const saved = {
      host: mailbox.host,
      port: mailbox.port,
      isSecure: mailbox.isSecure,
      username: mailbox.username,
      folder: mailbox.folder,
      isEnabled: mailbox.isEnabled,
    };
    update.mutate(
      { id: mailbox.id, ...changedParts(saved, settings), ...(password !== '' && { password }) },
      { onSuccess: onDone },
    );
  };

  return (
    <AdminForm
      save={{
        isPending,
        error,
        onDone,
        submitLabel: mailbox ? t('actions.save', { ns: 'common' }) : t('mailboxes.add'),
      }}
      shownFields={['host', 'port', 'username', 'password', 'folder']}
      onSubmit={submit}
    >
      <Group grow align="flex-start">
        <TextInput
          label={t('mailboxes.host')}
          required
          dir="ltr"
          placeholder="imap.example.com"
          value={host}
          onChange={(event) => setHost(event.currentTarget.value)}
          error={errorAt('host')}
          data-autofocus
        />
        <NumberInput
          label={t('mailboxes.port')}
          required
          min={1}
          max={65535}
          allowDecimal={false}
          value={port}
          onChange={setPort}
          error={errorAt('port')}
          maw={120}
        />
      </Group>
      <Switch
        label={t('mailboxes.isSecure')}
        description={t('mailboxes.isSecureHint')}
        checked={isSecure}
        onChange={(event) => switchSecure(event.currentTarget.checked)}
      />
      <TextInput
        label={t('mailboxes.username')}
        required
        dir="ltr"
        autoComplete="off"
        value={username}
        onChange={(event) => setUsername(event.currentTarget.value)}
        error={errorAt('username')}
      />
      <PasswordInput
        label={t('mailboxes.password')}
        description={mailbox ? t('mailboxes.newPasswordHint') : t('mailboxes.passwordHint')}
        required={!mailbox}
        dir="ltr"
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.currentTarget.value)}
        error={errorAt('password')}
      />
      <TextInput
        label={t('mailboxes.folder')}
        required
        dir="ltr"
        value={folder}
        onChange={(event) => setFolder(event.currentTarget.value)}
        error={errorAt('folder')}
      />
      <Switch
        label={t('mailboxes.isEnabled')}
        checked={isEnabled}
        onChange={(event) => setIsEnabled(event.currentTarget.checked)}
      />
    </AdminForm>
  );
}
