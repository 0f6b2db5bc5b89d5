import { Anchor, Badge, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { can } from '@sada/core';
import { IconExternalLink } from '@tabler/icons-react';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../auth/session.ts';
import { CustomerCompensation } from '../compensation/CustomerCompensation.tsx';
import { ErrorState, LoadingState } from '../ui/states.tsx';
import { UserText } from '../ui/UserText.tsx';
import { CustomerCases } from './CustomerCases.tsx';
import { CustomerNotes } from './CustomerNotes.tsx';
import { useCustomer } from './customer-queries.ts';
import { Address, extraContacts, IdentityList } from './IdentityList.tsx';

/**
 * The customer beside a case: who they are on each channel, what happened in their other cases, the
 * team's notes about them, and the way to their page.
 */
export function CustomerPanel({
  customerId,
  currentReference,
}: {
  customerId: string | null;
  currentReference?: string;
}) {
  const { t } = useTranslation('customer');
  const user = useCurrentUser();
  const customer = useCustomer(customerId);
  const headingId = useId();

  const frame = (children: ReactNode) => (
    <Paper withBorder p="sm" component="section" aria-labelledby={headingId} data-testid="customer-panel">
      {children}
    </Paper>
  );

  if (!customerId) {
    return frame(
      <>
        <Title order={2} size="h5" id={headingId}>
          {t('panel.title')}
        </Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('panel.noCustomer')}
        </Text>
      </>,
    );
  }
  if (customer.isPending)
    return frame(
      <>
        <Title order={2} size="h5" id={headingId}>
          {t('panel.title')}
        </Title>
        <LoadingState />
      </>,
    );
  if (customer.isError)
    return frame(
      <>
        <Title order={2} size="h5" id={headingId}>
          {t('panel.title')}
        </Title>
        <ErrorState error={customer.error} onRetry={() => void customer.refetch()} />
      </>,
    );

  const data = customer.data;
  return frame(
    <Stack gap="sm">
      <div>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Title order={2} size="h5" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            <UserText>{data.name}</UserText>
          </Title>
          {data.language && (
            <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
              {t(`language.${data.language as 'ar' | 'en' | 'other'}`)}
            </Badge>
          )}
        </Group>
        {extraContacts(data).map((contact) => (
          <Text key={contact} size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            <Address>{contact}</Address>
          </Text>
        ))}
      </div>
      <div>
        <Text size="sm" fw={600} mb={4}>
          {t('identities.title')}
        </Text>
        <IdentityList identities={data.identities} />
      </div>
      <Divider />
      <div>
        <Text size="sm" fw={600} mb={4}>
          {t('panel.otherCases')}
        </Text>
        <CustomerCases
          customerId={data.id}
          excludeReference={currentReference}
          emptyMessage={t('panel.firstCase')}
        />
      </div>
      <CustomerCompensation customerId={data.id} />
      <Divider />
      <CustomerNotes customer={data} canEdit={can(user.role, 'customer:write')} />
      <Anchor component={Link} to={`/customers/${data.id}`} size="sm">
        <Group gap={4} wrap="nowrap" component="span">
          {t('panel.openPage')}
          <IconExternalLink size={14} aria-hidden />
        </Group>
      </Anchor>
    </Stack>,
  );
}
