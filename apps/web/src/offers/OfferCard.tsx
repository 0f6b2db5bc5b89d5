import { Anchor, Badge, Button, Group, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../admin/AdminParts.tsx';
import { COMPENSATION_COLOURS, useMoney } from '../compensation/money.ts';
import { DialogFrame } from '../ui/DialogFrame.tsx';
import { FormButtons } from '../ui/FormButtons.tsx';
import { FormError } from '../ui/FormError.tsx';
import { useFormatters } from '../ui/format.ts';
import { UserText } from '../ui/UserText.tsx';
import { type Offer, type OfferOption, useRecordChoice, useWithdrawOffer } from './offer-queries.ts';

const OFFER_COLOURS: Record<Offer['status'], string> = {
  pending_approval: 'orange',
  sent: 'blue',
  chosen: 'teal',
  withdrawn: 'gray',
  rejected: 'red',
  expired: 'gray',
};

/** One offer: its status, options with their approvals and the customer's choice, and what an agent may do. */
export function OfferCard({
  reference,
  offer,
  canWork,
}: {
  reference: string;
  offer: Offer;
  canWork: boolean;
}) {
  const { t } = useTranslation('compensation');
  const format = useFormatters();
  const [dialog, setDialog] = useState<'withdraw' | 'choose' | null>(null);
  const withdraw = useWithdrawOffer(reference);
  const isOpen = offer.status === 'pending_approval' || offer.status === 'sent';
  const how =
    offer.chosenVia === 'agent'
      ? t('chosenVia.agentUnknown')
      : offer.chosenVia
        ? t(`chosenVia.${offer.chosenVia}`)
        : '';
  return (
    <Stack
      gap={6}
      data-testid="offer"
      data-offer-status={offer.status}
      style={{ borderBlockStart: '1px solid var(--mantine-color-default-border)', paddingBlockStart: 8 }}
    >
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Badge variant="light" c="dark.7" color={OFFER_COLOURS[offer.status]} data-testid="offer-status">
          {t(`offerStatus.${offer.status}`)}
        </Badge>
        {offer.url && offer.status === 'sent' && <OfferPageLink url={offer.url} />}
      </Group>
      <Text size="xs" c="dimmed">
        {t('panel.createdBy', { name: offer.createdBy.name, date: format.relativeTime(offer.createdAt) })}
        {offer.sentAt && ` · ${t('panel.sentAt', { date: format.dateTime(offer.sentAt) })}`}
        {offer.expiresAt &&
          isOpen &&
          ` · ${t('panel.expiresAt', { date: format.dateTime(offer.expiresAt) })}`}
      </Text>
      {offer.message && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <UserText>{offer.message}</UserText>
        </Text>
      )}
      <Stack gap={4} component="ol" style={{ margin: 0, paddingInlineStart: 20 }}>
        {offer.options.map((option) => (
          <OptionLine key={option.id} option={option} isChosen={offer.chosenOptionId === option.id} />
        ))}
      </Stack>
      {offer.chosenAt && (
        <Text size="xs" data-testid="offer-chosen">
          {t('panel.chosenAt', { date: format.dateTime(offer.chosenAt), how })}
        </Text>
      )}
      {canWork && isOpen && (
        <Group gap="xs">
          {offer.status === 'sent' && (
            <Button
              size="xs"
              variant="light"
              onClick={() => setDialog('choose')}
              title={t('panel.recordChoiceHint')}
            >
              {t('panel.recordChoice')}
            </Button>
          )}
          <Button size="xs" variant="subtle" color="red" onClick={() => setDialog('withdraw')}>
            {t('panel.withdraw')}
          </Button>
        </Group>
      )}
      {dialog === 'withdraw' && (
        <ConfirmDialog
          title={t('panel.withdrawTitle')}
          question={t('panel.withdrawQuestion')}
          confirmLabel={t('panel.withdraw')}
          isPending={withdraw.isPending}
          error={withdraw.error}
          onConfirm={() =>
            withdraw.mutate(offer.id, {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('panel.withdrawn') });
                setDialog(null);
              },
            })
          }
          onClose={() => setDialog(null)}
        />
      )}
      <DialogFrame
        opened={dialog === 'choose'}
        onClose={() => setDialog(null)}
        title={t('panel.recordChoiceTitle')}
      >
        <RecordChoiceForm reference={reference} offer={offer} onDone={() => setDialog(null)} />
      </DialogFrame>
    </Stack>
  );
}

/** "Refund · SAR 300.00 — money back to the card", with its approval and whether it was chosen. */
function OptionLine({ option, isChosen }: { option: OfferOption; isChosen: boolean }) {
  const { t } = useTranslation('compensation');
  const money = useMoney();
  const approval = option.compensationStatus;
  return (
    <li data-testid="offer-option" data-chosen={isChosen || undefined}>
      <Group gap={6} wrap="wrap">
        {isChosen && <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />}
        <Text size="sm" fw={isChosen ? 700 : 500}>
          {money.describe(option)}
        </Text>
        {isChosen && (
          <Badge size="sm" color="teal" variant="light" c="dark.7">
            {t('panel.chosen')}
          </Badge>
        )}
        {approval && approval !== 'given' && (
          <Badge
            size="sm"
            variant="outline"
            c="dark.7"
            color={COMPENSATION_COLOURS[approval]}
            data-testid="option-approval"
          >
            {t('panel.approval', { state: t(`compensationStatus.${approval}`) })}
          </Badge>
        )}
      </Group>
      {option.description && (
        <Text size="xs">
          <UserText>{option.description}</UserText>
        </Text>
      )}
      {option.plan.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('panel.planSteps', { steps: option.plan.map((step) => step.title).join(' · ') })}
        </Text>
      )}
    </li>
  );
}

function RecordChoiceForm({
  reference,
  offer,
  onDone,
}: {
  reference: string;
  offer: Offer;
  onDone: () => void;
}) {
  const { t } = useTranslation('compensation');
  const money = useMoney();
  const record = useRecordChoice(reference);
  const [optionId, setOptionId] = useState(offer.options[0]?.id ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(
      { offerId: offer.id, optionId },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('panel.choiceRecorded') });
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('panel.recordChoiceHint')}
        </Text>
        <Radio.Group label={t('panel.choice')} value={optionId} onChange={setOptionId}>
          <Stack gap={6} mt={4}>
            {offer.options.map((option) => (
              <Radio
                key={option.id}
                value={option.id}
                label={`${money.describe(option)} — ${option.description}`}
              />
            ))}
          </Stack>
        </Radio.Group>
        <FormError error={record.error} />
        <FormButtons isPending={record.isPending} onCancel={onDone} submitLabel={t('panel.recordChoice')} />
      </Stack>
    </form>
  );
}

/** A link that opens the customer's offer page in a new tab (what the customer sees). */
function OfferPageLink({ url }: { url: string }) {
  const { t } = useTranslation('compensation');
  return (
    <Anchor href={url} target="_blank" rel="noreferrer" size="xs" data-testid="offer-url">
      {t('panel.offerLink')}
    </Anchor>
  );
}
