import { Button, Group, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../ui/FormError.tsx';
import { UserText } from '../ui/UserText.tsx';
import { type Customer, useUpdateCustomer } from './customer-queries.ts';

/**
 * What the team knows about the customer, shared by every case of theirs. Editable in place; the
 * text being typed survives a refresh of the customer underneath it.
 */
export function CustomerNotes({ customer, canEdit }: { customer: Customer; canEdit: boolean }) {
  const { t } = useTranslation('customer');
  const update = useUpdateCustomer(customer.id);
  const [draft, setDraft] = useState(customer.notes);
  const [isEditing, setIsEditing] = useState(false);

  useEffect(() => {
    if (!isEditing) setDraft(customer.notes);
  }, [customer.notes, isEditing]);

  if (!canEdit || !isEditing) {
    return (
      <div>
        <Group justify="space-between" gap="xs" mb={4}>
          <Text size="sm" fw={600}>
            {t('notes.title')}
          </Text>
          {canEdit && (
            <Button size="compact-xs" variant="subtle" onClick={() => setIsEditing(true)}>
              {customer.notes ? t('notes.edit') : t('notes.add')}
            </Button>
          )}
        </Group>
        {customer.notes ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <UserText>{customer.notes}</UserText>
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('notes.empty')}
          </Text>
        )}
        {update.isSuccess && (
          <Text size="xs" c="teal" role="status">
            {t('notes.saved')}
          </Text>
        )}
      </div>
    );
  }

  const save = () => update.mutate({ notes: draft }, { onSuccess: () => setIsEditing(false) });

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Textarea
        label={t('notes.title')}
        description={t('notes.hint')}
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
        autosize
        minRows={3}
        maxRows={12}
        maxLength={10_000}
        dir="auto"
        data-autofocus
        autoFocus
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save();
          if (event.key === 'Escape') setIsEditing(false);
        }}
      />
      {update.isError && <FormError error={update.error} shownFields={[]} />}
      <Group gap="xs" mt="xs" justify="flex-end">
        <Button size="xs" variant="default" onClick={() => setIsEditing(false)}>
          {t('actions.cancel', { ns: 'common' })}
        </Button>
        <Button size="xs" type="submit" loading={update.isPending} disabled={draft === customer.notes}>
          {t('actions.save', { ns: 'common' })}
        </Button>
      </Group>
    </form>
  );
}
