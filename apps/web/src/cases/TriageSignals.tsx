import { Group, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from './case-types.ts';
import { MarkedText } from './MarkedText.tsx';
import classes from './triage.module.css';
import type { CaseTriage } from './triage-queries.ts';
import { useTriageFormat } from './useTriageFormat.ts';

// Characters of the customer's text shown either side of the words that raised a signal.
const QUOTE_RADIUS = 50;

/**
 * The text a signal's words are in: one triage read (the latest, or the one kind was read from), an
 * inbound message of the thread, or the case's own subject and description as triage joins them.
 */
function textOf(caseDetail: CaseDetail, triage: CaseTriage, messageId: string | null): string {
  const read = [triage.source, triage.basis].find((text) => text.messageId === messageId);
  if (read) return read.text;
  if (messageId === null) return `${caseDetail.subject}\n${caseDetail.description}`.trim();
  return caseDetail.messages.find((message) => message.id === messageId)?.body ?? '';
}

/** The warning signs triage found, each quoting the customer's words that raised it; abusive words. */
export function TriageSignals({ caseDetail, triage }: { caseDetail: CaseDetail; triage: CaseTriage }) {
  const { t } = useTranslation('triage');
  const format = useTriageFormat();
  return (
    <div>
      <Title order={3} size="h6" id="triage-signals-title">
        {t('panel.signals')}
      </Title>
      {triage.signals.length === 0 ? (
        <Text size="sm" className={classes.meta}>
          {t('panel.noSignals')}
        </Text>
      ) : (
        <ul className={classes.signals} aria-labelledby="triage-signals-title">
          {triage.signals.map((signal) => (
            <li key={signal.type} data-testid="triage-signal" data-type={signal.type}>
              <Group gap={6} wrap="wrap">
                <IconAlertTriangle size={14} aria-hidden className={classes.signalIcon} />
                <Text size="sm" fw={600} span>
                  {t(`signals.${signal.type}`)}
                </Text>
                <Text size="xs" span className={classes.meta}>
                  {format.percent(signal.confidence)}
                </Text>
              </Group>
              {signal.triggers.length > 0 && (
                <MarkedText
                  text={textOf(caseDetail, triage, signal.messageId)}
                  spans={signal.triggers}
                  radius={QUOTE_RADIUS}
                />
              )}
              {signal.fromHistory && (
                <Text size="xs" className={classes.meta}>
                  {t('panel.fromHistory')}
                </Text>
              )}
            </li>
          ))}
        </ul>
      )}
      {triage.hasAbusiveLanguage && (
        <div className={classes.abusive} data-testid="triage-abusive">
          <Text size="sm" fw={600}>
            {t('panel.abusive')}
          </Text>
          {triage.abusiveSpans.length > 0 && (
            <MarkedText text={triage.source.text} spans={triage.abusiveSpans} radius={QUOTE_RADIUS} />
          )}
        </div>
      )}
    </div>
  );
}
