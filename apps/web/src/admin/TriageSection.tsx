import { Button, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can } from '@sada/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.ts';
import {
  type TriageSettings,
  useRetrain,
  useTriageSettings,
  useUpdateTriageSettings,
} from '../cases/triage-queries.ts';
import { useTriageFormat } from '../cases/useTriageFormat.ts';
import { arTriageAdmin } from '../i18n/ar/triage-admin.ts';
import { enTriageAdmin } from '../i18n/en/triage-admin.ts';
import { i18n } from '../i18n/index.ts';
import { FormError } from '../ui/FormError.tsx';
import { useFormatters } from '../ui/format.ts';
import { ErrorState, LoadingState } from '../ui/states.tsx';
import { ReadOnlyNote } from './AdminParts.tsx';
import { TriageAssistantForm } from './TriageAssistantForm.tsx';
import { TriageCategoriesForm } from './TriageCategoriesForm.tsx';

// Like the other admin strings, these travel with the admin pages, outside the initial bundle.
i18n.addResourceBundle('en', 'triageAdmin', enTriageAdmin);
i18n.addResourceBundle('ar', 'triageAdmin', arTriageAdmin);

/**
 * Triage for the workspace: its case categories, the optional LLM assistant, and how far the model
 * has adapted to the agents' corrections, with a way to retrain now. Only admins change it.
 */
export function TriageSection() {
  const { t } = useTranslation('triageAdmin');
  const me = useCurrentUser();
  const settings = useTriageSettings();
  const canChange = can(me.role, 'workspace:admin');

  return (
    <Stack gap="md" component="section" aria-labelledby="admin-triage-title" maw={960}>
      <Title order={2} size="h3" id="admin-triage-title">
        {t('title')}
      </Title>
      {!canChange && <ReadOnlyNote>{t('readOnly')}</ReadOnlyNote>}
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <>
          <AutomaticSwitch isAutomatic={settings.data.isAutomatic} canChange={canChange} />
          <ModelCard model={settings.data.model} canChange={canChange} />
          {/* A new form after each save starts from what the server kept. */}
          <TriageCategoriesForm
            key={JSON.stringify(settings.data.categories)}
            categories={settings.data.categories}
            canChange={canChange}
          />
          <TriageAssistantForm
            key={JSON.stringify(settings.data.assistant)}
            assistant={settings.data.assistant}
            canChange={canChange}
          />
        </>
      )}
    </Stack>
  );
}

/** Whether new cases and messages are classified at all; saved as soon as it is switched. */
function AutomaticSwitch({ isAutomatic, canChange }: { isAutomatic: boolean; canChange: boolean }) {
  const { t } = useTranslation('triageAdmin');
  const update = useUpdateTriageSettings();
  return (
    <Paper withBorder p="md">
      <Switch
        label={t('automatic.label')}
        description={t('automatic.hint')}
        checked={update.isPending ? (update.variables.isAutomatic ?? isAutomatic) : isAutomatic}
        onChange={(event) =>
          update.mutate(
            { isAutomatic: event.currentTarget.checked },
            { onSuccess: () => notifications.show({ color: 'teal', message: t('automatic.saved') }) },
          )
        }
        disabled={!canChange || update.isPending}
        data-testid="triage-automatic"
      />
      <FormError error={update.error} />
    </Paper>
  );
}

/** The base model, what the workspace's corrections gained when they last adapted it, and "Retrain now". */
function ModelCard({ model, canChange }: { model: TriageSettings['model']; canChange: boolean }) {
  const { t } = useTranslation('triageAdmin');
  const format = useFormatters();
  const triageFormat = useTriageFormat();
  const retrain = useRetrain();
  const adaptation = model.adaptation;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="triage-model-title"
      data-testid="triage-model"
    >
      <Stack gap="xs">
        <Title order={3} size="h4" id="triage-model-title">
          {t('model.title')}
        </Title>
        <Text size="sm">{t('model.hint')}</Text>
        <Text size="sm">
          <bdi>{t('model.baseVersion', { version: model.baseVersion })}</bdi>
        </Text>
        {adaptation ? (
          <>
            <Text size="sm" data-testid="triage-adaptation">
              {t('model.adapted', {
                time: format.relativeTime(adaptation.trainedAt),
                count: adaptation.corrections,
              })}
            </Text>
            {adaptation.gain.heldOut > 0 && (
              <Text size="sm">
                {t('model.gain', {
                  heldOut: adaptation.gain.heldOut,
                  kindBefore: triageFormat.percent(adaptation.gain.kind.baseAccuracy),
                  kindAfter: triageFormat.percent(adaptation.gain.kind.adaptedAccuracy),
                  categoryBefore: triageFormat.percent(adaptation.gain.category.baseAccuracy),
                  categoryAfter: triageFormat.percent(adaptation.gain.category.adaptedAccuracy),
                })}
              </Text>
            )}
          </>
        ) : (
          <Text size="sm">{t('model.notAdapted')}</Text>
        )}
        <Text size="sm" data-testid="triage-pending">
          {t('model.pending', { count: model.pendingCorrections })}
        </Text>
        <FormError error={retrain.error} />
        {canChange && (
          <Group justify="flex-end">
            <Button
              variant="light"
              leftSection={<IconRefresh size={16} aria-hidden />}
              loading={retrain.isPending}
              onClick={() =>
                retrain.mutate(undefined, {
                  onSuccess: (result) =>
                    notifications.show({
                      color: 'teal',
                      message: t('model.retrained', { count: result.corrections }),
                    }),
                })
              }
            >
              {t('model.retrain')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
