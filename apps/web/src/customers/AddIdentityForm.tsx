import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { CHANNELS, type Channel } from '@sada/core';
import { IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, fieldErrorOf } from '../ui/FormError.tsx';
import { useUpdateCustomer } from './customer-queries.ts';

/** Adds how the customer is reached on one more channel: the address there and an optional handle. */
export function AddIdentityForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customer');
  const update = useUpdateCustomer(customerId);
  const [isOpen, setIsOpen] = useState(false);
  const [channel, setChannel] = useState<Channel>('email');
  const [externalId, setExternalId] = useState('');
  const [handle, setHandle] = useState('');

  if (!isOpen) {
    return (
      <Button
        size="xs"
        variant="subtle"
        leftSection={<IconPlus size={14} aria-hidden />}
        onClick={() => setIsOpen(true)}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('identities.add')}
      </Button>
    );
  }

  const close = () => {
    setIsOpen(false);
    setExternalId('');
    setHandle('');
    update.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        addIdentities: [
          { channel, externalId: externalId.trim(), ...(handle.trim() && { handle: handle.trim() }) },
        ],
      },
      { onSuccess: close },
    );
  };
  const externalIdError = fieldErrorOf(update.error, 'addIdentities');

  return (
    <form onSubmit={submit} noValidate aria-label={t('identities.add')}>
      <Stack gap="xs">
        <Select
          label={t('identities.channel')}
          data={CHANNELS.map((value) => ({ value, label: t(`channel.${value}`, { ns: 'common' }) }))}
          value={channel}
          onChange={(value) => value && setChannel(value as Channel)}
          allowDeselect={false}
          size="sm"
        />
        <TextInput
          label={t('identities.externalId')}
          description={t('identities.externalIdHint')}
          required
          dir="ltr"
          value={externalId}
          onChange={(event) => setExternalId(event.currentTarget.value)}
          error={externalIdError}
          size="sm"
          data-autofocus
        />
        <TextInput
          label={t('identities.handle')}
          description={t('identities.handleHint')}
          dir="auto"
          value={handle}
          onChange={(event) => setHandle(event.currentTarget.value)}
          size="sm"
        />
        <FormError error={update.error} shownFields={['addIdentities']} />
        <Group gap="xs" justify="flex-end">
          <Button size="xs" variant="default" onClick={close}>
            {t('actions.cancel', { ns: 'common' })}
          </Button>
          <Button size="xs" type="submit" loading={update.isPending} disabled={!externalId.trim()}>
            {t('identities.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
