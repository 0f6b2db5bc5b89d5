import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { can } from '@sada/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ForbiddenState } from '../admin/AdminParts.tsx';
import { useCurrentUser } from '../auth/session.ts';
import { useTemplates } from '../cases/useWorkspaceLists.ts';
import { notifySuccess } from '../inbox/notify.ts';
import { DialogFrame } from '../ui/DialogFrame.tsx';
import { FormButtons } from '../ui/FormButtons.tsx';
import { FormError, fieldErrorOf } from '../ui/FormError.tsx';
import { useFormatters } from '../ui/format.ts';
import { ErrorState, LoadingState } from '../ui/states.tsx';
import { UserText } from '../ui/UserText.tsx';
import { EffectivenessSection } from './EffectivenessSection.tsx';
import { ProblemActions, useOwnerChoices } from './ProblemActions.tsx';
import { LinkedCases, SuggestedCases } from './ProblemCases.tsx';
import { PROBLEM_STATUS_COLOURS } from './ProblemsPage.tsx';
import {
  type Problem,
  useAddNote,
  useCloseProblem,
  useProblem,
  useUpdateProblem,
} from './problem-queries.ts';

/** One problem: root cause, linked and suggested cases, corrective actions, notes and effectiveness. */
export function ProblemPage() {
  const { t } = useTranslation('problems');
  const { problemId = '' } = useParams();
  const role = useCurrentUser().role;
  const problem = useProblem(problemId);
  if (!can(role, 'problem:read')) return <ForbiddenState />;
  if (problem.isPending) return <LoadingState />;
  if (problem.isError) return <ErrorState error={problem.error} onRetry={() => void problem.refetch()} />;
  const canWrite = can(role, 'problem:write');
  return (
    <Stack p="md" gap="md" maw={1200}>
      <Anchor component={Link} to="/problems" size="sm">
        {t('detail.back')}
      </Anchor>
      <ProblemHeader problem={problem.data} canWrite={canWrite} />
      <LinkedCases problem={problem.data} canWrite={canWrite} />
      {canWrite && <SuggestedCases problem={problem.data} />}
      <ProblemActions problem={problem.data} canWrite={canWrite} />
      <EffectivenessSection problemId={problem.data.id} />
      <ProblemNotes problem={problem.data} canWrite={canWrite} />
    </Stack>
  );
}

