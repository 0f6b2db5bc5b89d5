import { Button, Group, Select, Table, Text } from '@mantine/core';
import { can } from '@sada/core';
import { IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import { useUsers } from '../cases/useWorkspaceLists.ts';

/**
 * An admin picks someone of the workspace to subscribe: the active users who read analytics and are
 * not subscribed yet. Used for early warnings and for the scheduled reports.
 */
export function SubscriberPicker({
  subscribedIds,
  nothingFound,
  isPending,
  onSubscribe,
  children,
}: {
  subscribedIds: readonly string[];
  /** What the list says when everyone who could be is subscribed. */
  nothingFound: string;
  isPending: boolean;
  /** Called with the chosen user; `clear` empties the choice once they are subscribed. */
  onSubscribe: (userId: string, clear: () => void) => void;
  /** More choices beside the person (which reports). */
  children?: ReactNode;
}) {
  const { t } = useTranslation('analytics');
  const users = useUsers();
  const [userId, setUserId] = useState<string | null>(null);
  const choices = (users.data ?? [])
    .filter((user) => user.isActive && can(user.role, 'analytics:read') && !subscribedIds.includes(user.id))
    .map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (userId) onSubscribe(userId, () => setUserId(null));
  };
  return (
    <form onSubmit={submit}>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <Select
          label={t('picker.label')}
          placeholder={choices.length === 0 ? nothingFound : t('picker.placeholder')}
          data={choices}
          value={userId}
          onChange={setUserId}
          searchable
          nothingFoundMessage={nothingFound}
          disabled={choices.length === 0}
          style={{ flex: 1, minWidth: 240 }}
        />
        {children}
        <Button
          type="submit"
          variant="light"
          leftSection={<IconUserPlus size={16} aria-hidden />}
          loading={isPending}
          disabled={!userId}
        >
          {t('picker.submit')}
        </Button>
      </Group>
    </form>
  );
}

/** The cells of a subscriber's row that every list of subscribers has: name, then e-mail. */
export function SubscriberCells({ user }: { user: { name: string; email: string } }) {
  return (
    <>
      <Table.Td>{user.name}</Table.Td>
      <Table.Td>
        <Text size="sm" dir="ltr" component="span">
          {user.email}
        </Text>
      </Table.Td>
    </>
  );
}

/** The last cell of a subscriber's row: unsubscribe them, and why that failed if it did. */
export function UnsubscribeCell({
  namedLabel,
  isPending,
  error,
  onUnsubscribe,
}: {
  /** Names the person, for screen readers. */
  namedLabel: string;
  isPending: boolean;
  error: unknown;
  onUnsubscribe: () => void;
}) {
  const { t } = useTranslation('analytics');
  return (
    <Table.Td>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        c="red.9"
        leftSection={<IconUserMinus size={14} aria-hidden />}
        loading={isPending}
        aria-label={namedLabel}
        onClick={onUnsubscribe}
      >
        {t('picker.remove')}
      </Button>
      {error ? (
        <Text size="xs" c="red.9" role="alert">
          {errorMessage(error)}
        </Text>
      ) : null}
    </Table.Td>
  );
}
