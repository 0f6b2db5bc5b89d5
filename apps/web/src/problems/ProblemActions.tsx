import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { PROBLEM_ACTION_STATUSES, type ProblemActionStatus } from '@sada/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../cases/useWorkspaceLists.ts';
import { DialogFrame } from '../ui/DialogFrame.tsx';
import { FormButtons } from '../ui/FormButtons.tsx';
import { FormError, fieldErrorOf } from '../ui/FormError.tsx';
import { useFormatters } from '../ui/format.ts';
import { type Problem, useAddAction, useUpdateAction } from './problem-queries.ts';

const NONE = 'none';

/** The active people of the workspace as owner choices, "no owner" first. */
export function useOwnerChoices(noOwner: string) {
  const users = useUsers();
  return [
    { value: NONE, label: noOwner },
    ...(users.data ?? [])
      .filter((user) => user.isActive)
      .map((user) => ({ value: user.id, label: user.name })),
  ];
}

/** The corrective actions: owner, deadline, status (changed in place), and a dialog to add one. */
export function ProblemActions({ problem, canWrite }: { problem: Problem; canWrite: boolean }) {
  const { t } = useTranslation('problems');
  const format = useFormatters();
  const update = useUpdateAction(problem.id);
  const [isAdding, setAdding] = useState(false);
  const isOpen = problem.status !== 'closed';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="actions-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="actions-title">
          {t('actions.title')}
        </Title>
        {canWrite && isOpen && (
          <Button size="xs" onClick={() => setAdding(true)}>
            {t('actions.add')}
          </Button>
        )}
      </Group>
      <FormError error={update.error} />
      {problem.actions.length === 0 ? (
        <Text c="dimmed">{t('actions.empty')}</Text>
      ) : (
        <Table data-testid="problem-actions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('actions.columns.title')}</Table.Th>
              <Table.Th>{t('actions.columns.owner')}</Table.Th>
              <Table.Th>{t('actions.columns.deadline')}</Table.Th>
              <Table.Th>{t('actions.columns.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {problem.actions.map((action) => (
              <Table.Tr key={action.id}>
                <Table.Td>
                  <bdi>{action.title}</bdi>
                </Table.Td>
                <Table.Td>{action.owner?.name ?? '—'}</Table.Td>
                <Table.Td>
                  {action.dueAt ? format.date(action.dueAt) : t('actions.noDeadline')}{' '}
                  {action.isOverdue && (
                    <Badge color="red" variant="light" c="red.9">
                      {t('actions.overdue')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {canWrite && isOpen ? (
                    <Select
                      size="xs"
                      aria-label={t('actions.statusOf', { title: action.title })}
                      value={action.status}
                      allowDeselect={false}
                      onChange={(value) =>
                        value &&
                        update.mutate({
                          actionId: action.id,
                          changes: { status: value as ProblemActionStatus },
                        })
                      }
                      data={PROBLEM_ACTION_STATUSES.map((status) => ({
                        value: status,
                        label: t(`actionStatus.${status}`),
                      }))}
                    />
                  ) : (
                    t(`actionStatus.${action.status}`)
                  )}
                  {action.completedAt && (
                    <Text size="xs" c="dimmed">
                      {t('actions.done', { date: format.date(action.completedAt) })}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {isAdding && <AddActionDialog problemId={problem.id} onClose={() => setAdding(false)} />}
    </Paper>
  );
}

function AddActionDialog({ problemId, onClose }: { problemId: string; onClose: () => void }) {
  const { t } = useTranslation('problems');
  const add = useAddAction(problemId);
  const owners = useOwnerChoices(t('detail.noOwner'));
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState(NONE);
  const [deadline, setDeadline] = useState('');
  const [status, setStatus] = useState<ProblemActionStatus>('todo');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      {
        title: title.trim(),
        ownerUserId: owner === NONE ? null : owner,
        dueAt: deadline ? new Date(deadline).toISOString() : null,
        status,
      },
      { onSuccess: onClose },
    );
  };
  return (
    <DialogFrame opened onClose={onClose} title={t('actions.addTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('actions.name')}
            placeholder={t('actions.namePlaceholder')}
            value={title}
            required
            maxLength={300}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={fieldErrorOf(add.error, 'title')}
            data-autofocus
          />
          <Select
            label={t('actions.owner')}
            data={owners}
            value={owner}
            allowDeselect={false}
            searchable
            onChange={(value) => setOwner(value ?? NONE)}
            error={fieldErrorOf(add.error, 'ownerUserId')}
          />
          <TextInput
            type="datetime-local"
            label={t('actions.deadline')}
            value={deadline}
            onChange={(event) => setDeadline(event.currentTarget.value)}
            error={fieldErrorOf(add.error, 'dueAt')}
            dir="ltr"
          />
          <Select
            label={t('actions.status')}
            value={status}
            allowDeselect={false}
            onChange={(value) => value && setStatus(value as ProblemActionStatus)}
            data={PROBLEM_ACTION_STATUSES.map((value) => ({ value, label: t(`actionStatus.${value}`) }))}
          />
          <FormError error={add.error} shownFields={['title', 'ownerUserId', 'dueAt']} />
          <FormButtons isPending={add.isPending} onCancel={onClose} submitLabel={t('actions.add')} />
        </Stack>
      </form>
    </DialogFrame>
  );
}
