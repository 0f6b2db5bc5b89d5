import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { LANGUAGES } from '@sada/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, fieldErrorOf } from '../ui/FormError.tsx';
import { type Customer, useUpdateCustomer } from './customer-queries.ts';

type Language = (typeof LANGUAGES)[number];

/** Changes a customer's name, e-mail, phone and language; an emptied e-mail or phone is removed. */
export function CustomerDetailsDialog({
  customer,
  opened,
  onClose,
}: {
  customer: Customer;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('customer');
  // The form is mounted on each opening, so it starts from the customer as it is now.
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('actions.close', { ns: 'common' }) }}
      opened={opened}
      onClose={onClose}
      title={t('details.edit')}
    >
      <DetailsForm customer={customer} onClose={onClose} />
    </Modal>
  );
}

function DetailsForm({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const { t } = useTranslation('customer');
  const update = useUpdateCustomer(customer.id);
  const [name, setName] = useState(customer.name);
  const [email, setEmail] = useState(customer.email ?? '');
  const [phone, setPhone] = useState(customer.phone ?? '');
  const [language, setLanguage] = useState<string | null>(customer.language);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        name: name.trim(),
        email: email.trim() || null,
        phone: phone.trim() || null,
        language: (language as Language | null) ?? null,
      },
      { onSuccess: onClose },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('details.name')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldErrorOf(update.error, 'name')}
          dir="auto"
          data-autofocus
        />
        <TextInput
          label={t('details.email')}
          type="email"
          dir="ltr"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fieldErrorOf(update.error, 'email')}
        />
        <TextInput
          label={t('details.phone')}
          type="tel"
          dir="ltr"
          value={phone}
          onChange={(event) => setPhone(event.currentTarget.value)}
          error={fieldErrorOf(update.error, 'phone')}
        />
        <Select
          label={t('details.language')}
          data={LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
          value={language}
          onChange={setLanguage}
          clearable
          placeholder={t('details.unknown')}
        />
        <FormError error={update.error} shownFields={['name', 'email', 'phone']} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel', { ns: 'common' })}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('actions.save', { ns: 'common' })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
