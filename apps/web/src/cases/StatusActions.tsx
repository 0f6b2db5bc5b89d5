import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { allowedTransitions, type CaseStatus, isReopen } from '@sada/core';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from './case-types.ts';
import { StatusBadge } from './StatusBadge.tsx';
import type { useCaseActions } from './useCase.ts';

type Transition = ReturnType<typeof useCaseActions>['transition'];

/** The status and only the moves the lifecycle allows from it (case-status.ts decides, as on the server). */
export function StatusActions({
  caseDetail,
  transition,
  readOnly,
}: {
  caseDetail: CaseDetail;
  transition: Transition;
  readOnly: boolean;
}) {
  const { t } = useTranslation(['case', 'common']);
  const status = caseDetail.status as CaseStatus;
  const nextStatuses = readOnly ? [] : allowedTransitions(status);
  const labelOf = (to: CaseStatus) => (isReopen(status, to) ? t('status.reopen') : t(`status.to.${to}`));
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="case-status-title">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h5" id="case-status-title">
            {t('status.title')}
          </Title>
          <StatusBadge status={status} />
        </Group>
        {readOnly ? null : nextStatuses.length === 0 ? (
          <Text size="sm">{t('status.none')}</Text>
        ) : (
          <Group gap="xs">
            {nextStatuses.map((to) => (
              <Button
                key={to}
                size="xs"
                variant={to === 'resolved' ? 'filled' : 'default'}
                color={to === 'resolved' ? 'teal.9' : undefined}
                loading={transition.isPending && transition.variables === to}
                disabled={transition.isPending}
                onClick={() => transition.mutate(to)}
                title={to === 'resolved' ? t('status.resolveShortcut') : undefined}
              >
                {labelOf(to)}
              </Button>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
