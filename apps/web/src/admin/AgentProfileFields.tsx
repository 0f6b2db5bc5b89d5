import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import {
  type AgentCapacity,
  type AgentSkills,
  CHANNEL_TYPES,
  CHANNELS,
  type Channel,
  LANGUAGES,
  type Language,
  type ShiftSpan,
} from '@sada/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** What automatic assignment reads of an agent: skills, capacity per channel type, weekly shifts. */
export type AgentProfile = { skills: AgentSkills; capacity: AgentCapacity; shifts: ShiftSpan[] };

/** The admin's editor of an agent's assignment profile, inside the user form. */
export function AgentProfileFields({
  value,
  onChange,
  errorAt,
}: {
  value: AgentProfile;
  onChange: (next: AgentProfile) => void;
  errorAt: (path: string) => string | undefined;
}) {
  const { t } = useTranslation('assignment');
  const setSkills = (skills: Partial<AgentSkills>) =>
    onChange({ ...value, skills: { ...value.skills, ...skills } });
  const setShift = (index: number, span: Partial<ShiftSpan>) =>
    onChange({
      ...value,
      shifts: value.shifts.map((shift, at) => (at === index ? { ...shift, ...span } : shift)),
    });
  const days = t('profile.days', { returnObjects: true }) as string[];

  return (
    <Fieldset legend={t('profile.title')} data-testid="agent-profile">
      <Stack gap="sm">
        <MultiSelect
          label={t('profile.languages')}
          description={t('profile.anyHint')}
          data={LANGUAGES.map((language) => ({ value: language, label: t(`languages.${language}`) }))}
          value={value.skills.languages}
          onChange={(languages) => setSkills({ languages: languages as Language[] })}
        />
        <MultiSelect
          label={t('profile.channels')}
          description={t('profile.anyHint')}
          data={CHANNELS.map((channel) => ({
            value: channel,
            label: t(`channel.${channel}`, { ns: 'common' }),
          }))}
          value={value.skills.channels}
          onChange={(channels) => setSkills({ channels: channels as Channel[] })}
          searchable
        />
        <TagsInput
          label={t('profile.categories')}
          description={t('profile.anyHint')}
          placeholder={t('profile.categoriesPlaceholder')}
          value={value.skills.categories}
          onChange={(categories) => setSkills({ categories })}
        />
        <Text size="sm" fw={500}>
          {t('profile.capacity')}
        </Text>
        <Group grow align="flex-start">
          {CHANNEL_TYPES.map((type) => (
            <NumberInput
              key={type}
              label={t(`profile.channelTypes.${type}`)}
              placeholder={t('profile.capacityHint')}
              min={0}
              max={1000}
              allowDecimal={false}
              value={value.capacity[type] ?? ''}
              error={errorAt(`capacity.${type}`)}
              onChange={(next) => {
                const { [type]: _, ...rest } = value.capacity;
                onChange({ ...value, capacity: typeof next === 'number' ? { ...rest, [type]: next } : rest });
              }}
            />
          ))}
        </Group>
        <Text size="sm" fw={500}>
          {t('profile.shifts')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('profile.shiftsHint')}
        </Text>
        {value.shifts.map((shift, index) => (
          // Shifts have no id; their place in the list is who they are while editing.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Group key={index} align="flex-end" wrap="nowrap">
            <Select
              label={t('profile.day')}
              data={days.map((label, day) => ({ value: String(day), label }))}
              value={String(shift.day)}
              onChange={(day) => day && setShift(index, { day: Number(day) })}
              allowDeselect={false}
            />
            <TextInput
              label={t('profile.from')}
              dir="ltr"
              placeholder="08:00"
              value={shift.from}
              onChange={(event) => setShift(index, { from: event.currentTarget.value })}
              error={errorAt(`shifts.${index}.from`)}
            />
            <TextInput
              label={t('profile.to')}
              dir="ltr"
              placeholder="16:00"
              value={shift.to}
              onChange={(event) => setShift(index, { to: event.currentTarget.value })}
              error={errorAt(`shifts.${index}.to`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              aria-label={t('profile.removeShift')}
              onClick={() => onChange({ ...value, shifts: value.shifts.filter((_, at) => at !== index) })}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() =>
            onChange({ ...value, shifts: [...value.shifts, { day: 0, from: '08:00', to: '16:00' }] })
          }
        >
          {t('profile.addShift')}
        </Button>
      </Stack>
    </Fieldset>
  );
}
