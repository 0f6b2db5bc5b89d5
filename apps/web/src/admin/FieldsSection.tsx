import {
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Switch,
  Table,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { can, FIELD_TYPES, type FieldType } from '@sada/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.ts';
import { FormError } from '../ui/FormError.tsx';
import { AdminForm, useAdminSave } from './AdminForm.tsx';
import { AdminDialog, AdminList, AdminSection, AdminTable, EditButton, useEditing } from './AdminParts.tsx';
import { type FieldDefinition, useCreateField, useFields, useUpdateField } from './admin-queries.ts';

const hasOptions = (type: FieldType) => type === 'select' || type === 'multiselect';

/** The workspace's own case fields, with labels in both languages; retired by deactivating, never deleted. */
export function FieldsSection() {
  const { t } = useTranslation('admin');
  const me = useCurrentUser();
  const fields = useFields();
  const canManage = can(me.role, 'field:manage');
  const dialog = useEditing<FieldDefinition>();
  const toggle = useUpdateField();

  const sorted = [...(fields.data ?? [])].sort(
    (a, b) => a.position - b.position || a.key.localeCompare(b.key),
  );
  return (
    <AdminSection name="fields" canManage={canManage} onAdd={dialog.add}>
      <FormError error={toggle.error} />
      <AdminList queries={[fields]} items={sorted} emptyMessage={t('fields.empty')}>
        {(items) => (
          <AdminTable
            minWidth={760}
            columns={[
              t('fields.position'),
              t('fields.key'),
              t('fields.labelAr'),
              t('fields.labelEn'),
              t('fields.type'),
              t('fields.required'),
              t('fields.status'),
            ]}
            hasActions={canManage}
          >
            {items.map((field) => (
              <Table.Tr key={field.key} c={field.isActive ? undefined : 'dimmed'}>
                <Table.Td>{field.position}</Table.Td>
                <Table.Td>
                  <code dir="ltr">{field.key}</code>
                </Table.Td>
                <Table.Td lang="ar" dir="rtl">
                  {field.labelAr}
                </Table.Td>
                <Table.Td lang="en" dir="ltr">
                  {field.labelEn}
                </Table.Td>
                <Table.Td>
                  {t(`fields.types.${field.type}`)}
                  {hasOptions(field.type) && (
                    <bdi dir="auto" style={{ display: 'block', fontSize: 'var(--mantine-font-size-xs)' }}>
                      {field.options.join(' · ')}
                    </bdi>
                  )}
                </Table.Td>
                <Table.Td>{field.isRequired ? t('fields.yes') : t('fields.no')}</Table.Td>
                <Table.Td>
                  <Badge color={field.isActive ? 'teal' : 'gray'} variant="light">
                    {field.isActive ? t('fields.active') : t('fields.inactive')}
                  </Badge>
                </Table.Td>
                {canManage && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <EditButton
                        label={t('fields.editNamed', { key: field.key })}
                        onClick={() => dialog.edit(field)}
                      />
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color={field.isActive ? 'red' : 'teal'}
                        loading={toggle.isPending && toggle.variables?.key === field.key}
                        onClick={() => toggle.mutate({ key: field.key, isActive: !field.isActive })}
                        aria-label={
                          field.isActive
                            ? t('fields.deactivateNamed', { key: field.key })
                            : t('fields.activateNamed', { key: field.key })
                        }
                      >
                        {field.isActive ? t('fields.deactivate') : t('fields.activate')}
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </AdminTable>
        )}
      </AdminList>
      <AdminDialog name="fields" dialog={dialog} size="lg">
        {(field) => <FieldForm field={field} nextPosition={sorted.length} onDone={dialog.close} />}
      </AdminDialog>
    </AdminSection>
  );
}

function FieldForm({
  field,
  nextPosition,
  onDone,
}: {
  field: FieldDefinition | null;
  nextPosition: number;
  onDone: () => void;
}) {
  const { t } = useTranslation('admin');
  const save = useAdminSave('fields', {
    isNew: !field,
    create: useCreateField(),
    update: useUpdateField(),
    onDone,
  });
  const [key, setKey] = useState(field?.key ?? '');
  const [labelAr, setLabelAr] = useState(field?.labelAr ?? '');
  const [labelEn, setLabelEn] = useState(field?.labelEn ?? '');
  const [type, setType] = useState<FieldType>(field?.type ?? 'text');
  const [options, setOptions] = useState<string[]>(field?.options ?? []);
  const [isRequired, setIsRequired] = useState(field?.isRequired ?? false);
  const [position, setPosition] = useState<number>(field?.position ?? nextPosition);

  const submit = () => {
    const common = {
      labelAr: labelAr.trim(),
      labelEn: labelEn.trim(),
      isRequired,
      options: hasOptions(type) ? options : [],
      position,
    };
    if (field) save.update({ key: field.key, ...common });
    else save.create({ key: key.trim(), type, ...common });
  };

  return (
    <AdminForm
      save={save}
      onSubmit={submit}
      shownFields={['key', 'labelAr', 'labelEn', 'position', 'options']}
    >
      <TextInput
        label={t('fields.key')}
        description={t('fields.keyHint')}
        required
        dir="ltr"
        value={key}
        onChange={(event) => setKey(event.currentTarget.value)}
        disabled={!!field}
        error={save.errorAt('key')}
        data-autofocus={!field || undefined}
      />
      <Group grow align="flex-start">
        <TextInput
          label={t('fields.labelAr')}
          required
          lang="ar"
          dir="rtl"
          value={labelAr}
          onChange={(event) => setLabelAr(event.currentTarget.value)}
          error={save.errorAt('labelAr')}
          data-autofocus={field ? true : undefined}
        />
        <TextInput
          label={t('fields.labelEn')}
          required
          lang="en"
          dir="ltr"
          value={labelEn}
          onChange={(event) => setLabelEn(event.currentTarget.value)}
          error={save.errorAt('labelEn')}
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('fields.type')}
          description={field ? t('fields.typeFixed') : undefined}
          data={FIELD_TYPES.map((value) => ({ value, label: t(`fields.types.${value}`) }))}
          value={type}
          onChange={(value) => value && setType(value as FieldType)}
          allowDeselect={false}
          disabled={!!field}
        />
        <NumberInput
          label={t('fields.position')}
          description={t('fields.positionHint')}
          min={0}
          max={10_000}
          allowDecimal={false}
          value={position}
          onChange={(value) => setPosition(typeof value === 'number' ? value : 0)}
          error={save.errorAt('position')}
        />
      </Group>
      {hasOptions(type) && (
        <TagsInput
          label={t('fields.options')}
          description={t('fields.optionsHint')}
          value={options}
          onChange={setOptions}
          error={save.errorAt('options')}
          dir="auto"
        />
      )}
      <Switch
        label={t('fields.requiredLabel')}
        description={t('fields.requiredHint')}
        checked={isRequired}
        onChange={(event) => setIsRequired(event.currentTarget.checked)}
      />
    </AdminForm>
  );
}
