import { Box, Button, CloseButton, Group, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileDescription, IconSparkles } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api/client.ts';
import { UserText } from '../ui/UserText.tsx';
import classes from './triage.module.css';
import { type AssistantText, useAssistant, useTriageSettings } from './triage-queries.ts';

/**
 * The workspace's LLM assistant, when an admin enabled it: drafts a reply into the composer, or
 * summarises the thread in a panel above it. Its words are a start, for the agent to check.
 */
export function AssistantPanel({
  reference,
  onDraft,
}: {
  reference: string;
  onDraft: (text: string) => void;
}) {
  const { t } = useTranslation(['triage', 'common']);
  const settings = useTriageSettings();
  const { draft, summary } = useAssistant(reference);
  const [shownSummary, setShownSummary] = useState<AssistantText | null>(null);
  const summaryId = useId();
  if (!settings.data?.assistant.isEnabled) return null;

  const onError = (error: unknown) =>
    notifications.show({
      color: 'red',
      title: t('common:errors.title'),
      message:
        error instanceof ApiError && error.code === 'assistant_disabled'
          ? t('assistant.disabled')
          : errorMessage(error),
    });

  return (
    <Box mb="xs" data-testid="assistant">
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          leftSection={<IconSparkles size={14} aria-hidden color="var(--mantine-color-violet-8)" />}
          loading={draft.isPending}
          onClick={() =>
            draft.mutate(undefined, {
              onSuccess: (answer) => {
                onDraft(answer.text);
                notifications.show({ color: 'teal', message: t('assistant.drafted') });
              },
              onError,
            })
          }
          data-testid="assistant-draft"
        >
          {t('assistant.draft')}
        </Button>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconFileDescription size={14} aria-hidden color="var(--mantine-color-violet-8)" />}
          loading={summary.isPending}
          onClick={() => summary.mutate(undefined, { onSuccess: setShownSummary, onError })}
          data-testid="assistant-summarise"
        >
          {t('assistant.summarise')}
        </Button>
      </Group>
      {shownSummary && (
        <Paper
          withBorder
          p="sm"
          mt="xs"
          component="section"
          aria-labelledby={summaryId}
          className={classes.summary}
          data-testid="assistant-summary"
        >
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" fw={600} id={summaryId}>
              {t('assistant.summaryTitle')}
            </Text>
            <CloseButton
              size="sm"
              aria-label={t('assistant.closeSummary')}
              onClick={() => setShownSummary(null)}
            />
          </Group>
          <UserText block className={classes.summaryText}>
            {shownSummary.text}
          </UserText>
          <Text size="xs" className={classes.meta}>
            {t('assistant.writtenBy', { model: `\u2066${shownSummary.model}\u2069` })}
          </Text>
        </Paper>
      )}
    </Box>
  );
}
