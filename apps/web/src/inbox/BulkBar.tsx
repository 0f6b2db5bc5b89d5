import {
  Alert,
  Button,
  Group,
  List,
  Menu,
  Modal,
  Paper,
  Select,
  Stack,
  TagsInput,
  Text,
} from '@mantine/core';
import type { BulkCaseAction, bulkCaseResponse } from '@sada/contracts';
import { CASE_STATUSES } from '@sada/core';
import { IconChevronDown, IconTags, IconUserShare } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api, errorMessage } from '../api/client.ts';
import { CreateProblemButton } from '../problems/CreateProblemButton.tsx';
import { useTeams, useUsers, viewCountsKey } from './inbox-data.ts';
import { notifySuccess } from './notify.ts';

type BulkResult = z.infer<typeof bulkCaseResponse>['results'][number];
type Failure = Extract<BulkResult, { ok: false }>;

// The API takes at most 200 cases per request.
const CHUNK = 200;

async function runBulk(references: string[], action: BulkCaseAction): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (let start = 0; start < references.length; start += CHUNK) {
    const answer = await api.post<{ results: BulkResult[] }>('/api/cases/bulk', {
      references: references.slice(start, start + CHUNK),
      action,
    });
    results.push(...answer.results);
  }
  return results;
}

type BulkBarProps = {
  references: string[];
  onClear: () => void;
  /** Called with what changed: the list refreshes those rows, the failed ones stay selected. */
  onDone: (changed: string[], failed: string[]) => void;
};

