import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.ts';
import type { CompensationPolicy } from '../compensation/compensation-queries.ts';
import { MONETARY_TYPES, useMoney } from '../compensation/money.ts';
import { enCompensation } from '../i18n/en/compensation.ts';
import { DialogFrame } from '../ui/DialogFrame.tsx';
import { FormButtons } from '../ui/FormButtons.tsx';
import { FormError, fieldErrorOf } from '../ui/FormError.tsx';
import { type NewOfferOption, usePolicyForDialogs, useProposeOffer } from './offer-queries.ts';

const MAX_OPTIONS = 3;
// What is offered until the policy is read; the server refuses a type the policy disables.
export const ALL_TYPES = Object.keys(enCompensation.type);

type StepDraft = { title: string; dueInDays: number; isCustomerVisible: boolean };
type OptionDraft = {
  type: string;
  amount: number | '';
  currency: string;
  description: string;
  plan: StepDraft[];
};

const emptyOption = (policy: CompensationPolicy | undefined): OptionDraft => ({
  type: policy?.types[0] ?? 'refund',
  amount: '',
  currency: policy?.currencies[0] ?? 'SAR',
  description: '',
  plan: [],
});

/**
 * What the signed-in user may give in a currency without approval: a number, `null` for "no limit"
 * (admins), `undefined` when the policy is unknown (the server's answer says it after sending).
 */
export function limitOf(policy: CompensationPolicy | undefined, role: string, currency: string) {
  if (!policy) return undefined;
  if (role !== 'agent' && role !== 'supervisor') return null;
  return policy.limits[role][currency] ?? 0;
}

/** The approval note under an amount: shown as the agent types one above their role's limit. */
export function ApprovalHint({ amount, currency }: { amount: number | ''; currency: string }) {
  const { t } = useTranslation('compensation');
  const role = useCurrentUser().role;
  const policy = usePolicyForDialogs();
  const money = useMoney();
  const limit = limitOf(policy.data, role, currency);
  if (amount === '' || limit === undefined || limit === null || amount <= limit) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      p="xs"
      icon={<IconAlertTriangle aria-hidden />}
      data-testid="approval-hint"
    >
      {limit === 0
        ? t('propose.noLimit', { currency })
        : t('propose.overLimit', { limit: money.format(limit, currency) })}
    </Alert>
  );
}

/** The agent's dialog for one to three options, the message to the customer and the expiry. */
export function ProposeOfferDialog({
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
    <DialogFrame opened={opened} onClose={onClose} title={t('propose.title')} size="xl">
      <ProposeOfferForm reference={reference} onDone={onClose} />
    </DialogFrame>
  );
}

