import { Badge, Group, MultiSelect, Paper, Select, Stack, Switch, Text } from '@mantine/core';
import { ASSIGNMENT_MODES, type AssignmentMode, can } from '@sada/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.ts';
import { UserText } from '../ui/UserText.tsx';
import { AdminForm, NameInput, useAdminSave } from './AdminForm.tsx';
import { AdminDialog, AdminList, AdminSection, EditButton, useEditing } from './AdminParts.tsx';
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
  const dialog = useEditing<Team>();
  const names = new Map((users.data ?? []).map((user) => [user.id, user.name]));

  return (
    <AdminSection name="teams" canManage={canManage} onAdd={dialog.add}>
      <AdminList queries={[teams, users]} items={teams.data} emptyMessage={t('teams.empty')}>
        {(items) => (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((team) => (
              <Paper key={team.id} component="li" withBorder p="sm">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Stack gap={4}>
                    <Text fw={600}>
                      <UserText>{team.name}</UserText>
                    </Text>
                    <Text size="xs" c="dimmed" data-testid="team-assignment-mode">
                      {t('modes.label', { ns: 'assignment' })}:{' '}
                      {t(`modes.${team.assignmentMode}`, { ns: 'assignment' })}
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
                    <EditButton
                      label={t('teams.editNamed', { name: team.name })}
                      onClick={() => dialog.edit(team)}
                    />
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </AdminList>
      <AdminDialog name="teams" dialog={dialog}>
        {(team) => <TeamForm team={team} users={users.data ?? []} onDone={dialog.close} />}
      </AdminDialog>
    </AdminSection>
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
  const save = useAdminSave('teams', {
    isNew: !team,
    create: useCreateTeam(),
    update: useUpdateTeam(),
    onDone,
  });
  const [name, setName] = useState(team?.name ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(team?.memberIds ?? []);
  const [assignmentMode, setAssignmentMode] = useState<AssignmentMode>(team?.assignmentMode ?? 'manual');
  const [isRoutingNoticeOn, setIsRoutingNoticeOn] = useState(team?.isRoutingNoticeOn ?? true);
  // Deactivated users can stay in a team they were in, but are not offered for new places.
  const choices = users
    .filter((user) => user.isActive || memberIds.includes(user.id))
    .map((user) => ({ value: user.id, label: user.name }));

  const submit = () => {
    if (team) save.update({ id: team.id, name: name.trim(), memberIds, assignmentMode, isRoutingNoticeOn });
    else save.create({ name: name.trim(), memberIds });
  };
  return (
    <AdminForm save={save} onSubmit={submit} shownFields={['name']}>
      <NameInput label={t('teams.name')} value={name} onChange={setName} error={save.errorAt('name')} />
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
      {team && (
        <Select
          label={t('modes.label', { ns: 'assignment' })}
          description={t('modes.hint', { ns: 'assignment' })}
          data={ASSIGNMENT_MODES.map((mode) => ({
            value: mode,
            label: t(`modes.${mode}`, { ns: 'assignment' }),
          }))}
          value={assignmentMode}
          onChange={(next) => next && setAssignmentMode(next as AssignmentMode)}
          allowDeselect={false}
        />
      )}
      {team && (
        <Switch
          label={t('teams.routingNotice')}
          checked={isRoutingNoticeOn}
          onChange={(event) => setIsRoutingNoticeOn(event.currentTarget.checked)}
        />
      )}
    </AdminForm>
  );
}
