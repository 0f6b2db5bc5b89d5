import {
  Divider,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
} from '@mantine/core';
import { CASE_KINDS, CHANNELS, PRIORITIES, SLA_TARGETS, type SlaTarget } from '@sada/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormButtons } from '../../ui/FormButtons.tsx';
import { FormError, fieldErrorOf } from '../../ui/FormError.tsx';
import { NameInput } from '../AdminForm.tsx';
import type { Team } from '../admin-queries.ts';
import { useCalendars } from '../calendars/calendar-queries.ts';
import { type SlaPolicy, useCreateSlaPolicy, useUpdateSlaPolicy } from './sla-queries.ts';

type TargetKey = 'firstResponse' | 'nextResponse' | 'update' | 'resolution';
const TARGET_KEYS: Record<SlaTarget, TargetKey> = {
  first_response: 'firstResponse',
  next_response: 'nextResponse',
  update: 'update',
  resolution: 'resolution',
};
type Unit = 'minutes' | 'hours';
type TargetDraft = { amount: number | ''; unit: Unit };

// A target shows in hours when it is a whole number of them.
function targetDraftOf(minutes: number | null | undefined): TargetDraft {
  if (!minutes) return { amount: '', unit: 'minutes' };
  return minutes % 60 === 0 ? { amount: minutes / 60, unit: 'hours' } : { amount: minutes, unit: 'minutes' };
}
const minutesOf = (draft: TargetDraft) =>
  draft.amount === '' ? null : Math.round(draft.unit === 'hours' ? draft.amount * 60 : draft.amount);

function draftOf(policy: SlaPolicy | null) {
  return {
    name: policy?.name ?? '',
    conditions: {
      priorities: policy?.conditions.priorities ?? [],
      channels: policy?.conditions.channels ?? [],
      kinds: policy?.conditions.kinds ?? [],
      teamIds: policy?.conditions.teamIds ?? [],
      customerTags: policy?.conditions.customerTags ?? [],
    },
    targets: Object.fromEntries(
      SLA_TARGETS.map((target) => [target, targetDraftOf(policy?.targets[TARGET_KEYS[target]])]),
    ) as Record<SlaTarget, TargetDraft>,
    calendarId: policy?.calendarId ?? null,
    warnAtPercent: (policy ? policy.escalation.warnAtPercent : 75) ?? ('' as const),
    notifySupervisors: policy?.escalation.notifySupervisors ?? true,
    raisePriority: policy?.escalation.raisePriority ?? false,
    returnToQueue: policy?.escalation.returnToQueue ?? false,
    isEnabled: policy?.isEnabled ?? true,
  };
}

