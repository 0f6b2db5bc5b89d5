import { Badge, Button, Collapse, Stack, Table, Text } from '@mantine/core';
import type { channelErrorLog } from '@sada/contracts';
import { IconChevronDown, IconListDetails } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api, type Wire } from '../api/client.ts';
import { FormError } from '../ui/FormError.tsx';
import { useFormatters } from '../ui/format.ts';
import { LoadingState } from '../ui/states.tsx';
import { UserText } from '../ui/UserText.tsx';

type ChannelErrorEntry = Wire<z.infer<typeof channelErrorLog>>['items'][number];

/**
 * The error log of a social account or a mailbox, behind a disclosure: when each problem happened
 * (relative and exact), where (webhook, sending, polling, test, mailbox) and what went wrong, in the
 * reader's language. Loaded when opened, again whenever the accounts or mailboxes are.
 */
export function ChannelErrorLog({ of, id, name }: { of: 'social' | 'mailboxes'; id: string; name: string }) {
  const { t } = useTranslation('channels');
  const [isOpen, setIsOpen] = useState(false);
  const panelId = useId();
  const path = of === 'social' ? `/api/channels/${id}/errors` : `/api/channels/mailboxes/${id}/errors`;
  const log = useQuery({
    // Under the key of the accounts (or mailboxes): whatever refreshes them refreshes the log too.
    queryKey: ['channels', of, 'errors', id],
    queryFn: async ({ signal }) => (await api.get<{ items: ChannelErrorEntry[] }>(path, { signal })).items,
    enabled: isOpen,
    staleTime: 0,
  });
  return (
    <Stack gap={4} data-testid="channel-error-log">
      <Button
        size="compact-sm"
        variant="subtle"
        color="gray"
        c="dark.7"
        justify="flex-start"
        style={{ alignSelf: 'flex-start' }}
        leftSection={<IconListDetails size={14} aria-hidden />}
        rightSection={
          <IconChevronDown
            size={14}
            aria-hidden
            style={{ transform: isOpen ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }}
          />
        }
        aria-expanded={isOpen}
        aria-controls={panelId}
        aria-label={t('errorLog.showNamed', { name })}
        onClick={() => setIsOpen((open) => !open)}
      >
        {t('errorLog.show')}
      </Button>
      <Collapse expanded={isOpen}>
        <div id={panelId}>
          {log.isPending && isOpen ? (
            <LoadingState label={t('errorLog.loading')} />
          ) : log.error ? (
            <FormError error={log.error} />
          ) : log.data?.length === 0 ? (
            <Text size="sm" c="gray.7" data-testid="channel-error-log-empty">
              {t('errorLog.empty')}
            </Text>
          ) : log.data ? (
            <ErrorTable items={log.data} />
          ) : null}
        </div>
      </Collapse>
    </Stack>
  );
}

function ErrorTable({ items }: { items: ChannelErrorEntry[] }) {
  const { t, i18n } = useTranslation('channels');
  const format = useFormatters();
  const language = i18n.language === 'en' ? 'en' : 'ar';
  return (
    <Stack gap={4}>
      <Text size="xs" c="gray.7">
        {t('errorLog.hint')}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table striped verticalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('errorLog.when')}</Table.Th>
              <Table.Th>{t('errorLog.source')}</Table.Th>
              <Table.Th>{t('errorLog.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((entry) => (
              <Table.Tr key={entry.id} data-testid="channel-error" data-code={entry.error.code}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={entry.occurredAt} title={format.dateTime(entry.occurredAt)}>
                    {format.relativeTime(entry.occurredAt)}
                  </time>
                  <Text size="xs" c="gray.7">
                    {format.dateTime(entry.occurredAt)}
                  </Text>
                </Table.Td>
                <Table.Td>{t(`errorLog.sources.${entry.source}`)}</Table.Td>
                <Table.Td>
                  <UserText block>{entry.error[language]}</UserText>
                  {entry.occurrences > 1 && (
                    <Badge color="gray" variant="light" c="dark.7" mt={4}>
                      {t('errorLog.repeated', { count: entry.occurrences })}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
