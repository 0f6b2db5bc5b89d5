import { Button, Paper, Select, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.ts';
import type { CaseDetail } from './case-types.ts';
import type { useCaseActions } from './useCase.ts';
import { useTeams, useUsers } from './useWorkspaceLists.ts';

type Assign = ReturnType<typeof useCaseActions>['assign'];

const NONE = '';

/** The case's team and agent; a choice applies at once. The team's members are offered first. */
export function AssignControl({
  caseDetail,
  assign,
  readOnly,
}: {
  caseDetail: CaseDetail;
  assign: Assign;
  readOnly: boolean;
}) {
  const { t } = useTranslation(['case', 'common']);
  const me = useCurrentUser();
  const users = useUsers();
  const teams = useTeams();
  const team = teams.data?.find((item) => item.id === caseDetail.teamId);
  // Analysts read cases but do not work them.
  const assignable = (users.data ?? []).filter(
    (user) => (user.isActive && user.role !== 'analyst') || user.id === caseDetail.assigneeId,
  );
  const inTeam = assignable.filter((user) => team?.memberIds.includes(user.id));
  const others = assignable.filter((user) => !team?.memberIds.includes(user.id));
  const option = (user: (typeof assignable)[number]) => ({ value: user.id, label: user.name });
  const agentData = [
    { value: NONE, label: t('common:unassigned') },
    ...(team && inTeam.length > 0
      ? [
          { group: t('assign.teamMembers'), items: inTeam.map(option) },
          ...(others.length > 0 ? [{ group: t('assign.others'), items: others.map(option) }] : []),
        ]
      : assignable.map(option)),
  ];
  const teamData = [
    { value: NONE, label: t('common:noTeam') },
    ...(teams.data ?? []).map((item) => ({ value: item.id, label: item.name })),
  ];

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="case-assign-title">
      <Stack gap="xs">
        <Title order={2} size="h5" id="case-assign-title">
          {t('assign.title')}
        </Title>
        <Select
          label={t('assign.team')}
          data={teamData}
          value={caseDetail.teamId ?? NONE}
          onChange={(value) => assign.mutate({ teamId: value ? value : null })}
          disabled={readOnly || assign.isPending || teams.isPending}
          error={teams.isError ? t('assign.listFailed') : undefined}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('assign.noMatch')}
          data-testid="assign-team"
        />
        <Select
          label={t('assign.agent')}
          data={agentData}
          value={caseDetail.assigneeId ?? NONE}
          onChange={(value) =>
            assign.mutate({ assigneeId: typeof value === 'string' && value ? value : null })
          }
          disabled={readOnly || assign.isPending || users.isPending}
          error={users.isError ? t('assign.listFailed') : undefined}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t('assign.noMatch')}
          data-testid="assign-agent"
        />
        {!readOnly && caseDetail.assigneeId !== me.id && (
          <Button
            size="xs"
            variant="default"
            onClick={() => assign.mutate({ assigneeId: me.id })}
            loading={assign.isPending}
          >
            {t('assign.toMe')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
