import { Alert, Button, Group, Paper, Select, Stack, TagsInput, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CASE_KINDS, PRIORITIES } from '@sada/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api/client.ts';
import { CustomFieldInput } from './CustomFieldInput.tsx';
import type { CaseDetail } from './case-types.ts';
import { FieldSourceNote, fieldSourceOf } from './FieldSource.tsx';
import { useCategoryName, useTriageSettings } from './triage-queries.ts';
import type { CaseChanges, useCaseActions } from './useCase.ts';
import { useFields } from './useWorkspaceLists.ts';

type Update = ReturnType<typeof useCaseActions>['update'];
type Values = {
  kind: string;
  priority: string;
  category: string;
  product: string;
  tags: string[];
  customFields: Record<string, unknown>;
};

const valuesOf = (caseDetail: CaseDetail): Values => ({
  kind: caseDetail.kind,
  priority: caseDetail.priority,
  category: caseDetail.category ?? '',
  product: caseDetail.product ?? '',
  tags: caseDetail.tags,
  customFields: caseDetail.customFields,
});

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
const isSame = (a: unknown, b: unknown) =>
  (isEmpty(a) && isEmpty(b)) || JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

// The server names a field "customFields.purchase_channel" (service checks) or "body.category"
// (request validation); both read the same here.
const pathOf = (path: string) => path.replace(/^body\./, '');

/** Only what the agent changed, as PATCH /api/cases/:ref takes it (an emptied field becomes null). */
function changesOf(current: Values, edits: Partial<Values>): CaseChanges {
  const changes: CaseChanges = {};
  if (edits.kind !== undefined && edits.kind !== current.kind) changes.kind = edits.kind;
  if (edits.priority !== undefined && edits.priority !== current.priority) changes.priority = edits.priority;
  if (edits.category !== undefined && !isSame(edits.category, current.category))
    changes.category = edits.category.trim() || null;
  if (edits.product !== undefined && !isSame(edits.product, current.product))
    changes.product = edits.product.trim() || null;
  if (edits.tags !== undefined && !isSame(edits.tags, current.tags)) changes.tags = edits.tags;
  const custom = Object.entries(edits.customFields ?? {}).filter(
    ([key, value]) => !isSame(value, current.customFields[key]),
  );
  if (custom.length > 0)
    changes.customFields = Object.fromEntries(
      custom.map(([key, value]) => [key, isEmpty(value) ? null : value]),
    );
  return changes;
}

/**
 * Kind, category, product, priority, tags and the workspace's custom fields. Only the fields the
 * agent touched are sent, so a colleague's change to another field is never overwritten.
 */
export function CaseFields({
  caseDetail,
  update,
  readOnly,
}: {
  caseDetail: CaseDetail;
  update: Update;
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation(['case', 'common']);
  const fields = useFields();
  const triageSettings = useTriageSettings();
  const categoryName = useCategoryName();
  const sourceNote = (field: 'kind' | 'category' | 'priority') => {
    const source = fieldSourceOf(caseDetail, field);
    return source && <FieldSourceNote source={source} />;
  };
  // The workspace's categories in the UI language; a value it no longer lists stays choosable as stored.
  const categoryOptions = (selected: string) => {
    const ids = (triageSettings.data?.categories ?? []).map((category) => category.id);
    if (selected && !ids.includes(selected)) ids.push(selected);
    return ids.map((id) => ({ value: id, label: categoryName(id) }));
  };
  const [edits, setEdits] = useState<Partial<Values>>({});
  const current = valuesOf(caseDetail);
  const value = <K extends keyof Values>(key: K): Values[K] => edits[key] ?? current[key];
  const customValue = (key: string) =>
    edits.customFields && key in edits.customFields ? edits.customFields[key] : current.customFields[key];
  const changes = changesOf(current, edits);
  const isDirty = Object.keys(changes).length > 0;
  const problems = update.error instanceof ApiError ? update.error.fields : [];
  const errorAt = (path: string) => problems.find((problem) => pathOf(problem.path) === path)?.message;
  const editCustom = (key: string, next: unknown) =>
    setEdits((all) => ({ ...all, customFields: { ...all.customFields, [key]: next } }));

  const save = () =>
    update.mutate(changes, {
      onSuccess: () => {
        setEdits({});
        notifications.show({ color: 'teal', message: t('fields.saved') });
      },
    });

  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      aria-labelledby="case-fields-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (isDirty) save();
      }}
    >
      <Title order={2} size="h5" id="case-fields-title" mb="xs">
        {t('fields.title')}
      </Title>
      {/* A disabled fieldset turns every control inside read-only at once. */}
      <fieldset disabled={readOnly} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        <Stack gap="xs">
          <Select
            label={t('fields.kind')}
            description={sourceNote('kind')}
            data={CASE_KINDS.map((kind) => ({ value: kind, label: t(`common:kind.${kind}`) }))}
            value={value('kind')}
            onChange={(next) => next && setEdits((all) => ({ ...all, kind: next }))}
            allowDeselect={false}
            error={errorAt('kind')}
          />
          <Select
            label={t('fields.priority')}
            description={sourceNote('priority')}
            data={PRIORITIES.map((priority) => ({
              value: priority,
              label: t(`common:priority.${priority}`),
            }))}
            value={value('priority')}
            onChange={(next) => next && setEdits((all) => ({ ...all, priority: next }))}
            allowDeselect={false}
            error={errorAt('priority')}
            data-testid="field-priority"
          />
          <Select
            label={t('fields.category')}
            description={sourceNote('category')}
            data={categoryOptions(value('category'))}
            value={value('category') || null}
            onChange={(next) => setEdits((all) => ({ ...all, category: next ?? '' }))}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('fields.clearCategory') }}
            nothingFoundMessage={t('fields.noCategory')}
            error={errorAt('category')}
            data-testid="field-category"
          />
          <TextInput
            label={t('fields.product')}
            value={value('product')}
            onChange={(event) => {
              const next = event.currentTarget.value;
              setEdits((all) => ({ ...all, product: next }));
            }}
            error={errorAt('product')}
            dir="auto"
          />
          <TagsInput
            label={t('fields.tags')}
            description={t('fields.tagsHint')}
            value={value('tags')}
            onChange={(next) => setEdits((all) => ({ ...all, tags: next }))}
            error={errorAt('tags')}
            clearable
          />
          {fields.isError && (
            <Alert color="red" p="xs">
              {errorMessage(fields.error)}
            </Alert>
          )}
          {(fields.data ?? [])
            .filter((field) => field.isActive)
            .sort((a, b) => a.position - b.position)
            .map((field) => (
              <CustomFieldInput
                key={`${field.key}-${i18n.language}`}
                field={field}
                value={customValue(field.key)}
                onChange={(next) => editCustom(field.key, next)}
                error={errorAt(`customFields.${field.key}`)}
              />
            ))}
          {update.isError && problems.length === 0 && (
            <Alert color="red" p="xs" role="alert">
              {errorMessage(update.error)}
            </Alert>
          )}
          {!readOnly && (
            <Group justify="flex-end" gap="xs">
              {isDirty && (
                <Button
                  variant="subtle"
                  color="gray"
                  size="xs"
                  onClick={() => {
                    setEdits({});
                    update.reset();
                  }}
                >
                  {t('fields.discard')}
                </Button>
              )}
              <Button type="submit" size="xs" color="teal.9" disabled={!isDirty} loading={update.isPending}>
                {t('fields.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </Paper>
  );
}
