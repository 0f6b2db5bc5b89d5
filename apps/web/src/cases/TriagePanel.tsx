import { Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  CASE_KINDS,
  type CaseKind,
  LANGUAGES,
  type Priority,
  SENTIMENTS,
  type Sentiment,
  type TriageField,
} from '@sada/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import type { CaseDetail } from './case-types.ts';
import { FieldSourceNote, fieldSourceOf, predictionOf } from './FieldSource.tsx';
import { RelativeTime } from './RelativeTime.tsx';
import { TriageCorrectMenu } from './TriageCorrectMenu.tsx';
import { TriageSignals } from './TriageSignals.tsx';
import classes from './triage.module.css';
import { type CaseTriage, useCategoryName, useTriageSettings } from './triage-queries.ts';
import { useCaseActions } from './useCase.ts';
import { useNow } from './useNow.ts';
import { useTriageFormat } from './useTriageFormat.ts';

// Priority badges: the colour says how urgent, the dark text keeps the contrast.
const PRIORITY_COLOURS: Record<Priority, string> = { P1: 'red', P2: 'orange', P3: 'blue', P4: 'gray' };

type CorrectableField = Exclude<TriageField, 'priority'>;

/**
 * What triage made of the case: its priority with the reason, kind, category, sentiment and
 * language with how sure it was and who set each, the warning signs with the words that raised
 * them, and abusive words. Each field is corrected from here in one pick.
 */
export function TriagePanel({ caseDetail, readOnly }: { caseDetail: CaseDetail; readOnly: boolean }) {
  const { t } = useTranslation('triage');
  const settings = useTriageSettings();
  const triage = caseDetail.triage;
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-labelledby="case-triage-title"
      data-testid="triage-panel"
      data-state={triage ? 'ready' : 'waiting'}
    >
      <Title order={2} size="h5" id="case-triage-title" mb="xs">
        {t('panel.title')}
      </Title>
      {triage ? (
        <TriageDetails caseDetail={caseDetail} triage={triage} readOnly={readOnly} />
      ) : settings.data?.isAutomatic === false ? (
        <Text size="sm" className={classes.meta}>
          {t('panel.off')}
        </Text>
      ) : (
        <Group gap="xs" wrap="nowrap" role="status">
          <Loader size="xs" aria-hidden />
          <Text size="sm">{t('panel.waiting')}</Text>
        </Group>
      )}
    </Paper>
  );
}

