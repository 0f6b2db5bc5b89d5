import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../cases/case-types.ts';
import { useFormatters } from '../ui/format.ts';

const STATUS_COLOURS = {
  scheduled: 'gray',
  sent: 'blue',
  answered: 'teal',
  expired: 'orange',
  cancelled: 'gray',
} as const;

/** The case's latest satisfaction survey: where it stands, and the customer's rating and words. */
export function SurveyPanel({ caseDetail }: { caseDetail: CaseDetail }) {
  const { t } = useTranslation('surveys');
  const format = useFormatters();
  const survey = caseDetail.survey;
  if (!survey) return null;
  const when =
    survey.answeredAt !== null
      ? t('panel.answeredAt', { date: format.dateTime(survey.answeredAt) })
      : survey.sentAt !== null
        ? t('panel.sentAt', { date: format.dateTime(survey.sentAt) })
        : t('panel.sendAt', { date: format.dateTime(survey.sendAt) });
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-labelledby="case-survey-title"
      data-testid="survey-panel"
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h5" id="case-survey-title">
          {t('panel.title')}
        </Title>
        <Badge color={STATUS_COLOURS[survey.status]} variant="light">
          {t(`status.${survey.status}`)}
        </Badge>
      </Group>
      <Stack gap={4}>
        {survey.rating !== null && (
          <Text fw={600}>
            <span aria-hidden>★ </span>
            {t('panel.rating', { rating: survey.rating })}
            {survey.answeredVia && (
              <Text span size="sm" c="dimmed">
                {' · '}
                {t(`panel.via.${survey.answeredVia}`)}
              </Text>
            )}
          </Text>
        )}
        {survey.nps !== null && <Text size="sm">{t('panel.nps', { nps: survey.nps })}</Text>}
        {survey.status === 'answered' && (
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {survey.comment ?? t('panel.noComment')}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {when}
        </Text>
        <Anchor href={survey.url} target="_blank" rel="noreferrer" size="sm">
          {t('panel.openLink')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
