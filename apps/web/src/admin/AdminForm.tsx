import { Stack, TextInput } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormButtons } from '../ui/FormButtons.tsx';
import { FormError, fieldErrorOf } from '../ui/FormError.tsx';
import type { DialogSectionName } from './AdminParts.tsx';

type Mutation<Input> = {
  mutate: (input: Input, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  error: unknown;
};

/**
 * Saves an admin dialog's form through `create` (a new item) or `update`, and closes the dialog once
 * the server keeps it. The pending state and the errors are those of the request that applies.
 */
export function useAdminSave<Created, Updated>(
  name: DialogSectionName,
  {
    isNew,
    create,
    update,
    onDone,
  }: { isNew: boolean; create: Mutation<Created>; update: Mutation<Updated>; onDone: () => void },
) {
  const { t } = useTranslation('admin');
  const { isPending, error } = isNew ? create : update;
  return {
    create: (input: Created) => create.mutate(input, { onSuccess: onDone }),
    update: (input: Updated) => update.mutate(input, { onSuccess: onDone }),
    errorAt: (field: string) => fieldErrorOf(error, field),
    isPending,
    error,
    onDone,
    submitLabel: isNew ? t(`${name}.add`) : t('actions.save', { ns: 'common' }),
  };
}

type AdminSave = Pick<ReturnType<typeof useAdminSave>, 'isPending' | 'error' | 'onDone' | 'submitLabel'>;

/**
 * The form of an admin dialog: its inputs, why the server refused it (the fields it names that no
 * input in `shownFields` shows), then cancel and submit.
 */
export function AdminForm({
  save,
  shownFields,
  onSubmit,
  children,
}: {
  save: AdminSave;
  shownFields: string[];
  onSubmit: () => void;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {children}
        <FormError error={save.error} shownFields={shownFields} />
        <FormButtons isPending={save.isPending} onCancel={save.onDone} submitLabel={save.submitLabel} />
      </Stack>
    </form>
  );
}

/** The name of a user or a team: required, written in either direction, focused when the dialog opens. */
export function NameInput({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (name: string) => void;
  error: string | undefined;
}) {
  return (
    <TextInput
      label={label}
      required
      dir="auto"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      data-autofocus
    />
  );
}
