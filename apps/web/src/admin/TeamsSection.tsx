import {
  Badge,
  Button,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { can } from '@sada/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.ts';
import { FormError, fieldErrorOf } from '../ui/FormError.tsx';
import { EmptyState, ErrorState, LoadingState } from '../ui/states.tsx';
import { UserText } from '../ui/UserText.tsx';
import { FormButtons, ReadOnlyNote } from './AdminParts.tsx';
import {
  type Team,
  useCreateTeam,
  useTeams,
  useUpdateTeam,
  useUsers,
  type WorkspaceUser,
} from './admin-queries.ts';

/** Teams (departments) that cases are routed to, and who works in each. */
export function TeamsSection() {
  const { t } = useTranslation('admin');
  const me = useCurrentUser();
  const teams = useTeams();
  const users = useUsers();
  const canManage = can(me.role, 'team:manage');
  const [editing, setEditing] = useState<Team | null | undefined>(undefined);
  const names = new Map((users.data ?? []).map((user) => [user.id, user.name]));

  return (
    <Stack gap="md" component="section" aria-labelledby="admin-teams-title">
      <Group justify="space-between">
        <Title order={2} size="h3" id="admin-teams-title">
          {t('teams.title')}
        </Title>
        {canManage && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(null)}>
            {t('teams.add')}
          </Button>
        )}
      </Group>
      {!canManage && <ReadOnlyNote>{t('teams.readOnly')}</ReadOnlyNote>}
      {teams.isPending || users.isPending ? (
        <LoadingState />
      ) : teams.isError || users.isError ? (
        <ErrorState
          error={teams.error ?? users.error}
          onRetry={() => {
            void teams.refetch();
            void users.refetch();
          }}
        />
      ) : teams.data.length === 0 ? (
        <EmptyState message={t('teams.empty')} />
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {teams.data.map((team) => (
            <Paper key={team.id} component="li" withBorder p="sm">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={4}>
                  <Text fw={600}>
                    <UserText>{team.name}</UserText>
                  </Text>
                  {team.memberIds.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('teams.noMembers')}
                    </Text>
                  ) : (
                    <Group gap={4}>
                      {team.memberIds.map((id) => (
                        <Badge key={id} variant="light" color="gray" style={{ textTransform: 'none' }}>
                          <UserText>{names.get(id) ?? t('teams.unknownMember')}</UserText>
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Stack>
                {canManage && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<IconPencil size={14} aria-hidden />}
                    onClick={() => setEditing(team)}
                    aria-label={t('teams.editNamed', { name: team.name })}
                  >
                    {t('actions.edit', { ns: 'common' })}
                  </Button>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close', { ns: 'common' }) }}
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing ? t('teams.editTitle') : t('teams.add')}
      >
        {editing !== undefined && (
          <TeamForm team={editing} users={users.data ?? []} onDone={() => setEditing(undefined)} />
        )}
      </Modal>
    </Stack>
  );
}

function TeamForm({
  team,
  users,
  onDone,
}: {
  team: Team | null;
  users: WorkspaceUser[];
  onDone: () => void;
}) {
  const { t } = useTranslation('admin');
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const change = team ? update : create;
  const [name, setName] = useState(team?.name ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(team?.memberIds ?? []);
  // Deactivated users can stay in a team they were in, but are not offered for new places.
  const choices = users
    .filter((user) => user.isActive || memberIds.includes(user.id))
    .map((user) => ({ value: user.id, label: user.name }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (team) update.mutate({ id: team.id, name: name.trim(), memberIds }, { onSuccess: onDone });
    else create.mutate({ name: name.trim(), memberIds }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('teams.name')}
          required
          dir="auto"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldErrorOf(change.error, 'name')}
          data-autofocus
        />
        <MultiSelect
          label={t('teams.members')}
          description={t('teams.membersHint')}
          data={choices}
          value={memberIds}
          onChange={setMemberIds}
          searchable
          hidePickedOptions
          nothingFoundMessage={t('teams.nobodyFound')}
        />
        <FormError error={change.error} shownFields={['name']} />
        <FormButtons
          isPending={change.isPending}
          onCancel={onDone}
          submitLabel={team ? t('actions.save', { ns: 'common' }) : t('teams.add')}
        />
      </Stack>
    </form>
  );
}
