import { Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeams, useUsers } from '../cases/useWorkspaceLists.ts';
import { DialogFrame, type DialogProps } from '../ui/DialogFrame.tsx';
import { FormButtons } from '../ui/FormButtons.tsx';
import { FormError, fieldErrorOf } from '../ui/FormError.tsx';
import { type PlanStep, useAddStep, useChangeStep } from './plan-queries.ts';

const NONE = 'none';

/** `<input type="datetime-local">` reads and writes local time without a zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

const ownerValue = (step: PlanStep | null) =>
  step?.owner?.userId
    ? `user:${step.owner.userId}`
    : step?.owner?.teamId
      ? `team:${step.owner.teamId}`
      : NONE;

/** Adds a step to the plan, or edits one: title, owner (a person or a team), due time, what the customer sees. */
export function StepDialog({
  reference,
  step,
  ...dialog
}: DialogProps & { reference: string; step: PlanStep | null }) {
  const { t } = useTranslation('plans');
  return (
    <DialogFrame title={step ? t('dialog.editTitle') : t('dialog.addTitle')} {...dialog}>
      <StepForm reference={reference} step={step} onDone={dialog.onClose} />
    </DialogFrame>
  );
}

function StepForm({
  reference,
  step,
  onDone,
}: {
  reference: string;
  step: PlanStep | null;
  onDone: () => void;
}) {
  const { t } = useTranslation('plans');
  const users = useUsers();
  const teams = useTeams();
  const add = useAddStep(reference);
  const change = useChangeStep(reference);
  const mutation = step ? change : add;
  const [title, setTitle] = useState(step?.title ?? '');
  const [owner, setOwner] = useState(ownerValue(step));
  const [due, setDue] = useState(toLocalInput(step?.dueAt ?? null));
  const [isVisible, setVisible] = useState(step?.isCustomerVisible ?? false);
  const [note, setNote] = useState(step?.customerNote ?? '');
  const ownerData = [
    { value: NONE, label: t('panel.noOwner') },
    {
      group: t('dialog.people'),
      items: (users.data ?? [])
        .filter((user) => user.isActive && user.role !== 'analyst')
        .map((user) => ({ value: `user:${user.id}`, label: user.name })),
    },
    {
      group: t('dialog.teams'),
      items: (teams.data ?? []).map((team) => ({ value: `team:${team.id}`, label: team.name })),
    },
  ];

  function submit(event: FormEvent) {
    event.preventDefault();
    const [kind, id] = owner.split(':');
    const fields = {
      title,
      ownerUserId: kind === 'user' ? (id ?? null) : null,
      ownerTeamId: kind === 'team' ? (id ?? null) : null,
      dueAt: due ? new Date(due).toISOString() : null,
      isCustomerVisible: isVisible,
      customerNote: note.trim() ? note : null,
    };
    const options = { onSuccess: onDone };
    if (step) {
      // An unchanged due time in the past stays as it is (a new one must be in the future).
      const isSameDue = fields.dueAt === (step.dueAt ? new Date(step.dueAt).toISOString() : null);
      const { dueAt, ...rest } = fields;
      change.mutate({ id: step.id, changes: isSameDue ? rest : { ...rest, dueAt } }, options);
    } else {
      add.mutate(fields, options);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormError
          error={mutation.error}
          shownFields={['title', 'ownerUserId', 'ownerTeamId', 'dueAt', 'customerNote']}
        />
        <TextInput
          label={t('dialog.title')}
          placeholder={t('dialog.titlePlaceholder')}
          required
          maxLength={200}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={fieldErrorOf(mutation.error, 'title')}
          data-autofocus
        />
        <Select
          label={t('dialog.owner')}
          description={t('dialog.ownerHint')}
          data={ownerData}
          value={owner}
          onChange={(value) => setOwner(typeof value === 'string' ? value : NONE)}
          allowDeselect={false}
          searchable
          error={fieldErrorOf(mutation.error, 'ownerUserId') ?? fieldErrorOf(mutation.error, 'ownerTeamId')}
        />
        <TextInput
          type="datetime-local"
          label={t('dialog.due')}
          value={due}
          onChange={(event) => setDue(event.currentTarget.value)}
          error={fieldErrorOf(mutation.error, 'dueAt')}
          dir="ltr"
        />
        <Switch
          label={t('dialog.customerVisible')}
          description={t('dialog.customerVisibleHint')}
          checked={isVisible}
          onChange={(event) => setVisible(event.currentTarget.checked)}
        />
        {isVisible && (
          <Textarea
            label={t('dialog.note')}
            maxLength={1000}
            autosize
            minRows={2}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            error={fieldErrorOf(mutation.error, 'customerNote')}
          />
        )}
        <FormButtons
          isPending={mutation.isPending}
          onCancel={onDone}
          submitLabel={step ? t('dialog.save') : t('dialog.add')}
        />
      </Stack>
    </form>
  );
}
