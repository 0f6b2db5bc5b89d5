import {
  ActionIcon,
  Autocomplete,
  Button,
  Group,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CalendarHoliday, CalendarSpan } from '@sada/core';
import { IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, fieldErrorOf } from '../../ui/FormError.tsx';
import { ConfirmDialog } from '../AdminParts.tsx';
import {
  type BusinessCalendar,
  useCreateCalendar,
  useDeleteCalendar,
  useUpdateCalendar,
} from './calendar-queries.ts';

const WEEK = [0, 1, 2, 3, 4, 5, 6];
const WORK_WEEK: CalendarSpan[] = [0, 1, 2, 3, 4].map((day) => ({ day, from: '08:00', to: '20:00' }));

/** Edits one calendar (or writes a new one): name, zone, 24/7, a week of openings, holidays. */
export function CalendarEditor({
  calendar,
  defaultTimeZone,
  canWrite,
  onSaved,
  onClosed,
}: {
  calendar: BusinessCalendar | null;
  defaultTimeZone: string;
  canWrite: boolean;
  onSaved: (id: string) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation('calendars');
  const create = useCreateCalendar();
  const update = useUpdateCalendar();
  const remove = useDeleteCalendar();
  const save = calendar ? update : create;
  const timeZones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const [name, setName] = useState(calendar?.name ?? '');
  const [timeZone, setTimeZone] = useState(calendar?.timeZone ?? defaultTimeZone);
  const [isAlwaysOpen, setIsAlwaysOpen] = useState(calendar?.isAlwaysOpen ?? false);
  const [hours, setHours] = useState<CalendarSpan[]>(calendar?.hours ?? WORK_WEEK);
  const [holidays, setHolidays] = useState<CalendarHoliday[]>(calendar?.holidays ?? []);
  const [isDeleteOpen, setIsDeleteOpen] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = { name: name.trim(), timeZone: timeZone.trim(), isAlwaysOpen, hours, holidays };
    const onSuccess = (saved: BusinessCalendar) => {
      notifications.show({ color: 'teal', message: t('editor.saved') });
      onSaved(saved.id);
    };
    if (calendar) update.mutate({ id: calendar.id, ...values }, { onSuccess });
    else create.mutate(values, { onSuccess });
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label={calendar ? t('editor.editLabel') : t('editor.newLabel')}>
        <Stack gap="md">
          <TextInput
            label={t('editor.name')}
            required
            dir="auto"
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldErrorOf(save.error, 'name')}
            readOnly={!canWrite}
            data-autofocus
          />
          <Autocomplete
            label={t('editor.timeZone')}
            description={t('editor.timeZoneHint')}
            data={timeZones}
            limit={30}
            dir="ltr"
            value={timeZone}
            onChange={setTimeZone}
            readOnly={!canWrite}
            error={fieldErrorOf(save.error, 'timeZone')}
          />
          {canWrite && (
            <Group gap="xs">
              <Text size="sm">{t('editor.presets')}</Text>
              <Button
                size="xs"
                variant="light"
                onClick={() => {
                  setIsAlwaysOpen(false);
                  setHours(WORK_WEEK);
                }}
              >
                {t('editor.presetWorkWeek')}
              </Button>
              <Button size="xs" variant="light" onClick={() => setIsAlwaysOpen(true)}>
                {t('editor.presetAlwaysOpen')}
              </Button>
            </Group>
          )}
          <Switch
            label={t('editor.isAlwaysOpen')}
            checked={isAlwaysOpen}
            onChange={(event) => setIsAlwaysOpen(event.currentTarget.checked)}
            disabled={!canWrite}
          />
          {!isAlwaysOpen && <WeekGrid hours={hours} onChange={setHours} canWrite={canWrite} />}
          <HolidayList holidays={holidays} onChange={setHolidays} canWrite={canWrite} />
          <FormError error={save.error} shownFields={['name', 'timeZone']} />
          {canWrite && (
            <Group justify="space-between">
              {calendar ? (
                <Button
                  variant="subtle"
                  color="red"
                  leftSection={<IconTrash size={16} aria-hidden />}
                  onClick={() => setIsDeleteOpen(true)}
                >
                  {t('editor.delete')}
                </Button>
              ) : (
                <Button variant="default" onClick={onClosed}>
                  {t('actions.cancel', { ns: 'common' })}
                </Button>
              )}
              <Button type="submit" loading={save.isPending}>
                {t('editor.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      {calendar && isDeleteOpen && (
        <ConfirmDialog
          title={t('editor.deleteTitle')}
          question={t('editor.deleteQuestion', { name: `\u2068${calendar.name}\u2069` })}
          confirmLabel={t('editor.delete')}
          isPending={remove.isPending}
          error={remove.error}
          onConfirm={() =>
            remove.mutate(calendar.id, {
              onSuccess: () => {
                setIsDeleteOpen(false);
                onClosed();
              },
            })
          }
          onClose={() => setIsDeleteOpen(false)}
        />
      )}
    </Paper>
  );
}

/** A row per weekday (Sunday first; in Arabic the table reads from the right), its openings as HH:MM pairs. */
function WeekGrid({
  hours,
  onChange,
  canWrite,
}: {
  hours: CalendarSpan[];
  onChange: (hours: CalendarSpan[]) => void;
  canWrite: boolean;
}) {
  const { t } = useTranslation('calendars');
  const days = t('days', { returnObjects: true }) as string[];
  const replace = (index: number, span: CalendarSpan | null) =>
    onChange(hours.flatMap((current, i) => (i !== index ? [current] : span ? [span] : [])));
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {t('editor.week')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('editor.weekHint')}
      </Text>
      <Table withTableBorder verticalSpacing={4} data-testid="week-grid">
        <Table.Tbody>
          {WEEK.map((day) => {
            const spans = hours
              .map((span, index) => ({ span, index }))
              .filter(({ span }) => span.day === day);
            const dayName = days[day] ?? '';
            return (
              <Table.Tr key={day}>
                <Table.Th scope="row" w={120}>
                  {dayName}
                </Table.Th>
                <Table.Td>
                  <Group gap="xs">
                    {spans.length === 0 && (
                      <Text size="sm" c="dimmed">
                        {t('editor.closed')}
                      </Text>
                    )}
                    {spans.map(({ span, index }) => (
                      <Group key={index} gap={4} wrap="nowrap" dir="ltr">
                        <TextInput
                          size="xs"
                          w={70}
                          aria-label={t('editor.fromOf', { day: dayName })}
                          placeholder="08:00"
                          value={span.from}
                          onChange={(event) => replace(index, { ...span, from: event.currentTarget.value })}
                          readOnly={!canWrite}
                        />
                        <Text size="sm">–</Text>
                        <TextInput
                          size="xs"
                          w={70}
                          aria-label={t('editor.toOf', { day: dayName })}
                          placeholder="20:00"
                          value={span.to}
                          onChange={(event) => replace(index, { ...span, to: event.currentTarget.value })}
                          readOnly={!canWrite}
                        />
                        {canWrite && (
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={t('editor.removeSpan', {
                              day: dayName,
                              from: span.from,
                              to: span.to,
                            })}
                            onClick={() => replace(index, null)}
                          >
                            <IconX size={14} aria-hidden />
                          </ActionIcon>
                        )}
                      </Group>
                    ))}
                    {canWrite && (
                      <ActionIcon
                        variant="light"
                        aria-label={t('editor.addSpan', { day: dayName })}
                        onClick={() => onChange([...hours, { day, from: '08:00', to: '20:00' }])}
                      >
                        <IconPlus size={14} aria-hidden />
                      </ActionIcon>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function HolidayList({
  holidays,
  onChange,
  canWrite,
}: {
  holidays: CalendarHoliday[];
  onChange: (holidays: CalendarHoliday[]) => void;
  canWrite: boolean;
}) {
  const { t } = useTranslation('calendars');
  const replace = (index: number, holiday: CalendarHoliday | null) =>
    onChange(holidays.flatMap((current, i) => (i !== index ? [current] : holiday ? [holiday] : [])));
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {t('editor.holidays')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('editor.holidaysHint')}
      </Text>
      {holidays.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('editor.noHolidays')}
        </Text>
      )}
      {holidays.map((holiday, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
        <Group key={index} gap="xs" wrap="nowrap">
          <TextInput
            size="xs"
            type="date"
            aria-label={t('editor.holidayDate')}
            value={holiday.date}
            onChange={(event) => replace(index, { ...holiday, date: event.currentTarget.value })}
            readOnly={!canWrite}
          />
          <TextInput
            size="xs"
            dir="auto"
            aria-label={t('editor.holidayName')}
            value={holiday.name}
            onChange={(event) => replace(index, { ...holiday, name: event.currentTarget.value })}
            readOnly={!canWrite}
          />
          {canWrite && (
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={t('editor.removeHoliday', { name: holiday.name || holiday.date })}
              onClick={() => replace(index, null)}
            >
              <IconX size={14} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      ))}
      {canWrite && (
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => onChange([...holidays, { date: '', name: '' }])}
          >
            {t('editor.addHoliday')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
