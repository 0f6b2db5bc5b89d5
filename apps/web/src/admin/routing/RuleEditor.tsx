import {
  Divider,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
} from '@mantine/core';
import { CASE_KINDS, CHANNELS, LANGUAGES, PRIORITIES, SIGNAL_TYPES } from '@sada/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTriageSettings } from '../../cases/triage-queries.ts';
import { FormButtons } from '../../ui/FormButtons.tsx';
import { FormError, fieldErrorOf } from '../../ui/FormError.tsx';
import { NameInput } from '../AdminForm.tsx';
import type { Team } from '../admin-queries.ts';
import { DryRunPanel } from './DryRunPanel.tsx';
import {
  type RoutingRule,
  type RoutingRuleInput,
  useCreateRoutingRule,
  useUpdateRoutingRule,
} from './routing-queries.ts';

type Conditions = NonNullable<RoutingRuleInput['conditions']>;
type ListName = keyof Conditions;

/** The rule as the form holds it: every condition list present (empty: matches all). */
function draftOf(rule: RoutingRule | null) {
  const conditions = rule?.conditions ?? {};
  return {
    name: rule?.name ?? '',
    conditions: {
      kinds: conditions.kinds ?? [],
      categories: conditions.categories ?? [],
      channels: conditions.channels ?? [],
      languages: conditions.languages ?? [],
      products: conditions.products ?? [],
      regions: conditions.regions ?? [],
      customerTags: conditions.customerTags ?? [],
      signals: conditions.signals ?? [],
      keywords: conditions.keywords ?? [],
    } as Required<Conditions>,
    teamId: rule?.actions.teamId ?? null,
    priority: rule?.actions.priority ?? null,
    addTags: rule?.actions.addTags ?? [],
    isFinal: rule?.isFinal ?? false,
    isEnabled: rule?.isEnabled ?? true,
  };
}

/** Adds a routing rule or changes one, with a dry run of the rule as it stands in the form. */
export function RuleEditor({
  rule,
  teams,
  canSave,
  onDone,
}: {
  rule: RoutingRule | null;
  teams: Team[];
  /** Supervisors read a rule and try it, without saving. */
  canSave: boolean;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation(['routing', 'common', 'triage']);
  const create = useCreateRoutingRule();
  const update = useUpdateRoutingRule();
  const { isPending, error } = rule ? update : create;
  const categories = useTriageSettings().data?.categories ?? [];
  const [draft, setDraft] = useState(() => draftOf(rule));
  const language = i18n.language === 'en' ? 'en' : 'ar';

  const setList = (name: ListName) => (values: string[]) =>
    setDraft((current) => ({ ...current, conditions: { ...current.conditions, [name]: values } }));
  const conditions = Object.fromEntries(
    Object.entries(draft.conditions).filter(([, values]) => values.length > 0),
  ) as Conditions;
  const actions = {
    teamId: draft.teamId,
    priority: draft.priority as RoutingRuleInput['actions']['priority'],
    addTags: draft.addTags,
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      name: draft.name.trim(),
      conditions,
      actions,
      isFinal: draft.isFinal,
      isEnabled: draft.isEnabled,
    };
    if (rule) update.mutate({ id: rule.id, ...input }, { onSuccess: onDone });
    else create.mutate(input, { onSuccess: onDone });
  };
  const errorAt = (field: string) => fieldErrorOf(error, field);
  const vocabulary = <T extends string>(values: readonly T[], label: (value: T) => string) =>
    values.map((value) => ({ value, label: label(value) }));
  const freeList = (name: ListName) => ({
    label: t(`form.${name}`),
    value: draft.conditions[name] as string[],
    onChange: setList(name),
    error: errorAt(`conditions.${name}`),
    clearable: true,
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <NameInput
          label={t('form.name')}
          value={draft.name}
          onChange={(name) => setDraft({ ...draft, name })}
          error={errorAt('name')}
        />
        <Divider label={t('form.conditions')} labelPosition="left" />
        <Text size="sm" c="dimmed">
          {t('form.conditionsHint')}
        </Text>
        <TagsInput
          {...freeList('keywords')}
          description={t('form.keywordsHint')}
          dir="auto"
          data-testid="routing-keywords"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <MultiSelect
            {...freeList('kinds')}
            data={vocabulary(CASE_KINDS, (kind) => t(`common:kind.${kind}`))}
          />
          <MultiSelect
            {...freeList('categories')}
            data={categories.map((category) => ({ value: category.id, label: category.names[language] }))}
            searchable
          />
          <MultiSelect
            {...freeList('channels')}
            data={vocabulary(CHANNELS, (channel) => t(`common:channel.${channel}`))}
            searchable
          />
          <MultiSelect
            {...freeList('languages')}
            data={vocabulary(LANGUAGES, (value) =>
              value === 'other' ? t('form.otherLanguage') : t(`common:languages.${value}`),
            )}
          />
          <MultiSelect
            {...freeList('signals')}
            data={vocabulary(SIGNAL_TYPES, (signal) => t(`triage:signals.${signal}`))}
          />
          <TagsInput {...freeList('customerTags')} description={t('form.freeListHint')} />
          <TagsInput {...freeList('products')} description={t('form.freeListHint')} />
          <TagsInput {...freeList('regions')} description={t('form.freeListHint')} />
        </SimpleGrid>
        <Divider label={t('form.actions')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('form.team')}
            description={t('form.teamHint')}
            placeholder={t('form.noTeam')}
            data={teams.map((team) => ({ value: team.id, label: team.name }))}
            value={draft.teamId}
            onChange={(teamId) => setDraft({ ...draft, teamId })}
            error={errorAt('actions.teamId')}
            clearable
            searchable
          />
          <Select
            label={t('form.priority')}
            placeholder={t('form.noPriority')}
            data={vocabulary(PRIORITIES, (priority) => t(`common:priority.${priority}`))}
            value={draft.priority}
            onChange={(priority) => setDraft({ ...draft, priority })}
            clearable
          />
        </SimpleGrid>
        <TagsInput
          label={t('form.addTags')}
          description={t('form.freeListHint')}
          value={draft.addTags}
          onChange={(addTags) => setDraft({ ...draft, addTags })}
          error={errorAt('actions.addTags')}
          clearable
        />
        <Group gap="lg">
          <Switch
            label={t('form.isFinal')}
            checked={draft.isFinal}
            onChange={(event) => setDraft({ ...draft, isFinal: event.currentTarget.checked })}
          />
          <Switch
            label={t('form.isEnabled')}
            checked={draft.isEnabled}
            onChange={(event) => setDraft({ ...draft, isEnabled: event.currentTarget.checked })}
          />
        </Group>
        <FormError
          error={error}
          shownFields={['name', 'conditions.keywords', 'actions.teamId', 'actions.addTags']}
        />
        {canSave && (
          <FormButtons
            isPending={isPending}
            onCancel={onDone}
            submitLabel={rule ? t('common:actions.save') : t('add')}
          />
        )}
        <Divider />
        <DryRunPanel rule={{ conditions, actions }} teams={teams} />
      </Stack>
    </form>
  );
}