function TriageDetails({
  caseDetail,
  triage,
  readOnly,
}: {
  caseDetail: CaseDetail;
  triage: CaseTriage;
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation(['triage', 'common']);
  const now = useNow();
  // One change at a time from this panel; the details form keeps its own.
  const { update } = useCaseActions(caseDetail.referenceNumber);
  const language = i18n.language === 'en' ? 'en' : 'ar';
  const level = caseDetail.priority as Priority;
  return (
    <Stack gap="sm">
      <div data-testid="triage-priority" data-level={triage.priority.level}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color={PRIORITY_COLOURS[level]} c={`${PRIORITY_COLOURS[level]}.9`}>
            {t(`common:priority.${level}`)}
          </Badge>
          <FieldSourceNote source={fieldSourceOf(caseDetail, 'priority')} />
        </Group>
        <Text size="sm" mt={4} data-testid="triage-priority-reason">
          {triage.priority.summary[language]}
        </Text>
      </div>
      <dl className={classes.facts}>
        {(['kind', 'category', 'sentiment', 'language'] as const).map((field) => (
          <TriageFact
            key={field}
            field={field}
            caseDetail={caseDetail}
            triage={triage}
            update={update}
            readOnly={readOnly}
          />
        ))}
      </dl>
      <TriageSignals caseDetail={caseDetail} triage={triage} />
      <Text size="xs" className={classes.meta}>
        {t(triage.source.messageId ? 'panel.readMessage' : 'panel.readCase')}{' '}
        <RelativeTime value={triage.classifiedAt} now={now} />
        {' · '}
        <bdi>{t('panel.model', { version: triage.modelVersion })}</bdi>
      </Text>
    </Stack>
  );
}

/** One field: its value on the case, who set it, what triage read if that differs, and "Correct". */
function TriageFact({
  field,
  caseDetail,
  triage,
  update,
  readOnly,
}: {
  field: CorrectableField;
  caseDetail: CaseDetail;
  triage: CaseTriage;
  update: ReturnType<typeof useCaseActions>['update'];
  readOnly: boolean;
}) {
  const { t } = useTranslation(['triage', 'common']);
  const format = useTriageFormat();
  const options = useOptions(field);
  const predicted = predictionOf(triage, field);
  const current = caseDetail[field] ?? predicted.value;
  const nameOf = (value: string) => options.find((option) => option.value === value)?.label ?? value;

  const correct = (value: string) =>
    update.mutate(
      { [field]: value },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('panel.corrected') }),
        onError: (error) =>
          notifications.show({ color: 'red', title: t('common:errors.title'), message: errorMessage(error) }),
      },
    );

  return (
    <div className={classes.fact} data-testid={`triage-${field}`} data-value={current}>
      <dt>{t(`panel.fields.${field}`)}</dt>
      <dd>
        <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
          <div>
            <Text size="sm" fw={600} span data-testid="triage-value">
              <bdi>{nameOf(current)}</bdi>
            </Text>
            {field === 'sentiment' && current === predicted.value && (
              <Text size="xs" span className={classes.meta}>
                {' '}
                {t('panel.score', { score: format.score(triage.sentiment.score) })}
              </Text>
            )}
            {field === 'language' && <LanguageDetails triage={triage} />}
            <div>
              <FieldSourceNote source={fieldSourceOf(caseDetail, field)} />
            </div>
            {current !== predicted.value && (
              <Text size="xs" className={classes.meta}>
                {t('panel.triageRead', {
                  value: `\u2068${nameOf(predicted.value)}\u2069`,
                  percent: format.percent(predicted.confidence ?? 0),
                })}
              </Text>
            )}
          </div>
          {!readOnly && (
            <TriageCorrectMenu
              field={field}
              options={options}
              current={current}
              onPick={correct}
              isSaving={update.isPending && field in (update.variables ?? {})}
            />
          )}
        </Group>
      </dd>
    </div>
  );
}

function LanguageDetails({ triage }: { triage: CaseTriage }) {
  const { t } = useTranslation('triage');
  const format = useTriageFormat();
  const details = [
    triage.dialect &&
      t('panel.dialect', {
        dialect: t(`dialects.${triage.dialect.label}`, { defaultValue: triage.dialect.label }),
        percent: format.percent(triage.dialect.confidence),
      }),
    triage.language.isMixed && t('panel.mixed'),
  ].filter(Boolean);
  if (details.length === 0) return null;
  return (
    <Text size="xs" className={classes.meta} data-testid="triage-dialect">
      {details.join(' · ')}
    </Text>
  );
}

/** The values a field can take, in words of the UI: categories are the workspace's own. */
function useOptions(field: CorrectableField): { value: string; label: string }[] {
  const { t } = useTranslation(['triage', 'common']);
  const settings = useTriageSettings();
  const categoryName = useCategoryName();
  switch (field) {
    case 'kind':
      return CASE_KINDS.map((kind: CaseKind) => ({ value: kind, label: t(`common:kind.${kind}`) }));
    case 'category':
      return (settings.data?.categories ?? []).map((category) => ({
        value: category.id,
        label: categoryName(category.id),
      }));
    case 'sentiment':
      return SENTIMENTS.map((sentiment: Sentiment) => ({
        value: sentiment,
        label: t(`common:sentiment.${sentiment}`),
      }));
    case 'language':
      return LANGUAGES.map((code) => ({ value: code, label: t(`languages.${code}`) }));
  }
}
