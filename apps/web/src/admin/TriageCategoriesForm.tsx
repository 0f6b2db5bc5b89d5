import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  Paper,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { BASE_CATEGORIES } from '@sada/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TriageCategory, useUpdateTriageSettings } from '../cases/triage-queries.ts';
import { FormError, fieldErrorOf } from '../ui/FormError.tsx';

type Row = {
  /** Identifies the row while its id is typed. */
  key: number;
  isNew: boolean;
  id: string;
  nameAr: string;
  nameEn: string;
  basedOn: string[];
  keywords: string[];
};

const rowOf = (category: TriageCategory, key: number): Row => ({
  key,
  isNew: false,
  id: category.id,
  nameAr: category.names.ar,
  nameEn: category.names.en,
  basedOn: category.basedOn ?? [],
  keywords: category.keywords ?? [],
});

const categoryOf = (row: Row) => ({
  id: row.id.trim(),
  names: { ar: row.nameAr.trim(), en: row.nameEn.trim() },
  ...(row.basedOn.length > 0 && { basedOn: row.basedOn as (typeof BASE_CATEGORIES)[number][] }),
  ...(row.keywords.length > 0 && { keywords: row.keywords }),
});

/**
 * The workspace's case categories: an id stored on cases, a name in each language, the model's
 * categories that feed it, and keywords that point at it. Saved together, as one list.
 */
export function TriageCategoriesForm({
  categories,
  canChange,
}: {
  categories: TriageCategory[];
  canChange: boolean;
}) {
  const { t, i18n } = useTranslation(['triageAdmin', 'common']);
  const update = useUpdateTriageSettings();
  const [rows, setRows] = useState<Row[]>(() => categories.map(rowOf));
  const [nextKey, setNextKey] = useState(categories.length);
  const isEnglish = i18n.language === 'en';
  const baseOptions = BASE_CATEGORIES.map((value) => ({ value, label: t(`baseCategories.${value}`) }));

  const edit = (key: number, change: Partial<Row>) =>
    setRows((all) => all.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const add = () => {
    setRows((all) => [
      ...all,
      { key: nextKey, isNew: true, id: '', nameAr: '', nameEn: '', basedOn: [], keywords: [] },
    ]);
    setNextKey(nextKey + 1);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { categories: rows.map(categoryOf) },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('categories.saved') }) },
    );
  };
  const errorAt = (index: number, field: string) =>
    fieldErrorOf(update.error, `categories.${index}.${field}`);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="triage-categories-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="triage-categories-title">
            {t('categories.title')}
          </Title>
          <Text size="sm">{t('categories.hint')}</Text>
          {rows.map((row, index) => {
            const name = (isEnglish ? row.nameEn : row.nameAr) || row.id;
            return (
              <Fieldset
                key={row.key}
                legend={name || t('categories.newCategory')}
                data-testid="triage-category"
                data-id={row.id}
                disabled={!canChange}
              >
                <Stack gap="xs">
                  <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                    <TextInput
                      label={t('categories.id')}
                      description={row.isNew ? t('categories.idHint') : undefined}
                      value={row.id}
                      onChange={(event) => edit(row.key, { id: event.currentTarget.value })}
                      readOnly={!row.isNew}
                      required
                      dir="ltr"
                      error={errorAt(index, 'id')}
                    />
                    <TextInput
                      label={t('categories.nameAr')}
                      value={row.nameAr}
                      onChange={(event) => edit(row.key, { nameAr: event.currentTarget.value })}
                      required
                      dir="rtl"
                      lang="ar"
                      error={errorAt(index, 'names.ar')}
                    />
                    <TextInput
                      label={t('categories.nameEn')}
                      value={row.nameEn}
                      onChange={(event) => edit(row.key, { nameEn: event.currentTarget.value })}
                      required
                      dir="ltr"
                      lang="en"
                      error={errorAt(index, 'names.en')}
                    />
                  </SimpleGrid>
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                    <MultiSelect
                      label={t('categories.basedOn')}
                      data={baseOptions}
                      value={row.basedOn}
                      onChange={(basedOn) => edit(row.key, { basedOn })}
                      error={errorAt(index, 'basedOn')}
                    />
                    <TagsInput
                      label={t('categories.keywords')}
                      description={t('categories.keywordsHint')}
                      value={row.keywords}
                      onChange={(keywords) => edit(row.key, { keywords })}
                      error={errorAt(index, 'keywords')}
                    />
                  </SimpleGrid>
                  {canChange && (
                    <Group justify="flex-end">
                      <ActionIcon
                        variant="subtle"
                        color="red.9"
                        aria-label={t('categories.remove', {
                          name: name || t('categories.newCategory'),
                        })}
                        onClick={() => setRows((all) => all.filter((item) => item.key !== row.key))}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  )}
                </Stack>
              </Fieldset>
            );
          })}
          <FormError error={update.error} shownFields={rows.map((_, index) => `categories.${index}`)} />
          {canChange && (
            <Group justify="space-between">
              <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={add}>
                {t('categories.add')}
              </Button>
              <Button type="submit" loading={update.isPending} disabled={rows.length === 0}>
                {t('categories.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
