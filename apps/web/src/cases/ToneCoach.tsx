import { Group, Text, VisuallyHidden } from '@mantine/core';
import { COACH_CHECKS } from '@sada/core';
import { IconCheck, IconChecklist, IconX } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './triage.module.css';
import type { CoachReport, TextSpan } from './triage-queries.ts';
import { type ToneCoachInput, useToneCoach } from './useToneCoach.ts';

type CoachItem = CoachReport['items'][number];

// A span longer than this (the overflow of a reply too long) is shown cut short.
const MAX_SPAN_SHOWN = 40;
const shortened = (span: TextSpan) =>
  span.text.length > MAX_SPAN_SHOWN ? `${span.text.slice(0, MAX_SPAN_SHOWN)}…` : span.text;

/**
 * The tone coach under the composer: once the agent pauses, the draft reply is checked and a short
 * checklist shows what passed; each failing check is open, with its advice and the words that made
 * it fail. It only advises: sending never waits for it. Internal notes are not coached.
 */
export function ToneCoach(input: ToneCoachInput) {
  const { t, i18n } = useTranslation('triage');
  const titleId = useId();
  const { report, isStale, error } = useToneCoach(input);
  if (!input.isEnabled || input.draft.trim() === '') return null;
  if (!report) {
    return error ? (
      <Text size="xs" mt="xs" className={classes.meta} data-testid="tone-coach-unavailable">
        {t('coach.unavailable')}
      </Text>
    ) : null;
  }
  const language = i18n.language === 'en' ? 'en' : 'ar';
  const ordered = [...report.items].sort(
    (a, b) => COACH_CHECKS.indexOf(a.check) - COACH_CHECKS.indexOf(b.check),
  );
  const failed = ordered.filter((item) => item.status === 'fail');
  const passed = ordered.filter((item) => item.status === 'pass');
  return (
    <section
      className={classes.coach}
      aria-labelledby={titleId}
      data-testid="tone-coach"
      data-stale={isStale}
      data-passed={report.passed}
      data-applicable={report.applicable}
    >
      <Group gap={6} wrap="wrap">
        <IconChecklist size={16} aria-hidden />
        <Text size="sm" fw={600} id={titleId} span>
          {t('coach.title')}
        </Text>
        <Text size="sm" span role="status" data-testid="coach-summary">
          {t('coach.summary', { passed: report.passed, applicable: report.applicable })}
        </Text>
      </Group>
      {failed.length > 0 && (
        <ul className={classes.coachFailed}>
          {failed.map((item) => (
            <FailedCheck key={item.check} item={item} language={language} />
          ))}
        </ul>
      )}
      {passed.length > 0 && (
        <ul className={classes.coachPassed} aria-label={t('coach.passedLabel')}>
          {passed.map((item) => (
            <li key={item.check} data-testid="coach-item" data-check={item.check} data-status="pass">
              <IconCheck size={12} aria-hidden className={classes.passIcon} />
              {t(`coach.checks.${item.check}`)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FailedCheck({ item, language }: { item: CoachItem; language: 'ar' | 'en' }) {
  const { t } = useTranslation('triage');
  return (
    <li data-testid="coach-item" data-check={item.check} data-status="fail">
      <Group gap={4} wrap="nowrap" align="flex-start">
        <IconX size={14} aria-hidden className={classes.failIcon} />
        <div>
          <Text size="sm" fw={600}>
            {t(`coach.checks.${item.check}`)}
            <VisuallyHidden component="span"> {t('coach.failed')}</VisuallyHidden>
          </Text>
          <Text size="xs">{item.suggestion[language]}</Text>
          {item.spans.length > 0 && (
            <Text size="xs" data-testid="coach-spans">
              {t('coach.found')}{' '}
              {item.spans.map((span, index) => (
                <span key={`${span.start}-${span.end}`}>
                  {index > 0 && t('coach.separator')}
                  <mark className={classes.mark} dir="auto">
                    {shortened(span)}
                  </mark>
                </span>
              ))}
            </Text>
          )}
        </div>
      </Group>
    </li>
  );
}