/** What can be done to the selected cases at once: assign, tag, change status; each case on its own. */
export function BulkBar({ references, onClear, onDone }: BulkBarProps) {
  const { t } = useTranslation(['inbox', 'common']);
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'assign' | 'tag' | undefined>();
  const [failures, setFailures] = useState<{ failed: Failure[]; total: number } | undefined>();

  const bulk = useMutation({
    mutationFn: (action: BulkCaseAction) => runBulk(references, action),
    onSuccess: (results) => {
      const failed = results.filter((result): result is Failure => !result.ok);
      const changed = results.filter((result) => result.ok).map((result) => result.referenceNumber);
      setFailures(failed.length > 0 ? { failed, total: results.length } : undefined);
      if (changed.length > 0) notifySuccess(t('bulk.done', { count: changed.length }));
      void queryClient.invalidateQueries({ queryKey: viewCountsKey });
      for (const reference of changed) void queryClient.invalidateQueries({ queryKey: ['case', reference] });
      setDialog(undefined);
      onDone(
        changed,
        failed.map((result) => result.referenceNumber),
      );
    },
  });

  return (
    <Paper
      component="section"
      aria-label={t('bulk.region')}
      withBorder
      radius={0}
      px="md"
      py="xs"
      data-testid="bulk-bar"
    >
      <Stack gap="xs">
        {failures && (
          <Alert
            color="red"
            role="alert"
            title={t('bulk.failedTitle', { failed: failures.failed.length, total: failures.total })}
            withCloseButton
            closeButtonLabel={t('bulk.dismiss')}
            onClose={() => setFailures(undefined)}
          >
            <List size="sm">
              {failures.failed.map((failure) => (
                <List.Item key={failure.referenceNumber}>
                  <bdi dir="ltr">{failure.referenceNumber}</bdi>: {failure.error.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {bulk.error && (
          <Alert color="red" role="alert" title={t('common:errors.title')}>
            {errorMessage(bulk.error)}
          </Alert>
        )}
        <Group gap="xs" justify="space-between">
          <Text size="sm" fw={600} aria-live="polite">
            {bulk.isPending ? t('bulk.working') : t('bulk.selected', { count: references.length })}
          </Text>
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconUserShare size={14} aria-hidden />}
              onClick={() => setDialog('assign')}
              disabled={bulk.isPending}
            >
              {t('bulk.assign')}
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconTags size={14} aria-hidden />}
              onClick={() => setDialog('tag')}
              disabled={bulk.isPending}
            >
              {t('bulk.tag')}
            </Button>
            <Menu position="top" withinPortal>
              <Menu.Target>
                <Button
                  size="xs"
                  variant="default"
                  rightSection={<IconChevronDown size={14} aria-hidden />}
                  disabled={bulk.isPending}
                >
                  {t('bulk.status')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {CASE_STATUSES.map((status) => (
                  <Menu.Item key={status} onClick={() => bulk.mutate({ type: 'status', to: status })}>
                    {t('bulk.statusTo', { status: t(`common:status.${status}`) })}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <CreateProblemButton source={{ references }} defaultTitle="" />
            <Button size="xs" variant="subtle" color="dark" onClick={onClear}>
              {t('bulk.clear')}
            </Button>
          </Group>
        </Group>
      </Stack>
      {dialog === 'assign' && (
        <AssignDialog
          isPending={bulk.isPending}
          onClose={() => setDialog(undefined)}
          onSubmit={(action) => bulk.mutate(action)}
        />
      )}
      {dialog === 'tag' && (
        <TagDialog
          isPending={bulk.isPending}
          onClose={() => setDialog(undefined)}
          onSubmit={(action) => bulk.mutate(action)}
        />
      )}
    </Paper>
  );
}

type DialogProps = { isPending: boolean; onClose: () => void; onSubmit: (action: BulkCaseAction) => void };

/**
 * A bulk action's form in a dialog: `toAction` turns what was entered into the action, or says in
 * words what is missing.
 */
function BulkDialog(props: {
  title: string;
  isPending: boolean;
  onClose: () => void;
  onSubmit: (action: BulkCaseAction) => void;
  toAction: () => BulkCaseAction | { problem: string };
  children: ReactNode;
}) {
  const { t } = useTranslation(['inbox', 'common']);
  const [problem, setProblem] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const action = props.toAction();
    if ('problem' in action) setProblem(action.problem);
    else props.onSubmit(action);
  };
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.title}
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          {props.children}
          {problem && (
            <Text size="sm" c="red.9" role="alert">
              {problem}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={props.isPending}>
              {t('bulk.apply')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

// Select values: "keep" keeps the current value, "none" clears it.
const KEEP = 'keep';
const NONE = 'none';

function AssignDialog(props: DialogProps) {
  const { t } = useTranslation(['inbox', 'common']);
  const users = useUsers();
  const teams = useTeams();
  const [teamId, setTeamId] = useState(KEEP);
  const [assigneeId, setAssigneeId] = useState(KEEP);
  const toAction = () =>
    teamId === KEEP && assigneeId === KEEP
      ? { problem: t('bulk.chooseSomething') }
      : {
          type: 'assign' as const,
          ...(teamId !== KEEP && { teamId: teamId === NONE ? null : teamId }),
          ...(assigneeId !== KEEP && { assigneeId: assigneeId === NONE ? null : assigneeId }),
        };
  return (
    <BulkDialog title={t('bulk.assignTitle')} toAction={toAction} {...props}>
      <Select
        label={t('bulk.team')}
        value={teamId}
        onChange={(value) => setTeamId(value ?? KEEP)}
        data={[
          { value: KEEP, label: t('bulk.keep') },
          { value: NONE, label: t('bulk.noTeam') },
          ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
        ]}
        searchable
        allowDeselect={false}
      />
      <Select
        label={t('bulk.agent')}
        value={assigneeId}
        onChange={(value) => setAssigneeId(value ?? KEEP)}
        data={[
          { value: KEEP, label: t('bulk.keep') },
          { value: NONE, label: t('bulk.nobody') },
          ...(users.data ?? [])
            .filter((user) => user.isActive && user.role !== 'analyst')
            .map((user) => ({ value: user.id, label: user.name })),
        ]}
        searchable
        allowDeselect={false}
      />
    </BulkDialog>
  );
}

function TagDialog(props: DialogProps) {
  const { t } = useTranslation(['inbox', 'common']);
  const [add, setAdd] = useState<string[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const toAction = () =>
    add.length + remove.length === 0
      ? { problem: t('bulk.chooseTags') }
      : { type: 'tag' as const, add, remove };
  return (
    <BulkDialog title={t('bulk.tagTitle')} toAction={toAction} {...props}>
      <TagsInput
        label={t('bulk.addTags')}
        description={t('filters.typeAndEnter')}
        value={add}
        onChange={setAdd}
        maxTags={50}
        data-autofocus
      />
      <TagsInput
        label={t('bulk.removeTags')}
        description={t('filters.typeAndEnter')}
        value={remove}
        onChange={setRemove}
        maxTags={50}
      />
    </BulkDialog>
  );
}
