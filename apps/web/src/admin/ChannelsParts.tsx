import { Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, fieldErrorOf } from '../ui/FormError.tsx';
import { type ChannelSettingsChanges, useUpdateChannelSettings } from './admin-queries.ts';

/**
 * Saves one card's part of the channel settings (PATCH /api/channels/settings), says so when the
 * server keeps it, and finds the server's sentence for a field by its path (`form.title.ar`).
 */
export function useSaveChannelSettings() {
  const { t } = useTranslation('channels');
  const update = useUpdateChannelSettings();
  return {
    save: (changes: ChannelSettingsChanges, message: string = t('saved'), onSaved?: () => void) =>
      update.mutate(changes, {
        onSuccess: () => {
          onSaved?.();
          notifications.show({ color: 'teal', message });
        },
      }),
    errorAt: (field: string) => fieldErrorOf(update.error, field),
    isPending: update.isPending,
    error: update.error,
  };
}

type SettingsSave = Pick<ReturnType<typeof useSaveChannelSettings>, 'isPending' | 'error'>;

/**
 * One card of the Channels section: a titled form with its hint, its inputs, why the server refused
 * it (what no input shows, see `shownFields`), and a save button enabled once something changed.
 */
export function SettingsCard({
  id,
  title,
  hint,
  save,
  shownFields,
  isChanged,
  onSubmit,
  extraActions,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  save: SettingsSave;
  shownFields: string[];
  isChanged: boolean;
  onSubmit: () => void;
  /** Shown at the start of the button row, e.g. "Remove the captcha". */
  extraActions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation('channels');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-title`} data-testid={id}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <div>
            <Title order={3} size="h4" id={`${id}-title`}>
              {title}
            </Title>
            {hint && <Text size="sm">{hint}</Text>}
          </div>
          {children}
          <FormError error={save.error} shownFields={shownFields} />
          <Group justify={extraActions ? 'space-between' : 'flex-end'}>
            {extraActions}
            <Button type="submit" loading={save.isPending} disabled={!isChanged}>
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export type Localized = { ar: string; en: string };

/** A text in both languages side by side, each typed in its own direction; errors at `path.ar` / `path.en`. */
export function LocalizedInputs({
  label,
  description,
  value,
  onChange,
  path,
  errorAt,
  isMultiline = false,
  maxLength,
}: {
  label: string;
  description?: string;
  value: Localized;
  onChange: (value: Localized) => void;
  path: string;
  errorAt: (field: string) => string | undefined;
  isMultiline?: boolean;
  maxLength?: number;
}) {
  const { t } = useTranslation('channels');
  const inputOf = (language: 'ar' | 'en') => {
    const props = {
      label: t(language === 'ar' ? 'inArabic' : 'inEnglish', { label }),
      lang: language,
      dir: language === 'ar' ? 'rtl' : 'ltr',
      value: value[language],
      maxLength,
      error: errorAt(`${path}.${language}`),
    } as const;
    const onInput = (text: string) => onChange({ ...value, [language]: text });
    return isMultiline ? (
      <Textarea
        key={language}
        {...props}
        autosize
        minRows={3}
        maxRows={12}
        onChange={(event) => onInput(event.currentTarget.value)}
      />
    ) : (
      <TextInput key={language} {...props} onChange={(event) => onInput(event.currentTarget.value)} />
    );
  };
  return (
    <Stack gap={4}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {inputOf('ar')}
        {inputOf('en')}
      </SimpleGrid>
      {description && (
        <Text size="xs" c="gray.7">
          {description}
        </Text>
      )}
    </Stack>
  );
}