/** Adds an SLA policy or changes one: conditions, the four targets, the calendar and the escalation. */
export function PolicyEditor({
  policy,
  teams,
  onDone,
}: {
  policy: SlaPolicy | null;
  teams: Team[];
  onDone: () => void;
}) {
  const { t } = useTranslation(['slaAdmin', 'sla', 'common']);
  const create = useCreateSlaPolicy();
  const update = useUpdateSlaPolicy();
  const calendars = useCalendars();
  const { isPending, error } = policy ? update : create;
  const [draft, setDraft] = useState(() => draftOf(policy));
  const errorAt = (field: string) => fieldErrorOf(error, field);
  type ListName = keyof typeof draft.conditions;
  const list = (name: ListName) => ({
    label: t(`form.${name}`),
    value: draft.conditions[name] as string[],
    onChange: (values: string[]) =>
      setDraft((current) => ({ ...current, conditions: { ...current.conditions, [name]: values } })),
    error: errorAt(`conditions.${name}`),
    clearable: true,
  });
  const setTarget = (target: SlaTarget, change: Partial<TargetDraft>) =>
    setDraft((current) => ({
      ...current,
      targets: { ...current.targets, [target]: { ...current.targets[target], ...change } },
    }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      name: draft.name.trim(),
      conditions: draft.conditions as NonNullable<Parameters<typeof create.mutate>[0]['conditions']>,
      targets: {
        firstResponse: minutesOf(draft.targets.first_response),
        nextResponse: minutesOf(draft.targets.next_response),
        update: minutesOf(draft.targets.update),
        resolution: minutesOf(draft.targets.resolution),
      },
      calendarId: draft.calendarId,
      escalation: {
        warnAtPercent: draft.warnAtPercent === '' ? null : draft.warnAtPercent,
        notifySupervisors: draft.notifySupervisors,
        raisePriority: draft.raisePriority,
        returnToQueue: draft.returnToQueue,
      },
      isEnabled: draft.isEnabled,
    };
    if (policy) update.mutate({ id: policy.id, ...input }, { onSuccess: onDone });
    else create.mutate(input, { onSuccess: onDone });
  };

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
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <MultiSelect
            {...list('priorities')}
            data={PRIORITIES.map((value) => ({ value, label: t(`common:priority.${value}`) }))}
          />
          <MultiSelect
            {...list('channels')}
            data={CHANNELS.map((value) => ({ value, label: t(`common:channel.${value}`) }))}
            searchable
          />
          <MultiSelect
            {...list('kinds')}
            data={CASE_KINDS.map((value) => ({ value, label: t(`common:kind.${value}`) }))}
          />
          <MultiSelect
            {...list('teamIds')}
            data={teams.map((team) => ({ value: team.id, label: team.name }))}
          />
        </SimpleGrid>
        <TagsInput {...list('customerTags')} dir="auto" />
        <Divider label={t('form.targets')} labelPosition="left" />
        <Text size="sm" c="dimmed">
          {t('form.targetsHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {SLA_TARGETS.map((target) => (
            <Group key={target} gap="xs" align="flex-end" wrap="nowrap">
              <NumberInput
                label={t(`sla:target.${target}`)}
                value={draft.targets[target].amount}
                onChange={(amount) => setTarget(target, { amount: amount === '' ? '' : Number(amount) })}
                min={1}
                allowDecimal={false}
                error={errorAt(`targets.${TARGET_KEYS[target]}`)}
                style={{ flex: 1 }}
                data-testid={`sla-target-${target}`}
              />
              <Select
                aria-label={t('form.unit', { target: t(`sla:target.${target}`) })}
                data={[
                  { value: 'minutes', label: t('form.minutes') },
                  { value: 'hours', label: t('form.hours') },
                ]}
                value={draft.targets[target].unit}
                onChange={(unit) => setTarget(target, { unit: unit === 'hours' ? 'hours' : 'minutes' })}
                allowDeselect={false}
                w={110}
              />
            </Group>
          ))}
        </SimpleGrid>
        <Select
          label={t('form.calendar')}
          description={t('form.calendarHint')}
          placeholder={t('form.teamCalendar')}
          data={(calendars.data?.items ?? []).map((calendar) => ({
            value: calendar.id,
            label: calendar.name,
          }))}
          value={draft.calendarId}
          onChange={(calendarId) => setDraft({ ...draft, calendarId })}
          error={errorAt('calendarId')}
          clearable
        />
        <Divider label={t('form.escalation')} labelPosition="left" />
        <NumberInput
          label={t('form.warnAtPercent')}
          description={t('form.warnHint')}
          value={draft.warnAtPercent}
          onChange={(value) => setDraft({ ...draft, warnAtPercent: value === '' ? '' : Number(value) })}
          min={1}
          max={99}
          allowDecimal={false}
          error={errorAt('escalation.warnAtPercent')}
          maw={260}
        />
        <Stack gap="xs">
          {(['notifySupervisors', 'raisePriority', 'returnToQueue', 'isEnabled'] as const).map((name) => (
            <Switch
              key={name}
              label={t(`form.${name}`)}
              checked={draft[name]}
              onChange={(event) => setDraft({ ...draft, [name]: event.currentTarget.checked })}
            />
          ))}
        </Stack>
        <FormError
          error={error}
          shownFields={[
            'name',
            'calendarId',
            'escalation.warnAtPercent',
            ...Object.values(TARGET_KEYS).map((key) => `targets.${key}`),
            ...Object.keys(draft.conditions).map((key) => `conditions.${key}`),
          ]}
        />
        <FormButtons
          isPending={isPending}
          onCancel={onDone}
          submitLabel={policy ? t('common:actions.save') : t('add')}
        />
      </Stack>
    </form>
  );
}
