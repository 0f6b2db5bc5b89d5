import { Text } from '@mantine/core';
import type { TriageField } from '@sada/core';
import { IconSparkles, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseEvent } from './case-types.ts';
import classes from './triage.module.css';
import { useTriageFormat } from './useTriageFormat.ts';

/** Who gave a case field its value: triage (with how sure it was), or a person. */
export type FieldSource = { by: 'triage'; confidence?: number } | { by: 'person'; name?: string };

/** What triage made of a field, and how sure it was; priority has no confidence. */
export function predictionOf(
  triage: NonNullable<CaseDetail['triage']>,
  field: TriageField,
): { value: string; confidence?: number } {
  switch (field) {
    case 'kind':
      return { value: triage.kind.label, confidence: triage.kind.confidence };
    case 'category':
      return { value: triage.category.id, confidence: triage.category.confidence };
    case 'sentiment':
      return { value: triage.sentiment.label, confidence: triage.sentiment.confidence };
    case 'language':
      return { value: triage.language.code, confidence: triage.language.confidence };
    case 'priority':
      return { value: triage.priority.level };
  }
}

// The person who last set the field: the newest change of it made by a user, or whoever opened the case.
function lastSetBy(timeline: readonly CaseEvent[], field: TriageField): string | undefined {
  const newestFirst = [...timeline].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  const change = newestFirst.find(
    (event) => event.type === 'case.updated' && event.actorUserId !== null && field in event.changes,
  );
  if (change) return change.actorLabel;
  return newestFirst.find((event) => event.type === 'case.created' && event.actorUserId !== null)?.actorLabel;
}

/**
 * Who set a field: a person when triage lists it as locked (a person's value triage leaves alone),
 * triage when the case holds what triage predicted; undefined before triage or when neither is known.
 */
export function fieldSourceOf(caseDetail: CaseDetail, field: TriageField): FieldSource | undefined {
  const triage = caseDetail.triage;
  if (!triage) return undefined;
  if (triage.lockedFields.includes(field))
    return { by: 'person', name: lastSetBy(caseDetail.timeline, field) };
  const prediction = predictionOf(triage, field);
  if (caseDetail[field] === prediction.value) return { by: 'triage', confidence: prediction.confidence };
  return undefined;
}

/** "Set by triage (87%)" or "Set by Salma Nasser", small, beside a field. */
export function FieldSourceNote({ source }: { source: FieldSource | undefined }) {
  const { t } = useTranslation('triage');
  const format = useTriageFormat();
  if (!source) return null;
  const text =
    source.by === 'person'
      ? source.name
        ? t('source.person', { name: `\u2068${source.name}\u2069` })
        : t('source.someone')
      : source.confidence === undefined
        ? t('source.triage')
        : t('source.triageSure', { percent: format.percent(source.confidence) });
  const Icon = source.by === 'person' ? IconUser : IconSparkles;
  return (
    <Text span size="xs" className={classes.source} data-testid="field-source" data-source={source.by}>
      <Icon size={12} aria-hidden />
      {text}
    </Text>
  );
}
