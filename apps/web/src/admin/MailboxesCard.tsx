import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFrame } from '../ui/DialogFrame.tsx';
import { useFormatters } from '../ui/format.ts';
import { UserText } from '../ui/UserText.tsx';
import { AdminList, AdminTable, ConfirmDialog, EditButton, useEditing } from './AdminParts.tsx';
import { type Mailbox, useDeleteMailbox, useMailboxes } from './admin-queries.ts';
import { ChannelErrorLog } from './ChannelErrorLog.tsx';
import { MailboxForm } from './MailboxForm.tsx';

const nameOf = (mailbox: Mailbox) => `\u2066${mailbox.username}@${mailbox.host}\u2069`;

/**
 * The IMAP mailboxes Sada reads: where, as whom, whether it reads them now, when it last looked and,
 * above all, why the last look failed (the server's sentence says how to fix it).
 */
export function MailboxesCard() {
  const { t, i18n } = useTranslation('channels');
  const language = i18n.language === 'en' ? 'en' : 'ar';
  const mailboxes = useMailboxes();
  const dialog = useEditing<Mailbox>();
  const [deleting, setDeleting] = useState<Mailbox | undefined>(undefined);
  const failing = (mailboxes.data ?? []).filter((mailbox) => mailbox.lastError);

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="channels-mailboxes-title"
      data-testid="channels-mailboxes"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h4" id="channels-mailboxes-title">
              {t('mailboxes.title')}
            </Title>
            <Text size="sm">{t('mailboxes.hint')}</Text>
          </div>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={dialog.add}>
            {t('mailboxes.add')}
          </Button>
        </Group>
        {failing.map((mailbox) => (
          <Alert
            key={mailbox.id}
            color="red"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('mailboxes.lastError', { name: nameOf(mailbox) })}
            data-testid="mailbox-error"
          >
            <UserText block style={{ fontSize: 'var(--mantine-font-size-sm)' }}>
              {mailbox.lastError?.[language]}
            </UserText>
          </Alert>
        ))}
        <AdminList queries={[mailboxes]} items={mailboxes.data} emptyMessage={t('mailboxes.empty')}>
          {(items) => (
            <>
              <MailboxTable items={items} onEdit={dialog.edit} onDelete={setDeleting} />
              {items.map((mailbox) => (
                <Group key={mailbox.id} gap="xs" align="flex-start" wrap="nowrap">
                  <Text size="sm" pt={2} style={{ flexShrink: 0 }}>
                    <bdi dir="ltr">{nameOf(mailbox)}</bdi>
                  </Text>
                  <ChannelErrorLog of="mailboxes" id={mailbox.id} name={nameOf(mailbox)} />
                </Group>
              ))}
            </>
          )}
        </AdminList>
      </Stack>
      <DialogFrame
        opened={dialog.editing !== undefined}
        onClose={dialog.close}
        title={dialog.editing ? t('mailboxes.editTitle') : t('mailboxes.add')}
      >
        {dialog.editing !== undefined && <MailboxForm mailbox={dialog.editing} onDone={dialog.close} />}
      </DialogFrame>
      {deleting && <DeleteMailboxDialog mailbox={deleting} onDone={() => setDeleting(undefined)} />}
    </Paper>
  );
}

function MailboxTable({
  items,
  onEdit,
  onDelete,
}: {
  items: Mailbox[];
  onEdit: (mailbox: Mailbox) => void;
  onDelete: (mailbox: Mailbox) => void;
}) {
  const { t } = useTranslation(['channels', 'common']);
  const format = useFormatters();
  return (
    <AdminTable
      minWidth={720}
      columns={[
        t('mailboxes.mailbox'),
        t('mailboxes.folder'),
        t('mailboxes.status'),
        t('mailboxes.lastPolled'),
      ]}
      hasActions
    >
      {items.map((mailbox) => (
        <Table.Tr key={mailbox.id} data-testid="mailbox" c={mailbox.isEnabled ? undefined : 'dimmed'}>
          <Table.Td>
            <bdi dir="ltr">
              {mailbox.username} · {mailbox.host}:{mailbox.port}
              {mailbox.isSecure ? ' (TLS)' : ''}
            </bdi>
          </Table.Td>
          <Table.Td>
            <bdi dir="ltr">{mailbox.folder}</bdi>
          </Table.Td>
          <Table.Td>
            <Badge color={mailbox.isEnabled ? 'teal' : 'gray'} variant="light" c="dark.7">
              {mailbox.isEnabled ? t('mailboxes.on') : t('mailboxes.off')}
            </Badge>
          </Table.Td>
          <Table.Td>
            {mailbox.lastPolledAt ? (
              <time dateTime={mailbox.lastPolledAt} title={format.dateTime(mailbox.lastPolledAt)}>
                {format.relativeTime(mailbox.lastPolledAt)}
              </time>
            ) : (
              t('mailboxes.never')
            )}
            {mailbox.lastError && (
              <Badge
                color="red"
                variant="filled"
                ms={6}
                leftSection={<IconAlertTriangle size={12} aria-hidden />}
              >
                {t('mailboxes.failing')}
              </Badge>
            )}
          </Table.Td>
          <Table.Td>
            <Group gap={4} wrap="nowrap">
              <EditButton
                label={t('mailboxes.editNamed', { name: nameOf(mailbox) })}
                onClick={() => onEdit(mailbox)}
              />
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                c="red.9"
                leftSection={<IconTrash size={14} aria-hidden />}
                aria-label={t('mailboxes.deleteNamed', { name: nameOf(mailbox) })}
                onClick={() => onDelete(mailbox)}
              >
                {t('mailboxes.delete')}
              </Button>
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </AdminTable>
  );
}

function DeleteMailboxDialog({ mailbox, onDone }: { mailbox: Mailbox; onDone: () => void }) {
  const { t } = useTranslation('channels');
  const remove = useDeleteMailbox();
  const confirm = () =>
    remove.mutate(mailbox.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('mailboxes.deleted') });
        onDone();
      },
    });
  return (
    <ConfirmDialog
      title={t('mailboxes.deleteTitle')}
      question={t('mailboxes.deleteQuestion', { name: nameOf(mailbox) })}
      confirmLabel={t('mailboxes.delete')}
      isPending={remove.isPending}
      error={remove.error}
      onConfirm={confirm}
      onClose={onDone}
    />
  );
}
