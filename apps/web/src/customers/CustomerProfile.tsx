import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { can } from '@sada/core';
import { IconArrowMerge, IconInfoCircle, IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../auth/session.ts';
import { useFormatters } from '../ui/format.ts';
import { ErrorState, LoadingState } from '../ui/states.tsx';
import { UserText } from '../ui/UserText.tsx';
import { AddIdentityForm } from './AddIdentityForm.tsx';
import { CustomerCases } from './CustomerCases.tsx';
import { CustomerDetailsDialog } from './CustomerDetailsDialog.tsx';
import { CustomerLookalikes } from './CustomerLookalikes.tsx';
import { CustomerNotes } from './CustomerNotes.tsx';
import { type Customer, useCustomer } from './customer-queries.ts';
import { Address, IdentityList } from './IdentityList.tsx';
import { MergeCustomerDialog } from './MergeCustomerDialog.tsx';

/** One customer: details, identities on every channel, notes, all their cases, and merging a duplicate in. */
export function CustomerProfile() {
  const { t } = useTranslation('customer');
  const { customerId = '' } = useParams();
  const customer = useCustomer(customerId);

  return (
    <Stack p="md" gap="md" maw={1200}>
      <Anchor component={Link} to="/customers" size="sm">
        {t('page.backToList')}
      </Anchor>
      {customer.isPending ? (
        <LoadingState />
      ) : customer.isError ? (
        <ErrorState error={customer.error} onRetry={() => void customer.refetch()} />
      ) : (
        <CustomerDetails customer={customer.data} />
      )}
    </Stack>
  );
}

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

function CustomerDetails({ customer }: { customer: Customer }) {
  const { t } = useTranslation('customer');
  const user = useCurrentUser();
  const format = useFormatters();
  const [isEditOpen, editDialog] = useDisclosure(false);
  const [isMergeOpen, mergeDialog] = useDisclosure(false);
  const isMerged = customer.mergedIntoId !== null;
  const canWrite = can(user.role, 'customer:write') && !isMerged;
  const canMerge = can(user.role, 'customer:merge') && !isMerged;

  return (
    <>
      {isMerged && (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />} title={t('page.mergedTitle')}>
          <Anchor component={Link} to={`/customers/${customer.mergedIntoId}`} size="sm">
            {t('page.mergedLink')}
          </Anchor>
        </Alert>
      )}
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={1} size="h2">
              <UserText>{customer.name}</UserText>
            </Title>
            {customer.language && (
              <Badge variant="light" color="gray">
                {t(`language.${customer.language as 'ar' | 'en' | 'other'}`)}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('page.since', { date: format.date(customer.createdAt) })}
          </Text>
        </div>
        <Group gap="xs">
          {canWrite && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={editDialog.open}
            >
              {t('details.edit')}
            </Button>
          )}
          {canMerge && (
            <Button
              variant="light"
              leftSection={<IconArrowMerge size={16} aria-hidden />}
              onClick={mergeDialog.open}
            >
              {t('merge.open')}
            </Button>
          )}
        </Group>
      </Group>
      <CustomerLookalikes customer={customer} canMerge={canMerge} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Section title={t('details.title')}>
              <DetailRows customer={customer} />
            </Section>
            <Section title={t('identities.title')}>
              <Stack gap="sm">
                <IdentityList identities={customer.identities} />
                {canWrite && <AddIdentityForm customerId={customer.id} />}
              </Stack>
            </Section>
            <Paper withBorder p="md">
              <CustomerNotes customer={customer} canEdit={canWrite} />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Section title={t('cases.title')}>
            <CustomerCases customerId={customer.id} emptyMessage={t('cases.none')} />
          </Section>
        </Grid.Col>
      </Grid>
      {canWrite && (
        <CustomerDetailsDialog customer={customer} opened={isEditOpen} onClose={editDialog.close} />
      )}
      {canMerge && <MergeCustomerDialog target={customer} opened={isMergeOpen} onClose={mergeDialog.close} />}
    </>
  );
}

function DetailRows({ customer }: { customer: Customer }) {
  const { t } = useTranslation('customer');
  return (
    <Stack gap={6} component="dl" m={0}>
      <DetailRow label={t('details.email')}>
        {customer.email && <Address>{customer.email}</Address>}
      </DetailRow>
      <DetailRow label={t('details.phone')}>
        {customer.phone && <Address>{customer.phone}</Address>}
      </DetailRow>
      <DetailRow label={t('details.language')}>
        {customer.language && t(`language.${customer.language as 'ar' | 'en' | 'other'}`)}
      </DetailRow>
      <DetailRow label={t('details.tags')}>
        {customer.tags.length > 0 && (
          <Group gap={4} component="span">
            {customer.tags.map((tag) => (
              <Badge key={tag} variant="outline" color="gray" size="sm" style={{ textTransform: 'none' }}>
                <UserText>{tag}</UserText>
              </Badge>
            ))}
          </Group>
        )}
      </DetailRow>
    </Stack>
  );
}

/** One term of the details; an unknown value says so instead of leaving a gap. */
function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation('customer');
  return (
    <Group gap="xs" wrap="nowrap" align="baseline">
      <Text component="dt" size="sm" c="dimmed" w={110} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text
        component="dd"
        size="sm"
        m={0}
        c={children ? undefined : 'dimmed'}
        style={{ overflowWrap: 'anywhere' }}
      >
        {children || t('details.unknown')}
      </Text>
    </Group>
  );
}
