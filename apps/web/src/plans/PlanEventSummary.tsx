import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A plan event on the case timeline: a step added, changed or overdue; the customer told; updates set. */
export function PlanEventSummary({ type, changes }: { type: string; changes: Record<string, unknown> }) {
  const { t } = useTranslation('plans');
  const title = `\u2068${String(changes.title ?? '')}\u2069`;
  switch (type) {
    case 'plan.step_added':
      return <Text size="sm">{t('timeline.stepAdded', { title })}</Text>;
    case 'plan.step_changed':
      return <Text size="sm">{t('timeline.stepChanged', { title })}</Text>;
    case 'plan.step_overdue':
      return <Text size="sm">{t('timeline.stepOverdue', { title })}</Text>;
    case 'plan.customer_updated':
      return <Text size="sm">{t('timeline.customerUpdated')}</Text>;
    default: {
      const days = (changes.updateEveryDays as { after?: number | null } | undefined)?.after;
      return <Text size="sm">{days ? t('timeline.updatesSet', { days }) : t('timeline.updatesOff')}</Text>;
    }
  }
}
