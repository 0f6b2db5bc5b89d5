import {
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Switch,
  Table,
  TagsInput,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { can, FIELD_TYPES, type FieldType } from '@sada/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session.ts';
import { FormError, fieldErrorOf } from '../ui/FormError.tsx';
import { EmptyState, ErrorState, LoadingState } from '../ui/states.tsx';
import { FormButtons, ReadOnlyNote } from './AdminParts.tsx';
import { type FieldDefinition, useCreateField, useFields, useUpdateField } from './admin-queries.ts';

const hasOptions = (type: FieldType) => type === 'select' || type === 'multiselect';

/** The workspace's own case fields, with labels in both languages; retired by deactivating, never deleted. */
export function FieldsSection() {
  const { t } = useTranslation('admin');
  const me = useCurrentUser();
  const fields = useFields();
  const canManage = can(me.role, 'field:manage');
  const [editing, setEditing] = useState<FieldDefinition | null | undefined>(undefined);
  const toggle = useUpdateField();

  const sorted = [...(fields.data ?? [])].sort(
    (a, b) => a.position - b.position || a.key.localeCompare(b.key),
  );
  return (
    <Stack gap="md" component="section" aria-labelledby="admin-fields-title">
      <Group justify="space-between">
        <Title order={2} size="h3" id="admin-fields-title">
          {t('fields.title')}
        </Title>
        {canManage && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(null)}>
            {t('fields.add')}
          </Button>
        )}
      </Group>
      {!canManage && <ReadOnlyNote>{t('fields.readOnly')}</ReadOnlyNote>}
      <FormError error={toggle.error} />
      {fields.isPending ? (
        <LoadingState />
      ) : fields.isError ? (
        <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />
      ) : sorted.length === 0 ? (
        <EmptyState message={t('fields.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.position')}</Table.Th>
                <Table.Th>{t('fields.key')}</Table.Th>
                <Table.Th>{t('fields.labelAr')}</Table.Th>
                <Table.Th>{t('fields.labelEn')}</Table.Th>
                <Table.Th>{t('fields.type')}</Table.Th>
                <Table.Th>{t('fields.required')}</Table.Th>
                <Table.Th>{t('fields.status')}</Table.Th>
                {canManage && (
                  <Table.Th>
                    <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((field) => (
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
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          onClick={() => setEditing(field)}
                          aria-label={t('fields.editNamed', { key: field.key })}
                        >
                          {t('actions.edit', { ns: 'common' })}
                        </Button>
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
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        closeButtonProps={{ 'aria-label': t('actions.close', { ns: 'common' }) }}
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing ? t('fields.editTitle') : t('fields.add')}
        size="lg"
      >
        {editing !== undefined && (
          <FieldForm field={editing} nextPosition={sorted.length} onDone={() => setEditing(undefined)} />
        )}
      </Modal>
    </Stack>
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
  const create = useCreateField();
  const update = useUpdateField();
  const change = field ? update : create;
  const [key, setKey] = useState(field?.key ?? '');
  const [labelAr, setLabelAr] = useState(field?.labelAr ?? '');
  const [labelEn, setLabelEn] = useState(field?.labelEn ?? '');
  const [type, setType] = useState<FieldType>(field?.type ?? 'text');
  const [options, setOptions] = useState<string[]>(field?.options ?? []);
  const [isRequired, setIsRequired] = useState(field?.isRequired ?? false);
  const [position, setPosition] = useState<number>(field?.position ?? nextPosition);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const common = {
      labelAr: labelAr.trim(),
      labelEn: labelEn.trim(),
      isRequired,
      options: hasOptions(type) ? options : [],
      position,
    };
    if (field) update.mutate({ key: field.key, ...common }, { onSuccess: onDone });
    else create.mutate({ key: key.trim(), type, ...common }, { onSuccess: onDone });
  };
  const error = (name: string) => fieldErrorOf(change.error, name);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('fields.key')}
          description={t('fields.keyHint')}
          required
          dir="ltr"
          value={key}
          onChange={(event) => setKey(event.currentTarget.value)}
          disabled={!!field}
          error={error('key')}
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
            error={error('labelAr')}
            data-autofocus={field ? true : undefined}
          />
          <TextInput
            label={t('fields.labelEn')}
            required
            lang="en"
            dir="ltr"
            value={labelEn}
            onChange={(event) => setLabelEn(event.currentTarget.value)}
            error={error('labelEn')}
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
            error={error('position')}
          />
        </Group>
        {hasOptions(type) && (
          <TagsInput
            label={t('fields.options')}
            description={t('fields.optionsHint')}
            value={options}
            onChange={setOptions}
            error={error('options')}
            dir="auto"
          />
        )}
        <Switch
          label={t('fields.requiredLabel')}
          description={t('fields.requiredHint')}
          checked={isRequired}
          onChange={(event) => setIsRequired(event.currentTarget.checked)}
        />
        <FormError error={change.error} shownFields={['key', 'labelAr', 'labelEn', 'position', 'options']} />
        <FormButtons
          isPending={change.isPending}
          onCancel={onDone}
          submitLabel={field ? t('actions.save', { ns: 'common' }) : t('fields.add')}
        />
      </Stack>
    </form>
  );
}
