import { Group, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MONETARY_TYPES, useMoney } from '../compensation/money.ts';
import { DialogFrame } from '../ui/DialogFrame.tsx';
import { FormButtons } from '../ui/FormButtons.tsx';
import { FormError, fieldErrorOf } from '../ui/FormError.tsx';
import { type NewCompensation, useGiveCompensation, usePolicyForDialogs } from './offer-queries.ts';
import { ApprovalHint } from './ProposeOfferDialog.tsx';

/** Direct compensation, without an offer: the type, the amount and why; above the limit it waits for approval. */
export function GiveCompensationDialog({
  reference,
  opened,
  onClose,
}: {
  reference: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('compensation');
  return (
    <DialogFrame opened={opened} onClose={onClose} title={t('give.title')}>
      <GiveCompensationForm reference={reference} onDone={onClose} />
    </DialogFrame>
  );
}

function GiveCompensationForm({ reference, onDone }: { reference: string; onDone: () => void }) {
  const { t } = useTranslation('compensation');
  const money = useMoney();
  const policy = usePolicyForDialogs();
  const give = useGiveCompensation(reference);
  const types = (policy.data?.types ?? ['refund', 'discount', 'voucher', 'service_credit']).filter((type) =>
    MONETARY_TYPES.has(type),
  );
  const currencies = policy.data?.currencies.length ? policy.data.currencies : ['SAR'];
  const [type, setType] = useState(types[0] ?? 'refund');
  const [amount, setAmount] = useState<number | ''>('');
  const [currency, setCurrency] = useState(currencies[0] ?? 'SAR');
  const [reason, setReason] = useState('');
  const errorAt = (field: string) => fieldErrorOf(give.error, field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    give.mutate(
      {
        type: type as NewCompensation['type'],
        amount: amount === '' ? null : amount,
        currency,
        reason: reason.trim(),
      },
      {
        onSuccess: (compensation) => {
          const isWaiting = compensation.status === 'pending_approval';
          notifications.show({
            color: isWaiting ? 'orange' : 'teal',
            message: isWaiting ? t('give.waiting') : t('give.given'),
          });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group align="flex-end" gap="xs">
          <Select
            label={t('propose.type')}
            data={types.map((value) => ({ value, label: money.typeName(value) }))}
            value={type}
            onChange={(value) => value && setType(value)}
            allowDeselect={false}
            w={180}
          />
          <NumberInput
            label={t('propose.amount')}
            value={amount}
            onChange={(value) => setAmount(typeof value === 'number' ? value : '')}
            min={0}
            decimalScale={2}
            required
            w={140}
            error={errorAt('amount')}
          />
          <Select
            label={t('propose.currency')}
            data={currencies}
            value={currency}
            onChange={(value) => value && setCurrency(value)}
            allowDeselect={false}
            w={110}
          />
        </Group>
        <ApprovalHint amount={amount} currency={currency} />
        <Textarea
          label={t('give.reason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          required
          autosize
          minRows={2}
          error={errorAt('reason')}
        />
        <FormError error={give.error} shownFields={['amount', 'reason']} />
        <FormButtons isPending={give.isPending} onCancel={onDone} submitLabel={t('give.submit')} />
      </Stack>
    </form>
  );
}
