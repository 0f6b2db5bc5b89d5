import { Group, List, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChannelIcon } from '../cases/ChannelIcon.tsx';
import { UserText } from '../ui/UserText.tsx';
import type { CustomerIdentity } from './customer-queries.ts';

/** An address (e-mail, phone number, account id) reads left to right in Arabic text too. */
export function Address({ children }: { children: string }) {
  return (
    <bdi dir="ltr" style={{ unicodeBidi: 'isolate' }}>
      {children}
    </bdi>
  );
}

// "+966 50…" and "96650…" are the same number for this purpose.
const comparable = (value: string) => value.toLowerCase().replace(/[\s+()-]/g, '');

/** The e-mail and phone of a customer that no identity already shows, so a card does not say them twice. */
export function extraContacts(customer: {
  email: string | null;
  phone: string | null;
  identities: CustomerIdentity[];
}): string[] {
  const shown = new Set(customer.identities.map((identity) => comparable(identity.externalId)));
  return [customer.email, customer.phone].filter(
    (contact): contact is string => !!contact && !shown.has(comparable(contact)),
  );
}

/**
 * One line per identity: the channel's icon and name, then the handle the customer chose (in its own
 * direction) or the address (left to right) when there is no handle.
 */
export function IdentityList({ identities }: { identities: CustomerIdentity[] }) {
  const { t } = useTranslation('customer');
  if (identities.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('identities.none')}
      </Text>
    );
  }
  return (
    <List listStyleType="none" spacing={4} aria-label={t('identities.title')}>
      {identities.map((identity) => (
        <List.Item key={identity.id}>
          <Group gap={6} wrap="nowrap" align="center">
            <ThemeIcon variant="light" size="sm" color="gray" radius="xl">
              <ChannelIcon channel={identity.channel} size={14} />
            </ThemeIcon>
            <Text size="sm" c="dimmed" span>
              {t(`channel.${identity.channel}`, { ns: 'common' })}
            </Text>
            <Text size="sm" span style={{ overflowWrap: 'anywhere' }} title={identity.externalId}>
              {identity.handle ? (
                <UserText>{identity.handle}</UserText>
              ) : (
                <Address>{identity.externalId}</Address>
              )}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
