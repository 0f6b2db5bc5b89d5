import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UserText } from '../ui/UserText.tsx';

/** A success-story event on the case timeline: marked, consent asked, consented, declined or withdrawn. */
export function StoryEventSummary({
  type,
  actor,
  changes,
}: {
  type: string;
  actor: string;
  changes: Record<string, unknown>;
}) {
  const { t } = useTranslation('stories');
  switch (type) {
    case 'story.marked':
      return <Text size="sm">{t('timeline.marked', { actor })}</Text>;
    case 'story.consent_requested':
      return <Text size="sm">{t('timeline.consentRequested', { actor })}</Text>;
    case 'story.consented':
      return <Text size="sm">{t('timeline.consented')}</Text>;
    default:
      return changes.onCustomerRequest ? (
        <>
          <Text size="sm">{t('timeline.withdrawn', { actor })}</Text>
          {typeof changes.reason === 'string' && (
            <Text size="sm" c="gray.7">
              <UserText>{changes.reason}</UserText>
            </Text>
          )}
        </>
      ) : (
        <Text size="sm">{t('timeline.declined')}</Text>
      );
  }
}
