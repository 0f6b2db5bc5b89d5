import { MultiSelect, SegmentedControl, Switch, Table, TagsInput } from '@mantine/core';
import type { FieldRule } from '@sada/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTriageSettings } from '../cases/triage-queries.ts';
import { type ChannelSettings, useFields } from './admin-queries.ts';
import { LocalizedInputs, SettingsCard, useSaveChannelSettings } from './ChannelsParts.tsx';
import { changedParts, FIELD_RULE_ORDER, FORM_FIELD_ORDER, trimmedText } from './channel-settings.ts';
import { FormProductsEditor, type ProductRow, productRowsOf, productsOf } from './FormProductsEditor.tsx';

type FormSettings = ChannelSettings['form'];
type Option = { value: string; label: string };

// A value saved earlier that the workspace no longer lists still shows (by its id), so it can be removed.
const withSaved = (options: Option[], saved: string[]): Option[] => [
  ...options,
  ...saved
    .filter((value) => !options.some((option) => option.value === value))
    .map((value) => ({ value, label: value })),
];

/**
 * The public complaint form: on or off, its title and introduction, which standard fields it shows
 * or requires, the products, categories and custom fields it offers, and the sites that may embed it.
 */
export function ComplaintFormCard({ form }: { form: FormSettings }) {
  const { t } = useTranslation('channels');
  const save = useSaveChannelSettings();
  const [isEnabled, setIsEnabled] = useState(form.isEnabled);
  const [title, setTitle] = useState(form.title);
  const [intro, setIntro] = useState(form.intro);
  const [fields, setFields] = useState(form.fields);
  const [products, setProducts] = useState<ProductRow[]>(() => productRowsOf(form.products));
  const [categories, setCategories] = useState(form.categories);
  const [customFields, setCustomFields] = useState(form.customFields);
  const [embedOrigins, setEmbedOrigins] = useState(form.embedOrigins);
  const categoryOptions = useCategoryOptions(form.categories);
  const customFieldOptions = useCustomFieldOptions(form.customFields);

  const draft: FormSettings = {
    isEnabled,
    title: trimmedText(title),
    intro: trimmedText(intro),
    fields,
    products: productsOf(products),
    categories,
    customFields,
    embedOrigins,
  };
  const changes = changedParts(form, draft);
  const fieldName = (field: keyof FormSettings['fields']) => t(`form.fieldNames.${field}`);

  return (
    <SettingsCard
      id="channels-form"
      title={t('form.title')}
      hint={t('form.hint')}
      save={save}
      shownFields={[
        'form.title',
        'form.intro',
        'form.fields',
        'form.products',
        'form.categories',
        'form.customFields',
        'form.embedOrigins',
      ]}
      isChanged={Object.keys(changes).length > 0}
      onSubmit={() => save.save({ form: changes })}
    >
      <Switch
        label={t('form.isEnabled')}
        checked={isEnabled}
        onChange={(event) => setIsEnabled(event.currentTarget.checked)}
        data-testid="form-enabled"
      />
      <LocalizedInputs
        label={t('form.formTitle')}
        value={title}
        onChange={setTitle}
        path="form.title"
        errorAt={save.errorAt}
        maxLength={200}
      />
      <LocalizedInputs
        label={t('form.intro')}
        description={t('form.introHint')}
        value={intro}
        onChange={setIntro}
        path="form.intro"
        errorAt={save.errorAt}
        isMultiline
        maxLength={2000}
      />
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing={4} aria-label={t('form.fields')} data-testid="form-fields">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('form.field')}</Table.Th>
              <Table.Th>{t('form.rule')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {FORM_FIELD_ORDER.map((field) => (
              <Table.Tr key={field} data-field={field}>
                <Table.Td>{fieldName(field)}</Table.Td>
                <Table.Td>
                  <SegmentedControl
                    size="xs"
                    aria-label={t('form.ruleFor', { field: fieldName(field) })}
                    data={FIELD_RULE_ORDER.map((rule) => ({ value: rule, label: t(`form.rules.${rule}`) }))}
                    value={fields[field]}
                    onChange={(rule) => setFields({ ...fields, [field]: rule as FieldRule })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <FormProductsEditor rows={products} onChange={setProducts} errorAt={save.errorAt} />
      <MultiSelect
        label={t('form.categories')}
        description={t('form.categoriesHint')}
        data={categoryOptions}
        value={categories}
        onChange={setCategories}
        searchable
        clearable
        error={save.errorAt('form.categories')}
        data-testid="form-categories"
      />
      <MultiSelect
        label={t('form.customFields')}
        description={t('form.customFieldsHint')}
        data={customFieldOptions}
        value={customFields}
        onChange={setCustomFields}
        searchable
        clearable
        error={save.errorAt('form.customFields')}
        data-testid="form-custom-fields"
      />
      <TagsInput
        label={t('form.embedOrigins')}
        description={t('form.embedOriginsHint')}
        value={embedOrigins}
        onChange={(origins) => setEmbedOrigins(origins.map((origin) => origin.trim().replace(/\/+$/, '')))}
        dir="ltr"
        splitChars={[',', ' ']}
        clearable
        error={save.errorAt('form.embedOrigins')}
        data-testid="form-embed-origins"
      />
    </SettingsCard>
  );
}

/** The workspace's triage categories, named in the UI language. */
function useCategoryOptions(saved: string[]): Option[] {
  const { i18n } = useTranslation();
  const triage = useTriageSettings();
  const language = i18n.language === 'en' ? 'en' : 'ar';
  const options = (triage.data?.categories ?? []).map((category) => ({
    value: category.id,
    label: category.names[language] || category.id,
  }));
  return withSaved(options, saved);
}

/** The workspace's active custom fields, labelled in the UI language. */
function useCustomFieldOptions(saved: string[]): Option[] {
  const { i18n } = useTranslation();
  const fields = useFields();
  const options = (fields.data ?? [])
    .filter((field) => field.isActive)
    .map((field) => ({
      value: field.key,
      label: (i18n.language === 'en' ? field.labelEn : field.labelAr) || field.key,
    }));
  return withSaved(options, saved);
}