function ProposeOfferForm({ reference, onDone }: { reference: string; onDone: () => void }) {
  const { t } = useTranslation(['compensation', 'common']);
  const policy = usePolicyForDialogs();
  const propose = useProposeOffer(reference);
  const [options, setOptions] = useState<OptionDraft[]>(() => [emptyOption(policy.data)]);
  const [message, setMessage] = useState('');
  const [expiresInDays, setExpiresInDays] = useState<number | ''>(7);
  const types = policy.data?.types.length ? policy.data.types : ALL_TYPES;
  const currencies = policy.data?.currencies.length ? policy.data.currencies : ['SAR'];
  const change = (index: number, changes: Partial<OptionDraft>) =>
    setOptions((current) => current.map((option, at) => (at === index ? { ...option, ...changes } : option)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      options: options.map(
        (option): NewOfferOption => ({
          type: option.type as NewOfferOption['type'],
          amount: MONETARY_TYPES.has(option.type) && option.amount !== '' ? option.amount : null,
          currency: MONETARY_TYPES.has(option.type) ? option.currency : null,
          description: option.description.trim(),
          plan: option.plan
            .filter((step) => step.title.trim())
            .map((step) => ({
              title: step.title.trim(),
              dueInDays: step.dueInDays,
              isCustomerVisible: step.isCustomerVisible,
            })),
        }),
      ),
      message: message.trim(),
      expiresInDays: expiresInDays === '' ? 7 : expiresInDays,
    };
    propose.mutate(input, {
      onSuccess: (offer) => {
        notifications.show({
          color: offer.status === 'pending_approval' ? 'orange' : 'teal',
          message: offer.status === 'pending_approval' ? t('propose.waiting') : t('propose.sent'),
        });
        onDone();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {options.map((option, index) => (
          <OptionFields
            // Options have no id before they are sent; their place is who they are.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            index={index}
            option={option}
            types={types}
            currencies={currencies}
            canRemove={options.length > 1}
            error={propose.error}
            onChange={(changes) => change(index, changes)}
            onRemove={() => setOptions((current) => current.filter((_, at) => at !== index))}
          />
        ))}
        {options.length < MAX_OPTIONS && (
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setOptions((current) => [...current, emptyOption(policy.data)])}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('propose.addOption')}
          </Button>
        )}
        <Textarea
          label={t('propose.message')}
          description={t('propose.messageHint')}
          value={message}
          onChange={(event) => setMessage(event.currentTarget.value)}
          autosize
          minRows={3}
          required
          error={fieldErrorOf(propose.error, 'message')}
        />
        <NumberInput
          label={t('propose.expiresInDays')}
          value={expiresInDays}
          onChange={(value) => setExpiresInDays(typeof value === 'number' ? value : '')}
          min={1}
          max={30}
          allowDecimal={false}
          maw={200}
          error={fieldErrorOf(propose.error, 'expiresInDays')}
        />
        <FormError error={propose.error} shownFields={['message', 'expiresInDays']} />
        <FormButtons isPending={propose.isPending} onCancel={onDone} submitLabel={t('propose.submit')} />
      </Stack>
    </form>
  );
}

function OptionFields({
  index,
  option,
  types,
  currencies,
  canRemove,
  error,
  onChange,
  onRemove,
}: {
  index: number;
  option: OptionDraft;
  types: string[];
  currencies: string[];
  canRemove: boolean;
  error: unknown;
  onChange: (changes: Partial<OptionDraft>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('compensation');
  const money = useMoney();
  const number = index + 1;
  const isMonetary = MONETARY_TYPES.has(option.type);
  const setStep = (at: number, changes: Partial<StepDraft>) =>
    onChange({ plan: option.plan.map((step, i) => (i === at ? { ...step, ...changes } : step)) });
  return (
    <Fieldset legend={t('panel.optionNumber', { number })} data-testid={`offer-option-${number}`}>
      <Stack gap="xs">
        <Group align="flex-end" gap="xs">
          <Select
            label={t('propose.type')}
            data={types.map((type) => ({ value: type, label: money.typeName(type) }))}
            value={option.type}
            onChange={(value) => value && onChange({ type: value })}
            allowDeselect={false}
            w={200}
          />
          {isMonetary && (
            <>
              <NumberInput
                label={t('propose.amount')}
                value={option.amount}
                onChange={(value) => onChange({ amount: typeof value === 'number' ? value : '' })}
                min={0}
                decimalScale={2}
                w={140}
                error={fieldErrorOf(error, `options.${index}.amount`)}
              />
              <Select
                label={t('propose.currency')}
                data={currencies}
                value={option.currency}
                onChange={(value) => value && onChange({ currency: value })}
                allowDeselect={false}
                w={110}
              />
            </>
          )}
          {canRemove && (
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              onClick={onRemove}
              aria-label={t('propose.removeOption', { number })}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          )}
        </Group>
        {isMonetary && <ApprovalHint amount={option.amount} currency={option.currency} />}
        <TextInput
          label={t('propose.description')}
          description={t('propose.descriptionHint')}
          value={option.description}
          onChange={(event) => onChange({ description: event.currentTarget.value })}
          required
          error={fieldErrorOf(error, `options.${index}.description`)}
        />
        <Stack gap={4} role="group" aria-label={t('propose.plan')}>
          <Text size="sm" fw={500}>
            {t('propose.plan')}
          </Text>
          {option.plan.map((step, at) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps have no id before they are sent
            <Group key={at} align="flex-end" gap="xs">
              <TextInput
                label={t('propose.stepTitle')}
                value={step.title}
                onChange={(event) => setStep(at, { title: event.currentTarget.value })}
                style={{ flex: 1 }}
              />
              <NumberInput
                label={t('propose.dueInDays')}
                value={step.dueInDays}
                onChange={(value) => setStep(at, { dueInDays: typeof value === 'number' ? value : 0 })}
                min={0}
                allowDecimal={false}
                w={120}
              />
              <Checkbox
                label={t('propose.visibleToCustomer')}
                checked={step.isCustomerVisible}
                onChange={(event) => setStep(at, { isCustomerVisible: event.currentTarget.checked })}
                mb={8}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                onClick={() => onChange({ plan: option.plan.filter((_, i) => i !== at) })}
                aria-label={t('propose.removeStep', { number: at + 1 })}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() =>
              onChange({ plan: [...option.plan, { title: '', dueInDays: 3, isCustomerVisible: true }] })
            }
            style={{ alignSelf: 'flex-start' }}
          >
            {t('propose.addStep')}
          </Button>
        </Stack>
      </Stack>
    </Fieldset>
  );
}
