import { Autocomplete, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { can, formatReferenceNumber, UI_LANGUAGES } from '@sada/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.ts';
import { localeOf } from '../i18n/index.ts';
import { FormError, fieldErrorOf } from '../ui/FormError.tsx';
import { ErrorState, LoadingState } from '../ui/states.tsx';
import { ReadOnlyNote } from './AdminParts.tsx';
import { useUpdateWorkspace, useWorkspace, type WorkspaceSettings } from './admin-queries.ts';

type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The workspace's name, reference prefix, default language and time zone; only admins change them. */
export function WorkspaceSection() {
  const { t } = useTranslation('admin');
  const me = useCurrentUser();
  const workspace = useWorkspace();
  const canChange = can(me.role, 'workspace:admin');

  return (
    <Stack gap="md" component="section" aria-labelledby="admin-workspace-title" maw={640}>
      <Title order={2} size="h3" id="admin-workspace-title">
        {t('workspace.title')}
      </Title>
      {!canChange && <ReadOnlyNote>{t('workspace.readOnly')}</ReadOnlyNote>}
      {workspace.isPending ? (
        <LoadingState />
      ) : workspace.isError ? (
        <ErrorState error={workspace.error} onRetry={() => void workspace.refetch()} />
      ) : (
        // A new form after each save starts from what the server kept.
        <WorkspaceForm key={JSON.stringify(workspace.data)} settings={workspace.data} canChange={canChange} />
      )}
    </Stack>
  );
}

function WorkspaceForm({ settings, canChange }: { settings: WorkspaceSettings; canChange: boolean }) {
  const { t } = useTranslation('admin');
  const update = useUpdateWorkspace();
  const [name, setName] = useState(settings.name);
  const [referencePrefix, setReferencePrefix] = useState(settings.referencePrefix);
  const [defaultLanguage, setDefaultLanguage] = useState<UiLanguage>(settings.defaultLanguage);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const timeZones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);

  const changes = {
    ...(name.trim() !== settings.name && { name: name.trim() }),
    ...(referencePrefix.trim() !== settings.referencePrefix && { referencePrefix: referencePrefix.trim() }),
    ...(defaultLanguage !== settings.defaultLanguage && { defaultLanguage }),
    ...(timeZone.trim() !== settings.timeZone && { timeZone: timeZone.trim() }),
  };
  const isChanged = Object.keys(changes).length > 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(changes, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('workspace.saved') }),
    });
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('workspace.slug')}
            description={t('workspace.slugHint')}
            value={settings.slug}
            dir="ltr"
            readOnly
          />
          <TextInput
            label={t('workspace.name')}
            required
            dir="auto"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            readOnly={!canChange}
            error={fieldErrorOf(update.error, 'name')}
          />
          <TextInput
            label={t('workspace.referencePrefix')}
            description={t('workspace.referencePrefixHint', {
              example: `\u2066${formatReferenceNumber(referencePrefix || settings.referencePrefix, new Date().getFullYear(), 42)}\u2069`,
            })}
            required
            dir="ltr"
            maxLength={6}
            value={referencePrefix}
            onChange={(event) => setReferencePrefix(event.currentTarget.value.toUpperCase())}
            readOnly={!canChange}
            error={fieldErrorOf(update.error, 'referencePrefix')}
          />
          <Select
            label={t('workspace.defaultLanguage')}
            description={t('workspace.defaultLanguageHint')}
            data={UI_LANGUAGES.map((value) => ({ value, label: t(`languages.${value}`, { ns: 'common' }) }))}
            value={defaultLanguage}
            onChange={(value) => value && setDefaultLanguage(value as UiLanguage)}
            allowDeselect={false}
            readOnly={!canChange}
          />
          <Autocomplete
            label={t('workspace.timeZone')}
            description={<TimeZoneNow zone={timeZone} />}
            data={timeZones}
            limit={30}
            dir="ltr"
            value={timeZone}
            onChange={setTimeZone}
            readOnly={!canChange}
            error={fieldErrorOf(update.error, 'timeZone')}
            data-testid="time-zone"
          />
          <FormError error={update.error} shownFields={['name', 'referencePrefix', 'timeZone']} />
          {canChange && (
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending} disabled={!isChanged}>
                {t('actions.save', { ns: 'common' })}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

/** "Now there: Tue 14:05", so an admin sees they picked the right zone; nothing for a zone that does not exist. */
function TimeZoneNow({ zone }: { zone: string }) {
  const { t, i18n } = useTranslation('admin');
  let now: string | undefined;
  try {
    now = new Intl.DateTimeFormat(localeOf(i18n.language), {
      timeZone: zone.trim(),
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'shortOffset',
    }).format(new Date());
  } catch {
    now = undefined;
  }
  return (
    <Text span size="xs">
      {now ? t('workspace.timeZoneNow', { now }) : t('workspace.timeZoneHint')}
    </Text>
  );
}
