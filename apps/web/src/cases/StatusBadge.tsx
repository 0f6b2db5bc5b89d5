import { Badge } from '@mantine/core';
import type { CaseStatus } from '@sada/core';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<CaseStatus, string> = {
  new: 'blue',
  open: 'teal',
  pending: 'orange',
  resolved: 'green',
  closed: 'gray',
};

/** A case's status: the colour is in the dot, the text stays dark so it reads (WCAG AA) in every colour. */
export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation('common');
  const color = STATUS_COLORS[status];
  return (
    <Badge color={color} variant="dot" c="dark.7" data-testid="case-status" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
