import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ChannelIcon } from '../cases/ChannelIcon.tsx';
import { EmptyState, ErrorState, LoadingState } from '../ui/states.tsx';
import { UserText } from '../ui/UserText.tsx';
import { type CustomerListItem, useCustomerSearch } from './customer-queries.ts';
import { Address, extraContacts } from './IdentityList.tsx';

/** Finds customers by name, e-mail, phone or handle; the query stays in the address for back and share. */
export function CustomerSearch() {
  const { t } = useTranslation('customer');
  const [searchParams, setSearchParams] = useSearchParams();
  const [text, setText] = useState(searchParams.get('q') ?? '');
  const [q] = useDebouncedValue(text.trim(), 250);
  const search = useCustomerSearch(q);

  useEffect(() => {
    setSearchParams(q ? { q } : {}, { replace: true });
  }, [q, setSearchParams]);

  const items = search.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack p="md" gap="md" maw={960}>
      <Title order={1} size="h2">
        {t('list.title')}
      </Title>
      <TextInput
        type="search"
        label={t('list.searchLabel')}
        description={t('list.searchHint')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        autoComplete="off"
        maw={480}
      />
      {search.isPending ? (
        <LoadingState />
      ) : search.isError ? (
        <ErrorState error={search.error} onRetry={() => void search.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState message={q ? t('list.noMatch', { q }) : t('list.empty')} />
      ) : (
        <>
          <Stack
            gap="xs"
            component="ul"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            aria-label={t('list.results')}
            aria-busy={search.isFetching}
          >
            {items.map((customer) => (
              <CustomerRow key={customer.id} customer={customer} />
            ))}
          </Stack>
          {search.hasNextPage && (
            <Button
              variant="light"
              onClick={() => void search.fetchNextPage()}
              loading={search.isFetchingNextPage}
              style={{ alignSelf: 'center' }}
            >
              {t('list.more')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}

function CustomerRow({ customer }: { customer: CustomerListItem }) {
  const { t } = useTranslation('customer');
  return (
    <Paper component="li" withBorder p="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/customers/${customer.id}`} fw={600}>
            <UserText>{customer.name}</UserText>
          </Anchor>
          {extraContacts(customer).length > 0 && (
            <Group gap="sm">
              {extraContacts(customer).map((contact) => (
                <Text key={contact} size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  <Address>{contact}</Address>
                </Text>
              ))}
            </Group>
          )}
          {customer.identities.length > 0 && (
            <Group gap="xs">
              {customer.identities.map((identity) => (
                <Badge
                  key={identity.id}
                  variant="light"
                  color="gray"
                  leftSection={<ChannelIcon channel={identity.channel} size={12} />}
                  style={{ textTransform: 'none' }}
                >
                  <VisuallyHidden>{t(`channel.${identity.channel}`, { ns: 'common' })}: </VisuallyHidden>
                  {identity.handle ? (
                    <UserText>{identity.handle}</UserText>
                  ) : (
                    <Address>{identity.externalId}</Address>
                  )}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
        <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
          {t('list.caseCount', { count: customer.caseCount })}
        </Text>
      </Group>
    </Paper>
  );
}
