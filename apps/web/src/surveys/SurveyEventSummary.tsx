import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The satisfaction survey's steps on the case timeline: sent, answered (with the words), a low score, expired. */
export function SurveyEventSummary({ type, changes }: { type: string; changes: Record<string, unknown> }) {
  const { t } = useTranslation('surveys');
  const rating = typeof changes.rating === 'number' ? changes.rating : null;
  const comment = typeof changes.comment === 'string' ? changes.comment : null;
  const words = comment && (
    <Text size="sm" c="dimmed" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
      {comment}
    </Text>
  );
  switch (type) {
    case 'survey.sent':
      return <Text size="sm">{t('timeline.sent')}</Text>;
    case 'survey.answered':
      return (
        <>
          <Text size="sm">
            {rating === null ? t('timeline.commented') : t('timeline.answered', { rating })}
          </Text>
          {words}
        </>
      );
    case 'survey.low_score':
      return (
        <>
          <Text size="sm">{t('timeline.lowScore', { rating })}</Text>
          {words}
        </>
      );
    default:
      return <Text size="sm">{t('timeline.expired')}</Text>;
  }
}
