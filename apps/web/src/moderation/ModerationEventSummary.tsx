import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UserText } from '../ui/UserText.tsx';

/** A moderation event on the case timeline: queued, decided, undone, a blocked author's message kept. */
export function ModerationEventSummary({
  type,
  actor,
  changes,
}: {
  type: string;
  actor: string;
  changes: Record<string, unknown>;
}) {
  const { t } = useTranslation('moderation');
  const decision = t(`decision.${(changes.decision as 'keep' | undefined) ?? 'keep'}`);
  const reason = typeof changes.reason === 'string' && changes.reason && (
    <Text size="sm" c="gray.7">
      <UserText>{changes.reason}</UserText>
    </Text>
  );
  switch (type) {
    case 'moderation.queued':
      return (
        <>
          <Text size="sm">
            {t('timeline.queued', {
              actor,
              label: t(`label.${(changes.label as 'abuse' | undefined) ?? 'abuse'}`),
            })}
          </Text>
          {reason}
        </>
      );
    case 'moderation.decided':
      return (
        <>
          <Text size="sm">{t('timeline.decided', { actor, decision })}</Text>
          {reason}
        </>
      );
    case 'moderation.undone':
      return (
        <>
          <Text size="sm">{t('timeline.undone', { actor, decision })}</Text>
          {reason}
        </>
      );
    default:
      return <Text size="sm">{t('timeline.withheld')}</Text>;
  }
}
