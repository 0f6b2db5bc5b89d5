import { Anchor, Group, Text } from '@mantine/core';
import { can } from '@sada/core';
import { IconBulb } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../auth/session.ts';
import { useCaseProblem } from './problem-queries.ts';

/** A small line on the case's side: the problem it is linked to, if any, with a link to it. */
export function CaseProblemLine({ reference }: { reference: string }) {
  const role = useCurrentUser().role;
  return can(role, 'problem:read') ? <LinkedProblem reference={reference} /> : null;
}

function LinkedProblem({ reference }: { reference: string }) {
  const { t } = useTranslation('problems');
  const linked = useCaseProblem(reference);
  const problem = linked.data?.problem;
  if (!problem) return null;
  return (
    <Group gap={6} wrap="nowrap" data-testid="case-problem">
      <IconBulb size={16} aria-hidden />
      <Text size="sm">
        {t('caseLine.label')}:{' '}
        <Anchor component={Link} to={`/problems/${problem.id}`} size="sm">
          <bdi>{problem.title}</bdi>
        </Anchor>{' '}
        <Text span size="xs" c="dimmed">
          ({t(`status.${problem.status}`)})
        </Text>
      </Text>
    </Group>
  );
}
