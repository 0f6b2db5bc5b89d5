import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCash, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { useMoney } from '../compensation/money.ts';
import { ErrorState } from '../ui/states.tsx';
import { GiveCompensationDialog } from './GiveCompensationDialog.tsx';
import { OfferCard } from './OfferCard.tsx';
import { useCaseCompensations, useOffers } from './offer-queries.ts';
import { ProposeOfferDialog } from './ProposeOfferDialog.tsx';

/**
 * The case's solution offers beside the conversation: each offer's options, its approval and what the
 * customer chose; agents propose a new one or record compensation given directly.
 */
export function OffersPanel({ reference, canWork }: { reference: string; canWork: boolean }) {
  const { t } = useTranslation('compensation');
  const offers = useOffers(reference);
  const [dialog, setDialog] = useState<'propose' | 'give' | null>(null);
  const close = () => setDialog(null);
  // Roles that may not read offers (analysts) see no panel rather than an error.
  if (offers.error instanceof ApiError && offers.error.status === 403) return null;
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-labelledby="case-offers-title"
      aria-busy={offers.isPending}
      data-testid="offers-panel"
    >
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={2} size="h5" id="case-offers-title">
          {t('panel.title')}
        </Title>
        {offers.data && offers.data.length > 0 && (
          <Badge variant="light" color="gray" c="dark.7">
            {offers.data.length}
          </Badge>
        )}
      </Group>
      {offers.isError && <ErrorState error={offers.error} onRetry={() => void offers.refetch()} />}
      {offers.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('panel.empty')}
        </Text>
      )}
      <Stack gap="sm">
        {offers.data?.map((offer) => (
          <OfferCard key={offer.id} reference={reference} offer={offer} canWork={canWork} />
        ))}
        <CaseCompensations reference={reference} />
        {canWork && (
          <Group gap="xs">
            <Button
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setDialog('propose')}
            >
              {t('panel.propose')}
            </Button>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconCash size={14} aria-hidden />}
              onClick={() => setDialog('give')}
            >
              {t('panel.giveCompensation')}
            </Button>
          </Group>
        )}
      </Stack>
      <ProposeOfferDialog reference={reference} opened={dialog === 'propose'} onClose={close} />
      <GiveCompensationDialog reference={reference} opened={dialog === 'give'} onClose={close} />
    </Paper>
  );
}

/** The compensation of the case (direct or through an offer) with its state, for the agent at hand. */
function CaseCompensations({ reference }: { reference: string }) {
  const { t } = useTranslation('compensation');
  const money = useMoney();
  const compensations = useCaseCompensations(reference);
  if (!compensations.data || compensations.data.length === 0) return null;
  return (
    <Stack gap={4} data-testid="case-compensations">
      <Text size="sm" fw={600}>
        {t('panel.compensations')}
      </Text>
      {compensations.data.map((item) => (
        <Group key={item.id} gap="xs" justify="space-between" wrap="nowrap" data-testid="case-compensation">
          <Text size="sm">
            <bdi>{money.describe(item)}</bdi>{' '}
            <Text span size="xs" c="dimmed">
              {t('panel.requestedBy', { name: item.requestedBy.name })}
            </Text>
          </Text>
          <Badge
            variant="light"
            color={item.status === 'given' ? 'teal' : item.status === 'rejected' ? 'red' : 'orange'}
            c="dark.7"
          >
            {t(`compensationStatus.${item.status}`)}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}
