import { MultiSelect, NumberInput, Select, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldDefinition } from './case-types.ts';

/** One custom field of the workspace, with the input its type calls for. */
export function CustomFieldInput({
  field,
  value,
  onChange,
  error,
}: {
  field: FieldDefinition;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string | undefined;
}) {
  const { i18n } = useTranslation();
  const label = i18n.language === 'en' ? field.labelEn : field.labelAr;
  const common = { label, withAsterisk: field.isRequired, error, 'data-field': field.key };
  switch (field.type) {
    case 'text':
      return (
        <TextInput
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
          dir="auto"
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(next) => onChange(typeof next === 'number' ? next : null)}
        />
      );
    case 'boolean':
      return (
        <Switch
          label={label}
          error={error}
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
          data-field={field.key}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value || null)}
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          data={field.options}
          value={typeof value === 'string' ? value : null}
          onChange={(next) => onChange(next)}
          clearable={!field.isRequired}
          searchable={field.options.length > 7}
        />
      );
    case 'multiselect':
      return (
        <MultiSelect
          {...common}
          data={field.options}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(next) => onChange(next)}
          clearable={!field.isRequired}
        />
      );
  }
}
