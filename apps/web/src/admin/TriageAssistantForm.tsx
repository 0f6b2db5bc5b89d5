import { Button, Group, Paper, PasswordInput, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TriageSettings, useUpdateTriageSettings } from '../cases/triage-queries.ts';
import { FormError, fieldErrorOf } from '../ui/FormError.tsx';

type Assistant = TriageSettings['assistant'];

/**
 * The optional LLM assistant: on or off, its OpenAI-compatible address and model, and an API key
 * that can be replaced or removed but is never shown.
 */
export function TriageAssistantForm({ assistant, canChange }: { assistant: Assistant; canChange: boolean }) {
  const { t } = useTranslation('triageAdmin');
  const update = useUpdateTriageSettings();
  const [isEnabled, setIsEnabled] = useState(assistant.isEnabled);
  const [baseUrl, setBaseUrl] = useState(assistant.baseUrl);
  const [model, setModel] = useState(assistant.model);
  const [apiKey, setApiKey] = useState('');

  const changes = {
    ...(isEnabled !== assistant.isEnabled && { isEnabled }),
    ...(baseUrl.trim() !== assistant.baseUrl && { baseUrl: baseUrl.trim() }),
    ...(model.trim() !== assistant.model && { model: model.trim() }),
    ...(apiKey !== '' && { apiKey }),
  };
  const isChanged = Object.keys(changes).length > 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { assistant: changes },
      {
        onSuccess: () => {
          setApiKey('');
          notifications.show({ color: 'teal', message: t('assistant.saved') });
        },
      },
    );
  };
  const removeKey = () =>
    update.mutate(
      { assistant: { apiKey: null } },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('assistant.keyRemoved') }) },
    );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="triage-assistant-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="triage-assistant-title">
            {t('assistant.title')}
          </Title>
          <Text size="sm">{t('assistant.hint')}</Text>
          <Switch
            label={t('assistant.isEnabled')}
            checked={isEnabled}
            onChange={(event) => setIsEnabled(event.currentTarget.checked)}
            disabled={!canChange}
            data-testid="assistant-enabled"
          />
          <TextInput
            label={t('assistant.baseUrl')}
            description={t('assistant.baseUrlHint')}
            value={baseUrl}
            onChange={(event) => setBaseUrl(event.currentTarget.value)}
            readOnly={!canChange}
            dir="ltr"
            type="url"
            error={fieldErrorOf(update.error, 'assistant.baseUrl')}
          />
          <TextInput
            label={t('assistant.model')}
            description={t('assistant.modelHint')}
            value={model}
            onChange={(event) => setModel(event.currentTarget.value)}
            readOnly={!canChange}
            dir="ltr"
            error={fieldErrorOf(update.error, 'assistant.model')}
          />
          {canChange && (
            <PasswordInput
              label={t('assistant.apiKey')}
              description={assistant.hasApiKey ? t('assistant.apiKeyStored') : t('assistant.apiKeyNone')}
              value={apiKey}
              onChange={(event) => setApiKey(event.currentTarget.value)}
              autoComplete="off"
              dir="ltr"
              error={fieldErrorOf(update.error, 'assistant.apiKey')}
            />
          )}
          <FormError
            error={update.error}
            shownFields={['assistant.baseUrl', 'assistant.model', 'assistant.apiKey']}
          />
          {canChange && (
            <Group justify="space-between">
              {assistant.hasApiKey ? (
                <Button variant="subtle" color="red" onClick={removeKey} disabled={update.isPending}>
                  {t('assistant.removeKey')}
                </Button>
              ) : (
                <span />
              )}
              <Button type="submit" loading={update.isPending} disabled={!isChanged}>
                {t('assistant.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
