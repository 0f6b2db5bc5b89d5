import { Select, Stack, TextInput } from '@mantine/core';
import { LANGUAGES } from '@sada/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFrame, type DialogProps } from '../ui/DialogFrame.tsx';
import { FormButtons } from '../ui/FormButtons.tsx';
import { FormError, fieldErrorOf } from '../ui/FormError.tsx';
import { type Customer, useUpdateCustomer } from './customer-queries.ts';

type Language = (typeof LANGUAGES)[number];

/** Changes a customer's name, e-mail, phone and language; an emptied e-mail or phone is removed. */
export function CustomerDetailsDialog({ customer, ...dialog }: { customer: Customer } & DialogProps) {
  const { t } = useTranslation('customer');
  return (
    <DialogFrame {...dialog} title={t('details.edit')}>
      <DetailsForm customer={customer} onClose={dialog.onClose} />
    </DialogFrame>
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
        <FormButtons
          isPending={update.isPending}
          onCancel={onClose}
          submitLabel={t('actions.save', { ns: 'common' })}
        />
      </Stack>
    </form>
  );
}