function ProblemHeader({ problem, canWrite }: { problem: Problem; canWrite: boolean }) {
  const { t } = useTranslation('problems');
  const format = useFormatters();
  const update = useUpdateProblem(problem.id);
  const [dialog, setDialog] = useState<'edit' | 'close'>();
  const isClosed = problem.status === 'closed';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="problem-title">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={1} size="h2" id="problem-title">
              <bdi>{problem.title}</bdi>
            </Title>
            <Badge
              color={PROBLEM_STATUS_COLOURS[problem.status]}
              variant="light"
              c="dark.7"
              data-testid="problem-status"
            >
              {t(`status.${problem.status}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('detail.owner')}: {problem.owner?.name ?? t('detail.noOwner')}
            {problem.closedAt && <> · {t('detail.closedOn', { date: format.date(problem.closedAt) })}</>}
          </Text>
          {problem.issueTerms.length > 0 && (
            <Group gap={6}>
              <Text size="sm" c="dimmed">
                {t('detail.terms')}:
              </Text>
              {problem.issueTerms.map((term) => (
                <Badge key={term} variant="light" c="dark.7">
                  <bdi>{term}</bdi>
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
        {canWrite && (
          <Group gap="xs">
            {!isClosed && (
              <Select
                size="xs"
                aria-label={t('detail.statusLabel')}
                value={problem.status}
                allowDeselect={false}
                onChange={(value) => value && update.mutate({ status: value as 'open' | 'investigating' })}
                data={(['open', 'investigating'] as const).map((value) => ({
                  value,
                  label: t(`status.${value}`),
                }))}
              />
            )}
            <Button size="xs" variant="default" onClick={() => setDialog('edit')}>
              {t('detail.edit')}
            </Button>
            {isClosed ? (
              <Button size="xs" variant="default" onClick={() => update.mutate({ status: 'open' })}>
                {t('detail.reopen')}
              </Button>
            ) : (
              <Button size="xs" color="teal" onClick={() => setDialog('close')}>
                {t('detail.close')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      <FormError error={update.error} />
      <Title order={2} size="h5" mt="md">
        {t('detail.rootCause')}
      </Title>
      {problem.rootCause ? (
        <UserText block style={{ whiteSpace: 'pre-wrap' }}>
          {problem.rootCause}
        </UserText>
      ) : (
        <Text size="sm" c="dimmed">
          {t('detail.noRootCause')}
        </Text>
      )}
      {dialog === 'edit' && <EditProblemDialog problem={problem} onClose={() => setDialog(undefined)} />}
      {dialog === 'close' && <CloseProblemDialog problem={problem} onClose={() => setDialog(undefined)} />}
    </Paper>
  );
}

function EditProblemDialog({ problem, onClose }: { problem: Problem; onClose: () => void }) {
  const { t } = useTranslation('problems');
  const update = useUpdateProblem(problem.id);
  const owners = useOwnerChoices(t('detail.noOwner'));
  const [title, setTitle] = useState(problem.title);
  const [rootCause, setRootCause] = useState(problem.rootCause);
  const [owner, setOwner] = useState(problem.owner?.id ?? 'none');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { title: title.trim(), rootCause: rootCause.trim(), ownerUserId: owner === 'none' ? null : owner },
      { onSuccess: onClose },
    );
  };
  return (
    <DialogFrame opened onClose={onClose} title={t('detail.editTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('create.name')}
            value={title}
            required
            maxLength={200}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={fieldErrorOf(update.error, 'title')}
          />
          <Textarea
            label={t('detail.rootCause')}
            value={rootCause}
            autosize
            minRows={3}
            maxLength={5000}
            onChange={(event) => setRootCause(event.currentTarget.value)}
          />
          <Select
            label={t('detail.owner')}
            data={owners}
            value={owner}
            allowDeselect={false}
            searchable
            onChange={(value) => setOwner(value ?? 'none')}
            error={fieldErrorOf(update.error, 'ownerUserId')}
          />
          <FormError error={update.error} shownFields={['title', 'ownerUserId']} />
          <FormButtons isPending={update.isPending} onCancel={onClose} submitLabel={t('detail.save')} />
        </Stack>
      </form>
    </DialogFrame>
  );
}

const DEFAULT_TEXT = 'default';

/** Closes the problem, telling the linked customers (with a reply template or Sada's default) if asked. */
function CloseProblemDialog({ problem, onClose }: { problem: Problem; onClose: () => void }) {
  const { t } = useTranslation('problems');
  const close = useCloseProblem(problem.id);
  const templates = useTemplates();
  const [notify, setNotify] = useState(false);
  const [template, setTemplate] = useState(DEFAULT_TEXT);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    close.mutate(
      { notifyCustomers: notify, ...(notify && template !== DEFAULT_TEXT && { templateId: template }) },
      {
        onSuccess: (closed) => {
          notifySuccess(
            `${t('close.closed')}${notify ? ` — ${t('close.notified', { count: closed.notified })}` : ''}`,
          );
          onClose();
        },
      },
    );
  };
  return (
    <DialogFrame opened onClose={onClose} title={t('close.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Checkbox
            label={t('close.notify')}
            description={t('close.notifyHint')}
            checked={notify}
            onChange={(event) => setNotify(event.currentTarget.checked)}
          />
          {notify && (
            <Select
              label={t('close.template')}
              value={template}
              allowDeselect={false}
              onChange={(value) => setTemplate(value ?? DEFAULT_TEXT)}
              data={[
                { value: DEFAULT_TEXT, label: t('close.defaultText') },
                ...(templates.data ?? []).map((item) => ({ value: item.id, label: item.name })),
              ]}
              error={fieldErrorOf(close.error, 'templateId')}
            />
          )}
          <FormError error={close.error} shownFields={['templateId']} />
          <FormButtons isPending={close.isPending} onCancel={onClose} submitLabel={t('close.submit')} />
        </Stack>
      </form>
    </DialogFrame>
  );
}

function ProblemNotes({ problem, canWrite }: { problem: Problem; canWrite: boolean }) {
  const { t } = useTranslation('problems');
  const format = useFormatters();
  const add = useAddNote(problem.id);
  const [body, setBody] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    add.mutate(body.trim(), { onSuccess: () => setBody('') });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="notes-title">
      <Title order={2} size="h4" id="notes-title" mb="sm">
        {t('notes.title')}
      </Title>
      <Stack gap="sm">
        {problem.notes.length === 0 ? (
          <Text c="dimmed">{t('notes.empty')}</Text>
        ) : (
          problem.notes.map((note) => (
            <div key={note.id}>
              <Text size="xs" c="dimmed">
                {note.author?.name ?? '—'} · {format.dateTime(note.createdAt)}
              </Text>
              <UserText block style={{ whiteSpace: 'pre-wrap' }}>
                {note.body}
              </UserText>
            </div>
          ))
        )}
        {canWrite && (
          <form onSubmit={submit}>
            <Stack gap="xs">
              <Textarea
                label={t('notes.label')}
                value={body}
                autosize
                minRows={2}
                maxLength={5000}
                onChange={(event) => setBody(event.currentTarget.value)}
              />
              <FormError error={add.error} />
              <Group justify="flex-end">
                <Button type="submit" size="xs" loading={add.isPending} disabled={!body.trim()}>
                  {t('notes.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
